"""Probability by simulation (week 3: coin tosses, dice, distributions, CLT)."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np


def rng_for(seed: int | None = 0) -> np.random.Generator:
    return np.random.default_rng(seed)


def simulate_coin_flips(n: int, p_heads: float = 0.5, seed: int | None = 0) -> np.ndarray:
    """n flips of a (possibly biased) coin: 1 = heads, 0 = tails."""
    return (rng_for(seed).random(n) < p_heads).astype(int)


def simulate_dice(n_rolls: int, n_dice: int = 1, sides: int = 6, seed: int | None = 0) -> np.ndarray:
    """An (n_rolls, n_dice) array of fair die results 1..sides."""
    return rng_for(seed).integers(1, sides + 1, size=(n_rolls, n_dice))


def running_frequency(outcomes: np.ndarray) -> np.ndarray:
    """Share of 1s after each trial: watch it settle towards p (law of large numbers)."""
    return np.cumsum(outcomes) / np.arange(1, len(outcomes) + 1)


def estimate_probability(event: Callable[[np.ndarray], np.ndarray], samples: np.ndarray) -> float:
    """Monte Carlo estimate: the share of samples (rows) for which ``event`` is true."""
    return float(np.mean(event(samples)))


def prob_dice_sum(total: int, n_dice: int = 2, trials: int = 100_000, seed: int | None = 0) -> float:
    """Estimated P(sum of ``n_dice`` dice == total).

    TODO: simulate with :func:`simulate_dice` and :func:`estimate_probability`.
    Compare with the exact value for two dice: P(7) = 6/36.
    """
    raise NotImplementedError("TODO: probability.prob_dice_sum")


def prob_shared_birthday(people: int, trials: int = 20_000, seed: int | None = 0, days: int = 365) -> float:
    """Estimated probability that at least two of ``people`` share a birthday, in a year of ``days`` days.

    TODO: simulate ``trials`` groups of random birthdays (each of the ``days`` days equally likely);
    a group "hits" when it has fewer unique days than people. Exact answer:
    1 − Π_{k<people} (days − k)/days ≈ 0.507 for 23 people and 365 days.
    """
    raise NotImplementedError("TODO: probability.prob_shared_birthday")


def normal_pdf(x, mu: float = 0.0, sigma: float = 1.0) -> np.ndarray:
    """Density of N(mu, sigma²) at x.

    TODO: implement 1/(σ√(2π)) · exp(−(x − μ)² / (2σ²)) element-wise with np.exp.
    """
    raise NotImplementedError("TODO: probability.normal_pdf")


def binomial_pmf(k: int, n: int, p: float) -> float:
    """P(X = k) for X ~ Binomial(n, p): C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ."""
    return math.comb(n, k) * p**k * (1 - p) ** (n - k)


def sample_means(draw: Callable[[np.random.Generator, int], np.ndarray], sample_size: int, n_samples: int, seed: int | None = 0) -> np.ndarray:
    """Means of ``n_samples`` samples of ``sample_size`` draws each (central limit theorem).

    Example: ``sample_means(lambda rng, n: rng.exponential(1.0, n), 30, 5000)`` — the
    means look normal even though the exponential distribution is skewed.
    """
    rng = rng_for(seed)
    return np.array([draw(rng, sample_size).mean() for _ in range(n_samples)])
