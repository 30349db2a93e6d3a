"""Tests for the model module; they train on a tiny data set inside the test."""

import pandas as pd
import pytest

from sentiment.data import load_reviews
from sentiment.model import cross_validated_accuracy, predict, top_terms, train

TINY = pd.DataFrame(
    {
        "text": ["great fun", "really great", "great value", "awful mess", "really awful", "awful value"],
        "label": ["positive", "positive", "positive", "negative", "negative", "negative"],
    }
)


def test_bundled_reviews_are_balanced() -> None:
    df = load_reviews()
    assert list(df.columns) == ["text", "label"]
    assert df["label"].value_counts().to_dict() == {"positive": 40, "negative": 40}


def test_load_reviews_rejects_a_file_without_labels(tmp_path) -> None:
    (tmp_path / "x.csv").write_text("text\nhello\n")
    with pytest.raises(ValueError, match="label"):
        load_reviews(tmp_path / "x.csv")


def test_predict_on_tiny_model() -> None:
    model = train(TINY, C=10.0, ngram_max=1)
    out = predict(model, ["great", "awful"])
    assert list(out["label"]) == ["positive", "negative"]
    assert ((out["confidence"] >= 0.5) & (out["confidence"] <= 1)).all()
    assert out[["p_negative", "p_positive"]].sum(axis=1).round(6).eq(1).all()


def test_top_terms_point_the_right_way() -> None:
    model = train(TINY, C=10.0, ngram_max=1)
    terms = top_terms(model, n=1)
    assert terms.set_index("pushes_towards").loc["positive", "term"] == "great"
    assert terms.set_index("pushes_towards").loc["negative", "term"] == "awful"


def test_model_generalises_on_bundled_reviews() -> None:
    assert cross_validated_accuracy(load_reviews(), folds=5).mean() > 0.6


# TODO: once score_file is implemented (sentiment/model.py):
#
# def test_score_file():
#     from sentiment.model import score_file
#     model = train(TINY, C=10.0, ngram_max=1)
#     scored = score_file(model, pd.DataFrame({"id": [1, 2], "text": ["great", "awful"]}))
#     assert list(scored["label"]) == ["positive", "negative"] and "id" in scored
#     with pytest.raises(ValueError):
#         score_file(model, pd.DataFrame({"review": ["great"]}))
