"""Tests for the done parts; commented tests at the end are for your TODOs."""

import numpy as np
import pytest
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score

from segmentation.clustering import choose_k, fit_kmeans, k_distances, scale, segment_profile
from segmentation.data import FEATURES, feature_matrix, make_synthetic_customers
from segmentation.plots import plot_choose_k, plot_clusters_pca


@pytest.fixture(scope="module")
def customers():
    return make_synthetic_customers(n=300, seed=2)


def test_feature_matrix_drops_ids_and_truth(customers) -> None:
    X = feature_matrix(customers)
    assert list(X.columns) == FEATURES


def test_scaling_centres_and_scales(customers) -> None:
    X_scaled, _ = scale(feature_matrix(customers))
    np.testing.assert_allclose(X_scaled.mean(axis=0), 0, atol=1e-9)
    np.testing.assert_allclose(X_scaled.std(axis=0), 1, atol=1e-9)


def test_silhouette_finds_the_number_of_blobs() -> None:
    X, _ = make_blobs(n_samples=200, centers=4, cluster_std=0.6, random_state=0)
    table = choose_k(X, range(2, 7))
    assert table["silhouette"].idxmax() == 4
    assert table["inertia"].is_monotonic_decreasing


def test_kmeans_recovers_synthetic_segments(customers) -> None:
    X_scaled, _ = scale(feature_matrix(customers))
    labels = fit_kmeans(X_scaled, 5).labels_
    assert adjusted_rand_score(customers["segment"], labels) > 0.8


def test_profile_sizes_and_means(customers) -> None:
    X = feature_matrix(customers)
    labels = np.where(X["age"] > 40, 1, 0)
    profile = segment_profile(X, labels)
    assert profile["size"].sum() == len(X)
    assert profile["share"].sum() == pytest.approx(1.0, abs=1e-3)
    assert profile.loc[1, "age"] > profile.loc[0, "age"]


def test_helpers_for_plots(customers) -> None:
    X_scaled, _ = scale(feature_matrix(customers))
    d = k_distances(X_scaled, 5)
    assert d.shape == (len(X_scaled),) and (np.diff(d) >= 0).all()
    labels = fit_kmeans(X_scaled, 3).labels_
    assert plot_clusters_pca(X_scaled, labels).axes[0].get_xlabel().startswith("PC1")
    assert len(plot_choose_k(choose_k(X_scaled, range(2, 4))).axes) == 2


# TODO: once fit_dbscan and fit_hierarchical are written:
#
# def test_dbscan_and_hierarchical_on_blobs():
#     from segmentation.clustering import fit_dbscan, fit_hierarchical
#     X, truth = make_blobs(n_samples=200, centers=3, cluster_std=0.5, random_state=1)
#     X_scaled, _ = scale(X)
#     assert adjusted_rand_score(truth, fit_hierarchical(X_scaled, 3)) > 0.9
#     labels = fit_dbscan(X_scaled, eps=0.3, min_samples=5)
#     assert len(set(labels) - {-1}) == 3
