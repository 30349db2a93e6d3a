"""Tests for the done parts; the commented tests at the end are for your TODOs."""

import numpy as np
import pandas as pd
import pytest

from fraud.data import load_transactions, make_synthetic_transactions, train_val_test_split
from fraud.evaluate import best_f1_threshold, metrics_at, ranking_metrics, threshold_table
from fraud.resampling import random_oversample, random_undersample
from fraud.train import compare


@pytest.fixture(scope="module")
def split():
    df = make_synthetic_transactions(n=4000, fraud_rate=0.03, seed=1)  # tiny, fast
    return train_val_test_split(df.drop(columns="Class"), df["Class"], seed=0)


def test_synthetic_data_is_imbalanced() -> None:
    X, y = load_transactions()
    assert "Class" not in X and "Amount" in X
    assert 0.005 < y.mean() < 0.02


def test_split_keeps_the_fraud_rate(split) -> None:
    *_, y_train, y_val, y_test = split
    assert abs(y_train.mean() - y_test.mean()) < 0.005
    assert y_val.sum() > 0


def test_undersampling_balances_and_keeps_all_frauds(split) -> None:
    X_train, _, _, y_train, _, _ = split
    X_res, y_res = random_undersample(X_train, y_train, ratio=2.0)
    assert y_res.sum() == y_train.sum()
    assert (y_res == 0).sum() == 2 * y_train.sum()
    assert list(X_res.columns) == list(X_train.columns) and len(X_res) == len(y_res)


def test_oversampling_balances(split) -> None:
    X_train, _, _, y_train, _, _ = split
    _, y_res = random_oversample(X_train, y_train)
    assert (y_res == 1).sum() == (y_res == 0).sum() == (y_train == 0).sum()


def test_metrics_on_hand_made_scores() -> None:
    y = np.array([0, 0, 0, 0, 1, 1])
    assert ranking_metrics(y, [0.1, 0.2, 0.3, 0.4, 0.8, 0.9])["pr_auc"] == pytest.approx(1.0)
    scores = np.array([0.1, 0.2, 0.3, 0.7, 0.6, 0.9])
    # Best F1: flag the top 3 (0.6 and above) -> 2 TP, 1 FP -> F1 = 0.8.
    assert best_f1_threshold(y, scores) == pytest.approx(0.6)
    m = metrics_at(y, scores, 0.6)
    assert (m["tp"], m["fp"], m["fn"], m["tn"]) == (2, 1, 0, 3)
    assert m["f1"] == pytest.approx(0.8)
    assert set(threshold_table(y, scores).columns) == {"threshold", "precision", "recall", "f1"}


def test_class_weights_raise_recall_at_default_threshold(split) -> None:
    X_train, X_val, _, y_train, y_val, _ = split
    table, fitted = compare(X_train, X_val, y_train, y_val)
    assert {"plain", "class weights", "undersample 1:1"} <= set(table.index)
    assert table.loc["class weights", "recall@0.5"] > table.loc["plain", "recall@0.5"]
    assert (table["pr_auc"] > y_val.mean()).all()  # every model beats random ranking


# TODO: once smote_oversample is written (resampling.py):
#
# def test_smote_creates_new_minority_points(split):
#     from fraud.resampling import smote_oversample
#     X_train, _, _, y_train, _, _ = split
#     X_res, y_res = smote_oversample(X_train, y_train)
#     assert (y_res == 1).sum() == (y_res == 0).sum()
#     new = X_res[y_res == 1].merge(X_train[y_train == 1], how="left", indicator=True)
#     assert (new["_merge"] == "left_only").any()        # really new rows, not copies
#     lo, hi = X_train[y_train == 1].min(), X_train[y_train == 1].max()
#     assert ((X_res[y_res == 1] >= lo - 1e-9) & (X_res[y_res == 1] <= hi + 1e-9)).all().all()
#
# TODO: and min_cost_threshold (evaluate.py): with cost_fn much larger than cost_fp the
# chosen threshold should be lower (more alerts) than with equal costs.
