"""Plot helpers. They take already-computed numbers, so they work before and after your TODOs."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure


def save_figure(fig: Figure, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120, bbox_inches="tight")
    plt.close(fig)
    return path


def _arrow(ax, start, vec, color, label) -> None:
    ax.annotate("", xy=(start[0] + vec[0], start[1] + vec[1]), xytext=(start[0], start[1]),
                arrowprops=dict(arrowstyle="->", color=color, lw=2))
    ax.plot([], [], color=color, lw=2, label=label)  # legend entry


def plot_projection(a, b, proj) -> Figure:
    """Vectors a and b in 2-D, the projection of a onto b, and the orthogonal residual."""
    a, b, proj = (np.asarray(v, dtype=float) for v in (a, b, proj))
    fig, ax = plt.subplots(figsize=(5, 5))
    _arrow(ax, (0, 0), a, "tab:blue", "a")
    _arrow(ax, (0, 0), b, "tab:orange", "b")
    _arrow(ax, (0, 0), proj, "tab:green", "proj of a onto b")
    ax.plot([proj[0], a[0]], [proj[1], a[1]], "k--", lw=1, label="a − proj (⊥ b)")
    lim = 1.2 * max(np.abs(np.concatenate([a, b, proj]))) + 0.5
    ax.set(xlim=(-lim, lim), ylim=(-lim, lim), aspect="equal", title="Vector projection")
    ax.axhline(0, color="grey", lw=0.5)
    ax.axvline(0, color="grey", lw=0.5)
    ax.legend(loc="upper left", fontsize=8)
    return fig


def plot_eigenvectors(A, eigenvalues, eigenvectors) -> Figure:
    """The unit circle and its image under A (an ellipse), with the eigenvectors v and A v.

    Eigenvectors are the directions the ellipse's points keep: A v = λ v.
    ``eigenvectors`` holds one eigenvector per column, as ``np.linalg.eig`` returns them.
    """
    A = np.asarray(A, dtype=float)
    t = np.linspace(0, 2 * np.pi, 200)
    circle = np.vstack([np.cos(t), np.sin(t)])
    ellipse = A @ circle
    fig, ax = plt.subplots(figsize=(5.5, 5.5))
    ax.plot(*circle, color="lightgrey", label="unit circle")
    ax.plot(*ellipse, color="tab:blue", label="A · unit circle")
    colors = ["tab:red", "tab:green"]
    for i in range(len(eigenvalues)):
        v = np.real(eigenvectors[:, i])
        lam = np.real(eigenvalues[i])
        _arrow(ax, (0, 0), lam * v, colors[i % 2], f"λ{i + 1} v{i + 1}  (λ{i + 1} = {lam:.2f})")
        ax.plot(*np.outer([-3, 3], v).T, color=colors[i % 2], lw=0.5, ls=":")
    lim = 1.2 * max(1.0, np.abs(ellipse).max())
    ax.set(xlim=(-lim, lim), ylim=(-lim, lim), aspect="equal", title="Eigenvectors of A")
    ax.legend(loc="upper left", fontsize=8)
    return fig


def plot_running_frequency(freq: np.ndarray, p: float) -> Figure:
    """The share of heads after each flip, converging to p."""
    fig, ax = plt.subplots(figsize=(7, 3.5))
    ax.plot(np.arange(1, len(freq) + 1), freq)
    ax.axhline(p, color="k", ls="--", lw=1, label=f"p = {p}")
    ax.set(xscale="log", xlabel="number of flips", ylabel="share of heads", title="Law of large numbers")
    ax.legend()
    return fig


def plot_distribution(samples: np.ndarray, pdf_x=None, pdf_y=None, title: str = "", discrete: bool = False) -> Figure:
    """Histogram of samples (as a density), optionally with a theoretical curve on top."""
    fig, ax = plt.subplots(figsize=(6.5, 4))
    if discrete:
        values, counts = np.unique(samples, return_counts=True)
        ax.bar(values, counts / counts.sum(), alpha=0.6, label="simulated")
    else:
        ax.hist(samples, bins=50, density=True, alpha=0.6, label="simulated")
    if pdf_x is not None and pdf_y is not None:
        ax.plot(pdf_x, pdf_y, "k-" if not discrete else "ko", lw=2, label="theory")
    ax.set(title=title, ylabel="density / probability")
    ax.legend()
    return fig


def plot_scatter_with_correlation(x, y, r: float) -> Figure:
    fig, ax = plt.subplots(figsize=(5, 4))
    ax.scatter(x, y, s=8, alpha=0.6)
    ax.set(title=f"r = {r:.2f}", xlabel="x", ylabel="y")
    return fig


def plot_loss_surface(W, B, L, path_w=None, path_b=None) -> Figure:
    """Contours of the loss over (w, b) and, optionally, the gradient descent path."""
    fig = plt.figure(figsize=(11, 4.5))
    ax1 = fig.add_subplot(1, 2, 1)
    cs = ax1.contour(W, B, L, levels=np.logspace(np.log10(L.min() + 1e-9), np.log10(L.max()), 20), cmap="viridis")
    ax1.clabel(cs, inline=True, fontsize=6, fmt="%.1f")
    if path_w is not None:
        ax1.plot(path_w, path_b, "r.-", lw=1, ms=4, label="gradient descent")
        ax1.legend()
    ax1.set(xlabel="w", ylabel="b", title="MSE contours")
    ax2 = fig.add_subplot(1, 2, 2, projection="3d")
    ax2.plot_surface(W, B, L, cmap="viridis", alpha=0.8)
    ax2.set(xlabel="w", ylabel="b", zlabel="MSE", title="Loss surface")
    return fig
