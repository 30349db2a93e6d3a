"""Training, evaluating, predicting and explaining the sentiment model."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline


def build_model(C: float = 1.0, ngram_max: int = 2, min_df: int = 1) -> Pipeline:
    """TF-IDF features (words and, with ``ngram_max=2``, word pairs) → logistic regression.

    ``C`` is the inverse regularisation strength: small C = simpler model.
    """
    return Pipeline(
        [
            ("tfidf", TfidfVectorizer(lowercase=True, ngram_range=(1, ngram_max), min_df=min_df, sublinear_tf=True)),
            ("clf", LogisticRegression(C=C, max_iter=1000)),
        ]
    )


def train(df: pd.DataFrame, **params) -> Pipeline:
    """Fit :func:`build_model` (with ``params``) on ``df["text"]`` / ``df["label"]``."""
    return build_model(**params).fit(df["text"], df["label"])


def cross_validated_accuracy(df: pd.DataFrame, folds: int = 5, **params) -> np.ndarray:
    """Accuracy on each of ``folds`` stratified folds: how well it does on unseen text."""
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    return cross_val_score(build_model(**params), df["text"], df["label"], cv=cv, scoring="accuracy")


def predict(model: Pipeline, texts: Iterable[str]) -> pd.DataFrame:
    """One row per text: predicted ``label``, its ``confidence`` and a column per class."""
    texts = list(texts)
    proba = model.predict_proba(texts)
    classes = model.classes_
    out = pd.DataFrame(proba, columns=[f"p_{c}" for c in classes])
    out.insert(0, "text", texts)
    out.insert(1, "label", classes[proba.argmax(axis=1)])
    out.insert(2, "confidence", proba.max(axis=1))
    return out


def top_terms(model: Pipeline, n: int = 10) -> pd.DataFrame:
    """The ``n`` terms pushing hardest towards each class, with their weights.

    Positive weights push towards ``model.classes_[1]``, negative towards ``classes_[0]``.
    """
    terms = model.named_steps["tfidf"].get_feature_names_out()
    weights = model.named_steps["clf"].coef_[0]
    order = np.argsort(weights)
    rows = [(terms[i], weights[i], model.classes_[0]) for i in order[:n]]
    rows += [(terms[i], weights[i], model.classes_[1]) for i in order[::-1][:n]]
    return pd.DataFrame(rows, columns=["term", "weight", "pushes_towards"])


def score_file(model: Pipeline, df: pd.DataFrame, text_column: str = "text") -> pd.DataFrame:
    """Predictions for every row of an uploaded table.

    TODO: return ``df`` with ``label`` and ``confidence`` columns added (use
    :func:`predict` on ``df[text_column]``). Raise a ``ValueError`` with a helpful message
    when ``text_column`` is missing. The dashboard's "Batch" tab calls this.
    """
    raise NotImplementedError("TODO: implement score_file in sentiment/model.py")
