"""Make the figures for each topic; a figure whose TODO is not done yet is skipped with a hint.

    python -m mathlab.demo            # all figures into figures/
    python -m mathlab.demo loss       # just one: projection, eigen, coins, dice, clt, correlation, loss
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import numpy as np

from mathlab import plots, probability, regression, statistics, vectors
from mathlab.eigen import power_iteration


def fig_projection(out: Path) -> None:
    a, b = np.array([2.0, 3.0]), np.array([4.0, 1.0])
    plots.save_figure(plots.plot_projection(a, b, vectors.project(a, b)), out / "projection.png")


def fig_eigen(out: Path) -> None:
    A = np.array([[2.0, 1.0], [1.0, 3.0]])
    values, vecs = np.linalg.eig(A)  # reference answer, to draw
    lam, v = power_iteration(A)  # yours: should match the larger one
    print(f"  power iteration: λ = {lam:.4f}, v = {np.round(v, 4)};  numpy: {np.round(values, 4)}")
    plots.save_figure(plots.plot_eigenvectors(A, values, vecs), out / "eigenvectors.png")


def fig_coins(out: Path) -> None:
    flips = probability.simulate_coin_flips(10_000, p_heads=0.5)
    plots.save_figure(plots.plot_running_frequency(probability.running_frequency(flips), 0.5), out / "coins.png")


def fig_dice(out: Path) -> None:
    sums = probability.simulate_dice(50_000, n_dice=2).sum(axis=1)
    exact = {s: (6 - abs(s - 7)) / 36 for s in range(2, 13)}
    print(f"  P(sum = 7): simulated {probability.prob_dice_sum(7):.4f}, exact {6 / 36:.4f}")
    fig = plots.plot_distribution(sums, list(exact), list(exact.values()), "Sum of two dice", discrete=True)
    plots.save_figure(fig, out / "dice.png")


def fig_clt(out: Path) -> None:
    means = probability.sample_means(lambda rng, n: rng.exponential(1.0, n), sample_size=30, n_samples=5000)
    x = np.linspace(means.min(), means.max(), 200)
    pdf = probability.normal_pdf(x, mu=1.0, sigma=1.0 / np.sqrt(30))
    plots.save_figure(plots.plot_distribution(means, x, pdf, "Means of 30 exponential draws (CLT)"), out / "clt.png")


def fig_correlation(out: Path) -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=300)
    y = 0.7 * x + rng.normal(scale=0.7, size=300)
    r = statistics.correlation(x, y)
    print(f"  correlation: yours {r:.4f}, numpy {np.corrcoef(x, y)[0, 1]:.4f}")
    plots.save_figure(plots.plot_scatter_with_correlation(x, y, r), out / "correlation.png")


def fig_loss(out: Path) -> None:
    x, y = regression.make_line_data()
    w, b, history = regression.gradient_descent(x, y, lr=0.1, epochs=60, w0=-2.0, b0=3.0)
    print(f"  gradient descent: w = {w:.3f}, b = {b:.3f}; least squares: {np.round(np.polyfit(x, y, 1), 3)}")
    W, B, L = regression.loss_grid(x, y, (-3, 6), (-4, 4))
    plots.save_figure(plots.plot_loss_surface(W, B, L, history.w, history.b), out / "loss_surface.png")


FIGURES: dict[str, Callable[[Path], None]] = {
    "projection": fig_projection,
    "eigen": fig_eigen,
    "coins": fig_coins,
    "dice": fig_dice,
    "clt": fig_clt,
    "correlation": fig_correlation,
    "loss": fig_loss,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("which", nargs="*", help=f"any of {', '.join(FIGURES)} (default: all)")
    parser.add_argument("--out", type=Path, default=Path("figures"))
    args = parser.parse_args(argv)
    unknown = set(args.which) - set(FIGURES)
    if unknown:
        parser.error(f"unknown figure(s) {sorted(unknown)}; choose from {list(FIGURES)}")
    for name in args.which or FIGURES:
        print(f"{name}:")
        try:
            FIGURES[name](args.out)
            print(f"  saved in {args.out}/")
        except NotImplementedError as exc:
            print(f"  skipped — {exc}")


if __name__ == "__main__":
    main()
