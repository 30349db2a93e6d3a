# Tests for the parts of {{projectName}} that are already done. Offline, a few seconds.
import pandas as pd
import pytest

from {{packageName}}.data import SAMPLE_SENTIMENT, SAMPLE_SPAM, load_dataset
from {{packageName}}.model import build_pipeline, top_features
from {{packageName}}.predict import predict
from {{packageName}}.preprocess import clean_text, lemmatize_lite, tokenize
from {{packageName}}.train import main


def test_normalisation_uses_placeholders_and_keeps_negations():
    tokens = tokenize("Click http://spam.example NOW to win $500!! @bob it's not a joke")
    assert "<url>" in tokens and "<money>" in tokens and "<user>" in tokens
    assert "not" in tokens            # negation survives stopword removal
    assert "to" not in tokens and "a" not in tokens
    assert tokens.count("!") == 2


@pytest.mark.parametrize("word, lemma", [("prizes", "prize"), ("parties", "party"), ("calling", "call"),
                                         ("stopped", "stop"), ("class", "class"), ("is", "is")])
def test_lemmatize_lite(word, lemma):
    assert lemmatize_lite(word) == lemma


def test_clean_text_contractions():
    assert clean_text("I don't like it") == "not like"


@pytest.mark.parametrize("path", [SAMPLE_SPAM, SAMPLE_SENTIMENT])
def test_bundled_samples_load(path):
    frame = load_dataset(path)
    assert list(frame.columns) == ["text", "label"]
    assert len(frame) >= 30 and frame["label"].nunique() == 2


def test_load_dataset_renames_columns(tmp_path):
    csv = tmp_path / "sms.csv"
    pd.DataFrame({"v1": ["ham", "spam", "ham"], "v2": ["hi", "WIN cash", ""]}).to_csv(csv, index=False)
    frame = load_dataset(csv, text_column="v2", label_column="v1")
    assert frame.to_dict("list") == {"text": ["hi", "WIN cash"], "label": ["ham", "spam"]}


def test_pipeline_learns_the_spam_sample():
    frame = load_dataset(SAMPLE_SPAM)
    model = build_pipeline().fit(frame["text"], frame["label"])
    results = predict(model, ["Congratulations you won a FREE prize, click www.win.example now!!!",
                              "Are we still meeting for lunch tomorrow?"])
    assert [label for _, label, _ in results] == ["spam", "ham"]
    features = top_features(model, n=3)
    assert len(features) == 6


def test_train_cli_beats_nothing_and_saves(tmp_path):
    out = tmp_path / "model.joblib"
    result = main(["--data", str(SAMPLE_SENTIMENT), "--model-out", str(out)])
    assert out.exists()
    assert 0.0 <= result["scores"]["accuracy"] <= 1.0


# TODO: after you add cross-validation, test that on the bundled spam sample the mean macro F1
#       of the TF-IDF model is higher than the dummy classifier's.
