"""Derivatives, gradients and gradient descent.

``@todo`` tests: see the note at the top of test_linear_algebra.py.
"""

import math

import numpy as np
import pytest

from mathlab import calculus, regression

todo = pytest.mark.xfail(raises=NotImplementedError, strict=False, reason="TODO not written yet")


def reference_mse_gradient(x, y, w, b):
    """A known-good gradient, so the done gradient-descent loop can be tested now."""
    r = w * x + b - y
    return float(np.mean(2 * r * x)), float(np.mean(2 * r))


# ---- done parts -------------------------------------------------------------------------
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


# ---- your TODOs -------------------------------------------------------------------------
@todo
def test_numerical_gradient() -> None:
    f = lambda v: float(np.sum(v**2) + 3 * v[0] * v[1])  # noqa: E731
    v = np.array([1.0, -2.0, 0.5])
    expected = 2 * v + np.array([3 * v[1], 3 * v[0], 0.0])
    np.testing.assert_allclose(calculus.numerical_gradient(f, v), expected, rtol=1e-6)
    np.testing.assert_array_equal(v, [1.0, -2.0, 0.5])  # input not modified


@todo
def test_mse_gradient_is_correct() -> None:
    x, y = regression.make_line_data(n=50, seed=1)
    for w, b in [(0.0, 0.0), (1.5, -2.0)]:
        assert regression.mse_gradient(x, y, w, b) == pytest.approx(reference_mse_gradient(x, y, w, b))
    loss = lambda p: regression.mse(x, y, p[0], p[1])  # noqa: E731
    grad = lambda p: np.array(regression.mse_gradient(x, y, p[0], p[1]))  # noqa: E731
    assert calculus.check_gradient(loss, grad, [0.7, 0.2])


@todo
def test_gradient_descent_with_your_gradient() -> None:
    x, y = regression.make_line_data(n=200, seed=3)
    w, b, _ = regression.gradient_descent(x, y, lr=0.1, epochs=300)
    assert (w, b) == (pytest.approx(3.0, abs=0.1), pytest.approx(-1.0, abs=0.1))
