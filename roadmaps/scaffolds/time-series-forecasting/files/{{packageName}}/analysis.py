"""Understanding a series: decomposition, stationarity tests, differencing."""
from __future__ import annotations

import pandas as pd
from statsmodels.tsa.seasonal import DecomposeResult, seasonal_decompose
from statsmodels.tsa.stattools import adfuller


def decompose(series: pd.Series, period: int = 7, model: str = "additive") -> DecomposeResult:
    """Split into trend + seasonal + residual (moving-average method). ``.plot()`` the result.

    TODO: compare with STL (statsmodels.tsa.seasonal.STL), which copes better with changing
    seasonality and outliers.
    """
    return seasonal_decompose(series.dropna(), period=period, model=model)


def adf_test(series: pd.Series, alpha: float = 0.05) -> dict[str, float | bool]:
    """Augmented Dickey-Fuller test. Null hypothesis: the series has a unit root (is NOT stationary).

    A p-value below ``alpha`` rejects it, i.e. the series looks stationary.
    """
    statistic, p_value, used_lags, n_obs, *_ = adfuller(series.dropna(), autolag="AIC")
    return {"statistic": float(statistic), "p_value": float(p_value), "lags": int(used_lags),
            "n_obs": int(n_obs), "stationary": bool(p_value < alpha)}


def difference(series: pd.Series, lag: int = 1, order: int = 1) -> pd.Series:
    """Apply ``order`` rounds of lag-``lag`` differencing (lag 1 removes trend, lag 7 weekly seasonality)."""
    for _ in range(order):
        series = series.diff(lag)
    return series.dropna()


def differences_needed(series: pd.Series, max_d: int = 2, alpha: float = 0.05) -> int:
    """Smallest number of first differences after which the ADF test calls the series stationary.

    A rough guide for ARIMA's ``d``; check it against the ACF/PACF plots.
    """
    for d in range(max_d + 1):
        if adf_test(difference(series, 1, d) if d else series, alpha)["stationary"]:
            return d
    return max_d
