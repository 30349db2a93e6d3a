"""Checks for the TODO steps of the README's "The work" list.

Each check fails until its step is done; its first line then says what to do next. Run them
with ``pytest checks`` (plain ``pytest`` runs only the tests of the parts that are done). Every
check gets a fresh in-memory SQLite database.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from predictions_db import crud
from predictions_db.db import init_db, make_engine, make_session_factory

T0 = datetime(2024, 1, 1)


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


@pytest.fixture
def database(tmp_path):
    """(session, committed): a session on a database file, and a function that runs a query on a
    connection of its own, which sees only what was committed."""
    url = f"sqlite:///{(tmp_path / 'checks.db').as_posix()}"
    engine = make_engine(url)
    init_db(engine)
    other = make_engine(url)

    def committed(sql: str, **params: Any) -> list[tuple]:
        with other.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql), params)]

    with make_session_factory(engine)() as s:
        yield s, committed
    engine.dispose()
    other.dispose()


def add(session, version: str = "v1", prediction: float = 10.0, model: str = "m"):
    return crud.create_prediction(session, model_name=model, model_version=version, features={"x": 1}, prediction=prediction)


SET_ACTUAL_HINT = (
    "Implement crud.set_actual: load the row with session.get, set row.actual, commit, "
    "return the row (None when there is no such id)."
)


def test_set_actual_updates_the_row(database) -> None:
    session, committed = database
    p, other = add(session), add(session)
    updated = call(SET_ACTUAL_HINT, crud.set_actual, session, p.id, 12.5)
    expect(updated is not None and updated.actual == pytest.approx(12.5), SET_ACTUAL_HINT,
           f"set_actual(session, {p.id}, 12.5) returned {updated!r}.")
    stored = dict(committed("SELECT id, actual FROM predictions"))
    expect(stored.get(p.id) == pytest.approx(12.5), SET_ACTUAL_HINT,
           f"Another connection sees actual = {stored.get(p.id)!r} for prediction {p.id}: set_actual must commit the change.")
    expect(stored.get(other.id) is None, SET_ACTUAL_HINT,
           f"Prediction {other.id} got actual = {stored.get(other.id)!r} too: only the row with that id changes.")
    missing = call(SET_ACTUAL_HINT, crud.set_actual, session, 9999, 1.0)
    expect(missing is None, SET_ACTUAL_HINT, f"set_actual(session, 9999, 1.0) returned {missing!r}; no row has that id, so None.")


MAE_HINT = (
    "Implement crud.mean_absolute_error_by_version: one SELECT of avg(abs(prediction - actual)) "
    "GROUP BY model_version, for one model_name, only rows whose actual is known."
)


def test_mean_absolute_error_by_version(database) -> None:
    session, _ = database
    rows = [("v1", 10.0, 12.0), ("v1", 10.0, 6.0), ("v2", 10.0, 9.0)]
    for version, prediction, actual in rows:
        p = add(session, version=version, prediction=prediction)
        p.actual = actual  # set directly, so this check does not depend on set_actual
    add(session, version="v2", prediction=99.0)  # no actual yet: must be ignored
    p = add(session, version="v1", prediction=0.0, model="other")  # another model: must be ignored
    p.actual = 100.0
    session.commit()
    result = call(MAE_HINT, crud.mean_absolute_error_by_version, session, "m")
    expect(isinstance(result, dict) and set(result) == {"v1", "v2"}, MAE_HINT,
           f"Expected a dict with the versions of model \"m\", v1 and v2; got {result!r}.")
    expect(result["v1"] == pytest.approx(3.0) and result["v2"] == pytest.approx(1.0), MAE_HINT,
           f"Expected v1 = mean(|10-12|, |10-6|) = 3 and v2 = |10-9| = 1, got {result!r}.")


UPSERT_HINT = (
    "Implement crud.upsert_points: insert new (timestamp, value) points and overwrite the value of "
    "timestamps the series already has, without errors or duplicates; return how many were written."
)


def test_upsert_points_is_rerunnable(database) -> None:
    session, committed = database
    crud.add_points(session, "temp", [(T0, 1.0), (T0 + timedelta(hours=1), 3.0)])
    crud.add_points(session, "other", [(T0, 7.0)])
    points = [(T0, 2.0), (T0 + timedelta(days=1), 10.0)]
    written = call(UPSERT_HINT, crud.upsert_points, session, "temp", points)
    expect(written == 2, UPSERT_HINT, f"2 points were given, it returned {written!r}.")
    call(UPSERT_HINT, crud.upsert_points, session, "temp", points)  # a re-run must not fail
    series = committed("SELECT series, ts, value FROM timeseries ORDER BY series, ts")
    wanted = [("other", T0, 7.0), ("temp", T0, 2.0), ("temp", T0 + timedelta(hours=1), 3.0), ("temp", T0 + timedelta(days=1), 10.0)]
    shown = [(name, datetime.fromisoformat(str(ts)), value) for name, ts, value in series]
    expect(shown == wanted, UPSERT_HINT,
           f"After the upsert (and its re-run) the committed table holds {[(n, t.isoformat(), v) for n, t, v in shown]}; "
           f"expected {[(n, t.isoformat(), v) for n, t, v in wanted]} (only \"temp\" changes, and the change is committed).")
    nothing = call(UPSERT_HINT, crud.upsert_points, session, "temp", [])
    expect(nothing == 0, UPSERT_HINT, f"With no points it returned {nothing!r}; nothing was written, so 0.")


DAILY_HINT = (
    "Implement crud.daily_average: SELECT the day (func.date(ts)) and avg(value) for one series, "
    "GROUP BY and ORDER BY the day; return a list of (day, mean) pairs."
)


def test_daily_average_resamples_in_sql(database) -> None:
    session, _ = database
    day2 = T0 + timedelta(days=1)
    # the first day's mean is the larger, so date order and value order differ
    crud.add_points(session, "temp", [(T0, 9.0), (T0 + timedelta(hours=5), 11.0), (day2 + timedelta(hours=23), 2.0)])
    crud.add_points(session, "other", [(T0, 100.0)])
    result = call(DAILY_HINT, crud.daily_average, session, "temp")
    pairs = [(str(day), float(mean)) for day, mean in (result or [])]
    expect(pairs == [("2024-01-01", 10.0), ("2024-01-02", 2.0)], DAILY_HINT,
           f"Expected [('2024-01-01', 10.0), ('2024-01-02', 2.0)] for points at 00:00 (9) and 05:00 (11) on "
           f"1 January and 23:00 (2) on 2 January; got {result!r}.")
