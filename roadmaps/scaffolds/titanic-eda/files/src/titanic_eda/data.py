"""Loading and tidying the Titanic passenger list.

The loader tries, in order: a CSV you saved yourself (Kaggle's ``train.csv``
works as it is), seaborn's copy of the data set (downloaded once, then cached),
and finally a synthetic passenger list generated in code, so that everything
here also runs offline.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd

#: The columns every loader returns, lower-case as in seaborn's copy.
COLUMNS = ["survived", "pclass", "sex", "age", "sibsp", "parch", "fare", "embarked"]
NUMERIC = ["age", "sibsp", "parch", "fare"]
CATEGORICAL = ["pclass", "sex", "embarked"]


def load_titanic(
    csv_path: str | Path | None = None,
    *,
    allow_download: bool = True,
    seed: int = 0,
) -> pd.DataFrame:
    """Return the Titanic data with the columns in :data:`COLUMNS`.

    ``df.attrs["source"]`` tells where the rows came from: the CSV path,
    ``"seaborn"`` or ``"synthetic"``. Check it before you write conclusions:
    findings on the synthetic fallback say nothing about the real ship.
    """
    if csv_path is not None and Path(csv_path).exists():
        df = pd.read_csv(csv_path)
        df.columns = [c.strip().lower() for c in df.columns]
        return _tidy(df, source=str(csv_path))

    if allow_download:
        try:
            import seaborn as sns

            return _tidy(sns.load_dataset("titanic"), source="seaborn")
        except Exception as exc:  # no network, blocked host, changed URL...
            warnings.warn(
                f"Could not load seaborn's Titanic data ({exc!r}); using a synthetic stand-in.",
                stacklevel=2,
            )
    return _tidy(make_synthetic_titanic(seed=seed), source="synthetic")


def make_synthetic_titanic(n: int = 891, seed: int = 0) -> pd.DataFrame:
    """Generate a Titanic-like passenger list (same columns, plausible patterns).

    Women and first-class passengers survive more often, fares depend on class,
    about 20 % of ages and two embarkation ports are missing, as in the real data.
    """
    rng = np.random.default_rng(seed)
    pclass = rng.choice([1, 2, 3], size=n, p=[0.24, 0.21, 0.55])
    sex = rng.choice(["male", "female"], size=n, p=[0.65, 0.35])
    age = np.clip(rng.normal(38 - 5 * (pclass - 1), 13, size=n), 0.4, 80).round(1)
    sibsp = rng.poisson(0.5, size=n)
    parch = rng.poisson(0.4, size=n)
    fare_log_mean = np.select([pclass == 1, pclass == 2], [4.2, 3.0], default=2.4)
    fare = rng.lognormal(fare_log_mean, 0.5).round(2)
    embarked = rng.choice(["S", "C", "Q"], size=n, p=[0.72, 0.19, 0.09]).astype(object)

    logit = -0.5 + 2.5 * (sex == "female") - 0.9 * (pclass - 1) - 0.02 * (age - 30) - 0.2 * sibsp
    survived = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)

    df = pd.DataFrame(
        {
            "survived": survived,
            "pclass": pclass,
            "sex": sex,
            "age": age,
            "sibsp": sibsp,
            "parch": parch,
            "fare": fare,
            "embarked": embarked,
        }
    )
    df.loc[rng.random(n) < 0.2, "age"] = np.nan
    df.loc[rng.choice(n, size=2, replace=False), "embarked"] = np.nan
    return df


def _tidy(df: pd.DataFrame, *, source: str) -> pd.DataFrame:
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"Titanic data lacks columns {missing}; got {list(df.columns)}")
    out = df[COLUMNS].copy()
    out["survived"] = out["survived"].astype(int)
    out["pclass"] = out["pclass"].astype(int)
    out["sex"] = out["sex"].astype("category")
    out["embarked"] = out["embarked"].astype("category")
    out.attrs["source"] = source
    return out


def missing_report(df: pd.DataFrame) -> pd.DataFrame:
    """Count and share (in %) of missing values per column, worst first."""
    counts = df.isna().sum()
    report = pd.DataFrame({"missing": counts, "percent": (100 * counts / len(df)).round(1)})
    return report.sort_values("missing", ascending=False)


def survival_rate_by(df: pd.DataFrame, column: str) -> pd.Series:
    """Share of survivors for each value of ``column`` (e.g. ``"sex"`` or ``"pclass"``)."""
    return df.groupby(column, observed=True)["survived"].mean().rename("survival_rate")


def fill_missing_age(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``df`` with no missing ``age``.

    TODO: replace the placeholder below. A good first rule: fill each missing
    age with the median age of passengers of the same ``pclass`` and ``sex``
    (``df.groupby([...])["age"].transform("median")``); a passenger whose class
    and sex have no known age at all gets the overall median age. Compare the age
    distribution before and after: did the fill change its shape?
    """
    out = df.copy()
    # TODO: fill out["age"] here.
    return out


def add_family_features(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``df`` with family features added.

    TODO: add ``family_size`` (``sibsp + parch + 1``) and ``is_alone``
    (``family_size == 1``), then look at ``survival_rate_by(df, "family_size")``.
    """
    out = df.copy()
    # TODO: add the new columns here.
    return out
