"""Checks for the TODO steps of the README's "The work" list.

Run them with ``pytest checks``. Each one fails with a hint until its step is done; plain
``pytest`` runs only the tests of the parts that were done for you.
"""

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


def attempt(hint, fn, *args, **kwargs):
    """Call the learner's code; if it raises, fail with the hint instead of a traceback."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}"
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


def test_smote(split) -> None:
    X_train, _, _, y_train, _, _ = split
    X_res, y_res = attempt(HINT_SMOTE, smote_oversample, X_train, y_train)
    expect(len(X_res) == len(y_res) and list(X_res.columns) == list(X_train.columns), HINT_SMOTE,
           "Return (X, y) with the same columns as the input and one label per row.")
    n_fraud, n_legit = int((y_res == 1).sum()), int((y_res == 0).sum())
    expect(n_fraud == n_legit == int((y_train == 0).sum()), HINT_SMOTE,
           f"After resampling: {n_fraud} fraud and {n_legit} legit rows; the input had {int((y_train == 0).sum())} legit rows.")
    fraud_in, fraud_out = X_train[(y_train == 1).to_numpy()], X_res[(y_res == 1).to_numpy()]
    originals = set(map(tuple, np.round(fraud_in.to_numpy(), 9)))
    out_rows = [tuple(row) for row in np.round(fraud_out.to_numpy(), 9)]
    expect(originals <= set(out_rows), HINT_SMOTE, "Some original fraud rows are gone.")
    new = [row for row in out_rows if row not in originals]
    expect(len(new) > 0.5 * len(out_rows), HINT_SMOTE, "The added fraud rows are copies: SMOTE creates new points.")
    lo, hi = fraud_in.min().to_numpy(), fraud_in.max().to_numpy()
    inside = ((np.array(new) >= lo - 1e-9) & (np.array(new) <= hi + 1e-9)).all()
    expect(bool(inside), HINT_SMOTE, "New rows lie outside the range of the fraud rows: interpolate between neighbours.")
    legit_in = np.sort(np.round(X_train[(y_train == 0).to_numpy()].to_numpy(), 9), axis=0)
    legit_out = np.sort(np.round(X_res[(y_res == 0).to_numpy()].to_numpy(), 9), axis=0)
    expect(np.array_equal(legit_in, legit_out), HINT_SMOTE, "The legitimate rows must stay as they are.")


HINT_COST = (
    "Step 5: implement min_cost_threshold in src/fraud/evaluate.py — for each threshold of "
    "threshold_table, count missed frauds (FN) and false alarms (FP), and return the threshold "
    "with the lowest cost_fn * FN + cost_fp * FP."
)


def test_min_cost_threshold(split) -> None:
    y = np.array([0, 0, 0, 0, 1, 1])
    scores = np.array([0.1, 0.2, 0.3, 0.7, 0.6, 0.9])
    # flagging >= 0.6 misses nothing and raises one false alarm; >= 0.9 misses one fraud
    got = attempt(HINT_COST, min_cost_threshold, y, scores, cost_fn=100.0, cost_fp=5.0)
    expect(got == pytest.approx(0.6), HINT_COST, f"Misses cost 100, false alarms 5: got threshold {got}.")
    got = attempt(HINT_COST, min_cost_threshold, y, scores, cost_fn=1.0, cost_fp=5.0)
    expect(got == pytest.approx(0.9), HINT_COST, f"Misses cost 1, false alarms 5: got threshold {got}.")

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
    found = {name: entry for name, entry in attempt(HINT_TREES, strategies).items() if _contains(entry[0], ensembles)}
    expect(bool(found), HINT_TREES, "No strategy uses a tree ensemble yet.")
    fraud_rate = float(split[4].mean())
    for name, (model, resampler) in found.items():
        pr_auc = attempt(HINT_TREES, _fit_and_score, split, model, resampler)
        expect(pr_auc > 5 * fraud_rate, HINT_TREES, f'"{name}" reaches a PR-AUC of {pr_auc:.3f} on validation data (fraud rate {fraud_rate:.3f}).')


HINT_ISOLATION = (
    "Step 6: add an IsolationForest baseline to strategies() in src/fraud/models.py. It is "
    "unsupervised and has no predict_proba: wrap it so that predict_proba(X)[:, 1] is its anomaly "
    "score (-score_samples) scaled to 0…1, which train.compare can rank."
)


def test_isolation_forest_baseline(split) -> None:
    found = {name: entry for name, entry in attempt(HINT_ISOLATION, strategies).items() if _contains(entry[0], IsolationForest)}
    expect(bool(found), HINT_ISOLATION, "No strategy uses an IsolationForest yet.")
    fraud_rate = float(split[4].mean())
    for name, (model, resampler) in found.items():
        pr_auc = attempt(HINT_ISOLATION, _fit_and_score, split, model, resampler)
        expect(pr_auc > fraud_rate, HINT_ISOLATION, f'"{name}" ranks no better than chance: PR-AUC {pr_auc:.3f}, fraud rate {fraud_rate:.3f}.')
