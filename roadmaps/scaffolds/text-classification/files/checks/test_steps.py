"""Checks for the TODO steps of the README's "Steps" list.

Each check fails until its step is done; its first line then says what to do next. Run them
with ``pytest checks`` (plain ``pytest`` runs only the tests of the parts that are done).
Offline, on the bundled 30-row samples and a few made-up texts.
"""
from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sklearn.model_selection import StratifiedKFold, cross_val_score

from {{packageName}}.data import SAMPLE_SPAM, load_dataset
from {{packageName}}.model import build_dummy, build_pipeline, tune
from {{packageName}}.preprocess import lemmatize_lite
from {{packageName}} import train
from {{packageName}}.train import cross_validate_f1, misclassified


def expect(condition: bool, hint: str, detail: str = "") -> None:
    """Fail with the hint as the first line (and what was seen after it), without a traceback."""
    if not condition:
        pytest.fail(hint + (f"\n{detail}" if detail else ""), pytrace=False)


PROJECT = Path(__file__).resolve().parents[1]


def learner_frame(tb) -> str:
    """The deepest frame of the traceback in the project's own code (not checks/, tests/ or a
    virtual environment), as a traceback line, so the editor can put the failure on that line."""
    where = ""
    for frame, line in traceback.walk_tb(tb):
        path = Path(frame.f_code.co_filename).resolve()
        if PROJECT not in path.parents:
            continue
        parts = path.relative_to(PROJECT).parts
        if parts[0] in ("checks", "tests") or parts[0].startswith(".") or "site-packages" in parts:
            continue
        where = f'\n  File "{path.relative_to(PROJECT).as_posix()}", line {line}, in {frame.f_code.co_name}'
    return where


def call(hint: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call the learner's function; if it raises, fail with the hint, what was raised and where."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)}"
    # failing outside the except block keeps the learner's traceback out of the message
    pytest.fail(f"{hint}\n(it raised {problem})", pytrace=False)


@pytest.fixture(scope="module")
def spam() -> pd.DataFrame:
    return load_dataset(SAMPLE_SPAM)


IRREGULAR = {"ran": "run", "went": "go", "better": "good", "children": "child", "mice": "mouse"}
REGULAR = {"prizes": "prize", "parties": "party", "calling": "call", "stopped": "stop", "class": "class", "is": "is", "<url>": "<url>"}
LEMMA_HINT = (
    "lemmatize_lite (preprocess.py) knows no irregular words: look them up first (e.g. in a table of "
    "irregular forms) before the suffix rules, or use a real lemmatiser."
)


def test_lemmatizer_handles_irregular_words() -> None:
    got = {word: call(LEMMA_HINT, lemmatize_lite, word) for word in IRREGULAR}
    wrong = {word: lemma for word, lemma in got.items() if lemma != IRREGULAR[word]}
    expect(not wrong, LEMMA_HINT, f"Got {wrong}; expected {({word: IRREGULAR[word] for word in wrong})}.")
    got = {word: call(LEMMA_HINT, lemmatize_lite, word) for word in REGULAR}
    broken = {word: lemma for word, lemma in got.items() if lemma != REGULAR[word]}
    expect(not broken, LEMMA_HINT, f"The regular words must still go through the suffix rules: got {broken}, expected {({w: REGULAR[w] for w in broken})}.")


CLASSIFIER_HINT = (
    "Add the 'nb' (MultinomialNB) and 'svm' (LinearSVC) classifiers to build_pipeline in model.py, "
    "as the 'clf' step after the same TF-IDF features."
)
#: What each classifier must be: the scikit-learn module its model comes from.
FAMILIES = {"nb": ("sklearn.naive_bayes", "a naive Bayes model such as MultinomialNB"), "svm": ("sklearn.svm", "a linear SVM such as LinearSVC")}


def test_other_classifiers_learn_the_spam_sample(spam: pd.DataFrame) -> None:
    for kind, (module, wanted) in FAMILIES.items():
        pipeline = call(CLASSIFIER_HINT, build_pipeline, classifier=kind)
        steps = getattr(pipeline, "named_steps", {})
        expect("tfidf" in steps and "clf" in steps, CLASSIFIER_HINT, f"classifier={kind!r} gives a pipeline with the steps {list(steps)}, not 'tfidf' then 'clf'.")
        clf = steps["clf"]
        kernel = clf.get_params().get("kernel", "linear")
        expect(type(clf).__module__.startswith(module) and kernel == "linear", CLASSIFIER_HINT,
               f"classifier={kind!r} puts a {type(clf).__name__}{'' if kernel == 'linear' else f' (kernel={kernel!r})'} in the 'clf' step; it should be {wanted}.")
        call(f"{CLASSIFIER_HINT}\n(fitting the {kind!r} pipeline failed)", pipeline.fit, spam["text"], spam["label"])
        predicted = list(pipeline.predict(["WIN a FREE prize now, click www.win.example to claim $500!!!",
                                           "Are we still meeting for lunch tomorrow?"]))
        expect(predicted == ["spam", "ham"], CLASSIFIER_HINT, f"The {kind!r} pipeline should tell spam from ham on the sample: it predicted {predicted}, expected ['spam', 'ham'].")
    strength = call(CLASSIFIER_HINT, build_pipeline, classifier="svm", C=0.25).get_params().get("clf__C")
    expect(strength == 0.25, CLASSIFIER_HINT, f"build_pipeline(C=0.25, classifier='svm') gives the SVM C={strength}: pass C on to LinearSVC(C=C, ...).")


TUNE_HINT = (
    "Implement tune in model.py: a GridSearchCV over the given strengths (clf__C, or clf__alpha for Naive Bayes) "
    "and ngram_ranges (tfidf__ngram_range) with scoring='f1_macro' and cv=cv, fitted on the texts; return the fitted search."
)


def searched(search) -> dict[str, list]:
    """Each parameter the search tried, with the distinct values it tried."""
    values: dict[str, list] = {}
    for params in search.cv_results_["params"]:
        for name, value in params.items():
            if value not in values.setdefault(name, []):
                values[name].append(value)
    return values


def test_tune_searches_by_macro_f1(spam: pd.DataFrame) -> None:
    for classifier, strength, strengths, ngram_ranges in (("logreg", "clf__C", [1.0, 8.0], [(1, 1), (1, 3)]), ("nb", "clf__alpha", [0.2, 0.7, 1.0], [(1, 2), (2, 2)])):
        search = call(TUNE_HINT, tune, spam["text"], spam["label"], cv=3, classifier=classifier, strengths=strengths, ngram_ranges=ngram_ranges)
        expect(hasattr(search, "best_params_") and hasattr(search, "cv_results_"), TUNE_HINT,
               f"tune(..., classifier={classifier!r}) returned {type(search).__name__}, not a fitted search.")
        expect(search.scoring == "f1_macro", TUNE_HINT, f"Its scoring is {search.scoring!r}: rank the settings by scoring='f1_macro'.")
        expect(getattr(search, "n_splits_", None) == 3, TUNE_HINT, f"tune(..., cv=3) cross-validated on {getattr(search, 'n_splits_', None)} folds: pass cv=cv on.")
        tried = searched(search)
        wanted = {strength: strengths, "tfidf__ngram_range": ngram_ranges}
        expect(tried == wanted, TUNE_HINT, f"tune(..., classifier={classifier!r}, strengths={strengths}, ngram_ranges={ngram_ranges}) tried {tried}; it should try exactly {wanted}."
               + (" (Naive Bayes has no C: search clf__alpha.)" if classifier == "nb" else ""))
        expect(0.0 <= search.best_score_ <= 1.0, TUNE_HINT, f"best_score_ is {search.best_score_}, not a macro F1 between 0 and 1.")
        predicted = call(f"{TUNE_HINT}\n(the search cannot predict: keep refit=True, the default)", search.predict, ["Are we still meeting for lunch tomorrow?"])
        expect(list(predicted) == ["ham"], TUNE_HINT, f"The refitted search predicts {list(predicted)} for a lunch invitation, not ['ham'].")


CV_HINT = (
    "Implement cross_validate_f1 in train.py: cross_val_score with StratifiedKFold(folds, shuffle=True, "
    "random_state=seed) and scoring='f1_macro', for the dummy and for the TF-IDF pipeline."
)


def expected_scores(frame: pd.DataFrame, folds: int, seed: int, **params) -> dict[str, np.ndarray]:
    cv = StratifiedKFold(folds, shuffle=True, random_state=seed)
    return {name: cross_val_score(estimator, frame["text"], frame["label"], cv=cv, scoring="f1_macro")
            for name, estimator in (("dummy", build_dummy()), ("model", build_pipeline(**params)))}


def test_cross_validation_beats_the_dummy(spam: pd.DataFrame) -> None:
    scores = call(CV_HINT, cross_validate_f1, spam, folds=5, seed=0)
    expect(isinstance(scores, dict) and {"dummy", "model"} <= set(scores), CV_HINT, f"It returned {scores!r}, not a dict with 'dummy' and 'model'.")
    model, dummy = np.asarray(scores["model"], float), np.asarray(scores["dummy"], float)
    expect(model.shape == (5,) and dummy.shape == (5,), CV_HINT, f"With folds=5 expected one score per fold, got shapes {model.shape} and {dummy.shape}.")
    expect(bool(((model >= 0) & (model <= 1)).all()), CV_HINT, f"The model's scores {model.round(3).tolist()} are not macro F1 values between 0 and 1.")
    expect(model.mean() > dummy.mean() + 0.2, CV_HINT,
           f"On the spam sample the TF-IDF model's mean macro F1 ({model.mean():.2f}) should clearly beat the dummy's ({dummy.mean():.2f}).")
    # max_features=5 leaves the model five words: the scores differ from the defaults on every seed.
    for seed, params in ((0, {}), (3, {"max_features": 5})):
        scores = call(CV_HINT, cross_validate_f1, spam, folds=5, seed=seed, **params)
        for name, want in expected_scores(spam, 5, seed, **params).items():
            got = np.asarray(scores[name], float)
            settings = "".join(f", {key}={value!r}" for key, value in params.items())
            built = "build_dummy()" if name == "dummy" else f"build_pipeline({settings[2:]})"
            expect(got.shape == want.shape and np.allclose(got, want), CV_HINT,
                   f"cross_validate_f1(frame, folds=5, seed={seed}{settings}) gave the {name} the fold scores {got.round(3).tolist()}; "
                   f"the macro F1 of {built} on StratifiedKFold(5, shuffle=True, random_state={seed}) is {want.round(3).tolist()}.")


class _Rule:
    """A stand-in model: calls a text spam when it contains "win"."""

    def predict(self, texts):
        return np.array(["spam" if "win" in str(t).lower() else "ham" for t in texts])


MISSED_HINT = (
    "Implement misclassified in train.py: the rows where model.predict(texts) differs from labels, "
    "with columns text, clean (clean_text of it), label and predicted."
)


def test_misclassified_lists_the_wrong_texts() -> None:
    # The index of a test split: shuffled, not 0..n-1.
    index = [7, 2, 11, 4]
    texts = pd.Series(["WIN cash now", "win the match?", "free prize inside", "lunch at noon"], index=index)
    labels = pd.Series(["spam", "ham", "spam", "ham"], index=index)
    wrong = call(MISSED_HINT, misclassified, _Rule(), texts, labels)
    expect(isinstance(wrong, pd.DataFrame), MISSED_HINT, f"It returned {type(wrong).__name__}, not a DataFrame.")
    expect(list(wrong.columns) == ["text", "clean", "label", "predicted"], MISSED_HINT, f"Its columns are {list(wrong.columns)}, not text, clean, label and predicted in that order.")
    rows = sorted((str(text), str(label), str(predicted)) for text, label, predicted in zip(wrong["text"], wrong["label"], wrong["predicted"]))
    expect(rows == [("free prize inside", "spam", "ham"), ("win the match?", "ham", "spam")], MISSED_HINT,
           f"For texts with the index {index} (as a test split has) it gave the rows (text, label, predicted) {rows}; "
           "expected ('free prize inside', 'spam', 'ham') and ('win the match?', 'ham', 'spam').")
    cleaned = dict(zip(wrong["text"], wrong["clean"]))
    expect(cleaned == {"free prize inside": "free prize inside", "win the match?": "win match"}, MISSED_HINT,
           f"The 'clean' column should be clean_text(text), what the model saw: got {cleaned}.")


REPORT_HINT = (
    "Finish main in train.py (its two TODOs): print the mean and spread of cross_validate_f1's macro F1, "
    "and the misclassified test texts."
)


def decimals_in(text: str) -> list[float]:
    """The numbers with a decimal point in ``text`` (a path's digits are not scores)."""
    return [float(number) for number in re.findall(r"\d+\.\d+", text)]


def test_train_reports_cross_validation_and_misclassified(tmp_path, monkeypatch, capsys) -> None:
    """main is run with stand-ins for the two functions (their own checks test them): it must call
    them on its data and print what they return."""
    seen: dict[str, Any] = {}
    model_scores = np.array([0.5432, 0.5432, 0.6, 0.4864, 0.5432])  # mean 0.5432, a number nothing else prints
    missed = pd.DataFrame({"text": ["<the text the model missed>"], "clean": ["text model missed"], "label": ["spam"], "predicted": ["ham"]})

    def cross_validate_stand_in(frame, *args, **kwargs):
        seen["frame"] = len(frame)
        return {"dummy": np.full(5, 0.3333), "model": model_scores}

    def misclassified_stand_in(model, texts, labels):
        seen["texts"] = len(texts)
        return missed

    monkeypatch.setattr(train, "cross_validate_f1", cross_validate_stand_in)
    monkeypatch.setattr(train, "misclassified", misclassified_stand_in)
    call(REPORT_HINT, train.main, ["--model-out", str(tmp_path / "model.joblib")])
    out = capsys.readouterr().out
    rows = len(load_dataset(SAMPLE_SPAM))
    expect(seen.get("frame") == rows, REPORT_HINT,
           "main never calls cross_validate_f1." if "frame" not in seen else f"main cross-validates {seen['frame']} rows, not the whole data set ({rows}).")
    shown = decimals_in(out)
    expect(any(abs(n - 0.5432) < 0.006 or abs(n - 54.32) < 0.06 for n in shown), REPORT_HINT,
           "cross_validate_f1 gave the model fold scores with mean 0.5432, and main's output never shows that mean.")
    expect("texts" in seen, REPORT_HINT, "main never calls misclassified.")
    test_rows = int(np.ceil(rows * 0.25))
    expect(seen["texts"] == test_rows, REPORT_HINT, f"main asks misclassified about {seen['texts']} texts, not the {test_rows} of the test split.")
    expect("<the text the model missed>" in out, REPORT_HINT, "misclassified returned one text, and main's output does not show it.")
