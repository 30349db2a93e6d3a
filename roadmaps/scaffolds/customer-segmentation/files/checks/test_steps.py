"""Checks for the TODO steps of the README's "The work" list.

Run them with ``pytest checks``. Each one fails with a hint until its step is done; plain
``pytest`` runs only the tests of the parts that were done for you.
"""

import traceback
from pathlib import Path

import numpy as np
import pytest
from sklearn.datasets import make_blobs, make_moons
from sklearn.metrics import adjusted_rand_score

from segmentation.clustering import fit_dbscan, fit_hierarchical, scale


def expect(condition: bool, hint: str, detail: str = "") -> None:
    """Fail with the hint as the first line (and what was seen after it), without a traceback."""
    if not condition:
        pytest.fail(hint + (f"\n{detail}" if detail else ""), pytrace=False)


PROJECT = Path(__file__).resolve().parents[1]


def learner_frame(tb) -> str:
    """The deepest frame of the traceback in the project's own code (not checks/, tests/ or a
    virtual environment), as a traceback line, so the editor can put the failure on that line."""
    where = ""
    for frame, line in traceback.walk_tb(tb):
        path = Path(frame.f_code.co_filename).resolve()
        if PROJECT not in path.parents:
            continue
        parts = path.relative_to(PROJECT).parts
        if parts[0] in ("checks", "tests") or parts[0].startswith(".") or "site-packages" in parts:
            continue
        where = f'\n  File "{path.relative_to(PROJECT).as_posix()}", line {line}, in {frame.f_code.co_name}'
    return where


def attempt(hint, fn, *args, **kwargs):
    """Call the learner's function; if it raises, fail with the hint, what was raised and where."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)}"
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
    score = adjusted_rand_score(truth[core], labels[core])
    expect(score > 0.9, HINT_DBSCAN, f"The clusters do not match the blobs (adjusted Rand {score:.2f}).")
    tiny = np.asarray(attempt(HINT_DBSCAN, fit_dbscan, X_scaled, eps=1e-3, min_samples=5))
    expect((tiny == -1).all(), HINT_DBSCAN,
           f"With eps=0.001 every point should be noise, but {int((tiny != -1).sum())} are not: is eps passed on to DBSCAN?")
    crowd = np.asarray(attempt(HINT_DBSCAN, fit_dbscan, X_scaled, eps=0.3, min_samples=len(X_scaled) + 1))
    expect((crowd == -1).all(), HINT_DBSCAN,
           f"With min_samples={len(X_scaled) + 1}, more than there are points, every point should be noise, "
           f"but {int((crowd != -1).sum())} are not: is min_samples passed on to DBSCAN?")


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
    # Two interleaved half-moons: single linkage follows each moon (it merges nearest neighbours),
    # ward cuts them across (it makes compact clusters). So the linkage must reach the clusterer.
    moons, halves = make_moons(n_samples=200, noise=0.05, random_state=0)
    moons, _ = scale(moons)
    for linkage, follows in (("single", True), ("ward", False)):
        score = adjusted_rand_score(halves, np.asarray(attempt(HINT_HIERARCHICAL, fit_hierarchical, moons, 2, linkage)))
        expect((score > 0.9) == follows, HINT_HIERARCHICAL,
               f"On two half-moons {linkage} linkage gave an adjusted Rand of {score:.2f}; single linkage follows the "
               f"moons (about 1.0), ward cuts across them (about 0.6): is linkage passed on?")
