"""Checks for the TODO steps of the README's "Steps" list.

Each check fails until its step is done; its first line then says what to do next. Run them
with ``pytest checks`` (plain ``pytest`` runs only the tests of the parts that are done).
Offline, on the bundled 30-row samples and a few made-up texts.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

from {{packageName}}.data import SAMPLE_SPAM, load_dataset
from {{packageName}}.model import build_pipeline, tune
from {{packageName}}.preprocess import lemmatize_lite
from {{packageName}}.train import cross_validate_f1, misclassified


def call(hint: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run the learner's code; a TODO (NotImplementedError) or a crash fails with the hint."""
    try:
        return fn(*args, **kwargs)
    except NotImplementedError:
        problem = ""
    except Exception as exc:  # noqa: BLE001 - any crash is reported as the hint plus what happened
        problem = f"\n(it raised {type(exc).__name__}: {exc})"
    # Outside the except block, so the report starts with the hint, not with the TODO's traceback.
    pytest.fail(hint + problem, pytrace=False)


@pytest.fixture(scope="module")
def spam() -> pd.DataFrame:
    return load_dataset(SAMPLE_SPAM)


IRREGULAR = {"ran": "run", "went": "go", "better": "good", "children": "child", "mice": "mouse"}
LEMMA_HINT = (
    "lemmatize_lite (preprocess.py) knows no irregular words: look them up first (e.g. in a table of "
    "irregular forms) before the suffix rules, or use a real lemmatiser."
)


def test_lemmatizer_handles_irregular_words() -> None:
    got = {word: call(LEMMA_HINT, lemmatize_lite, word) for word in IRREGULAR}
    wrong = {word: lemma for word, lemma in got.items() if lemma != IRREGULAR[word]}
    assert not wrong, f"{LEMMA_HINT}\n(got {wrong}, expected {IRREGULAR})"
    regular = {"prizes": "prize", "parties": "party", "calling": "call", "stopped": "stop", "class": "class"}
    broken = {w: lemmatize_lite(w) for w, lemma in regular.items() if lemmatize_lite(w) != lemma}
    assert not broken, f"The regular words must still work as before (got {broken})."


CLASSIFIER_HINT = (
    "Add the 'nb' (MultinomialNB) and 'svm' (LinearSVC) classifiers to build_pipeline in model.py, "
    "as the 'clf' step after the same TF-IDF features."
)


def test_other_classifiers_learn_the_spam_sample(spam: pd.DataFrame) -> None:
    for kind in ("nb", "svm"):
        pipeline = call(CLASSIFIER_HINT, build_pipeline, classifier=kind)
        call(f"{CLASSIFIER_HINT}\n(fitting the {kind!r} pipeline failed)", pipeline.fit, spam["text"], spam["label"])
        predicted = list(pipeline.predict(["WIN a FREE prize now, click www.win.example to claim $500!!!",
                                           "Are we still meeting for lunch tomorrow?"]))
        assert predicted == ["spam", "ham"], f"The {kind!r} pipeline should tell spam from ham on the sample (got {predicted})."
        assert pipeline.named_steps["clf"].__class__.__name__ != "LogisticRegression", (
            f"classifier={kind!r} still builds a logistic regression: put the new model in the 'clf' step."
        )


TUNE_HINT = (
    "Implement tune in model.py: a GridSearchCV over clf__C and tfidf__ngram_range with "
    "scoring='f1_macro' and cv=cv, fitted on the texts; return the fitted search."
)


def test_tune_searches_by_macro_f1(spam: pd.DataFrame) -> None:
    search = call(TUNE_HINT, tune, spam["text"], spam["label"], cv=3)
    assert hasattr(search, "best_params_") and hasattr(search, "cv_results_"), (
        f"{TUNE_HINT}\n(it returned {type(search).__name__}, not a fitted search)"
    )
    assert search.scoring == "f1_macro", f"{TUNE_HINT}\n(scoring is {search.scoring!r})"
    assert len(search.cv_results_["params"]) >= 2, "tune must compare at least two settings."
    assert 0.0 <= search.best_score_ <= 1.0
    assert list(search.predict(["Are we still meeting for lunch tomorrow?"])) == ["ham"], (
        "The search must be refitted on all the data so that it can predict (refit=True, the default)."
    )


CV_HINT = (
    "Implement cross_validate_f1 in train.py: cross_val_score with StratifiedKFold(folds, shuffle=True, "
    "random_state=seed) and scoring='f1_macro', for the dummy and for the TF-IDF pipeline."
)


def test_cross_validation_beats_the_dummy(spam: pd.DataFrame) -> None:
    scores = call(CV_HINT, cross_validate_f1, spam, folds=5, seed=0)
    assert isinstance(scores, dict) and {"dummy", "model"} <= set(scores), f"{CV_HINT}\n(got {scores!r})"
    model, dummy = np.asarray(scores["model"], float), np.asarray(scores["dummy"], float)
    assert model.shape == (5,) and dummy.shape == (5,), f"{CV_HINT}\n(expected one score per fold, got {model.shape})"
    assert ((model >= 0) & (model <= 1)).all(), "Scores must be macro F1 values between 0 and 1."
    assert model.mean() > dummy.mean() + 0.2, (
        f"On the spam sample the TF-IDF model's mean macro F1 ({model.mean():.2f}) should clearly beat the "
        f"dummy's ({dummy.mean():.2f}): score both with scoring='f1_macro'."
    )


class _Rule:
    """A stand-in model: calls a text spam when it contains "win"."""

    def predict(self, texts):
        return np.array(["spam" if "win" in str(t).lower() else "ham" for t in texts])


MISSED_HINT = (
    "Implement misclassified in train.py: the rows where model.predict(texts) differs from labels, "
    "with columns text, clean (clean_text of it), label and predicted."
)


def test_misclassified_lists_the_wrong_texts() -> None:
    texts = pd.Series(["WIN cash now", "win the match?", "free prize inside", "lunch at noon"])
    labels = pd.Series(["spam", "ham", "spam", "ham"])
    wrong = call(MISSED_HINT, misclassified, _Rule(), texts, labels)
    assert isinstance(wrong, pd.DataFrame), f"{MISSED_HINT}\n(it returned {type(wrong).__name__})"
    assert {"text", "clean", "label", "predicted"} <= set(wrong.columns), f"{MISSED_HINT}\n(columns: {list(wrong.columns)})"
    rows = sorted(zip(wrong["text"], wrong["label"], wrong["predicted"]))
    assert rows == [("free prize inside", "spam", "ham"), ("win the match?", "ham", "spam")], (
        f"{MISSED_HINT}\n(got {rows})"
    )
    assert set(wrong["clean"]) == {"free prize inside", "win match"}, (
        f"The 'clean' column should be clean_text(text), what the model saw (got {list(wrong['clean'])})."
    )
