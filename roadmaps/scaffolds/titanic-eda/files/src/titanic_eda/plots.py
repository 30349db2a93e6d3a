"""Plot helpers: each returns the matplotlib Figure so you can show it or save it."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure


def save_figure(fig: Figure, path: str | Path, dpi: int = 120) -> Path:
    """Save ``fig`` to ``path`` (creating folders) and close it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return path


def plot_missing(df: pd.DataFrame) -> Figure:
    """Bar chart of the share of missing values per column."""
    share = df.isna().mean().sort_values(ascending=False) * 100
    fig, ax = plt.subplots(figsize=(7, 3.5))
    sns.barplot(x=share.index, y=share.values, ax=ax, color="tab:red")
    ax.set(ylabel="% missing", xlabel="", title="Missing values per column")
    ax.tick_params(axis="x", rotation=45)
    return fig


def plot_distribution(df: pd.DataFrame, column: str, hue: str | None = None) -> Figure:
    """Histogram with a KDE curve of a numeric column, optionally split by ``hue``."""
    fig, ax = plt.subplots(figsize=(7, 4))
    sns.histplot(data=df, x=column, hue=hue, kde=True, ax=ax, element="step", stat="density", common_norm=False)
    ax.set_title(f"Distribution of {column}" + (f" by {hue}" if hue else ""))
    return fig


def plot_survival_by(df: pd.DataFrame, column: str) -> Figure:
    """Survival rate (with 95 % confidence bars) for each value of ``column``."""
    fig, ax = plt.subplots(figsize=(6, 4))
    sns.barplot(data=df, x=column, y="survived", ax=ax, errorbar=("ci", 95))
    ax.set(ylabel="survival rate", ylim=(0, 1), title=f"Survival rate by {column}")
    return fig


def plot_correlation_heatmap(df: pd.DataFrame, method: str = "pearson") -> Figure:
    """Heatmap of pairwise correlations between the numeric columns of ``df``."""
    corr = df.select_dtypes("number").corr(method=method)
    fig, ax = plt.subplots(figsize=(6.5, 5))
    sns.heatmap(corr, annot=True, fmt=".2f", cmap="coolwarm", vmin=-1, vmax=1, square=True, ax=ax)
    ax.set_title(f"{method.title()} correlation")
    return fig
