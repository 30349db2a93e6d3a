"""Customer data: a synthetic table, or your own CSV (e.g. the "Mall Customers" data set)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

FEATURES = ["age", "annual_income_k", "spending_score", "visits_per_month", "online_share"]

# (share, age, income k$, spending score, visits/month, online share) of each hidden segment.
_SEGMENTS = [
    (0.25, 45, 55, 50, 4, 0.3),  # average shoppers
    (0.20, 32, 90, 82, 8, 0.6),  # affluent big spenders
    (0.20, 50, 88, 18, 2, 0.2),  # wealthy but careful
    (0.20, 25, 25, 78, 10, 0.8),  # young, low income, spend a lot online
    (0.15, 60, 28, 20, 3, 0.1),  # older, careful, in store
]


def make_synthetic_customers(n: int = 500, seed: int = 0) -> pd.DataFrame:
    """Customers drawn from five hidden segments (the ``segment`` column is the truth).

    Drop ``segment`` before clustering; use it only afterwards, to see how well the
    clusters recover it (``sklearn.metrics.adjusted_rand_score``).
    """
    rng = np.random.default_rng(seed)
    shares = np.array([s[0] for s in _SEGMENTS])
    segment = rng.choice(len(_SEGMENTS), size=n, p=shares / shares.sum())
    centers = np.array([s[1:] for s in _SEGMENTS], dtype=float)[segment]
    spread = np.array([6.0, 9.0, 8.0, 1.5, 0.08])
    values = centers + rng.normal(size=centers.shape) * spread
    df = pd.DataFrame(values, columns=FEATURES)
    df["age"] = df["age"].clip(18, 85).round()
    df["annual_income_k"] = df["annual_income_k"].clip(10, 150).round(1)
    df["spending_score"] = df["spending_score"].clip(1, 100).round()
    df["visits_per_month"] = df["visits_per_month"].clip(0, None).round(1)
    df["online_share"] = df["online_share"].clip(0, 1).round(2)
    df.insert(0, "customer_id", np.arange(1, n + 1))
    df["segment"] = segment
    return df


def load_customers(csv_path: str | Path | None = None, seed: int = 0) -> pd.DataFrame:
    """The customer table; synthetic unless ``csv_path`` is given."""
    if csv_path is None:
        return make_synthetic_customers(seed=seed)
    return pd.read_csv(csv_path)


def feature_matrix(df: pd.DataFrame, exclude: tuple[str, ...] = ("customer_id", "segment")) -> pd.DataFrame:
    """Numeric columns to cluster on: identifiers and the hidden truth are left out.

    For the Mall Customers CSV this keeps ``Age``, ``Annual Income (k$)`` and
    ``Spending Score (1-100)`` (``CustomerID`` is dropped because it looks like an id).
    """
    numeric = df.select_dtypes("number")
    keep = [c for c in numeric.columns if c not in exclude and not c.lower().endswith("id")]
    return numeric[keep]
