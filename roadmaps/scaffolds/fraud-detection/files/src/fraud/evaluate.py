"""Metrics that make sense when 99 % of the rows are one class, and threshold tuning.

Accuracy is useless here (always answering "not fraud" scores 99 %). Use the
precision–recall curve: precision = share of alerts that are fraud, recall = share of
frauds caught. Its area (average precision, "PR-AUC") summarises the ranking; the
threshold turns scores into decisions.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import (
    average_precision_score,
    confusion_matrix,
    f1_score,
    precision_recall_curve,
    precision_score,
    recall_score,
    roc_auc_score,
)


def ranking_metrics(y_true, scores) -> dict[str, float]:
    """PR-AUC (average precision) and ROC-AUC of the scores, before choosing any threshold.

    PR-AUC of a random model equals the fraud rate; ROC-AUC of a random model is 0.5 and
    looks flattering on imbalanced data.
    """
    return {"pr_auc": float(average_precision_score(y_true, scores)), "roc_auc": float(roc_auc_score(y_true, scores))}


def threshold_table(y_true, scores) -> pd.DataFrame:
    """Precision, recall and F1 for every candidate threshold (from ``precision_recall_curve``)."""
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    precision, recall = precision[:-1], recall[:-1]  # the last point has no threshold
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    return pd.DataFrame({"threshold": thresholds, "precision": precision, "recall": recall, "f1": f1})


def best_f1_threshold(y_true, scores) -> float:
    """The threshold with the highest F1 (choose it on validation data, not test data)."""
    table = threshold_table(y_true, scores)
    return float(table.loc[table["f1"].idxmax(), "threshold"])


def min_cost_threshold(y_true, scores, cost_fn: float = 100.0, cost_fp: float = 5.0) -> float:
    """The threshold with the lowest total cost of mistakes.

    TODO: a missed fraud (false negative) costs about ``cost_fn`` (e.g. the average fraud
    amount); a false alarm (false positive) costs ``cost_fp`` (a support call). For each
    threshold in ``threshold_table(...)["threshold"]`` compute
    ``cost = cost_fn * FN + cost_fp * FP`` and return the cheapest. How far is it from the
    best-F1 threshold?
    """
    raise NotImplementedError("TODO: implement min_cost_threshold in src/fraud/evaluate.py")


def metrics_at(y_true, scores, threshold: float) -> dict[str, float | int]:
    """Decision metrics when flagging every row with ``score >= threshold``."""
    pred = (np.asarray(scores) >= threshold).astype(int)
    tn, fp, fn, tp = confusion_matrix(y_true, pred, labels=[0, 1]).ravel()
    return {
        "threshold": float(threshold),
        "precision": float(precision_score(y_true, pred, zero_division=0)),
        "recall": float(recall_score(y_true, pred, zero_division=0)),
        "f1": float(f1_score(y_true, pred, zero_division=0)),
        "tp": int(tp),
        "fp": int(fp),
        "fn": int(fn),
        "tn": int(tn),
    }
