"""Descriptive statistics by hand (week 3: expectation, variance, covariance, correlation)."""

from __future__ import annotations

import numpy as np


def mean(x) -> float:
    """Arithmetic mean Σxᵢ / n."""
    x = np.asarray(x, dtype=float)
    total = 0.0
    for value in x:
        total += value
    return total / len(x)


def variance(x, ddof: int = 0) -> float:
    """Σ(xᵢ − x̄)² / (n − ddof). ddof=0: population variance, ddof=1: sample variance.

    TODO: implement with :func:`mean` and a loop (compare with ``np.var(x, ddof=ddof)``).
    """
    raise NotImplementedError("TODO: statistics.variance")


def covariance(x, y, ddof: int = 1) -> float:
    """Σ(xᵢ − x̄)(yᵢ − ȳ) / (n − ddof).

    TODO: implement (compare with ``np.cov(x, y, ddof=ddof)[0, 1]``).
    """
    raise NotImplementedError("TODO: statistics.covariance")


def correlation(x, y) -> float:
    """Pearson correlation cov(x, y) / (σₓ σᵧ), between −1 and 1.

    TODO: implement with :func:`covariance` and :func:`variance` (same ddof in both).
    """
    raise NotImplementedError("TODO: statistics.correlation")


def covariance_matrix(X, ddof: int = 1) -> np.ndarray:
    """The d×d covariance matrix of the columns of an n×d data matrix.

    TODO: entry [i, j] is covariance(X[:, i], X[:, j]) (compare with
    ``np.cov(X, rowvar=False)``). Then a correlation matrix the same way.
    """
    raise NotImplementedError("TODO: statistics.covariance_matrix")
