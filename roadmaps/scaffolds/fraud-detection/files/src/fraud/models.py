"""The strategies to compare: each says how to train on imbalanced data."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

from fraud.resampling import random_oversample, random_undersample, smote_oversample

Resampler = Callable[[pd.DataFrame, pd.Series], tuple[pd.DataFrame, pd.Series]]


def logistic(class_weight: str | dict | None = None) -> Pipeline:
    """Scaled logistic regression; ``class_weight="balanced"`` makes each fraud count as
    much as (number of legit / number of fraud) legit rows in the loss."""
    return make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight=class_weight))


def strategies(seed: int = 0) -> dict[str, tuple[Pipeline, Resampler | None]]:
    """Name → (model, resampler applied to the training data or None). ``seed`` is the
    ``random_state`` of every model that draws random numbers, so each run gives the same models."""
    return {
        "plain": (logistic(), None),
        "class weights": (logistic("balanced"), None),
        "undersample 1:1": (logistic(), random_undersample),
        "oversample 1:1": (logistic(), random_oversample),
        "SMOTE": (logistic(), smote_oversample),  # TODO in resampling.py
        # TODO: add a tree ensemble, e.g. RandomForestClassifier(class_weight="balanced_subsample",
        # random_state=seed) or HistGradientBoostingClassifier(class_weight="balanced", random_state=seed),
        # and an IsolationForest anomaly score as an unsupervised baseline.
    }
