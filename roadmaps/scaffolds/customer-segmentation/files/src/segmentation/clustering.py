"""Scaling, choosing k, fitting clusterers and describing the segments."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import StandardScaler


def scale(X: pd.DataFrame) -> tuple[np.ndarray, StandardScaler]:
    """Standardise every feature: distance-based clustering is meaningless on raw units
    (income in thousands would swamp a 0–1 online share)."""
    scaler = StandardScaler()
    return scaler.fit_transform(X), scaler


def fit_kmeans(X_scaled: np.ndarray, k: int, seed: int = 0) -> KMeans:
    """k-means with several restarts (``n_init``) to avoid a poor local optimum."""
    return KMeans(n_clusters=k, n_init=10, random_state=seed).fit(X_scaled)


def choose_k(X_scaled: np.ndarray, k_range: range = range(2, 11), seed: int = 0) -> pd.DataFrame:
    """Inertia (for the elbow plot) and silhouette score for each k in ``k_range``.

    Inertia always falls as k grows: look for the bend. Silhouette (−1…1) peaks where
    clusters are compact and well separated.
    """
    rows = []
    for k in k_range:
        km = fit_kmeans(X_scaled, k, seed)
        rows.append({"k": k, "inertia": km.inertia_, "silhouette": silhouette_score(X_scaled, km.labels_)})
    return pd.DataFrame(rows).set_index("k")


def k_distances(X_scaled: np.ndarray, min_samples: int = 5) -> np.ndarray:
    """Sorted distance of each point to its ``min_samples``-th neighbour.

    Plot it: the "knee" of this curve is a good first ``eps`` for DBSCAN.
    """
    nn = NearestNeighbors(n_neighbors=min_samples).fit(X_scaled)
    distances, _ = nn.kneighbors(X_scaled)
    return np.sort(distances[:, -1])


def fit_dbscan(X_scaled: np.ndarray, eps: float = 0.8, min_samples: int = 5) -> np.ndarray:
    """Cluster labels from DBSCAN (``-1`` marks noise points).

    TODO: return ``DBSCAN(eps=eps, min_samples=min_samples).fit_predict(X_scaled)``,
    then choose ``eps`` from the knee of ``k_distances``. How many clusters and how much
    noise do you get? Why does DBSCAN not need k?
    """
    raise NotImplementedError("TODO: implement fit_dbscan in src/segmentation/clustering.py")


def fit_hierarchical(X_scaled: np.ndarray, k: int, linkage: str = "ward") -> np.ndarray:
    """Cluster labels from agglomerative (hierarchical) clustering.

    TODO: return ``AgglomerativeClustering(n_clusters=k, linkage=linkage).fit_predict(X_scaled)``.
    Compare ``"ward"``, ``"average"`` and ``"single"`` linkage, and draw a dendrogram with
    ``scipy.cluster.hierarchy`` (``linkage`` + ``dendrogram``; add scipy to requirements).
    """
    raise NotImplementedError("TODO: implement fit_hierarchical in src/segmentation/clustering.py")


def segment_profile(X: pd.DataFrame, labels: np.ndarray) -> pd.DataFrame:
    """Mean of every feature per cluster, plus each cluster's size and share.

    This table is what you name segments from ("young big spenders", ...).
    """
    profile = X.groupby(labels).mean()
    counts = pd.Series(labels).value_counts().sort_index()
    profile.insert(0, "size", counts.values)
    profile.insert(1, "share", (counts / counts.sum()).round(3).values)
    profile.index.name = "cluster"
    return profile
