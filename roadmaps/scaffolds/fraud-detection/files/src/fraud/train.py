"""Command line entry: compare the strategies on validation data, report the winner on test.

    python -m fraud.train                                  # synthetic transactions
    python -m fraud.train --csv data/raw/creditcard.csv    # Kaggle credit card fraud data
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd
from sklearn.base import clone

from fraud.data import load_transactions, train_val_test_split
from fraud.evaluate import best_f1_threshold, metrics_at, ranking_metrics
from fraud.models import strategies


def compare(X_train, X_val, y_train, y_val) -> tuple[pd.DataFrame, dict]:
    """Fit every strategy, score it on validation data; skip strategies still TODO."""
    rows, fitted = [], {}
    for name, (model, resampler) in strategies().items():
        try:
            X_fit, y_fit = resampler(X_train, y_train) if resampler else (X_train, y_train)
        except NotImplementedError as exc:
            print(f"skipping {name}: {exc}")
            continue
        est = clone(model).fit(X_fit, y_fit)
        scores = est.predict_proba(X_val)[:, 1]
        threshold = best_f1_threshold(y_val, scores)
        at_default = metrics_at(y_val, scores, 0.5)
        at_best = metrics_at(y_val, scores, threshold)
        rows.append(
            {
                "strategy": name,
                **ranking_metrics(y_val, scores),
                "recall@0.5": at_default["recall"],
                "precision@0.5": at_default["precision"],
                "best_threshold": threshold,
                "f1@best": at_best["f1"],
            }
        )
        fitted[name] = (est, threshold)
    return pd.DataFrame(rows).set_index("strategy").sort_values("pr_auc", ascending=False), fitted


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    X, y = load_transactions(args.csv)
    print(f"{len(X)} transactions, {y.sum()} frauds ({y.mean():.2%})\n")
    X_train, X_val, X_test, y_train, y_val, y_test = train_val_test_split(X, y, args.seed)

    table, fitted = compare(X_train, X_val, y_train, y_val)
    print("\nValidation results:\n", table.round(3).to_string())

    best = table.index[0]
    model, threshold = fitted[best]
    scores = model.predict_proba(X_test)[:, 1]
    print(f"\nTest set, {best!r} at threshold {threshold:.3f} (chosen on validation):")
    print({**ranking_metrics(y_test, scores), **metrics_at(y_test, scores, threshold)})


if __name__ == "__main__":
    main()
