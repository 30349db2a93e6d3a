"""Compare naive baselines, SARIMA and an LSTM on walk-forward splits.

``python -m <package>.compare`` (synthetic data) or, for a CSV,
``python -m <package>.compare --csv data/raw/AAPL.csv --date-column Date --value-column Close --freq B --period 5``
"""
from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from functools import partial
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

from .classical import arima_forecast, naive_forecast, seasonal_naive_forecast
from .data import load_csv, make_synthetic_series
from .evaluation import backtest, summarize
from .lstm import LSTMConfig, lstm_forecast


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Classical vs LSTM forecasting on walk-forward splits.")
    p.add_argument("--csv", help="CSV file; without it a synthetic daily series is used")
    p.add_argument("--date-column", default="date")
    p.add_argument("--value-column", default="value")
    p.add_argument("--freq", default=None, help="regular frequency to put the data on: D, B, W, MS ...")
    p.add_argument("--period", type=int, default=7, help="season length in steps (7 daily-weekly, 5 business days, 12 monthly)")
    p.add_argument("--horizon", type=int, default=14, help="steps to forecast in each fold")
    p.add_argument("--folds", type=int, default=3)
    p.add_argument("--order", type=int, nargs=3, default=[1, 1, 1], metavar=("P", "D", "Q"))
    p.add_argument("--seasonal-order", type=int, nargs=3, default=[1, 0, 1], metavar=("SP", "SD", "SQ"))
    p.add_argument("--lstm-epochs", type=int, default=30)
    p.add_argument("--window", type=int, default=28, help="LSTM input window length")
    p.add_argument("--skip-lstm", action="store_true")
    p.add_argument("--out", default="outputs", help="folder for metrics.csv and forecast.png")
    p.add_argument("--db", help="also store predictions and metrics in this SQLite file")
    return p.parse_args(argv)


def plot_last_fold(series: pd.Series, predictions: pd.DataFrame, path: Path, context: int = 90) -> Path:
    last = predictions[predictions["fold"] == predictions["fold"].max()]
    start = last["date"].min()
    fig, ax = plt.subplots(figsize=(10, 4))
    history = series[series.index < start].iloc[-context:]
    ax.plot(history.index, history.values, color="black", label="history")
    ax.plot(last["date"].unique(), last.drop_duplicates("date")["actual"], color="black", linestyle="--", label="actual")
    for name, group in last.groupby("model"):
        ax.plot(group["date"], group["predicted"], label=name)
    ax.set_title("Last walk-forward fold")
    ax.legend()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def main(argv: Sequence[str] | None = None) -> pd.DataFrame:
    args = parse_args(argv)
    if args.csv:
        series = load_csv(args.csv, args.date_column, args.value_column, args.freq)
    else:
        series = make_synthetic_series()
        print("No --csv given: using a synthetic daily series (trend + weekly + yearly seasonality).")
    print(f"{len(series)} observations from {series.index.min().date()} to {series.index.max().date()}")

    forecasters = {
        "naive": naive_forecast,
        "seasonal_naive": partial(seasonal_naive_forecast, period=args.period),
        "sarima": partial(arima_forecast, order=tuple(args.order), seasonal_order=(*args.seasonal_order, args.period)),
    }
    if not args.skip_lstm:
        forecasters["lstm"] = partial(lstm_forecast, config=LSTMConfig(window=args.window, epochs=args.lstm_epochs))
    # TODO: add your own forecaster here (Holt-Winters: statsmodels ExponentialSmoothing, or a
    #       gradient-boosting model on lag features) — any function (train, horizon) -> array works.

    scores, predictions = backtest(series, forecasters, horizon=args.horizon, n_folds=args.folds,
                                   min_train=max(args.window + args.horizon, 2 * args.period) + 1)
    summary = summarize(scores)
    print("\nMean error over folds (lower is better):")
    print(summary.round(3).to_string())

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    scores.to_csv(out / "metrics.csv", index=False)
    print(f"\nPer-fold metrics: {out / 'metrics.csv'}; plot: {plot_last_fold(series, predictions, out / 'forecast.png')}")
    if args.db:
        with closing(sqlite3.connect(args.db)) as conn:  # store history + results for a dashboard or API
            series.rename("value").to_frame().to_sql("observations", conn, if_exists="replace")
            predictions.to_sql("predictions", conn, if_exists="replace", index=False)
            scores.to_sql("metrics", conn, if_exists="replace", index=False)
        print(f"Stored observations, predictions and metrics in {args.db}")
    return summary


if __name__ == "__main__":
    main()
