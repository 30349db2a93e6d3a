"""Three short made-up articles with reference summaries, so evaluation runs offline."""
from __future__ import annotations

SAMPLES: list[dict[str, str]] = [
    {
        "title": "City opens solar-powered library",
        "text": (
            "The city of Northbridge opened its first solar-powered public library on Monday. "
            "The building has 600 solar panels on its roof and produces more electricity than it uses. "
            "Surplus power is sold back to the grid, earning the library about 20,000 dollars a year. "
            "Mayor Ana Ruiz said the savings will pay for longer opening hours and new children's books. "
            "Construction took two years and cost 8 million dollars, partly funded by a national climate grant. "
            "Local schools have already booked visits to see how the energy system works. "
            "Critics on the council had argued the money should have gone to road repairs. "
            "The library will be open seven days a week from next month."
        ),
        "summary": (
            "Northbridge opened a solar-powered library that produces more electricity than it uses. "
            "Selling surplus power will pay for longer opening hours and new books."
        ),
    },
    {
        "title": "Researchers train robot to sort recycling",
        "text": (
            "Engineers at a university lab have trained a robot arm to sort household recycling. "
            "The robot uses a camera and a neural network to tell plastic, glass, paper and metal apart. "
            "In tests it sorted 1,200 items an hour with 94 percent accuracy. "
            "Human workers at recycling plants sort about half as many items in the same time. "
            "The team trained the network on 50,000 photos of rubbish taken on a moving conveyor belt. "
            "Dirty or crushed items were the hardest for the robot to recognise. "
            "The researchers plan to test the robot at a real recycling plant next year."
        ),
        "summary": (
            "A university robot arm uses a camera and a neural network to sort recycling. "
            "It sorted 1,200 items an hour with 94 percent accuracy and will be tested at a real plant."
        ),
    },
    {
        "title": "Heatwave strains water supplies",
        "text": (
            "A two-week heatwave has pushed water demand in the region to a record high. "
            "Reservoirs are now at 41 percent of capacity, the lowest level in a decade. "
            "The water company has asked residents not to use garden hoses until further notice. "
            "Farmers say their crops are suffering and some have started to sell livestock early. "
            "Forecasters expect temperatures to stay above 35 degrees for at least five more days. "
            "Hospitals reported a rise in patients with heat exhaustion, mostly older people. "
            "Officials urged people to check on elderly neighbours and to drink plenty of water."
        ),
        "summary": (
            "A heatwave has driven water demand to a record and reservoirs to 41 percent. "
            "Residents are asked not to use hoses, and more hot days are forecast."
        ),
    },
]
