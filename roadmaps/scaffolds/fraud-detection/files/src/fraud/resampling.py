"""Re-balancing the *training* data. Never resample the validation or test set: they must
look like the real, imbalanced traffic the model will face."""

from __future__ import annotations

import numpy as np
import pandas as pd


def random_undersample(X: pd.DataFrame, y: pd.Series, ratio: float = 1.0, seed: int = 0) -> tuple[pd.DataFrame, pd.Series]:
    """Keep every minority (fraud) row and a random ``ratio`` × as many majority rows.

    Fast and simple, but throws most of the legitimate transactions away.
    """
    rng = np.random.default_rng(seed)
    minority = np.flatnonzero(y.to_numpy() == 1)
    majority = np.flatnonzero(y.to_numpy() == 0)
    n_keep = min(len(majority), int(round(ratio * len(minority))))
    keep = np.concatenate([minority, rng.choice(majority, size=n_keep, replace=False)])
    rng.shuffle(keep)
    return X.iloc[keep].reset_index(drop=True), y.iloc[keep].reset_index(drop=True)


def random_oversample(X: pd.DataFrame, y: pd.Series, ratio: float = 1.0, seed: int = 0) -> tuple[pd.DataFrame, pd.Series]:
    """Duplicate random minority rows until there are ``ratio`` × as many as majority rows."""
    rng = np.random.default_rng(seed)
    minority = np.flatnonzero(y.to_numpy() == 1)
    majority = np.flatnonzero(y.to_numpy() == 0)
    n_extra = max(0, int(round(ratio * len(majority))) - len(minority))
    keep = np.concatenate([majority, minority, rng.choice(minority, size=n_extra, replace=True)])
    rng.shuffle(keep)
    return X.iloc[keep].reset_index(drop=True), y.iloc[keep].reset_index(drop=True)


def smote_oversample(
    X: pd.DataFrame, y: pd.Series, ratio: float = 1.0, k_neighbors: int = 5, seed: int = 0
) -> tuple[pd.DataFrame, pd.Series]:
    """SMOTE: create *synthetic* minority rows between a minority row and one of its neighbours.

    TODO: implement it (numeric features only):

    1. ``Xm = X[y == 1].to_numpy()``; ``n_new = max(0, round(ratio * n_majority) - n_minority)``.
    2. Fit ``sklearn.neighbors.NearestNeighbors(n_neighbors=k_neighbors + 1)`` on ``Xm``
       (the +1 because each point is its own nearest neighbour).
    3. ``n_new`` times: pick a random minority row ``a``, one of its k neighbours ``b``,
       and a random ``lam`` in [0, 1); the new row is ``a + lam * (b - a)``.
    4. Return the original rows plus the new ones (label 1), as a DataFrame/Series with the
       same columns, shuffled.

    (The ``imbalanced-learn`` package has a tested ``SMOTE``; write your own first, then compare.)
    """
    raise NotImplementedError("TODO: implement smote_oversample in src/fraud/resampling.py")
