# Tests for the parts of {{projectName}} that are already done. Offline; about ten seconds.
import numpy as np
import pandas as pd
import pytest

from {{packageName}}.analysis import adf_test, decompose, difference, differences_needed
from {{packageName}}.classical import arima_forecast, naive_forecast, seasonal_naive_forecast
from {{packageName}}.compare import main
from {{packageName}}.data import load_csv, make_synthetic_series
from {{packageName}}.evaluation import backtest, forecast_metrics, walk_forward_splits
from {{packageName}}.lstm import LSTMConfig, LSTMModel, make_windows


def test_synthetic_series_is_daily_and_seasonal():
    series = make_synthetic_series(n=200, noise=0.0, yearly_amplitude=0.0, trend=0.0)
    assert len(series) == 200 and series.index.freqstr == "D"
    np.testing.assert_allclose(series.values[:-7], series.values[7:], atol=1e-9)  # weekly period


def test_load_csv_sorts_and_fills_gaps(tmp_path):
    csv = tmp_path / "stock.csv"
    pd.DataFrame({"Date": ["2024-01-03", "2024-01-01", "2024-01-05"], "Close": [3.0, 1.0, 5.0]}).to_csv(csv, index=False)
    series = load_csv(csv, "Date", "Close", freq="D")
    assert list(series.values) == [1.0, 1.0, 3.0, 3.0, 5.0]


def test_metrics_known_values():
    scores = forecast_metrics([1, 2, 3], [1, 2, 5])
    assert scores["mae"] == pytest.approx(2 / 3)
    assert scores["mse"] == pytest.approx(4 / 3)
    assert scores["rmse"] == pytest.approx(np.sqrt(4 / 3))


def test_walk_forward_splits_are_chronological_and_contiguous():
    splits = walk_forward_splits(100, horizon=10, n_folds=3)
    assert splits == [(70, 80), (80, 90), (90, 100)]
    with pytest.raises(ValueError):
        walk_forward_splits(40, horizon=10, n_folds=3, min_train=30)


def test_stationarity_tools():
    rng = np.random.default_rng(0)
    random_walk = pd.Series(np.cumsum(rng.normal(size=500)))
    assert not adf_test(random_walk)["stationary"]
    assert adf_test(difference(random_walk))["stationary"]
    assert differences_needed(random_walk) == 1
    parts = decompose(make_synthetic_series(n=120), period=7)
    assert parts.seasonal.shape == (120,)


def test_baselines_and_arima_return_horizon_values():
    series = make_synthetic_series(n=120)
    assert len(naive_forecast(series, 5)) == 5
    assert list(seasonal_naive_forecast(series, 9, period=7)[:7]) == list(series.values[-7:])
    forecast = arima_forecast(series, 7, order=(1, 1, 0), seasonal_order=(0, 0, 0, 0))
    assert forecast.shape == (7,) and np.isfinite(forecast).all()


def test_lstm_windows_and_training():
    X, y = make_windows(np.arange(10), window=4, horizon=2)
    assert X.shape == (5, 4) and y.shape == (5, 2)
    assert list(X[0]) == [0, 1, 2, 3] and list(y[0]) == [4, 5]
    series = make_synthetic_series(n=200)
    model = LSTMModel(horizon=7, config=LSTMConfig(window=14, epochs=5)).fit(series)
    assert model.losses[-1] < model.losses[0]
    assert model.predict(series).shape == (7,)


def test_backtest_and_cli(tmp_path):
    series = make_synthetic_series(n=150)
    scores, predictions = backtest(series, {"naive": naive_forecast}, horizon=7, n_folds=2)
    assert len(scores) == 2 and len(predictions) == 14
    summary = main(["--skip-lstm", "--folds", "1", "--horizon", "7", "--out", str(tmp_path),
                    "--db", str(tmp_path / "results.db")])
    assert set(summary.index) == {"naive", "seasonal_naive", "sarima"}
    assert (tmp_path / "metrics.csv").exists() and (tmp_path / "forecast.png").exists()


# TODO: once you add MASE to forecast_metrics, test that the seasonal-naive forecast scores
#       exactly 1.0 against itself and that a perfect forecast scores 0.
