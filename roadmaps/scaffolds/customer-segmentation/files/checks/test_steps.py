"""Checks for the TODO steps of the README's "The work" list.

Run them with ``pytest checks``. Each one fails with a hint until its step is done; plain
``pytest`` runs only the tests of the parts that were done for you.
"""

import numpy as np
import pytest
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score

from segmentation.clustering import fit_dbscan, fit_hierarchical, scale


def expect(condition: bool, hint: str, detail: str = "") -> None:
    """Fail with the hint as the first line (and what was seen after it), without a traceback."""
    if not condition:
        pytest.fail(hint + (f"\n{detail}" if detail else ""), pytrace=False)


def attempt(hint, fn, *args, **kwargs):
    """Call the learner's code; if it raises, fail with the hint instead of a traceback."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}"
    # failing outside the except block keeps the learner's traceback out of the message
    pytest.fail(f"{hint}\n(it raised {problem})", pytrace=False)


@pytest.fixture(scope="module")
def blobs():
    X, truth = make_blobs(n_samples=200, centers=3, cluster_std=0.5, random_state=1)
    X_scaled, _ = scale(X)
    return X_scaled, truth


HINT_DBSCAN = (
    "Step 3: implement fit_dbscan in src/segmentation/clustering.py — run DBSCAN with the eps and "
    "min_samples it is given and return one label per row (-1 for noise)."
)


def test_dbscan(blobs) -> None:
    X_scaled, truth = blobs
    labels = np.asarray(attempt(HINT_DBSCAN, fit_dbscan, X_scaled, eps=0.3, min_samples=5))
    expect(labels.shape == (len(X_scaled),), HINT_DBSCAN, f"Expected {len(X_scaled)} labels, got shape {labels.shape}.")
    clusters = set(labels.tolist()) - {-1}
    expect(len(clusters) == 3, HINT_DBSCAN, f"Three well separated blobs gave {len(clusters)} clusters.")
    core = labels != -1
    expect(adjusted_rand_score(truth[core], labels[core]) > 0.9, HINT_DBSCAN, "The clusters do not match the blobs.")
    tiny = np.asarray(attempt(HINT_DBSCAN, fit_dbscan, X_scaled, eps=1e-3, min_samples=5))
    expect((tiny == -1).all(), HINT_DBSCAN, "With a tiny eps every point should be noise: is eps passed on to DBSCAN?")


HINT_HIERARCHICAL = (
    "Step 4: implement fit_hierarchical in src/segmentation/clustering.py — agglomerative clustering "
    "with the k and linkage it is given, returning one label per row."
)


def test_hierarchical(blobs) -> None:
    X_scaled, truth = blobs
    labels = np.asarray(attempt(HINT_HIERARCHICAL, fit_hierarchical, X_scaled, 3))
    expect(labels.shape == (len(X_scaled),), HINT_HIERARCHICAL, f"Expected {len(X_scaled)} labels, got shape {labels.shape}.")
    score = adjusted_rand_score(truth, labels)
    expect(score > 0.9, HINT_HIERARCHICAL, f"Ward linkage should recover three blobs (adjusted Rand {score:.2f}).")
    for k in (2, 4):
        for linkage in ("ward", "average", "single"):
            found = len(set(np.asarray(attempt(HINT_HIERARCHICAL, fit_hierarchical, X_scaled, k, linkage)).tolist()))
            expect(found == k, HINT_HIERARCHICAL, f"Asked for {k} clusters with {linkage} linkage, got {found}.")
