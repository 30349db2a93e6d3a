"""``python -m imagegen {gan,gallery,story}`` (see ``--help``)."""
from __future__ import annotations

import argparse
from pathlib import Path

from . import data, dcgan, diffusion, story

EXAMPLE_PROMPTS = [
    "a lighthouse on a cliff at sunset",
    "a fox reading a book in a forest",
    "a city of glass floating above the clouds",
    "a bowl of ramen in the style of a woodblock print",
]
EXAMPLE_STORY = (
    "A small robot woke up in an empty garden. It found a seed under a stone. "
    "Every day it carried water from the river. One morning a red flower opened. "
    "The robot was no longer alone."
)


def _generator(args) -> diffusion.ImageGenerator:
    if args.stable_diffusion:
        return diffusion.stable_diffusion_generator(args.model, seed=args.seed)
    print("Using the offline placeholder generator (add --stable-diffusion for real images).")
    return diffusion.placeholder_generator()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="imagegen", description="GAN training and text-to-image galleries")
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("gan", help="train the DCGAN and save sample grids to outputs/gan/")
    g.add_argument("--dataset", default="mnist", choices=["mnist", "fashion", "synthetic"])
    g.add_argument("--epochs", type=int, default=5)
    g.add_argument("--limit", type=int, default=20_000, help="use the first N training images")
    g.add_argument("--batch-size", type=int, default=128)
    for name, helptext in (("gallery", "one image per prompt -> outputs/gallery/index.html"),
                           ("story", "split a story into scenes and illustrate them -> outputs/story/")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--stable-diffusion", action="store_true", help="use diffusers (downloads; GPU advised)")
        p.add_argument("--model", default=diffusion.DEFAULT_MODEL)
        p.add_argument("--seed", type=int, default=0)
        p.add_argument("--title", default=name.title())
    sub.choices["gallery"].add_argument("--prompts", help="text file, one prompt per line")
    sub.choices["story"].add_argument("--text", help="story text or a path to a .txt file")
    args = parser.parse_args(argv)

    if args.command == "gan":
        loader = data.make_loader(data.load_images(args.dataset, limit=args.limit), args.batch_size)
        G, _ = dcgan.train_dcgan(loader, args.epochs)
        print("samples ->", dcgan.save_grid(dcgan.sample(G, 64, seed=1), "outputs/gan/final.png"))
    elif args.command == "gallery":
        prompts = (Path(args.prompts).read_text(encoding="utf-8").splitlines() if args.prompts else EXAMPLE_PROMPTS)
        prompts = [p.strip() for p in prompts if p.strip()]
        pages = story.build_pages(prompts, _generator(args), "outputs/gallery", to_prompt=lambda p: p)
        print("gallery ->", story.write_gallery(pages, "outputs/gallery", args.title))
    else:
        text = args.text or EXAMPLE_STORY
        if text.endswith(".txt") and Path(text).exists():
            text = Path(text).read_text(encoding="utf-8")
        pages = story.build_pages(story.split_story(text), _generator(args), "outputs/story")
        print("story ->", story.write_gallery(pages, "outputs/story", args.title))


if __name__ == "__main__":
    main()
