"""Simulations and statistics, checked against NumPy and exact answers.

``@todo`` tests: see the note at the top of test_linear_algebra.py.
"""

import math

import numpy as np
import pytest

from mathlab import probability, statistics

todo = pytest.mark.xfail(raises=NotImplementedError, strict=False, reason="TODO not written yet")

rng = np.random.default_rng(7)
x = rng.normal(10, 2, size=200)
y = 0.5 * x + rng.normal(size=200)


# ---- done parts -------------------------------------------------------------------------
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


# ---- your TODOs -------------------------------------------------------------------------
@todo
def test_dice_sum_and_birthday() -> None:
    assert probability.prob_dice_sum(7) == pytest.approx(6 / 36, abs=0.005)
    exact = 1 - math.prod((365 - k) / 365 for k in range(23))
    assert probability.prob_shared_birthday(23) == pytest.approx(exact, abs=0.02)


@todo
def test_normal_pdf() -> None:
    assert probability.normal_pdf(0.0) == pytest.approx(1 / math.sqrt(2 * math.pi))
    grid = np.linspace(-20, 20, 40_001)
    assert np.trapz(probability.normal_pdf(grid, 1.0, 2.0), grid) == pytest.approx(1, abs=1e-6)


@todo
def test_variance_matches_numpy() -> None:
    assert statistics.variance(x) == pytest.approx(np.var(x))
    assert statistics.variance(x, ddof=1) == pytest.approx(np.var(x, ddof=1))


@todo
def test_covariance_and_correlation_match_numpy() -> None:
    assert statistics.covariance(x, y) == pytest.approx(np.cov(x, y)[0, 1])
    assert statistics.correlation(x, y) == pytest.approx(np.corrcoef(x, y)[0, 1])
    assert statistics.correlation(x, -3 * x + 1) == pytest.approx(-1)


@todo
def test_covariance_matrix_matches_numpy() -> None:
    X = np.column_stack([x, y, rng.normal(size=200)])
    np.testing.assert_allclose(statistics.covariance_matrix(X), np.cov(X, rowvar=False))
