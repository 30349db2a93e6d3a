"""Transactions: synthetic by default, or the Kaggle "Credit Card Fraud Detection" CSV."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split

TARGET = "Class"


def make_synthetic_transactions(n: int = 20_000, fraud_rate: float = 0.01, seed: int = 0) -> pd.DataFrame:
    """Anonymised-looking transactions (``V1``…``V8``, ``Amount``) with ``Class`` 1 = fraud.

    Shaped like the Kaggle credit card data (PCA-like features, a skewed amount, about
    1 % fraud), with some overlap between the classes so that perfect detection is impossible.
    """
    X, y = make_classification(
        n_samples=n,
        n_features=8,
        n_informative=5,
        n_redundant=1,
        weights=[1 - fraud_rate],
        class_sep=1.2,
        flip_y=0.002,
        random_state=seed,
    )
    rng = np.random.default_rng(seed)
    df = pd.DataFrame(X, columns=[f"V{i}" for i in range(1, 9)])
    df["Amount"] = np.round(rng.lognormal(3.5 + 0.6 * y, 1.1), 2)
    df[TARGET] = y
    return df


def load_transactions(csv_path: str | Path | None = None, target: str = TARGET) -> tuple[pd.DataFrame, pd.Series]:
    """Features and target; the ``Time`` column of the Kaggle file is dropped."""
    df = make_synthetic_transactions() if csv_path is None else pd.read_csv(csv_path)
    X = df.drop(columns=[c for c in (target, "Time") if c in df.columns])
    return X, df[target].astype(int)


def train_val_test_split(
    X: pd.DataFrame, y: pd.Series, seed: int = 0
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.Series, pd.Series, pd.Series]:
    """60/20/20 stratified split: fit on train, choose the threshold on validation,
    report once on test. Stratifying keeps the rare class in every part."""
    X_train, X_rest, y_train, y_rest = train_test_split(X, y, test_size=0.4, stratify=y, random_state=seed)
    X_val, X_test, y_val, y_test = train_test_split(X_rest, y_rest, test_size=0.5, stratify=y_rest, random_state=seed)
    return X_train, X_val, X_test, y_train, y_val, y_test
