"""Getting a series: a synthetic seasonal generator (offline) or a CSV of stock / sales / weather data."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd


def make_synthetic_series(n: int = 730, start: str = "2022-01-01", freq: str = "D", level: float = 100.0,
                          trend: float = 0.05, weekly_amplitude: float = 8.0, yearly_amplitude: float = 15.0,
                          noise: float = 3.0, seed: int = 0, name: str = "sales") -> pd.Series:
    """Daily "sales": level + linear trend + weekly and yearly seasonality + AR(1) noise.

    Every component is known, so you can check whether decomposition and the models recover it.
    """
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    ar_noise = np.zeros(n)
    shocks = rng.normal(0.0, noise, n)
    for i in range(1, n):
        ar_noise[i] = 0.5 * ar_noise[i - 1] + shocks[i]
    values = (level + trend * t
              + weekly_amplitude * np.sin(2 * np.pi * t / 7)
              + yearly_amplitude * np.sin(2 * np.pi * t / 365.25)
              + ar_noise)
    index = pd.date_range(start=start, periods=n, freq=freq, name="date")
    return pd.Series(values, index=index, name=name)


def load_csv(path: str | Path, date_column: str = "date", value_column: str = "value",
             freq: str | None = None) -> pd.Series:
    """Read one column of a CSV as a time-indexed float series.

    Rows are sorted by date and duplicate dates dropped. With ``freq`` (e.g. ``"D"`` daily, ``"B"``
    business days for stocks, ``"W"`` weekly) the series is put on a regular grid and gaps are
    forward-filled — models such as SARIMA assume evenly spaced observations.

    Examples: a Yahoo Finance export (``date_column="Date", value_column="Close", freq="B"``), a
    Kaggle daily climate CSV (``"date"``, ``"meantemp"``, ``"D"``), a store-sales CSV.
    """
    frame = pd.read_csv(path)
    missing = {date_column, value_column} - set(frame.columns)
    if missing:
        raise KeyError(f"{path}: no column(s) {sorted(missing)}; columns are {list(frame.columns)}")
    frame[date_column] = pd.to_datetime(frame[date_column])
    frame = frame.sort_values(date_column).drop_duplicates(subset=date_column, keep="last")
    series = frame.set_index(date_column)[value_column].astype(float)
    series.index.name = "date"
    if freq:
        series = series.asfreq(freq).ffill()
    # TODO: for sales data, aggregate to weekly totals with series.resample("W").sum() and compare
    #       how easy the daily and weekly series are to forecast.
    return series.dropna()
