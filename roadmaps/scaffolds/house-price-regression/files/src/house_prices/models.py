"""The candidate models, each a scikit-learn estimator or Pipeline."""

from __future__ import annotations

from sklearn.base import RegressorMixin
from sklearn.dummy import DummyRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler


def linear_pipeline(regressor: RegressorMixin) -> Pipeline:
    """Impute missing values with the median, standardise, then fit ``regressor``.

    Scaling matters for ridge and lasso: their penalty treats all coefficients alike,
    so features must be on comparable scales.
    """
    return make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), regressor)


def make_models(random_state: int = 0) -> dict[str, RegressorMixin]:
    """Name → unfitted model. ``evaluate.compare_models`` fits and scores each one."""
    models: dict[str, RegressorMixin] = {
        # Always keep a baseline: a model that cannot beat "predict the mean" has learned nothing.
        "baseline (mean)": DummyRegressor(strategy="mean"),
        "linear": linear_pipeline(LinearRegression()),
    }
    # TODO: add regularised linear models and a tree ensemble, e.g.
    #   "ridge": linear_pipeline(Ridge(alpha=1.0)),
    #   "lasso": linear_pipeline(Lasso(alpha=0.01, max_iter=10_000)),
    #   "gradient boosting": make_pipeline(SimpleImputer(strategy="median"),
    #                                      GradientBoostingRegressor(random_state=random_state)),
    # Then tune alpha with RidgeCV/LassoCV or cross-validation, and try
    # PolynomialFeatures(degree=2) in front of ridge.
    return models
