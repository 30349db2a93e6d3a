"""The model: training a demo pipeline, saving/loading it with joblib, predicting one row."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from app.schemas import LoanApplication, field_names, to_dict

FEATURES = field_names(LoanApplication)


def make_training_data(n: int = 2000, seed: int = 0) -> tuple[pd.DataFrame, pd.Series]:
    """Synthetic loan applications with the columns of :class:`LoanApplication`.

    Replace this with your real data, or train in the loan approval pipeline project and
    copy its ``.joblib`` file here: any fitted pipeline that takes these columns works.
    """
    rng = np.random.default_rng(seed)
    income = rng.lognormal(8.3, 0.5, n).round(-1)
    coincome = np.where(rng.random(n) < 0.45, rng.lognormal(7.6, 0.6, n), 0.0).round(-1)
    term = rng.choice([120, 180, 240, 360], size=n, p=[0.1, 0.15, 0.15, 0.6])
    amount = (income * rng.uniform(10, 60, n)).round(-2)
    history = rng.gamma(2.0, 3.0, n).round(1)
    debt = (income * rng.beta(2, 8, n) * 10).round(-1)
    X = pd.DataFrame(
        {
            "applicant_income": income,
            "coapplicant_income": coincome,
            "loan_amount": amount,
            "loan_term_months": term,
            "credit_history_years": history,
            "existing_debt": debt,
            "employment": rng.choice(["salaried", "self_employed", "unemployed"], n, p=[0.7, 0.24, 0.06]),
            "education": rng.choice(["graduate", "not_graduate"], n, p=[0.75, 0.25]),
            "property_area": rng.choice(["urban", "semiurban", "rural"], n),
            "married": rng.choice(["yes", "no"], n),
            "dependents": rng.choice(["0", "1", "2", "3+"], n, p=[0.55, 0.2, 0.15, 0.1]),
        }
    )
    total = income + coincome
    logit = 3.0 - 9.0 * (amount / term) / total - 2.5 * debt / total + 0.15 * np.minimum(history, 10)
    logit -= 2.0 * (X["employment"] == "unemployed").to_numpy()
    y = pd.Series((rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int), name="approved")
    return X, y


def build_pipeline() -> Pipeline:
    """Impute/scale numbers, one-hot encode categories, logistic regression."""
    pre = ColumnTransformer(
        [
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), make_column_selector(dtype_include="number")),
            ("cat", OneHotEncoder(handle_unknown="ignore"), make_column_selector(dtype_exclude="number")),
        ]
    )
    return Pipeline([("preprocess", pre), ("model", LogisticRegression(max_iter=1000))])


def train_demo_model(n: int = 2000, seed: int = 0) -> Pipeline:
    X, y = make_training_data(n, seed)
    return build_pipeline().fit(X, y)


def save_model(model: Any, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, path)
    return path


def load_model(path: str | Path) -> Any:
    """Load a fitted estimator; also accepts the ``{"pipeline": ...}`` bundles that the loan
    approval pipeline project saves."""
    obj = joblib.load(path)
    return obj["pipeline"] if isinstance(obj, dict) and "pipeline" in obj else obj


def model_version(path: str | Path) -> str:
    """A short content hash of the model file: stored with each prediction, so you can tell
    which model made it after you deploy a new one."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def predict_one(model: Any, application: LoanApplication, threshold: float = 0.5) -> tuple[bool, float]:
    """(approved, probability of approval) for one application."""
    row = pd.DataFrame([to_dict(application)], columns=FEATURES)
    probability = float(model.predict_proba(row)[0, 1])
    return probability >= threshold, probability
