"""Checks for the TODO steps of the README's "The work" list.

Each check fails until its step is done; its first line then says what to do next. Run them
with ``pytest checks`` (plain ``pytest`` runs only the tests of the parts that are done).
"""

from __future__ import annotations

import sqlite3
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.model import train_demo_model
from app.schemas import EXAMPLE_APPLICATION
from app.store import PredictionStore


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
    return train_demo_model(n=300, seed=1)


@pytest.fixture
def client(model):
    with TestClient(create_app(model=model, version="check", db_path=":memory:")) as c:
        yield c


def stored_outcomes(db_path: Path) -> dict[int, Any]:
    """id → actual_outcome as another connection sees it: only what was committed."""
    with sqlite3.connect(db_path) as other:
        return dict(other.execute("SELECT id, actual_outcome FROM predictions").fetchall())


SET_OUTCOME_HINT = (
    "Implement PredictionStore.set_outcome in app/store.py: UPDATE the row's actual_outcome "
    "(WHERE id = ?, and commit), return None when no row has that id, else the updated prediction (self.get)."
)


def test_store_set_outcome(tmp_path) -> None:
    db_path = tmp_path / "predictions.db"
    store = PredictionStore(str(db_path))
    made = dict(model_version="v", approved=True, probability=0.8, application=dict(EXAMPLE_APPLICATION))
    created, neighbour = store.create(**made), store.create(**made)
    updated = call(SET_OUTCOME_HINT, store.set_outcome, created["id"], False)
    expect(isinstance(updated, dict) and updated.get("actual_outcome") is False, SET_OUTCOME_HINT,
           f"set_outcome({created['id']}, False) returned {updated!r}; expected the prediction with actual_outcome False.")
    expect(store.get(created["id"])["actual_outcome"] is False, SET_OUTCOME_HINT,
           f"After set_outcome, store.get({created['id']}) shows actual_outcome {store.get(created['id'])['actual_outcome']!r}.")
    expect(store.get(neighbour["id"])["actual_outcome"] is None, SET_OUTCOME_HINT,
           f"Setting the outcome of prediction {created['id']} also set prediction {neighbour['id']}'s "
           f"({store.get(neighbour['id'])['actual_outcome']!r}): the UPDATE needs WHERE id = ?.")
    seen = stored_outcomes(db_path)
    expect(seen.get(created["id"]) == 0, SET_OUTCOME_HINT,
           f"Another connection to the database still sees actual_outcome {seen.get(created['id'])!r} for prediction "
           f"{created['id']}: the change was never committed (use `with self._lock, self._conn:`).")
    missing = call(SET_OUTCOME_HINT, store.set_outcome, 999_999, True)
    expect(missing is None, SET_OUTCOME_HINT, f"set_outcome(999999, True) returned {missing!r}; no prediction has that id, so None.")
    store.close()


PATCH_HINT = (
    "Add the PATCH /predictions/{prediction_id} endpoint in app/main.py: body OutcomeUpdate, "
    "response PredictionOut, 404 when store.set_outcome returns None."
)


def test_patch_records_outcome(client) -> None:
    pid = client.post("/predict", json=EXAMPLE_APPLICATION).json()["id"]
    response = call(PATCH_HINT, client.patch, f"/predictions/{pid}", json={"actual_outcome": True})
    expect(response.status_code == 200, PATCH_HINT, f"PATCH /predictions/{pid} answered {response.status_code}: {response.text[:200]}")
    expect(response.json().get("actual_outcome") is True, PATCH_HINT,
           f"PATCH /predictions/{pid} with actual_outcome true answered {response.json()}.")
    shown = client.get(f"/predictions/{pid}").json().get("actual_outcome")
    expect(shown is True, PATCH_HINT, f"After PATCH, GET /predictions/{pid} shows actual_outcome {shown!r}.")
    missing = call(PATCH_HINT, client.patch, "/predictions/999999", json={"actual_outcome": True})
    expect(missing.status_code == 404, PATCH_HINT, f"PATCH on an unknown id answered {missing.status_code}, not 404.")
    bad = call(PATCH_HINT, client.patch, f"/predictions/{pid}", json={"actual_outcome": "maybe"})
    expect(bad.status_code == 422, PATCH_HINT,
           f"PATCH with actual_outcome \"maybe\" answered {bad.status_code}: validate the body with OutcomeUpdate (422).")


METRICS_HINT = (
    "Add GET /metrics in app/main.py (response_model=Metrics): 'labelled' = stored predictions with an "
    "actual_outcome, 'accuracy' = share of them where approved == actual_outcome (null when none)."
)

#: (approved, actual_outcome) of the stored predictions: 4 labelled, 3 of them right. A wrong
#: formula gives something else: 1/4 are approved in reality, 2/4 were approved, 3/6 are right.
OUTCOMES = [(True, True), (False, False), (True, False), (False, False), (False, None), (True, None)]


def test_metrics_reports_accuracy_of_labelled_predictions(model, tmp_path) -> None:
    db_path = tmp_path / "predictions.db"
    with TestClient(create_app(model=model, version="check", db_path=str(db_path))) as client:
        empty = call(METRICS_HINT, client.get, "/metrics")
        expect(empty.status_code == 200, METRICS_HINT, f"GET /metrics answered {empty.status_code}: {empty.text[:200]}")
        expect(empty.json().get("labelled") == 0 and empty.json().get("accuracy") is None, METRICS_HINT,
               f"With no outcomes yet it answered {empty.json()}; expected labelled 0 and accuracy null.")
        ids = [client.post("/predict", json=EXAMPLE_APPLICATION).json()["id"] for _ in OUTCOMES]
        # decisions and outcomes written straight into the table, so this check needs no set_outcome
        with sqlite3.connect(db_path) as other:
            other.executemany(
                "UPDATE predictions SET approved = ?, actual_outcome = ? WHERE id = ?",
                [(int(approved), None if outcome is None else int(outcome), pid) for pid, (approved, outcome) in zip(ids, OUTCOMES)],
            )
        body = call(METRICS_HINT, client.get, "/metrics").json()
    expect(body.get("labelled") == 4, METRICS_HINT, f"4 of the 6 predictions have an outcome; it said {body}.")
    expect(body.get("accuracy") == pytest.approx(0.75), METRICS_HINT,
           f"3 of the 4 labelled predictions are right (approved == actual_outcome); it said {body}.")
