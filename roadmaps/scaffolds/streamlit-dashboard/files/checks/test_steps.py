"""Checks for the TODO steps of the README's "The work" list.

Each check fails until its step is done; its first line then says what to do next. Run them
with ``pytest checks`` (plain ``pytest`` runs only the tests of the parts that are done). They
test the dashboard's functions on a tiny data set, so they need no browser and no Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable
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
def model():
    return train(TINY, C=10.0, ngram_max=1)


SCORE_HINT = (
    "Implement score_file in sentiment/model.py: return the uploaded table with 'label' and "
    "'confidence' columns added, from predict(model, df[text_column])."
)


def test_score_file_adds_label_and_confidence(model) -> None:
    uploaded = pd.DataFrame({"id": [7, 8, 9], "review": ["great", "awful", "really great value"]})
    scored = call(SCORE_HINT, score_file, model, uploaded, text_column="review")
    assert isinstance(scored, pd.DataFrame), f"{SCORE_HINT}\n(it returned {type(scored).__name__})"
    assert {"label", "confidence"} <= set(scored.columns), f"{SCORE_HINT}\n(columns: {list(scored.columns)})"
    assert list(scored["label"]) == ["positive", "negative", "positive"], (
        f"score_file must label each row from its own text (got {list(scored['label'])})."
    )
    assert scored["confidence"].between(0.5, 1.0).all(), "confidence must be the probability of the chosen label."
    assert list(scored["id"]) == [7, 8, 9] and list(scored["review"]) == list(uploaded["review"]), (
        "score_file must keep the uploaded columns and rows as they are, and add the new columns."
    )


MISSING_HINT = (
    "score_file must raise a ValueError that names the missing text column when the upload lacks it "
    "(the Batch tab shows that message to the user)."
)


def test_score_file_explains_a_missing_text_column(model) -> None:
    uploaded = pd.DataFrame({"review": ["great"]})
    try:
        score_file(model, uploaded)
    except NotImplementedError:
        problem = "(score_file is not written yet)"
    except ValueError as exc:
        assert "text" in str(exc), f"{MISSING_HINT}\n(the message was: {exc})"
        return
    except Exception as exc:  # noqa: BLE001 - a KeyError from pandas is the bare traceback to avoid
        problem = f"(it raised {type(exc).__name__}: {exc})"
    else:
        problem = "(it raised nothing)"
    pytest.fail(f"{MISSING_HINT}\n{problem}", pytrace=False)
