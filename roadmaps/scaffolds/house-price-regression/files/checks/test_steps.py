"""Checks for the TODO steps of the README's "The work" list.

Run them with ``pytest checks``. Each one fails with a hint until its step is done; plain
``pytest`` runs only the tests of the parts that were done for you.
"""

import traceback
from pathlib import Path

import numpy as np
import pytest
from sklearn.model_selection import train_test_split

from house_prices.data import make_synthetic_housing
from house_prices.evaluate import compare_models
from house_prices.models import make_models


def expect(condition: bool, hint: str, detail: str = "") -> None:
    """Fail with the hint as the first line (and what was seen after it), without a traceback."""
    if not condition:
        pytest.fail(hint + (f"\n{detail}" if detail else ""), pytrace=False)


PROJECT = Path(__file__).resolve().parents[1]


def learner_frame(tb) -> str:
    """The deepest frame of the traceback in the project's own code (not checks/, tests/ or a
    virtual environment), as a traceback line, so the editor can put the failure on that line."""
    where = ""
    for frame, line in traceback.walk_tb(tb):
        path = Path(frame.f_code.co_filename).resolve()
        if PROJECT not in path.parents:
            continue
        parts = path.relative_to(PROJECT).parts
        if parts[0] in ("checks", "tests") or parts[0].startswith(".") or "site-packages" in parts:
            continue
        where = f'\n  File "{path.relative_to(PROJECT).as_posix()}", line {line}, in {frame.f_code.co_name}'
    return where


def attempt(hint, fn, *args, **kwargs):
    """Call the learner's function; if it raises, fail with the hint, what was raised and where."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)}"
    # failing outside the except block keeps the learner's traceback out of the message
    pytest.fail(f"{hint}\n(it raised {problem})", pytrace=False)


@pytest.fixture(scope="module")
def split():
    X, y = make_synthetic_housing(n=400, seed=3)  # tiny, fast, no download
    # Real data has gaps (Kaggle's House Prices has many): every model must cope with them.
    rng = np.random.default_rng(0)
    for column in ("HouseAge", "AveRooms"):
        X.loc[rng.random(len(X)) < 0.05, column] = np.nan
    return train_test_split(X, y, test_size=0.25, random_state=0)


#: Other units for the same districts: income in millions of dollars instead of tens of
#: thousands, house age in months, population in thousands.
OTHER_UNITS = {"MedInc": 0.01, "HouseAge": 12.0, "Population": 0.001}


def in_other_units(X):
    X = X.copy()
    for column, factor in OTHER_UNITS.items():
        X[column] = X[column] * factor
    return X


HINT_REGULARISED = (
    'Step 3: add "ridge" and "lasso" to make_models() in src/house_prices/models.py — each a '
    "linear_pipeline around a regularised regressor (Ridge, Lasso, or their CV versions)."
)


def test_ridge_and_lasso(split) -> None:
    X_train, X_test, y_train, y_test = split
    models = attempt(HINT_REGULARISED, make_models)
    missing = {"ridge", "lasso"} - set(models)
    expect(not missing, HINT_REGULARISED, f"make_models() has no {sorted(missing)} yet; it has {sorted(models)}.")
    # only the models this step is about: a broken model of another step must not fail it
    chosen = {name: models[name] for name in ("baseline (mean)", "linear", "ridge", "lasso")}
    table, fitted = attempt(HINT_REGULARISED, compare_models, chosen, X_train, X_test, y_train, y_test)
    linear = fitted["linear"].predict(X_test)
    baseline = table.loc["baseline (mean)", "rmse"]
    for name in ("ridge", "lasso"):
        row = table.loc[name]
        expect(row["rmse"] < baseline and row["r2"] > 0.3, HINT_REGULARISED,
               f'"{name}" has a test RMSE of {row["rmse"]:.3f} (the mean baseline {baseline:.3f}) and R² {row["r2"]:.2f}, '
               f"not above 0.3: is alpha far too large (Lasso's default alpha=1.0 removes every feature here)?")
        expect(not np.allclose(fitted[name].predict(X_test), linear, atol=1e-6), HINT_REGULARISED,
               f'"{name}" predicts exactly what plain linear regression predicts: is it regularised at all?')
    # The penalty treats every coefficient alike, so the features must be standardised first;
    # then the units they are measured in change nothing.
    regularised = {name: models[name] for name in ("ridge", "lasso")}
    _, refitted = attempt(HINT_REGULARISED, compare_models, regularised, in_other_units(X_train), in_other_units(X_test), y_train, y_test)
    for name in regularised:
        shift = float(np.abs(refitted[name].predict(in_other_units(X_test)) - fitted[name].predict(X_test)).max())
        expect(shift < 1e-6, HINT_REGULARISED,
               f'With income, house age and population in other units, "{name}" predicts prices up to {shift:.3f} '
               f"apart: standardise the features before the penalty (linear_pipeline does).")


HINT_BOOSTING = (
    'Step 4: add "gradient boosting" to make_models() in src/house_prices/models.py '
    "(GradientBoostingRegressor, after an imputer) — on this data it should beat the linear model."
)


def test_gradient_boosting_beats_linear(split) -> None:
    X_train, X_test, y_train, y_test = split
    models = attempt(HINT_BOOSTING, make_models)
    expect("gradient boosting" in models, HINT_BOOSTING, f"make_models() has {sorted(models)}.")
    chosen = {name: models[name] for name in ("linear", "gradient boosting")}
    table, _ = attempt(HINT_BOOSTING, compare_models, chosen, X_train, X_test, y_train, y_test)
    gb, linear = table.loc["gradient boosting", "rmse"], table.loc["linear", "rmse"]
    expect(gb < 0.9 * linear, HINT_BOOSTING,
           f"Test RMSE: gradient boosting {gb:.3f}, linear {linear:.3f}; the price depends non-linearly on location, "
           f"so boosted trees should be at least 10 % better.")
