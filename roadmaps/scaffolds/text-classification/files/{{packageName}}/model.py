"""The baseline: TF-IDF features + logistic regression, in one scikit-learn Pipeline."""
from __future__ import annotations

import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix, f1_score
from sklearn.pipeline import Pipeline

from .preprocess import tokenize


def build_pipeline(C: float = 4.0, ngram_range: tuple[int, int] = (1, 2), min_df: int = 1,
                   max_features: int | None = 20_000) -> Pipeline:
    """TF-IDF on cleaned tokens (unigrams + bigrams) feeding a class-balanced logistic regression."""
    return Pipeline([
        ("tfidf", TfidfVectorizer(tokenizer=tokenize, token_pattern=None, lowercase=False,
                                  ngram_range=ngram_range, min_df=min_df, max_features=max_features,
                                  sublinear_tf=True)),
        ("clf", LogisticRegression(C=C, max_iter=1000, class_weight="balanced")),
        # TODO: try sklearn.naive_bayes.MultinomialNB and sklearn.svm.LinearSVC in place of "clf",
        #       and tune C / ngram_range with GridSearchCV (cv=5, scoring="f1_macro").
    ])


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
