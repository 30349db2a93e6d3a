"""Checks for the TODO steps of the README's "The work" list.

Run them with ``pytest checks``. Each one fails with a hint until its step is done; plain
``pytest`` runs only the tests of the parts that were done for you.
"""

import traceback
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone, is_classifier
from sklearn.feature_selection import SelectorMixin
from sklearn.model_selection import ParameterGrid, train_test_split
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


HINT_RATIOS = (
    "Step 3: in add_ratio_features (src/loan_pipeline/features.py) add total_income, "
    "payment_to_income (monthly repayment / total income) and debt_to_income, each only when its "
    "input columns exist, keeping NaN where an input is missing or the total income is 0, and "
    "leaving the input unchanged."
)


def _values(series) -> list:
    return [None if pd.isna(v) else round(float(v), 6) for v in series]


def test_ratio_features() -> None:
    # incomes, repayments and debts in thousands a month
    X = pd.DataFrame(
        {
            "applicant_income": [4.0, 3.0, 5.0, 0.6, 0.0],
            "coapplicant_income": [1.0, 0.0, 0.0, 0.2, 0.0],
            "loan_amount": [120.0, np.nan, 60.0, 9.6, 50.0],
            "loan_term_months": [240, 360, 120, 120, 120],
            "existing_debt": [0.5, 0.3, 0.0, 0.08, 0.2],
            "employment": ["salaried", np.nan, "self_employed", "salaried", "unemployed"],
        }
    )
    before = X.copy()
    out = attempt(HINT_RATIOS, add_ratio_features, X)
    wanted = {"total_income", "payment_to_income", "debt_to_income"}
    expect(isinstance(out, pd.DataFrame) and wanted <= set(out.columns), HINT_RATIOS,
           f"Missing columns: {sorted(wanted - set(getattr(out, 'columns', [])))}.")
    expected = {
        "total_income": [5.0, 3.0, 5.0, 0.8, 0.0],
        # 120 over 240 months on 5 a month is 0.1; no loan amount, or no income: unknown
        "payment_to_income": [0.1, None, 0.1, 0.1, None],
        "debt_to_income": [0.1, 0.1, 0.0, 0.1, None],
    }
    for column, values in expected.items():
        got = _values(out[column])
        expect(got == values, HINT_RATIOS,
               f"{column} is {got} (None for NaN); expected {values} for incomes {X['applicant_income'].tolist()} + "
               f"{X['coapplicant_income'].tolist()}, loans {_values(X['loan_amount'])} over "
               f"{X['loan_term_months'].tolist()} months, debts {X['existing_debt'].tolist()}.")
    expect(X.equals(before), HINT_RATIOS, "The DataFrame passed in was modified: work on a copy.")

    # each feature as soon as its own inputs are there, and no other
    partial = {
        ("applicant_income", "coapplicant_income"): {"total_income"},
        ("applicant_income", "coapplicant_income", "loan_amount"): {"total_income"},
        ("applicant_income", "coapplicant_income", "existing_debt"): {"total_income", "debt_to_income"},
    }
    for columns, added in partial.items():
        some = X[list(columns)]
        got = attempt(HINT_RATIOS, add_ratio_features, some)
        new = set(getattr(got, "columns", [])) - set(columns)
        expect(new & wanted == added, HINT_RATIOS,
               f"With only the columns {list(columns)} it added {sorted(new & wanted)}; expected {sorted(added)}.")

    titanic_like = pd.DataFrame({"Pclass": [1, 3], "Sex": ["female", "male"], "Age": [29.0, np.nan]})
    other = attempt(HINT_RATIOS, add_ratio_features, titanic_like)
    expect(set(titanic_like.columns) <= set(getattr(other, "columns", [])) and len(other) == 2, HINT_RATIOS,
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
    grids = tuning.PARAM_GRID if isinstance(tuning.PARAM_GRID, list) else [tuning.PARAM_GRID]
    models = _models_in_grid(tuning.PARAM_GRID)
    names = sorted({type(m).__name__ for m in models})
    expect(len(names) >= 3, HINT_FAMILIES, f"The grid compares {names or 'no model families'}.")
    expect(any("Forest" in n for n in names) and any("Boosting" in n for n in names), HINT_FAMILIES,
           f"The grid compares {names}: a random forest and a gradient boosting model are missing.")
    regressors = sorted({type(m).__name__ for m in models if not is_classifier(m)})
    expect(not regressors, HINT_FAMILIES, f"{regressors} predict numbers, not approved / rejected: use the Classifier versions.")
    for grid in grids:
        own = sorted(key for key in grid if key.startswith("model__"))
        kinds = sorted({type(m).__name__ for m in grid.get("model", [])})
        expect(bool(own) or not kinds, HINT_FAMILIES, f"The grid with {kinds} tunes none of their hyperparameters (keys like model__...).")
    # every combination must be a pipeline GridSearchCV can build (no fitting needed to know)
    pipe = attempt(HINT_FAMILIES, build_pipeline)
    for params in ParameterGrid(tuning.PARAM_GRID):
        try:
            clone(pipe).set_params(**params)
            problem = ""
        except ValueError as exc:
            shown = {key: type(value).__name__ if key == "model" else value for key, value in params.items()}
            problem = f"GridSearchCV cannot try {shown}: {exc}"
        expect(not problem, HINT_FAMILIES, problem)  # outside the except block: no chained traceback
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
