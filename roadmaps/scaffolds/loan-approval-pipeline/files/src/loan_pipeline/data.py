"""Data: a synthetic loan-application table, or any CSV with a binary target column."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

TARGET = "approved"
NUMERIC = ["applicant_income", "coapplicant_income", "loan_amount", "loan_term_months", "credit_history_years", "existing_debt"]
CATEGORICAL = ["employment", "education", "property_area", "married", "dependents"]


def make_synthetic_loans(n: int = 1000, seed: int = 0, missing_rate: float = 0.05) -> pd.DataFrame:
    """Loan applications with an ``approved`` column (1 = approved).

    Approval depends mostly on *ratios* — monthly repayment and existing debt relative to
    income — plus credit history and employment. The raw columns hold that information only
    indirectly, which is why engineered ratio features help (see ``features.py``).
    A share ``missing_rate`` of the values in some columns is missing, as in real data.
    """
    rng = np.random.default_rng(seed)
    income = rng.lognormal(8.3, 0.5, n).round(-1)  # monthly, ~4,000 median
    coincome = np.where(rng.random(n) < 0.45, rng.lognormal(7.6, 0.6, n), 0.0).round(-1)
    term = rng.choice([120, 180, 240, 360], size=n, p=[0.1, 0.15, 0.15, 0.6])
    amount = (income * rng.uniform(10, 60, n)).round(-2)
    history = rng.gamma(2.0, 3.0, n).round(1)
    debt = (income * rng.beta(2, 8, n) * 10).round(-1)
    employment = rng.choice(["salaried", "self_employed", "unemployed"], size=n, p=[0.7, 0.24, 0.06])
    education = rng.choice(["graduate", "not_graduate"], size=n, p=[0.75, 0.25])
    area = rng.choice(["urban", "semiurban", "rural"], size=n, p=[0.35, 0.4, 0.25])
    married = rng.choice(["yes", "no"], size=n, p=[0.65, 0.35])
    dependents = rng.choice(["0", "1", "2", "3+"], size=n, p=[0.55, 0.2, 0.15, 0.1])

    total_income = income + coincome
    payment_ratio = (amount / term) / total_income
    debt_ratio = debt / total_income
    logit = (
        2.0
        - 9.0 * payment_ratio
        - 2.5 * debt_ratio
        + 0.15 * np.minimum(history, 10)
        - 2.0 * (employment == "unemployed")
        - 0.4 * (employment == "self_employed")
        + 0.2 * (education == "graduate")
        + 0.2 * (area == "semiurban")
    )
    approved = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)

    df = pd.DataFrame(
        {
            "applicant_income": income,
            "coapplicant_income": coincome,
            "loan_amount": amount,
            "loan_term_months": term,
            "credit_history_years": history,
            "existing_debt": debt,
            "employment": employment,
            "education": education,
            "property_area": area,
            "married": married,
            "dependents": dependents,
            TARGET: approved,
        }
    )
    for column in ["loan_amount", "credit_history_years", "employment", "dependents"]:
        df.loc[rng.random(n) < missing_rate, column] = np.nan
    return df


def load_data(
    csv_path: str | Path | None = None,
    target: str = TARGET,
    drop: Sequence[str] = (),
    *,
    n: int = 1000,
    seed: int = 0,
) -> tuple[pd.DataFrame, pd.Series]:
    """Return features ``X`` and target ``y``.

    Without ``csv_path`` you get :func:`make_synthetic_loans`. With a CSV, ``drop`` lists
    columns that are identifiers or free text (for Kaggle's Titanic ``train.csv``:
    ``target="Survived", drop=["PassengerId", "Name", "Ticket", "Cabin"]``). A target
    spelled ``Y``/``N`` (as in some loan data sets) is turned into 1/0.
    """
    df = make_synthetic_loans(n=n, seed=seed) if csv_path is None else pd.read_csv(csv_path)
    df = df.dropna(subset=[target])
    y = df[target]
    if y.dtype == object:
        y = y.str.upper().map({"Y": 1, "YES": 1, "N": 0, "NO": 0})
    X = df.drop(columns=[target, *drop])
    return X, y.astype(int)
