"""Loading house price data.

By default this is scikit-learn's California housing data (median house value per district,
in units of $100,000), downloaded once and cached in ``~/scikit_learn_data``. Without network
you get a synthetic stand-in with the same columns. You can also point it at your own CSV,
e.g. Kaggle's "House Prices" ``train.csv`` with ``target="SalePrice"``.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd

CALIFORNIA_TARGET = "MedHouseVal"
FEATURES = ["MedInc", "HouseAge", "AveRooms", "AveBedrms", "Population", "AveOccup", "Latitude", "Longitude"]


def load_housing(
    csv_path: str | Path | None = None,
    target: str = CALIFORNIA_TARGET,
    *,
    allow_download: bool = True,
    seed: int = 0,
) -> tuple[pd.DataFrame, pd.Series]:
    """Return ``(X, y)``; ``X.attrs["source"]`` says where the data came from.

    From a CSV only numeric columns are kept (handling text columns such as
    ``Neighborhood`` is a good next step: see ``ColumnTransformer``).
    """
    if csv_path is not None:
        df = pd.read_csv(csv_path)
        df = df.dropna(subset=[target])
        y = df[target].astype(float)
        X = df.drop(columns=[target]).select_dtypes("number")
        X = X.drop(columns=[c for c in X.columns if c.lower() == "id"])
        X.attrs["source"] = str(csv_path)
        return X, y

    if allow_download:
        try:
            from sklearn.datasets import fetch_california_housing

            bunch = fetch_california_housing(as_frame=True)
            X, y = bunch.data, bunch.target
            X.attrs["source"] = "california"
            return X, y
        except Exception as exc:  # no network, blocked host...
            warnings.warn(f"Could not fetch California housing ({exc!r}); using synthetic data.", stacklevel=2)

    X, y = make_synthetic_housing(seed=seed)
    X.attrs["source"] = "synthetic"
    return X, y


def make_synthetic_housing(n: int = 2000, seed: int = 0) -> tuple[pd.DataFrame, pd.Series]:
    """California-like districts with a price that is partly non-linear in the features.

    Income drives price roughly linearly; location (closeness to one of two big cities)
    has a non-linear effect, so tree ensembles should beat linear models here.
    """
    rng = np.random.default_rng(seed)
    med_inc = rng.lognormal(1.25, 0.45, n)
    house_age = rng.integers(1, 53, n).astype(float)
    ave_rooms = rng.normal(5.4, 1.2, n).clip(1.5, 12)
    ave_bedrms = (ave_rooms * rng.normal(0.2, 0.02, n)).clip(0.5, 4)
    population = rng.lognormal(7.0, 0.7, n).round()
    ave_occup = rng.normal(2.9, 0.7, n).clip(1, 8)
    # Most districts cluster around the two big cities, the rest are spread out.
    city = rng.choice(3, size=n, p=[0.35, 0.3, 0.35])  # 0 = LA, 1 = SF, 2 = elsewhere
    latitude = np.select([city == 0, city == 1], [rng.normal(34.05, 0.6, n), rng.normal(37.77, 0.6, n)],
                         default=rng.uniform(32.5, 42.0, n))
    longitude = np.select([city == 0, city == 1], [rng.normal(-118.25, 0.6, n), rng.normal(-122.42, 0.6, n)],
                          default=rng.uniform(-124.3, -114.3, n))

    dist_la = np.hypot(latitude - 34.05, longitude + 118.25)
    dist_sf = np.hypot(latitude - 37.77, longitude + 122.42)
    location = 2.0 * np.exp(-((np.minimum(dist_la, dist_sf) / 0.6) ** 2))  # a bump at each city
    price = 0.42 * med_inc + 0.008 * house_age + location - 0.1 * (ave_occup - 3) + rng.normal(0, 0.3, n)

    X = pd.DataFrame(
        {
            "MedInc": med_inc,
            "HouseAge": house_age,
            "AveRooms": ave_rooms,
            "AveBedrms": ave_bedrms,
            "Population": population,
            "AveOccup": ave_occup,
            "Latitude": latitude,
            "Longitude": longitude,
        }
    )
    y = pd.Series(price.clip(0.15, 5.0), name=CALIFORNIA_TARGET)
    return X, y
