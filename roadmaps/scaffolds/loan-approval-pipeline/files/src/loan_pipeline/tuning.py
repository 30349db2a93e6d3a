"""Cross-validation, hyperparameter search and the final test-set report."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import classification_report, confusion_matrix, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline

SCORING = ["accuracy", "precision", "recall", "f1", "roc_auc"]

#: Starting grid: regularisation strength of the logistic regression.
PARAM_GRID: dict[str, list[Any]] | list[dict[str, list[Any]]] = {"model__C": [0.01, 0.1, 1.0, 10.0]}
# TODO: compare model families in one search with a list of grids, e.g.
# PARAM_GRID = [
#     {"model": [LogisticRegression(max_iter=1000)], "model__C": [0.1, 1.0, 10.0]},
#     {"model": [RandomForestClassifier(random_state=0)], "model__n_estimators": [200, 500],
#      "model__max_depth": [None, 5, 10]},
#     {"model": [HistGradientBoostingClassifier(random_state=0)], "model__learning_rate": [0.05, 0.1]},
# ]
# and tune preprocessing too, e.g. "preprocess__num__impute__strategy": ["median", "mean"].


def folds(cv: int = 5, seed: int = 0) -> StratifiedKFold:
    """Stratified, shuffled folds: every fold keeps the class balance."""
    return StratifiedKFold(n_splits=cv, shuffle=True, random_state=seed)


def evaluate_cv(pipeline: Pipeline, X: pd.DataFrame, y: pd.Series, cv: int = 5, seed: int = 0) -> pd.DataFrame:
    """Mean and standard deviation of each metric in :data:`SCORING` over ``cv`` folds.

    The whole pipeline is refitted in every fold, so imputation and scaling never see the
    validation rows: no leakage.
    """
    scores = cross_validate(pipeline, X, y, cv=folds(cv, seed), scoring=SCORING)
    table = {m: (np.mean(scores[f"test_{m}"]), np.std(scores[f"test_{m}"])) for m in SCORING}
    return pd.DataFrame(table, index=["mean", "std"]).T


def grid_search(
    pipeline: Pipeline,
    X: pd.DataFrame,
    y: pd.Series,
    param_grid: dict[str, list[Any]] | list[dict[str, list[Any]]] | None = None,
    cv: int = 5,
    scoring: str = "roc_auc",
    seed: int = 0,
) -> GridSearchCV:
    """Fit a GridSearchCV over ``param_grid`` (default :data:`PARAM_GRID`), refit on all of ``X``."""
    search = GridSearchCV(
        pipeline,
        param_grid if param_grid is not None else PARAM_GRID,
        cv=folds(cv, seed),
        scoring=scoring,
        n_jobs=-1,
    )
    return search.fit(X, y)


def holdout_report(model: Pipeline, X_test: pd.DataFrame, y_test: pd.Series) -> dict[str, Any]:
    """Held-out metrics: ROC-AUC, confusion matrix and the per-class report (as text)."""
    proba = model.predict_proba(X_test)[:, 1]
    pred = model.predict(X_test)
    return {
        "roc_auc": float(roc_auc_score(y_test, proba)),
        "confusion_matrix": confusion_matrix(y_test, pred).tolist(),
        "report": classification_report(y_test, pred, digits=3),
    }
