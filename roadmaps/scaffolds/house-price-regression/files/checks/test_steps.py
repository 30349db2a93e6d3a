"""Checks for the TODO steps of the README's "The work" list.

Run them with ``pytest checks``. Each one fails with a hint until its step is done; plain
``pytest`` runs only the tests of the parts that were done for you.
"""

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


def attempt(hint, fn, *args, **kwargs):
    """Call the learner's code; if it raises, fail with the hint instead of a traceback."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}"
    # failing outside the except block keeps the learner's traceback out of the message
    pytest.fail(f"{hint}\n(it raised {problem})", pytrace=False)


@pytest.fixture(scope="module")
def split():
    X, y = make_synthetic_housing(n=400, seed=3)  # tiny, fast, no download
    return train_test_split(X, y, test_size=0.25, random_state=0)


HINT_REGULARISED = (
    'Step 3: add "ridge" and "lasso" to make_models() in src/house_prices/models.py — each a '
    "linear_pipeline around a regularised regressor (Ridge, Lasso, or their CV versions)."
)


def test_ridge_and_lasso(split) -> None:
    X_train, X_test, y_train, y_test = split
    models = attempt(HINT_REGULARISED, make_models)
    missing = {"ridge", "lasso"} - set(models)
    expect(not missing, HINT_REGULARISED, f"make_models() has no {sorted(missing)} yet; it has {sorted(models)}.")
    table, fitted = attempt(HINT_REGULARISED, compare_models, models, X_train, X_test, y_train, y_test)
    linear = fitted["linear"].predict(X_test)
    for name in ("ridge", "lasso"):
        row = table.loc[name]
        expect(row["rmse"] < table.loc["baseline (mean)", "rmse"] and row["r2"] > 0.3, HINT_REGULARISED,
               f'"{name}" does not beat the mean baseline (R² {row["r2"]:.2f}): is alpha far too large?')
        expect(not np.allclose(fitted[name].predict(X_test), linear, atol=1e-6), HINT_REGULARISED,
               f'"{name}" predicts exactly what plain linear regression predicts: is it regularised at all?')


HINT_BOOSTING = (
    'Step 4: add "gradient boosting" to make_models() in src/house_prices/models.py '
    "(GradientBoostingRegressor, after an imputer) — on this data it should beat the linear model."
)


def test_gradient_boosting_beats_linear(split) -> None:
    X_train, X_test, y_train, y_test = split
    models = attempt(HINT_BOOSTING, make_models)
    expect("gradient boosting" in models, HINT_BOOSTING, f"make_models() has {sorted(models)}.")
    table, _ = attempt(HINT_BOOSTING, compare_models, models, X_train, X_test, y_train, y_test)
    gb, linear = table.loc["gradient boosting", "rmse"], table.loc["linear", "rmse"]
    expect(gb < linear, HINT_BOOSTING,
           f"Test RMSE: gradient boosting {gb:.3f}, linear {linear:.3f}; the price depends non-linearly on location.")
