"""Classify new texts with a saved model: ``python -m <package>.predict "Win a free prize now!"``."""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import joblib


def predict(model, texts: Sequence[str]) -> list[tuple[str, str, float]]:
    """Return ``(text, predicted label, probability of that label)`` for each text."""
    probabilities = model.predict_proba(list(texts))
    return [(text, str(model.classes_[row.argmax()]), float(row.max())) for text, row in zip(texts, probabilities)]


def main(argv: Sequence[str] | None = None) -> list[tuple[str, str, float]]:
    p = argparse.ArgumentParser(description="Predict labels for texts with a trained model.")
    p.add_argument("texts", nargs="+", help="one or more texts (quote each one)")
    p.add_argument("--model", default="models/text_classifier.joblib")
    args = p.parse_args(argv)
    if not Path(args.model).is_file():
        package = __package__ or "<package>"
        raise SystemExit(f"No trained model at {args.model}: train one first with `python -m {package}.train` "
                         "(or pass --model with the path of yours).")
    model = joblib.load(args.model)  # only load model files you created yourself: joblib runs pickle
    results = predict(model, args.texts)
    for text, label, prob in results:
        print(f"{label:>10}  {prob:.2f}  {text}")
    # TODO: add a --threshold option: only call a message spam when P(spam) >= threshold, and pick
    #       the threshold from a precision-recall curve (false positives are costly for spam filters).
    return results


if __name__ == "__main__":
    main()
