"""Linear regression trained by gradient descent (week 4: gradient descent, MSE loss)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np


def make_line_data(n: int = 100, w: float = 3.0, b: float = -1.0, noise: float = 0.5, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Points around the line y = w·x + b."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-2, 2, n)
    return x, w * x + b + rng.normal(0, noise, n)


def predict(x: np.ndarray, w: float, b: float) -> np.ndarray:
    return w * np.asarray(x) + b


def mse(x: np.ndarray, y: np.ndarray, w: float, b: float) -> float:
    """Mean squared error L(w, b) = mean((w·x + b − y)²)."""
    return float(np.mean((predict(x, w, b) - y) ** 2))


def mse_gradient(x: np.ndarray, y: np.ndarray, w: float, b: float) -> tuple[float, float]:
    """(∂L/∂w, ∂L/∂b) of the MSE.

    TODO: derive it with the chain rule. With residual r = w·x + b − y:
    ∂L/∂w = mean(2·r·x) and ∂L/∂b = mean(2·r). Verify it with calculus.check_gradient.
    """
    raise NotImplementedError("TODO: regression.mse_gradient")


@dataclass
class History:
    w: list[float] = field(default_factory=list)
    b: list[float] = field(default_factory=list)
    loss: list[float] = field(default_factory=list)


def gradient_descent(
    x: np.ndarray,
    y: np.ndarray,
    lr: float = 0.1,
    epochs: int = 100,
    w0: float = 0.0,
    b0: float = 0.0,
    gradient: Callable[[np.ndarray, np.ndarray, float, float], tuple[float, float]] = mse_gradient,
) -> tuple[float, float, History]:
    """Batch gradient descent on the MSE: step against the gradient ``epochs`` times.

    Returns the final (w, b) and the path taken (for plotting on the loss surface).
    Try learning rates 0.01, 0.1, 0.5 and 1.1: what happens?
    """
    w, b, history = w0, b0, History()
    for _ in range(epochs):
        history.w.append(w)
        history.b.append(b)
        history.loss.append(mse(x, y, w, b))
        dw, db = gradient(x, y, w, b)
        w, b = w - lr * dw, b - lr * db
    history.w.append(w)
    history.b.append(b)
    history.loss.append(mse(x, y, w, b))
    return w, b, history


# TODO (next): stochastic / mini-batch gradient descent, then momentum or Adam; compare
# their paths on the loss surface (plots.plot_loss_surface takes any History).


def loss_grid(x: np.ndarray, y: np.ndarray, w_range: tuple[float, float], b_range: tuple[float, float], steps: int = 60):
    """(W, B, L): the MSE on a grid of (w, b) values, for contour and surface plots."""
    W, B = np.meshgrid(np.linspace(*w_range, steps), np.linspace(*b_range, steps))
    L = np.mean((W[..., None] * x + B[..., None] - y) ** 2, axis=-1)
    return W, B, L
