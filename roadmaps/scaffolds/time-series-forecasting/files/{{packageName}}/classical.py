"""Classical forecasters: naive baselines and ARIMA / SARIMA (statsmodels)."""
from __future__ import annotations

import warnings
from collections.abc import Iterable

import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.sarimax import SARIMAX


def naive_forecast(train: pd.Series, horizon: int) -> np.ndarray:
    """Tomorrow = today. Surprisingly hard to beat for stock prices."""
    return np.repeat(float(train.iloc[-1]), horizon)


def seasonal_naive_forecast(train: pd.Series, horizon: int, period: int = 7) -> np.ndarray:
    """Repeat the last full season (e.g. last week's values for daily data)."""
    last_season = train.iloc[-period:].to_numpy(dtype=float)
    return np.resize(last_season, horizon)


def fit_sarimax(train: pd.Series, order: tuple[int, int, int], seasonal_order: tuple[int, int, int, int]):
    """Fit SARIMA(p,d,q)(P,D,Q,s) on ``train``; returns the fitted result (``.aic``, ``.forecast(steps)``,
    ``.summary()``, ``.plot_diagnostics()``).

    ``seasonal_order=(0, 0, 0, 0)`` gives plain ARIMA(p,d,q); ``d`` / ``D`` are the differencing
    orders (see analysis.differences_needed). Convergence warnings are silenced here to keep the
    output readable — look at ``result.summary()`` in the notebook when tuning.
    """
    model = SARIMAX(train.to_numpy(dtype=float), order=order, seasonal_order=seasonal_order,
                    enforce_stationarity=False, enforce_invertibility=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return model.fit(disp=False)


def arima_forecast(train: pd.Series, horizon: int, order: tuple[int, int, int] = (1, 1, 1),
                   seasonal_order: tuple[int, int, int, int] = (1, 0, 1, 7)) -> np.ndarray:
    """Fit SARIMA(p,d,q)(P,D,Q,s) on ``train`` (``fit_sarimax``) and forecast ``horizon`` steps."""
    return np.asarray(fit_sarimax(train, order, seasonal_order).forecast(steps=horizon), dtype=float)


def select_order(train: pd.Series, orders: Iterable[tuple[int, int, int]],
                 seasonal_orders: Iterable[tuple[int, int, int, int]] = ((0, 0, 0, 0),)
                 ) -> tuple[tuple[int, int, int], tuple[int, int, int, int]]:
    """The ``(order, seasonal_order)`` pair, among all combinations given, with the lowest AIC;
    ``ValueError`` when no candidates are given.

    TODO: fit each combination with ``fit_sarimax(train, order, seasonal_order)``, read its
    ``.aic`` and return the best pair. Start the candidates from
    the ACF/PACF plots, then check the residuals of the chosen model look like white noise
    (``result.plot_diagnostics()``, ``statsmodels.stats.diagnostic.acorr_ljungbox``).
    """
    raise NotImplementedError("TODO: select_order in classical.py")
