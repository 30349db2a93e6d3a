"""Loading labelled text from CSV files."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_SPAM = PROJECT_ROOT / "data" / "sample_spam.csv"
SAMPLE_SENTIMENT = PROJECT_ROOT / "data" / "sample_sentiment.csv"


def load_dataset(path: str | Path = SAMPLE_SPAM, text_column: str = "text", label_column: str = "label",
                 encoding: str = "utf-8") -> pd.DataFrame:
    """Read a CSV and return a frame with exactly two columns, ``text`` and ``label``.

    Rows with an empty text or label are dropped, and duplicates removed. Works for the bundled
    samples and for real datasets, e.g. the UCI SMS Spam Collection (``encoding="latin-1"``,
    columns ``v1``/``v2``), Sentiment140 tweets or the IMDB reviews CSV (``review``/``sentiment``).
    """
    frame = pd.read_csv(path, encoding=encoding)
    missing = {text_column, label_column} - set(frame.columns)
    if missing:
        raise KeyError(f"{path}: no column(s) {sorted(missing)}; columns are {list(frame.columns)}")
    frame = frame[[text_column, label_column]].rename(columns={text_column: "text", label_column: "label"})
    frame = frame.dropna()
    frame["text"] = frame["text"].astype(str).str.strip()
    frame["label"] = frame["label"].astype(str).str.strip()
    frame = frame[frame["text"] != ""].drop_duplicates(subset="text").reset_index(drop=True)
    if frame["label"].nunique() < 2:
        raise ValueError(f"{path}: need at least two classes, found {frame['label'].unique().tolist()}")
    return frame
