"""Training curves: raw episode returns plus a moving average."""
from __future__ import annotations

from pathlib import Path

import numpy as np


def moving_average(values: list[float], window: int = 50) -> np.ndarray:
    """Trailing mean; the first points average over what is available so far."""
    x = np.asarray(values, dtype=float)
    if len(x) == 0:
        return x
    csum = np.cumsum(np.insert(x, 0, 0.0))
    idx = np.arange(1, len(x) + 1)
    start = np.maximum(0, idx - window)
    return (csum[idx] - csum[start]) / (idx - start)


def save_training_curve(returns: list[float], path: str | Path, title: str = "Training curve",
                        window: int = 50) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot(returns, alpha=0.3, label="episode return")
    ax.plot(moving_average(returns, window), label=f"moving average ({window})")
    ax.set(xlabel="episode", ylabel="return", title=title)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
