"""Derivatives and gradients numerically (week 4: derivatives, partial derivatives, gradients)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def numerical_derivative(f: Callable[[float], float], x: float, h: float = 1e-5) -> float:
    """Central difference (f(x + h) − f(x − h)) / 2h: error shrinks like h²."""
    return (f(x + h) - f(x - h)) / (2 * h)


def numerical_gradient(f: Callable[[np.ndarray], float], x, h: float = 1e-5) -> np.ndarray:
    """The gradient ∇f(x): one central difference per coordinate (partial derivatives).

    TODO: for each i, nudge only x[i] by ±h (copy x first!) and apply the central
    difference. Test it on f(x) = Σ xᵢ², whose gradient is 2x.
    """
    raise NotImplementedError("TODO: calculus.numerical_gradient")


def check_gradient(f: Callable[[np.ndarray], float], grad: Callable[[np.ndarray], np.ndarray], x, tol: float = 1e-4) -> bool:
    """Gradient checking: does an analytic gradient match the numerical one at x?

    Use it to test the gradient you derive in ``regression.mse_gradient``.
    """
    x = np.asarray(x, dtype=float)
    numeric, analytic = numerical_gradient(f, x), np.asarray(grad(x), dtype=float)
    scale = max(1.0, float(np.max(np.abs(numeric))))
    return bool(np.max(np.abs(numeric - analytic)) / scale < tol)
