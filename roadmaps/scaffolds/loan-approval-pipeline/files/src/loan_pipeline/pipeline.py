"""Preprocessing + model as one estimator: fit it, cross-validate it, save it, serve it."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from sklearn.base import ClassifierMixin
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

from loan_pipeline.features import add_ratio_features


def build_preprocessor() -> ColumnTransformer:
    """Impute + scale numeric columns; impute + one-hot encode the others.

    Columns are chosen by dtype when the pipeline is fitted, so engineered columns and
    other data sets (Titanic) need no code change. ``handle_unknown="ignore"`` keeps
    prediction working when a category appears that training never saw.
    """
    numeric = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
    categorical = Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore")),
        ]
    )
    return ColumnTransformer(
        [
            ("num", numeric, make_column_selector(dtype_include="number")),
            ("cat", categorical, make_column_selector(dtype_exclude="number")),
        ]
    )


def build_pipeline(
    model: ClassifierMixin | None = None,
    features: Callable[[pd.DataFrame], pd.DataFrame] | None = add_ratio_features,
) -> Pipeline:
    """``features`` (feature engineering) → ``preprocess`` → ``model``.

    Step names matter for tuning: grid keys look like ``"model__C"`` or
    ``"preprocess__num__impute__strategy"``.
    """
    steps = []
    if features is not None:
        steps.append(("features", FunctionTransformer(features)))
    steps.append(("preprocess", build_preprocessor()))
    # TODO: try feature selection here, e.g. ("select", SelectKBest(f_classif, k=10)),
    #       and tune k in the grid.
    steps.append(("model", model if model is not None else LogisticRegression(max_iter=1000)))
    return Pipeline(steps)
