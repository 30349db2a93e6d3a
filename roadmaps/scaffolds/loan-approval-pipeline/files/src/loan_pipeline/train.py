"""Command line entry: cross-validate, tune, test and save the pipeline.

    python -m loan_pipeline.train                                   # synthetic loan data
    python -m loan_pipeline.train --csv data/raw/train.csv --target Survived \
        --drop PassengerId Name Ticket Cabin --out models/titanic.joblib
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sklearn.model_selection import train_test_split

from loan_pipeline.data import TARGET, load_data
from loan_pipeline.persistence import save_pipeline
from loan_pipeline.pipeline import build_pipeline
from loan_pipeline.tuning import evaluate_cv, grid_search, holdout_report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", type=Path, default=None, help="a CSV; omit for synthetic loan data")
    parser.add_argument("--target", default=TARGET)
    parser.add_argument("--drop", nargs="*", default=[], help="identifier/free-text columns to drop")
    parser.add_argument("--out", type=Path, default=Path("models/loan_pipeline.joblib"))
    parser.add_argument("--cv", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)

    X, y = load_data(args.csv, args.target, args.drop)
    print(f"{len(X)} rows, {X.shape[1]} columns, positive rate {y.mean():.2f}")
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=args.seed)

    print("\nBaseline pipeline, cross-validated on the training set:")
    print(evaluate_cv(build_pipeline(), X_train, y_train, cv=args.cv, seed=args.seed).round(3))

    search = grid_search(build_pipeline(), X_train, y_train, cv=args.cv, seed=args.seed)
    print(f"\nBest CV ROC-AUC {search.best_score_:.3f} with {search.best_params_}")

    report = holdout_report(search.best_estimator_, X_test, y_test)
    print(f"\nTest ROC-AUC {report['roc_auc']:.3f}; confusion matrix {report['confusion_matrix']}")
    print(report["report"])

    path = save_pipeline(
        search.best_estimator_,
        args.out,
        target=args.target,
        columns=list(X.columns),
        best_params={k: repr(v) for k, v in search.best_params_.items()},
        test_roc_auc=report["roc_auc"],
    )
    print(f"Saved the fitted pipeline to {path}")


if __name__ == "__main__":
    main()
