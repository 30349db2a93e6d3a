"""Metrics, model comparison and diagnostic plots."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from sklearn.base import RegressorMixin, clone
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import KFold, cross_val_score


def regression_metrics(y_true, y_pred) -> dict[str, float]:
    """RMSE and MAE (in the target's units) and R² (share of variance explained)."""
    return {
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "r2": float(r2_score(y_true, y_pred)),
    }


def compare_models(
    models: dict[str, RegressorMixin],
    X_train: pd.DataFrame,
    X_test: pd.DataFrame,
    y_train: pd.Series,
    y_test: pd.Series,
) -> tuple[pd.DataFrame, dict[str, RegressorMixin]]:
    """Fit a fresh copy of every model on the training set and score it on the test set.

    Returns the table of test metrics (best RMSE first) and the fitted models.
    """
    rows, fitted = [], {}
    for name, model in models.items():
        est = clone(model).fit(X_train, y_train)
        fitted[name] = est
        rows.append({"model": name, **regression_metrics(y_test, est.predict(X_test))})
    table = pd.DataFrame(rows).set_index("model").sort_values("rmse")
    return table, fitted


def cross_val_rmse(model: RegressorMixin, X: pd.DataFrame, y: pd.Series, cv: int = 5, seed: int = 0) -> np.ndarray:
    """RMSE of each of ``cv`` folds (more honest than one train/test split)."""
    folds = KFold(n_splits=cv, shuffle=True, random_state=seed)
    return -cross_val_score(model, X, y, cv=folds, scoring="neg_root_mean_squared_error")


def plot_predictions(y_true, y_pred, title: str = "Predicted vs actual") -> Figure:
    """Predicted against actual values, and residuals against predictions."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
    ax1.scatter(y_true, y_pred, s=6, alpha=0.4)
    lims = [min(y_true.min(), y_pred.min()), max(y_true.max(), y_pred.max())]
    ax1.plot(lims, lims, "k--", lw=1)
    ax1.set(xlabel="actual", ylabel="predicted", title=title)
    ax2.scatter(y_pred, y_true - y_pred, s=6, alpha=0.4)
    ax2.axhline(0, color="k", lw=1)
    ax2.set(xlabel="predicted", ylabel="residual (actual − predicted)", title="Residuals")
    fig.tight_layout()
    return fig
