"""Checks for the TODO steps of the README's "The work" list.

Each check fails until its step is done; its first line then says what to do next. Run them
with ``pytest checks`` (plain ``pytest`` runs only the tests of the parts that are done). Every
check gets a fresh in-memory SQLite database.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from predictions_db import crud
from predictions_db.db import init_db, make_engine, make_session_factory

T0 = datetime(2024, 1, 1)


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


@pytest.fixture
def session():
    engine = make_engine("sqlite://")
    init_db(engine)
    with make_session_factory(engine)() as s:
        yield s
    engine.dispose()


def add(session, version: str = "v1", prediction: float = 10.0, model: str = "m"):
    return crud.create_prediction(session, model_name=model, model_version=version, features={"x": 1}, prediction=prediction)


SET_ACTUAL_HINT = (
    "Implement crud.set_actual: load the row with session.get, set row.actual, commit, "
    "return the row (None when there is no such id)."
)


def test_set_actual_updates_the_row(session) -> None:
    p = add(session)
    updated = call(SET_ACTUAL_HINT, crud.set_actual, session, p.id, 12.5)
    assert updated is not None and updated.actual == pytest.approx(12.5), SET_ACTUAL_HINT
    session.expunge_all()  # forget cached objects: the next read really hits the database
    assert crud.get_prediction(session, p.id).actual == pytest.approx(12.5), (
        "set_actual must commit the change: a fresh read of the row still has no actual value."
    )
    assert call(SET_ACTUAL_HINT, crud.set_actual, session, 9999, 1.0) is None, (
        "set_actual must return None for an id that does not exist."
    )


MAE_HINT = (
    "Implement crud.mean_absolute_error_by_version: one SELECT of avg(abs(prediction - actual)) "
    "GROUP BY model_version, for one model_name, only rows whose actual is known."
)


def test_mean_absolute_error_by_version(session) -> None:
    rows = [("v1", 10.0, 12.0), ("v1", 10.0, 6.0), ("v2", 10.0, 9.0)]
    for version, prediction, actual in rows:
        p = add(session, version=version, prediction=prediction)
        p.actual = actual  # set directly, so this check does not depend on set_actual
    add(session, version="v2", prediction=99.0)  # no actual yet: must be ignored
    p = add(session, version="v1", prediction=0.0, model="other")  # another model: must be ignored
    p.actual = 100.0
    session.commit()
    result = call(MAE_HINT, crud.mean_absolute_error_by_version, session, "m")
    assert isinstance(result, dict) and set(result) == {"v1", "v2"}, f"{MAE_HINT}\n(got {result!r})"
    assert result["v1"] == pytest.approx(3.0) and result["v2"] == pytest.approx(1.0), (
        f"{MAE_HINT}\n(expected v1 = mean(|10-12|, |10-6|) = 3 and v2 = 1, got {result!r})"
    )


UPSERT_HINT = (
    "Implement crud.upsert_points: insert new (timestamp, value) points and overwrite the value of "
    "timestamps the series already has, without errors or duplicates; return how many were written."
)


def test_upsert_points_is_rerunnable(session) -> None:
    crud.add_points(session, "temp", [(T0, 1.0), (T0 + timedelta(hours=1), 3.0)])
    crud.add_points(session, "other", [(T0, 7.0)])
    points = [(T0, 2.0), (T0 + timedelta(days=1), 10.0)]
    written = call(UPSERT_HINT, crud.upsert_points, session, "temp", points)
    assert written == 2, f"{UPSERT_HINT}\n(2 points were given, it returned {written!r})"
    call(UPSERT_HINT, crud.upsert_points, session, "temp", points)  # a re-run must not fail
    session.expunge_all()
    series = [(p.ts, p.value) for p in crud.get_series(session, "temp")]
    assert series == [(T0, 2.0), (T0 + timedelta(hours=1), 3.0), (T0 + timedelta(days=1), 10.0)], (
        f"{UPSERT_HINT}\n(after the upsert the series is {series})"
    )
    assert [p.value for p in crud.get_series(session, "other")] == [7.0], (
        "upsert_points must only touch the series it is given."
    )


DAILY_HINT = (
    "Implement crud.daily_average: SELECT the day (func.date(ts)) and avg(value) for one series, "
    "GROUP BY and ORDER BY the day; return a list of (day, mean) pairs."
)


def test_daily_average_resamples_in_sql(session) -> None:
    day2 = T0 + timedelta(days=1)
    crud.add_points(session, "temp", [(T0, 1.0), (T0 + timedelta(hours=5), 3.0), (day2 + timedelta(hours=23), 10.0)])
    crud.add_points(session, "other", [(T0, 100.0)])
    result = call(DAILY_HINT, crud.daily_average, session, "temp")
    pairs = [(str(day), float(mean)) for day, mean in (result or [])]
    assert pairs == [("2024-01-01", 2.0), ("2024-01-02", 10.0)], f"{DAILY_HINT}\n(got {result!r})"
