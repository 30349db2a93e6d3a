"""Exploratory data analysis of the Titanic passenger list."""

from titanic_eda.data import (
    add_family_features,
    fill_missing_age,
    load_titanic,
    make_synthetic_titanic,
    missing_report,
    survival_rate_by,
)

__all__ = [
    "add_family_features",
    "fill_missing_age",
    "load_titanic",
    "make_synthetic_titanic",
    "missing_report",
    "survival_rate_by",
]
