"""Checks for the TODO steps of the README's "The work" list.

Run them with ``pytest checks``. Each one fails with a hint until its step is done; plain
``pytest`` runs only the tests of the parts that were done for you.
"""

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.feature_selection import SelectorMixin
from sklearn.model_selection import train_test_split
from threadpoolctl import threadpool_limits

from loan_pipeline import tuning
from loan_pipeline.data import load_data
from loan_pipeline.features import add_ratio_features
from loan_pipeline.pipeline import build_pipeline
from loan_pipeline.tuning import evaluate_cv


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


HINT_RATIOS = (
    "Step 3: in add_ratio_features (src/loan_pipeline/features.py) add total_income, "
    "payment_to_income (monthly repayment / total income) and debt_to_income, each only when its "
    "input columns exist, keeping NaN where an input is missing and leaving the input unchanged."
)


def test_ratio_features() -> None:
    X = pd.DataFrame(
        {
            "applicant_income": [4000.0, 3000.0, 5000.0],
            "coapplicant_income": [1000.0, 0.0, 0.0],
            "loan_amount": [120000.0, np.nan, 60000.0],
            "loan_term_months": [240, 360, 120],
            "existing_debt": [500.0, 300.0, 0.0],
            "employment": ["salaried", np.nan, "self_employed"],
        }
    )
    before = X.copy()
    out = attempt(HINT_RATIOS, add_ratio_features, X)
    wanted = {"total_income", "payment_to_income", "debt_to_income"}
    expect(isinstance(out, pd.DataFrame) and wanted <= set(out.columns), HINT_RATIOS,
           f"Missing columns: {sorted(wanted - set(getattr(out, 'columns', [])))}.")
    expect(out["total_income"].tolist() == pytest.approx([5000.0, 3000.0, 5000.0]), HINT_RATIOS, "total_income is wrong.")
    expect(out["debt_to_income"].tolist() == pytest.approx([0.1, 0.1, 0.0]), HINT_RATIOS, "debt_to_income is wrong.")
    payment = out["payment_to_income"]
    expect(payment[0] == pytest.approx(0.1) and payment[2] == pytest.approx(0.1), HINT_RATIOS,
           f"payment_to_income is {payment.tolist()}; 120000 over 240 months on 5000 a month is 0.1.")
    expect(bool(np.isnan(payment[1])), HINT_RATIOS, "A missing loan_amount must give a missing payment_to_income (the imputer fills it).")
    expect(X.equals(before), HINT_RATIOS, "The DataFrame passed in was modified: work on a copy.")

    titanic_like = pd.DataFrame({"Pclass": [1, 3], "Sex": ["female", "male"], "Age": [29.0, np.nan]})
    other = attempt(HINT_RATIOS, add_ratio_features, titanic_like)
    expect(set(titanic_like.columns) <= set(other.columns) and len(other) == 2, HINT_RATIOS,
           "On data without the loan columns (e.g. Titanic) the function must still work.")


HINT_RATIOS_HELP = (
    "Step 3: the ratio features should raise the cross-validated ROC-AUC of build_pipeline() "
    "above the same pipeline without them (build_pipeline(features=None)) — compute the ratios "
    "from the total income, as the lender would."
)


def test_ratio_features_raise_roc_auc() -> None:
    X, y = load_data(n=2000, seed=0)
    with_features = attempt(HINT_RATIOS_HELP, evaluate_cv, build_pipeline(), X, y, cv=3).loc["roc_auc", "mean"]
    without = attempt(HINT_RATIOS_HELP, evaluate_cv, build_pipeline(features=None), X, y, cv=3).loc["roc_auc", "mean"]
    expect(with_features > without + 0.005, HINT_RATIOS_HELP,
           f"CV ROC-AUC with features {with_features:.3f}, without {without:.3f}.")


@pytest.fixture(scope="module")
def data():
    X, y = load_data(n=600, seed=1)
    return train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)


HINT_FAMILIES = (
    "Step 4: make PARAM_GRID in src/loan_pipeline/tuning.py a list of grids that compares model "
    'families through the "model" step — logistic regression, a random forest and gradient '
    "boosting — each with a few hyperparameters of its own."
)


def _models_in_grid(grid) -> list:
    grids = grid if isinstance(grid, list) else [grid]
    return [model for g in grids for model in g.get("model", [])]


def test_grid_compares_model_families(data) -> None:
    X_train, X_test, y_train, y_test = data
    models = _models_in_grid(tuning.PARAM_GRID)
    names = sorted({type(m).__name__ for m in models})
    expect(len(names) >= 3, HINT_FAMILIES, f"The grid compares {names or 'no model families'}.")
    expect(any("Forest" in n for n in names) and any("Boosting" in n for n in names), HINT_FAMILIES,
           f"The grid compares {names}: a random forest and a gradient boosting model are missing.")
    majority = y_test.value_counts(normalize=True).max()
    one_per_family = {type(m).__name__: m for m in models}.values()  # fitting each family once is enough
    for model in one_per_family:
        # one thread: on a small table, OpenMP threads cost more than they save (gradient boosting)
        with threadpool_limits(limits=1):
            pipe = attempt(HINT_FAMILIES, build_pipeline(clone(model)).fit, X_train, y_train)
        score = pipe.score(X_test, y_test)
        expect(score > majority, HINT_FAMILIES, f"{type(model).__name__} in the pipeline scores {score:.2f}, no better than the majority class.")


HINT_SELECT = (
    "Step 4: add a feature-selection step (e.g. SelectKBest) to build_pipeline in "
    "src/loan_pipeline/pipeline.py, between preprocessing and the model, and tune its k in the grid."
)


def test_pipeline_selects_features(data) -> None:
    X_train, X_test, y_train, y_test = data
    pipe = attempt(HINT_SELECT, build_pipeline)
    names = [name for name, _ in pipe.steps]
    selectors = [name for name, step in pipe.steps if isinstance(step, SelectorMixin)]
    expect(bool(selectors), HINT_SELECT, f"The pipeline's steps are {names}.")
    expect(names.index(selectors[0]) > names.index("preprocess") and names[-1] == "model", HINT_SELECT,
           f"The selector must come after preprocess and before model; the steps are {names}.")
    fitted = attempt(HINT_SELECT, pipe.fit, X_train, y_train)
    expect(fitted.named_steps[selectors[0]].get_support().any(), HINT_SELECT, "The selector keeps no feature.")
    grids = tuning.PARAM_GRID if isinstance(tuning.PARAM_GRID, list) else [tuning.PARAM_GRID]
    expect(any(key.startswith(f"{selectors[0]}__") for g in grids for key in g), HINT_SELECT,
           f'No grid tunes the selector (a key like "{selectors[0]}__k").')
