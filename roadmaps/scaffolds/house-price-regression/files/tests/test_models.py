"""Tests for the done parts; the commented test at the end is for your TODO in models.py."""

import numpy as np
import pytest
from sklearn.model_selection import train_test_split

from house_prices.data import FEATURES, load_housing, make_synthetic_housing
from house_prices.evaluate import compare_models, cross_val_rmse, plot_predictions, regression_metrics
from house_prices.models import make_models


@pytest.fixture(scope="module")
def split():
    X, y = make_synthetic_housing(n=400, seed=3)  # tiny, fast, no download
    return train_test_split(X, y, test_size=0.25, random_state=0)


def test_metrics_on_known_values() -> None:
    m = regression_metrics([1.0, 2.0, 3.0], [1.0, 2.0, 5.0])
    assert m["mae"] == pytest.approx(2 / 3)
    assert m["rmse"] == pytest.approx(np.sqrt(4 / 3))
    assert m["r2"] == pytest.approx(1 - 4 / 2)


def test_offline_loader_has_california_columns() -> None:
    X, y = load_housing(allow_download=False)
    assert X.attrs["source"] == "synthetic"
    assert list(X.columns) == FEATURES
    assert len(X) == len(y) and y.notna().all()


def test_loader_reads_a_csv_and_keeps_numeric_columns(tmp_path) -> None:
    X, y = make_synthetic_housing(n=30)
    df = X.assign(Id=range(30), Street="Pave", SalePrice=y * 100_000)
    df.to_csv(tmp_path / "train.csv", index=False)
    X2, y2 = load_housing(tmp_path / "train.csv", target="SalePrice")
    assert list(X2.columns) == FEATURES  # text column and Id dropped
    assert y2.iloc[0] == pytest.approx(y.iloc[0] * 100_000)


def test_linear_model_beats_the_baseline(split) -> None:
    X_train, X_test, y_train, y_test = split
    table, fitted = compare_models(make_models(), X_train, X_test, y_train, y_test)
    assert {"baseline (mean)", "linear"} <= set(table.index)
    assert table.loc["linear", "rmse"] < table.loc["baseline (mean)", "rmse"]
    assert table.loc["linear", "r2"] > 0.3
    assert abs(table.loc["baseline (mean)", "r2"]) < 0.05


def test_cross_validation_and_plot(split) -> None:
    X_train, _, y_train, _ = split
    scores = cross_val_rmse(make_models()["linear"], X_train, y_train, cv=3)
    assert scores.shape == (3,) and (scores > 0).all()
    fig = plot_predictions(y_train, y_train * 0.9)
    assert len(fig.axes) == 2


# TODO: once you have added ridge, lasso and gradient boosting to make_models():
#
# def test_all_models_present_and_boosting_wins(split):
#     X_train, X_test, y_train, y_test = split
#     table, _ = compare_models(make_models(), X_train, X_test, y_train, y_test)
#     assert {"ridge", "lasso", "gradient boosting"} <= set(table.index)
#     # the synthetic price depends non-linearly on location:
#     assert table.loc["gradient boosting", "rmse"] < table.loc["linear", "rmse"]
