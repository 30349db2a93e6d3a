"""Derivatives, gradients and gradient descent.

These test the done parts; the checks of your TODO functions are in ``checks/test_steps.py``.
"""

import math

import numpy as np
import pytest

from mathlab import calculus, regression


def reference_mse_gradient(x, y, w, b):
    """A known-good gradient, so the done gradient-descent loop can be tested now."""
    r = w * x + b - y
    return float(np.mean(2 * r * x)), float(np.mean(2 * r))


def test_numerical_derivative() -> None:
    assert calculus.numerical_derivative(math.sin, 0.3) == pytest.approx(math.cos(0.3), rel=1e-8)
    assert calculus.numerical_derivative(lambda t: t**3, 2.0) == pytest.approx(12.0, rel=1e-7)


def test_mse_and_loss_grid() -> None:
    x, y = np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 5.0])
    assert regression.mse(x, y, 2.0, 1.0) == 0.0
    assert regression.mse(x, y, 0.0, 0.0) == pytest.approx((1 + 9 + 25) / 3)
    W, B, L = regression.loss_grid(x, y, (0, 4), (-1, 3), steps=41)
    i, j = np.unravel_index(L.argmin(), L.shape)
    assert (W[i, j], B[i, j]) == (pytest.approx(2.0), pytest.approx(1.0))


def test_gradient_descent_loop_reaches_least_squares() -> None:
    x, y = regression.make_line_data(n=200, seed=3)
    w, b, history = regression.gradient_descent(x, y, lr=0.1, epochs=300, gradient=reference_mse_gradient)
    w_ls, b_ls = np.polyfit(x, y, 1)
    assert (w, b) == (pytest.approx(w_ls, abs=1e-4), pytest.approx(b_ls, abs=1e-4))
    assert history.loss[-1] < history.loss[0]
    assert len(history.w) == 301

