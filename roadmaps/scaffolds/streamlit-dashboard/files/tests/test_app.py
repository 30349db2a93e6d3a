"""Runs the whole Streamlit script headless with Streamlit's AppTest (no browser)."""

from pathlib import Path

import pytest

# Streamlit comes with requirements.txt; without it only the model tests (and the checks) run.
pytest.importorskip("streamlit", reason="streamlit is not installed: pip install -r requirements.txt")

from streamlit.testing.v1 import AppTest  # noqa: E402 - after the skip above

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def test_app_runs_and_predicts() -> None:
    at = AppTest.from_file(APP).run(timeout=60)  # first run trains the model
    assert not at.exception
    assert at.title[0].value == "Sentiment dashboard"

    at.text_area[0].input("What a wonderful, delightful experience").run(timeout=60)
    assert not at.exception
    assert at.main.metric[0].value == "positive"


# TODO: once the Batch tab shows charts, check them too; AppTest can't upload files, so
# test score_file directly (see test_model.py).
