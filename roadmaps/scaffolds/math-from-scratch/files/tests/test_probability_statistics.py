"""Simulations and statistics, checked against NumPy and exact answers.

These test the done parts; the checks of your TODO functions are in ``checks/test_steps.py``.
"""

import math

import numpy as np
import pytest

from mathlab import probability, statistics

rng = np.random.default_rng(7)
x = rng.normal(10, 2, size=200)


def test_coin_flips_settle_near_p() -> None:
    flips = probability.simulate_coin_flips(20_000, p_heads=0.3, seed=1)
    assert set(np.unique(flips)) == {0, 1}
    assert probability.running_frequency(flips)[-1] == pytest.approx(0.3, abs=0.015)


def test_dice_are_fair_and_in_range() -> None:
    rolls = probability.simulate_dice(60_000, n_dice=2, seed=1)
    assert rolls.shape == (60_000, 2) and rolls.min() == 1 and rolls.max() == 6
    assert probability.estimate_probability(lambda r: r[:, 0] == 6, rolls) == pytest.approx(1 / 6, abs=0.01)


def test_binomial_pmf_sums_to_one() -> None:
    assert sum(probability.binomial_pmf(k, 10, 0.3) for k in range(11)) == pytest.approx(1)


def test_central_limit_theorem() -> None:
    means = probability.sample_means(lambda r, n: r.exponential(1.0, n), sample_size=50, n_samples=4000)
    assert means.mean() == pytest.approx(1.0, abs=0.02)
    assert means.std() == pytest.approx(1 / math.sqrt(50), rel=0.08)


def test_mean_matches_numpy() -> None:
    assert statistics.mean(x) == pytest.approx(np.mean(x))

