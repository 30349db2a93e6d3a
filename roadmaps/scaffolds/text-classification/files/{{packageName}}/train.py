"""Train and evaluate the baseline: ``python -m <package>.train --data data/sample_spam.csv``."""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from .data import SAMPLE_SPAM, load_dataset
from .model import build_dummy, build_pipeline, evaluate, top_features


def cross_validate_f1(frame: pd.DataFrame, folds: int = 5, seed: int = 42, **pipeline_params) -> dict[str, np.ndarray]:
    """Macro F1 on each of ``folds`` stratified folds for the dummy and the TF-IDF model.

    Returns ``{"dummy": scores, "model": scores}``, one score per fold: report their mean and
    spread instead of the single split's number.

    TODO: ``StratifiedKFold(folds, shuffle=True, random_state=seed)`` and ``cross_val_score(...,
    scoring="f1_macro")`` for ``build_dummy()`` and ``build_pipeline(**pipeline_params)`` on
    ``frame["text"]`` / ``frame["label"]``.
    """
    raise NotImplementedError("TODO: implement cross_validate_f1 in train.py")


def misclassified(model, texts: pd.Series, labels: pd.Series) -> pd.DataFrame:
    """The texts the model gets wrong: columns ``text``, ``clean`` (what the model saw),
    ``label`` (the truth) and ``predicted``.

    TODO: predict ``texts``, keep the rows where the prediction differs from ``labels``, and add
    ``clean_text(text)`` (from ``.preprocess``) so you can see why the model missed them.
    """
    raise NotImplementedError("TODO: implement misclassified in train.py")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="TF-IDF + logistic regression text classifier.")
    p.add_argument("--data", default=str(SAMPLE_SPAM), help="CSV file (default: the bundled spam sample)")
    p.add_argument("--text-column", default="text")
    p.add_argument("--label-column", default="label")
    p.add_argument("--encoding", default="utf-8", help="e.g. latin-1 for the UCI SMS Spam Collection")
    p.add_argument("--test-size", type=float, default=0.25)
    p.add_argument("--C", type=float, default=4.0, help="inverse regularisation strength")
    p.add_argument("--model-out", default="models/text_classifier.joblib")
    p.add_argument("--seed", type=int, default=42)
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> dict:
    """Split (stratified), fit the dummy and the TF-IDF model, print the comparison, save the model."""
    args = parse_args(argv)
    frame = load_dataset(args.data, args.text_column, args.label_column, encoding=args.encoding)
    print(f"{len(frame)} texts; class balance:\n{frame['label'].value_counts().to_string()}\n")

    x_train, x_test, y_train, y_test = train_test_split(
        frame["text"], frame["label"], test_size=args.test_size, stratify=frame["label"], random_state=args.seed
    )
    # TODO: with a real dataset, use cross-validation (cross_validate_f1 above) instead of one
    #       split, and report the mean and spread of macro F1.

    dummy = build_dummy().fit(x_train, y_train)
    model = build_pipeline(C=args.C).fit(x_train, y_train)
    dummy_scores = evaluate(dummy, x_test, y_test)
    scores = evaluate(model, x_test, y_test)

    print(f"Dummy (most frequent): accuracy {dummy_scores['accuracy']:.2f}  macro F1 {dummy_scores['f1_macro']:.2f}")
    print(f"TF-IDF + LogReg:       accuracy {scores['accuracy']:.2f}  macro F1 {scores['f1_macro']:.2f}\n")
    print(scores["report"])
    print("Confusion matrix (rows = true, columns = predicted):")
    print(scores["confusion_matrix"].to_string(), "\n")
    if len(model.classes_) == 2:
        print(f"Strongest words (negative weight -> {model.classes_[0]}, positive -> {model.classes_[1]}):")
        print(top_features(model, n=8).to_string(index=False))
    # TODO: print misclassified(model, x_test, y_test) — why did the model miss them?

    out = Path(args.model_out)
    out.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out)
    print(f"\nModel saved to {out}")
    return {"model": model, "scores": scores, "dummy_scores": dummy_scores}


if __name__ == "__main__":
    main()
