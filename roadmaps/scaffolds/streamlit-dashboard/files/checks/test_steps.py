"""Checks for the TODO steps of the README's "The work" list.

Each check fails until its step is done; its first line then says what to do next. Run them
with ``pytest checks`` (plain ``pytest`` runs only the tests of the parts that are done). They
test the dashboard's functions on a tiny data set, so they need no browser and no Streamlit.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from sentiment.model import score_file, train

TINY = pd.DataFrame(
    {
        "text": ["great fun", "really great", "great value", "awful mess", "really awful", "awful value"],
        "label": ["positive", "positive", "positive", "negative", "negative", "negative"],
    }
)


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
    """Call the learner's code; if it raises, fail with the hint, what was raised and where."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)}"
    # failing outside the except block keeps the learner's traceback out of the message
    pytest.fail(f"{hint}\n(it raised {problem})", pytrace=False)


@pytest.fixture(scope="module")
def model():
    return train(TINY, C=10.0, ngram_max=1)


SCORE_HINT = (
    "Implement score_file in sentiment/model.py: return the uploaded table with 'label' and "
    "'confidence' columns added, from predict(model, df[text_column])."
)


def test_score_file_adds_label_and_confidence(model) -> None:
    # rows left after filtering an upload: their index is not 0, 1, 2
    uploaded = pd.DataFrame({"id": [7, 8, 9], "review": ["great", "awful", "really great value"]}, index=[10, 4, 7])
    before = uploaded.copy()
    scored = call(SCORE_HINT, score_file, model, uploaded, text_column="review")
    expect(isinstance(scored, pd.DataFrame), SCORE_HINT, f"It returned {type(scored).__name__}, not a DataFrame.")
    expect({"label", "confidence"} <= set(scored.columns), SCORE_HINT, f"The columns are {list(scored.columns)}.")
    labels = list(scored["label"])
    expect(labels == ["positive", "negative", "positive"], SCORE_HINT,
           f"For the reviews {list(uploaded['review'])} (index {list(uploaded.index)}) the labels are {labels}; "
           f"each row must get the label of its own text (mind the index when adding a column).")
    confidence = [round(float(c), 3) for c in scored["confidence"]]
    expect(scored["confidence"].between(0.5, 1.0).all(), SCORE_HINT,
           f"The confidences are {confidence}: each must be the probability of the row's own label (at least 0.5 of two classes).")
    expect(list(scored["id"]) == [7, 8, 9] and list(scored["review"]) == list(uploaded["review"]), SCORE_HINT,
           "score_file must keep the uploaded columns and rows as they are, and add the new columns.")
    expect(uploaded.equals(before), SCORE_HINT,
           f"The uploaded table was changed (its columns are now {list(uploaded.columns)}): add the columns to a copy.")


MISSING_HINT = (
    "score_file must raise a ValueError that names the missing text column when the upload lacks it "
    "(the Batch tab shows that message to the user)."
)


def test_score_file_explains_a_missing_text_column(model) -> None:
    uploaded = pd.DataFrame({"review": ["great"]})
    try:
        score_file(model, uploaded)
    except ValueError as exc:
        problem = "" if "text" in str(exc) else f"(the message was: {exc})"
    except Exception as exc:  # noqa: BLE001 - a KeyError from pandas is the bare traceback to avoid
        problem = f"(it raised {type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)})"
    else:
        problem = "(it raised nothing)"
    expect(not problem, MISSING_HINT, problem)
