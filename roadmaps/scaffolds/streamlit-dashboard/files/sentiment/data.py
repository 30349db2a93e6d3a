"""The labelled reviews the model learns from."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

#: 80 short template-made reviews shipped with the project (text, label = positive/negative).
DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data" / "reviews.csv"


def load_reviews(path: str | Path = DEFAULT_DATA) -> pd.DataFrame:
    """Read a CSV with ``text`` and ``label`` columns; empty texts are dropped.

    Bigger data gives a much better model: e.g. export IMDB or tweet sentiment data to a
    CSV with these two columns and pass its path.
    """
    df = pd.read_csv(path)
    missing = {"text", "label"} - set(df.columns)
    if missing:
        raise ValueError(f"{path} lacks columns {sorted(missing)}")
    df = df.dropna(subset=["text", "label"])
    df["text"] = df["text"].astype(str).str.strip()
    return df[df["text"] != ""].reset_index(drop=True)
