"""Tests for the done parts: data, preprocessing, pipeline, CV, grid search, joblib round trip."""

import numpy as np
import pandas as pd
import pytest
from sklearn.model_selection import train_test_split

from loan_pipeline.data import CATEGORICAL, NUMERIC, TARGET, load_data, make_synthetic_loans
from loan_pipeline.persistence import load_bundle, load_pipeline, save_pipeline
from loan_pipeline.pipeline import build_pipeline, build_preprocessor
from loan_pipeline.tuning import evaluate_cv, grid_search, holdout_report


@pytest.fixture(scope="module")
def data():
    X, y = load_data(n=600, seed=1)  # tiny synthetic loan table
    return train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)


def test_synthetic_loans_look_like_loan_data() -> None:
    df = make_synthetic_loans(n=500, seed=0)
    assert set(NUMERIC + CATEGORICAL + [TARGET]) == set(df.columns)
    assert 0.2 < df[TARGET].mean() < 0.8  # both classes well represented
    assert df["employment"].isna().any()  # missing values to impute


def test_load_data_from_csv_with_yes_no_target(tmp_path) -> None:
    df = make_synthetic_loans(n=50).assign(Loan_ID=range(50))
    df[TARGET] = df[TARGET].map({1: "Y", 0: "N"})
    df.to_csv(tmp_path / "loans.csv", index=False)
    X, y = load_data(tmp_path / "loans.csv", drop=["Loan_ID"])
    assert "Loan_ID" not in X and TARGET not in X
    assert set(y.unique()) <= {0, 1}


def test_preprocessor_imputes_and_encodes(data) -> None:
    X_train, X_test, *_ = data
    pre = build_preprocessor().fit(X_train)
    out = pre.transform(X_test)
    out = out.toarray() if hasattr(out, "toarray") else out
    assert not np.isnan(out).any()
    n_onehot = sum(X_train[c].nunique() for c in CATEGORICAL)
    assert out.shape == (len(X_test), len(NUMERIC) + n_onehot)


def test_pipeline_learns_and_tolerates_unseen_categories(data) -> None:
    X_train, X_test, y_train, y_test = data
    pipe = build_pipeline().fit(X_train, y_train)
    assert pipe.score(X_test, y_test) > y_test.value_counts(normalize=True).max()  # beats majority class
    odd = X_test.head(3).copy()
    odd["property_area"] = "on_the_moon"
    assert pipe.predict(odd).shape == (3,)


def test_cross_validation_and_grid_search(data) -> None:
    X_train, X_test, y_train, y_test = data
    cv = evaluate_cv(build_pipeline(), X_train, y_train, cv=3)
    assert cv.loc["roc_auc", "mean"] > 0.6
    search = grid_search(build_pipeline(), X_train, y_train, {"model__C": [0.1, 1.0]}, cv=3)
    assert search.best_params_["model__C"] in (0.1, 1.0)
    report = holdout_report(search.best_estimator_, X_test, y_test)
    assert 0.5 < report["roc_auc"] <= 1.0
    assert np.array(report["confusion_matrix"]).sum() == len(y_test)


def test_saved_pipeline_predicts_the_same(data, tmp_path) -> None:
    X_train, X_test, y_train, _ = data
    pipe = build_pipeline().fit(X_train, y_train)
    path = save_pipeline(pipe, tmp_path / "models" / "p.joblib", target=TARGET)
    again = load_pipeline(path)
    np.testing.assert_allclose(again.predict_proba(X_test), pipe.predict_proba(X_test))
    assert load_bundle(path)["metadata"] == {"target": TARGET}


def test_same_pipeline_works_on_titanic_like_data() -> None:
    rng = np.random.default_rng(0)
    n = 200
    sex = rng.choice(["male", "female"], n)
    X = pd.DataFrame(
        {
            "Pclass": rng.choice([1, 2, 3], n),
            "Sex": sex,
            "Age": np.where(rng.random(n) < 0.2, np.nan, rng.normal(30, 12, n)),
            "Embarked": rng.choice(["S", "C", "Q"], n),
        }
    )
    y = pd.Series((sex == "female").astype(int))
    pipe = build_pipeline().fit(X, y)
    assert pipe.score(X, y) > 0.9


# TODO: once add_ratio_features (features.py) adds the ratio columns, check it, e.g.
#
# def test_ratio_features(data):
#     from loan_pipeline.features import add_ratio_features
#     X_train, *_ = data
#     out = add_ratio_features(X_train)
#     assert {"total_income", "payment_to_income", "debt_to_income"} <= set(out.columns)
#     assert "total_income" not in X_train            # input not modified
#     assert (out["total_income"] >= out["applicant_income"]).all()
#
# and that they help: evaluate_cv(build_pipeline(), ...) should score a higher ROC-AUC
# than evaluate_cv(build_pipeline(features=None), ...) on make_synthetic_loans(n=2000).
