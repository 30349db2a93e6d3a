"""Checks for the TODO steps of the README's "The work" list.

Run them with ``pytest checks``. Each one fails with a hint until its step is done; plain
``pytest`` runs only the tests of the parts that were done for you.
"""

import traceback
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.ensemble import IsolationForest
from threadpoolctl import threadpool_limits

from fraud.data import make_synthetic_transactions, train_val_test_split
from fraud.evaluate import min_cost_threshold, ranking_metrics, threshold_table
from fraud.models import strategies
from fraud.resampling import smote_oversample


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
def split():
    df = make_synthetic_transactions(n=4000, fraud_rate=0.03, seed=1)  # tiny, fast
    return train_val_test_split(df.drop(columns="Class"), df["Class"], seed=0)


HINT_SMOTE = (
    "Step 3: implement smote_oversample in src/fraud/resampling.py — add synthetic fraud rows, each "
    "on the line between a fraud row and one of its nearest fraud neighbours, until both classes "
    "are the same size; keep every original row."
)


def off_segments(points: np.ndarray, ends: np.ndarray) -> int:
    """How many of ``points`` lie on no segment between two rows of ``ends``."""
    scale = float(np.abs(ends).max()) or 1.0
    off = np.ones(len(points), dtype=bool)
    for a in ends:  # one endpoint at a time: (points, ends, features) stays small
        toward = ends - a
        toward = toward[(toward != 0).any(axis=1)]  # a segment from a row to itself is no segment
        length2 = (toward**2).sum(axis=1)
        rel = points - a
        lam = rel @ toward.T / length2
        dist2 = (rel**2).sum(axis=1)[:, None] - lam**2 * length2
        on = (lam >= -1e-9) & (lam <= 1 + 1e-9) & (dist2 <= (1e-6 * scale) ** 2)
        off &= ~on.any(axis=1)
    return int(off.sum())


def test_smote(split) -> None:
    X_train, _, _, y_train, _, _ = split
    X_res, y_res = attempt(HINT_SMOTE, smote_oversample, X_train, y_train)
    expect(len(X_res) == len(y_res) and list(X_res.columns) == list(X_train.columns), HINT_SMOTE,
           "Return (X, y) with the same columns as the input and one label per row.")
    n_fraud, n_legit = int((y_res == 1).sum()), int((y_res == 0).sum())
    expect(n_fraud == n_legit == int((y_train == 0).sum()), HINT_SMOTE,
           f"After resampling: {n_fraud} fraud and {n_legit} legit rows; the input had {int((y_train == 0).sum())} legit rows.")
    fraud_in, fraud_out = X_train[(y_train == 1).to_numpy()], X_res[(y_res == 1).to_numpy()]
    originals = Counter(map(tuple, np.round(fraud_in.to_numpy(), 9)))
    out_rows = Counter(map(tuple, np.round(fraud_out.to_numpy(), 9)))
    lost = sum((originals - out_rows).values())
    expect(lost == 0, HINT_SMOTE, f"{lost} of the {len(fraud_in)} original fraud rows are gone.")
    copies = sum((out_rows - originals).values()) - len(set(out_rows) - set(originals))
    expect(copies == 0, HINT_SMOTE,
           f"{copies} added fraud rows are copies of existing rows: SMOTE creates new points. Is a row its own "
           f"neighbour (NearestNeighbors(n_neighbors=k_neighbors + 1), then skip the first column)?")
    new = np.array([row for row in out_rows if row not in originals])
    off = off_segments(new, fraud_in.to_numpy())
    expect(off == 0, HINT_SMOTE,
           f"{off} of the {len(new)} new fraud rows lie on no line between two fraud rows: interpolate "
           f"between a fraud row and one of its fraud neighbours (neighbours found among the fraud rows only).")
    legit_in = np.sort(np.round(X_train[(y_train == 0).to_numpy()].to_numpy(), 9), axis=0)
    legit_out = np.sort(np.round(X_res[(y_res == 0).to_numpy()].to_numpy(), 9), axis=0)
    expect(np.array_equal(legit_in, legit_out), HINT_SMOTE, "The legitimate rows must stay as they are.")
    half_X, half_y = attempt(HINT_SMOTE, smote_oversample, X_train, y_train, ratio=0.5)
    wanted = round(0.5 * int((y_train == 0).sum()))
    expect(int((half_y == 1).sum()) == wanted and len(half_X) == len(half_y), HINT_SMOTE,
           f"With ratio=0.5 there should be {wanted} fraud rows (half the legit rows), not {int((half_y == 1).sum())}.")
    # 1 % of the legit rows is fewer than the fraud rows there are: nothing to add, nothing to drop
    met_X, met_y = attempt(HINT_SMOTE, smote_oversample, X_train, y_train, ratio=0.01)
    expect(len(met_X) == len(X_train) and int((met_y == 1).sum()) == len(fraud_in), HINT_SMOTE,
           f"With ratio=0.01 the {len(fraud_in)} fraud rows are already more than enough: expected the {len(X_train)} rows "
           f"as they are, got {len(met_X)} rows with {int((met_y == 1).sum())} fraud.")


HINT_COST = (
    "Step 5: implement min_cost_threshold in src/fraud/evaluate.py — for each threshold of "
    "threshold_table, count missed frauds (FN) and false alarms (FP), and return the threshold "
    "with the lowest cost_fn * FN + cost_fp * FP."
)


def test_min_cost_threshold(split) -> None:
    # plain lists: like threshold_table, the function takes any array-like
    y = [0, 0, 0, 0, 1, 1]
    scores = [0.1, 0.2, 0.3, 0.7, 0.6, 0.9]
    # flagging >= 0.6 misses nothing and raises one false alarm; >= 0.9 misses one fraud
    got = attempt(HINT_COST, min_cost_threshold, y, scores, cost_fn=100.0, cost_fp=5.0)
    expect(got == pytest.approx(0.6), HINT_COST,
           f"Scores {scores} for labels {y}, a miss costs 100 and a false alarm 5: got threshold {got}, "
           f"expected 0.6 (flag score >= 0.6: no miss, one false alarm, cost 5).")
    got = attempt(HINT_COST, min_cost_threshold, y, scores, cost_fn=1.0, cost_fp=5.0)
    expect(got == pytest.approx(0.9), HINT_COST,
           f"Scores {scores} for labels {y}, a miss costs 1 and a false alarm 5: got threshold {got}, "
           f"expected 0.9 (flag score >= 0.9: one miss, no false alarm, cost 1).")

    X_train, X_val, _, y_train, y_val, _ = split
    with threadpool_limits(limits=1):
        model = clone(strategies()["plain"][0]).fit(X_train, y_train)
    val_scores = model.predict_proba(X_val)[:, 1]

    fraud = y_val.to_numpy() == 1

    def cost(threshold: float, cost_fn: float, cost_fp: float) -> float:
        flagged = val_scores >= threshold
        return cost_fn * int((fraud & ~flagged).sum()) + cost_fp * int((~fraud & flagged).sum())

    cheapest = min(cost(t, 100.0, 5.0) for t in threshold_table(y_val, val_scores)["threshold"])
    chosen = attempt(HINT_COST, min_cost_threshold, y_val, val_scores)
    expect(cost(chosen, 100.0, 5.0) == pytest.approx(cheapest), HINT_COST,
           f"On validation scores the chosen threshold {chosen:.3f} costs {cost(chosen, 100.0, 5.0):.0f}; the cheapest costs {cheapest:.0f}.")
    equal = attempt(HINT_COST, min_cost_threshold, y_val, val_scores, cost_fn=1.0, cost_fp=1.0)
    expect(chosen <= equal, HINT_COST, "Expensive misses should lower the threshold (more alerts) compared with equal costs.")


def _contains(estimator, kind) -> bool:
    """Whether ``estimator`` is, or holds (as a pipeline step or a parameter), a ``kind``."""
    parts = [estimator]
    if hasattr(estimator, "get_params"):
        parts += list(estimator.get_params(deep=True).values())
    parts += list(getattr(estimator, "__dict__", {}).values())
    return any(isinstance(part, kind) for part in parts)


def _fit_and_score(split, model, resampler) -> float:
    X_train, X_val, _, y_train, y_val, _ = split
    X_fit, y_fit = resampler(X_train, y_train) if resampler else (X_train, y_train)
    with threadpool_limits(limits=1):
        fitted = clone(model).fit(X_fit, y_fit)
    return ranking_metrics(y_val, fitted.predict_proba(X_val)[:, 1])["pr_auc"]


HINT_TREES = (
    'Step 6: add a tree ensemble to strategies() in src/fraud/models.py (e.g. RandomForestClassifier '
    'with class_weight="balanced_subsample", or HistGradientBoostingClassifier) and compare it.'
)


def test_tree_ensemble(split) -> None:
    from sklearn.ensemble import (
        ExtraTreesClassifier,
        GradientBoostingClassifier,
        HistGradientBoostingClassifier,
        RandomForestClassifier,
    )

    ensembles = (RandomForestClassifier, ExtraTreesClassifier, GradientBoostingClassifier, HistGradientBoostingClassifier)
    every = attempt(HINT_TREES, strategies)
    found = {name: entry for name, entry in every.items() if _contains(entry[0], ensembles)}
    kinds = {name: type(entry[0]).__name__ for name, entry in every.items()}
    expect(bool(found), HINT_TREES, f"No strategy uses a tree ensemble yet; the models are {kinds}.")
    fraud_rate = float(split[4].mean())
    for name, (model, resampler) in found.items():
        pr_auc = attempt(HINT_TREES, _fit_and_score, split, model, resampler)
        expect(pr_auc > 5 * fraud_rate, HINT_TREES, f'"{name}" reaches a PR-AUC of {pr_auc:.3f} on validation data (fraud rate {fraud_rate:.3f}).')


HINT_ISOLATION = (
    "Step 6: add an IsolationForest baseline to strategies() in src/fraud/models.py. It is "
    "unsupervised and has no predict_proba: wrap it so that predict_proba(X)[:, 1] is its anomaly "
    "score (-score_samples) min-max scaled to 0…1 on the training rows (clipped for new rows), "
    "which train.compare can rank."
)


@pytest.fixture(scope="module")
def outliers(split):
    """Ordinary rows and 20 far-off ones, in the columns of the transactions: an anomaly detector
    must rank the far-off rows first (on the real split frauds are barely unusual)."""
    columns = split[0].columns
    rng = np.random.default_rng(0)
    ordinary = rng.normal(0.0, 1.0, (600, len(columns)))
    far = rng.normal(0.0, 1.0, (20, len(columns))) + rng.choice([-6.0, 6.0], (20, len(columns)))
    X = pd.DataFrame(np.vstack([ordinary, far]), columns=columns)
    y = pd.Series([0] * len(ordinary) + [1] * len(far), name="Class")
    order = rng.permutation(len(X))
    return X.iloc[order].reset_index(drop=True), y.iloc[order].reset_index(drop=True)


def test_isolation_forest_baseline(outliers) -> None:
    every = attempt(HINT_ISOLATION, strategies)
    found = {name: entry for name, entry in every.items() if _contains(entry[0], IsolationForest)}
    kinds = {name: type(entry[0]).__name__ for name, entry in every.items()}
    expect(bool(found), HINT_ISOLATION, f"No strategy uses an IsolationForest yet; the models are {kinds}.")
    X, y = outliers
    ordinary = (y == 0).to_numpy()
    for name, (model, _) in found.items():
        with threadpool_limits(limits=1):
            fitted = attempt(HINT_ISOLATION, clone(model).fit, X, y)
        proba = np.asarray(attempt(HINT_ISOLATION, fitted.predict_proba, X), dtype=float)
        expect(proba.shape == (len(X), 2), HINT_ISOLATION,
               f'"{name}".predict_proba gives shape {proba.shape}; expected ({len(X)}, 2), one column per class.')
        classes = list(getattr(fitted, "classes_", []))
        expect(classes == [0, 1], HINT_ISOLATION,
               f'"{name}".classes_ is {classes}; like any classifier it should name the columns of predict_proba, [0, 1].')
        expect(bool(np.allclose(proba.sum(axis=1), 1.0)), HINT_ISOLATION,
               f'"{name}".predict_proba rows sum to {proba.sum(axis=1).min():.3f}…{proba.sum(axis=1).max():.3f}, not 1.')
        low, high = float(proba[:, 1].min()), float(proba[:, 1].max())
        expect(low == pytest.approx(0.0, abs=1e-9) and high == pytest.approx(1.0), HINT_ISOLATION,
               f'On its training rows "{name}" gives fraud probabilities from {low:.3f} to {high:.3f}; min-max scaling '
               f"the anomaly scores of the training rows gives exactly 0 to 1.")
        pr_auc = ranking_metrics(y, proba[:, 1])["pr_auc"]
        expect(pr_auc > 0.8, HINT_ISOLATION,
               f'"{name}" ranks 20 far-off rows among 600 ordinary ones with a PR-AUC of {pr_auc:.3f} (chance is '
               f"{y.mean():.3f}): a higher score must mean more unusual (negate score_samples).")
        with threadpool_limits(limits=1):
            calm = attempt(HINT_ISOLATION, clone(model).fit, X[ordinary], y[ordinary])
        beyond = np.asarray(attempt(HINT_ISOLATION, calm.predict_proba, X[~ordinary]), dtype=float)[:, 1]
        expect(bool(((beyond >= 0) & (beyond <= 1)).all()), HINT_ISOLATION,
               f'Fitted on ordinary rows only, "{name}" gives far-off rows fraud probabilities up to {beyond.max():.3f}: '
               f"clip the scaled score of rows beyond the training range to 0…1.")
