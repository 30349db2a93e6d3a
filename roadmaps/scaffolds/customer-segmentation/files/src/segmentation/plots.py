"""Figures: the elbow/silhouette chart and clusters projected onto two principal components."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from sklearn.decomposition import PCA


def save_figure(fig: Figure, path: str | Path) -> Path:
    """Save ``fig`` (creating folders) and close it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120, bbox_inches="tight")
    plt.close(fig)
    return path


def plot_choose_k(table: pd.DataFrame) -> Figure:
    """Inertia (elbow) and silhouette against k, from ``clustering.choose_k``."""
    fig, ax1 = plt.subplots(figsize=(7, 4))
    ax1.plot(table.index, table["inertia"], "o-", color="tab:blue")
    ax1.set(xlabel="k (number of clusters)", ylabel="inertia")
    ax2 = ax1.twinx()
    ax2.plot(table.index, table["silhouette"], "s--", color="tab:orange")
    ax2.set_ylabel("silhouette")
    ax1.set_title("Elbow (inertia, blue) and silhouette (orange)")
    return fig


def plot_clusters_pca(X_scaled: np.ndarray, labels: np.ndarray, title: str = "Clusters") -> Figure:
    """Scatter of the first two principal components, coloured by cluster label.

    PCA is only for the picture: clustering happened in all dimensions, so clusters may
    overlap here and still be well separated. The axis labels show how much variance each
    component keeps.
    """
    pca = PCA(n_components=2).fit(X_scaled)
    points = pca.transform(X_scaled)
    fig, ax = plt.subplots(figsize=(6.5, 5))
    for label in np.unique(labels):
        mask = labels == label
        name = "noise" if label == -1 else f"cluster {label}"
        ax.scatter(points[mask, 0], points[mask, 1], s=12, alpha=0.7, label=name, c="lightgrey" if label == -1 else None)
    ratio = pca.explained_variance_ratio_
    ax.set(xlabel=f"PC1 ({ratio[0]:.0%} of variance)", ylabel=f"PC2 ({ratio[1]:.0%} of variance)", title=title)
    ax.legend(fontsize=8, markerscale=1.5)
    return fig
