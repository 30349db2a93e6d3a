"""The baseline: TF-IDF features + logistic regression, in one scikit-learn Pipeline."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix, f1_score
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline

from .preprocess import tokenize

CLASSIFIERS = ("logreg", "nb", "svm")


def build_pipeline(C: float = 4.0, ngram_range: tuple[int, int] = (1, 2), min_df: int = 1,
                   max_features: int | None = 20_000, classifier: str = "logreg") -> Pipeline:
    """TF-IDF on cleaned tokens (unigrams + bigrams) feeding a classifier.

    ``classifier``: ``"logreg"`` (class-balanced logistic regression), ``"nb"`` (multinomial Naive
    Bayes) or ``"svm"`` (linear SVM). The step is always called ``"clf"``.
    """
    if classifier not in CLASSIFIERS:
        raise ValueError(f"classifier must be one of {CLASSIFIERS}, not {classifier!r}")
    if classifier != "logreg":
        # TODO: "nb" -> sklearn.naive_bayes.MultinomialNB(), "svm" -> sklearn.svm.LinearSVC(C=C,
        #       class_weight="balanced"), in place of the logistic regression below.
        raise NotImplementedError(f"TODO: the {classifier!r} classifier in build_pipeline (model.py)")
    return Pipeline([
        ("tfidf", TfidfVectorizer(tokenizer=tokenize, token_pattern=None, lowercase=False,
                                  ngram_range=ngram_range, min_df=min_df, max_features=max_features,
                                  sublinear_tf=True)),
        ("clf", LogisticRegression(C=C, max_iter=1000, class_weight="balanced")),
    ])


def tune(texts: pd.Series, labels: pd.Series, cv: int = 5, classifier: str = "logreg",
         strengths: Sequence[float] = (0.5, 4.0, 16.0),
         ngram_ranges: Sequence[tuple[int, int]] = ((1, 1), (1, 2))) -> GridSearchCV:
    """Search the regularisation strength and the n-gram range by cross-validated macro F1;
    returns the fitted search.

    ``strengths`` are the values of the classifier's ``C`` to try (of ``alpha`` for Naive Bayes,
    which has no ``C``), ``ngram_ranges`` those of the TF-IDF's ``ngram_range``.

    TODO: ``GridSearchCV(build_pipeline(classifier=classifier), {"clf__C": list(strengths),
    "tfidf__ngram_range": list(ngram_ranges)}, cv=cv, scoring="f1_macro").fit(texts, labels)``
    (``"clf__alpha"`` for Naive Bayes). Then print ``best_params_`` and ``best_score_``.
    """
    raise NotImplementedError("TODO: implement tune in model.py")


def build_dummy() -> DummyClassifier:
    """Always predicts the most common class: any real model must beat this."""
    return DummyClassifier(strategy="most_frequent")


def evaluate(model, texts: pd.Series, labels: pd.Series) -> dict:
    """Accuracy, macro F1, the per-class report and the confusion matrix (rows = true, cols = predicted)."""
    predicted = model.predict(texts)
    classes = sorted(labels.unique())
    return {
        "accuracy": accuracy_score(labels, predicted),
        "f1_macro": f1_score(labels, predicted, average="macro", zero_division=0),
        "report": classification_report(labels, predicted, zero_division=0),
        "confusion_matrix": pd.DataFrame(confusion_matrix(labels, predicted, labels=classes),
                                         index=classes, columns=classes),
    }


def top_features(pipeline: Pipeline, n: int = 10) -> pd.DataFrame:
    """The n most positive and most negative words of a fitted binary pipeline.

    Positive weights push towards ``pipeline.classes_[1]`` (e.g. "spam" or "positive").
    """
    words = pipeline.named_steps["tfidf"].get_feature_names_out()
    weights = pipeline.named_steps["clf"].coef_[0]
    frame = pd.DataFrame({"feature": words, "weight": weights}).sort_values("weight")
    return pd.concat([frame.head(n), frame.tail(n)]).reset_index(drop=True)
