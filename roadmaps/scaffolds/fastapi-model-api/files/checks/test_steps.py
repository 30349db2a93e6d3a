"""Checks for the TODO steps of the README's "The work" list.

Each check fails until its step is done; its first line then says what to do next. Run them
with ``pytest checks`` (plain ``pytest`` runs only the tests of the parts that are done).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.model import train_demo_model
from app.schemas import EXAMPLE_APPLICATION
from app.store import PredictionStore


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
    return train_demo_model(n=300, seed=1)


@pytest.fixture
def client(model):
    with TestClient(create_app(model=model, version="check", db_path=":memory:")) as c:
        yield c


SET_OUTCOME_HINT = (
    "Implement PredictionStore.set_outcome in app/store.py: UPDATE the row's actual_outcome, "
    "return None when no row has that id, else the updated prediction (self.get)."
)


def test_store_set_outcome() -> None:
    store = PredictionStore(":memory:")
    created = store.create(model_version="v", approved=True, probability=0.8, application=dict(EXAMPLE_APPLICATION))
    updated = call(SET_OUTCOME_HINT, store.set_outcome, created["id"], False)
    assert isinstance(updated, dict) and updated.get("actual_outcome") is False, SET_OUTCOME_HINT
    assert store.get(created["id"])["actual_outcome"] is False, (
        "set_outcome must store the outcome in the database (commit it), not only return it."
    )
    assert call(SET_OUTCOME_HINT, store.set_outcome, 999_999, True) is None, (
        "set_outcome must return None for an id that does not exist (cur.rowcount == 0)."
    )


PATCH_HINT = (
    "Add the PATCH /predictions/{prediction_id} endpoint in app/main.py: body OutcomeUpdate, "
    "response PredictionOut, 404 when store.set_outcome returns None."
)


def test_patch_records_outcome(client) -> None:
    pid = client.post("/predict", json=EXAMPLE_APPLICATION).json()["id"]
    response = call(PATCH_HINT, client.patch, f"/predictions/{pid}", json={"actual_outcome": True})
    assert response.status_code == 200, f"{PATCH_HINT}\n(PATCH answered {response.status_code})"
    assert response.json().get("actual_outcome") is True, PATCH_HINT
    assert client.get(f"/predictions/{pid}").json()["actual_outcome"] is True, (
        "After PATCH, GET /predictions/{id} must show the recorded actual_outcome."
    )
    missing = call(PATCH_HINT, client.patch, "/predictions/999999", json={"actual_outcome": True})
    assert missing.status_code == 404, f"PATCH on an unknown id must answer 404, not {missing.status_code}."
    bad = call(PATCH_HINT, client.patch, f"/predictions/{pid}", json={"actual_outcome": "maybe"})
    assert bad.status_code == 422, "PATCH must validate its body with OutcomeUpdate (a bad body gets 422)."


METRICS_HINT = (
    "Add GET /metrics in app/main.py (response_model=Metrics): 'labelled' = stored predictions with an "
    "actual_outcome, 'accuracy' = share of them where approved == actual_outcome (null when none)."
)


def test_metrics_reports_accuracy_of_labelled_predictions(client) -> None:
    empty = call(METRICS_HINT, client.get, "/metrics")
    assert empty.status_code == 200, f"{METRICS_HINT}\n(GET /metrics answered {empty.status_code})"
    assert empty.json().get("labelled") == 0 and empty.json().get("accuracy") is None, (
        f"{METRICS_HINT}\n(with no outcomes yet it answered {empty.json()})"
    )
    store: PredictionStore = client.app.state.store
    made = [client.post("/predict", json=EXAMPLE_APPLICATION).json() for _ in range(4)]
    right, wrong, also_right, unlabelled = made
    hint = "GET /metrics needs outcomes: do PredictionStore.set_outcome (app/store.py) first."
    call(hint, store.set_outcome, right["id"], right["approved"])
    call(hint, store.set_outcome, wrong["id"], not wrong["approved"])
    call(hint, store.set_outcome, also_right["id"], also_right["approved"])
    body = client.get("/metrics").json()
    assert body.get("labelled") == 3, f"{METRICS_HINT}\n(3 of 4 predictions have an outcome; it said {body})"
    assert body.get("accuracy") == pytest.approx(2 / 3), (
        f"{METRICS_HINT}\n(2 of the 3 labelled predictions are right; it said {body})"
    )
