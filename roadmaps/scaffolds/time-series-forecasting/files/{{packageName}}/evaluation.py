"""Error metrics and walk-forward (expanding window) backtesting."""
from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

# A forecaster takes the training history and a horizon and returns `horizon` predictions.
Forecaster = Callable[[pd.Series, int], np.ndarray]


def mae(y_true, y_pred) -> float:
    return float(np.mean(np.abs(np.asarray(y_true) - np.asarray(y_pred))))


def mse(y_true, y_pred) -> float:
    return float(np.mean((np.asarray(y_true) - np.asarray(y_pred)) ** 2))


def rmse(y_true, y_pred) -> float:
    return float(np.sqrt(mse(y_true, y_pred)))


def mape(y_true, y_pred) -> float:
    """Mean absolute percentage error, in percent: mean(|y − ŷ| / |y|) · 100.

    TODO: implement it; raise ``ValueError`` when ``y_true`` holds a zero (the percentage is
    undefined there — one reason to prefer MASE).
    """
    raise NotImplementedError("TODO: mape in evaluation.py")


def mase(y_true, y_pred, train, period: int = 1) -> float:
    """Mean absolute scaled error: the MAE of the forecast divided by the in-sample MAE of the
    seasonal-naive forecast on ``train`` (``mean(|train[t] − train[t − period]|)``).

    Below 1 the forecast beats the naive one; it compares across series of different scale.
    Raise ``ValueError`` when the naive forecast is perfect on ``train`` (the scale is 0).
    TODO: implement it.
    """
    raise NotImplementedError("TODO: mase in evaluation.py")


def forecast_metrics(y_true, y_pred) -> dict[str, float]:
    # TODO: once mape and mase are written, report them here too (mase needs the training data).
    return {"mae": mae(y_true, y_pred), "mse": mse(y_true, y_pred), "rmse": rmse(y_true, y_pred)}


def walk_forward_splits(n: int, horizon: int, n_folds: int = 3, min_train: int = 30) -> list[tuple[int, int]]:
    """``(train_end, test_end)`` index pairs for expanding-window evaluation.

    The last ``n_folds * horizon`` points are cut into consecutive test windows; each fold trains
    on everything before its window. The test data is always *after* the training data — never
    shuffle a time series.
    """
    first_test = n - n_folds * horizon
    if first_test < min_train:
        raise ValueError(f"series of {n} points is too short for {n_folds} folds of {horizon} "
                         f"with at least {min_train} training points")
    return [(first_test + k * horizon, first_test + (k + 1) * horizon) for k in range(n_folds)]


def backtest(series: pd.Series, forecasters: Mapping[str, Forecaster], horizon: int = 14, n_folds: int = 3,
             min_train: int = 30) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run every forecaster on every fold.

    Returns ``(scores, predictions)``: one row of MAE/MSE/RMSE per model and fold, and the
    predictions in long form (date, model, fold, actual, predicted) for plotting or storing.
    """
    scores, predictions = [], []
    for fold, (train_end, test_end) in enumerate(walk_forward_splits(len(series), horizon, n_folds, min_train)):
        train, test = series.iloc[:train_end], series.iloc[train_end:test_end]
        for name, forecast in forecasters.items():
            predicted = np.asarray(forecast(train, len(test)), dtype=float)
            scores.append({"model": name, "fold": fold, **forecast_metrics(test.values, predicted)})
            predictions.append(pd.DataFrame({"date": test.index, "model": name, "fold": fold,
                                             "actual": test.values, "predicted": predicted}))
    return pd.DataFrame(scores), pd.concat(predictions, ignore_index=True)


def summarize(scores: pd.DataFrame) -> pd.DataFrame:
    """Mean metrics per model over the folds, best RMSE first."""
    return scores.groupby("model")[["mae", "mse", "rmse"]].mean().sort_values("rmse")
