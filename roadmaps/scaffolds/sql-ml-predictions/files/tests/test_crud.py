"""CRUD tests on a fresh in-memory SQLite database for every test."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from predictions_db import crud
from predictions_db.db import init_db, make_engine, make_session_factory
from predictions_db.demo import synthetic_hourly_series

T0 = datetime(2024, 1, 1)


@pytest.fixture
def session():
    engine = make_engine("sqlite://")
    init_db(engine)
    with make_session_factory(engine)() as s:
        yield s
    engine.dispose()


def add(session, model="m", version="v1", prediction=1.0, **features):
    return crud.create_prediction(
        session, model_name=model, model_version=version, features=features or {"x": 1}, prediction=prediction
    )


def test_tables_are_created(session) -> None:
    tables = set(inspect(session.get_bind()).get_table_names())
    assert {"predictions", "timeseries"} <= tables


def test_create_and_get_prediction(session) -> None:
    p = add(session, prediction=0.73, age=41, city="Oslo")
    assert p.id is not None and p.actual is None
    session.expunge_all()  # forget cached objects: the next read really hits the database
    again = crud.get_prediction(session, p.id)
    assert again.features == {"age": 41, "city": "Oslo"}  # JSON round trip
    assert again.prediction == pytest.approx(0.73)
    assert isinstance(again.created_at, datetime)
    assert crud.get_prediction(session, 9999) is None


def test_list_newest_first_filtered_and_paged(session) -> None:
    ids = [add(session, model="a" if i % 2 else "b").id for i in range(6)]
    assert [p.id for p in crud.list_predictions(session)] == ids[::-1]
    assert {p.model_name for p in crud.list_predictions(session, model_name="a")} == {"a"}
    page2 = crud.list_predictions(session, limit=2, offset=2)
    assert [p.id for p in page2] == ids[::-1][2:4]


def test_delete_prediction(session) -> None:
    p = add(session)
    assert crud.delete_prediction(session, p.id) is True
    assert crud.get_prediction(session, p.id) is None
    assert crud.delete_prediction(session, p.id) is False


def test_time_series_range_queries(session) -> None:
    points = synthetic_hourly_series(days=2)
    assert crud.add_points(session, "temp", points) == 48
    crud.add_points(session, "other", [(T0, 1.0)])

    window = crud.get_series(session, "temp", start=T0 + timedelta(hours=10), end=T0 + timedelta(hours=20))
    assert [p.ts for p in window] == [T0 + timedelta(hours=h) for h in range(10, 20)]
    assert crud.latest_point(session, "temp").ts == T0 + timedelta(hours=47)
    assert crud.list_series(session) == ["other", "temp"]
    assert crud.delete_series(session, "other") == 1
    assert crud.latest_point(session, "other") is None


def test_duplicate_timestamp_is_rejected_and_rolled_back(session) -> None:
    crud.add_points(session, "temp", [(T0, 1.0)])
    with pytest.raises(IntegrityError):
        crud.add_points(session, "temp", [(T0 + timedelta(hours=1), 2.0), (T0, 3.0)])
    assert [p.value for p in crud.get_series(session, "temp")] == [1.0]  # nothing half-written
    crud.add_points(session, "other", [(T0, 5.0)])  # same time, other series: fine


# TODO: once set_actual, mean_absolute_error_by_version, upsert_points and daily_average
# are written (crud.py), add tests like:
#
# def test_set_actual_and_error_by_version(session):
#     a, b = add(session, version="v1", prediction=10.0), add(session, version="v2", prediction=10.0)
#     add(session, version="v2", prediction=99.0)                 # no actual: ignored
#     assert crud.set_actual(session, a.id, 12.0).actual == 12.0
#     crud.set_actual(session, b.id, 9.0)
#     assert crud.set_actual(session, 9999, 1.0) is None
#     assert crud.mean_absolute_error_by_version(session, "m") == {"v1": 2.0, "v2": 1.0}
#
# def test_upsert_and_daily_average(session):
#     crud.add_points(session, "temp", [(T0, 1.0), (T0 + timedelta(hours=1), 3.0)])
#     crud.upsert_points(session, "temp", [(T0, 2.0), (T0 + timedelta(days=1), 10.0)])
#     assert [p.value for p in crud.get_series(session, "temp")] == [2.0, 3.0, 10.0]
#     assert crud.daily_average(session, "temp") == [("2024-01-01", 2.5), ("2024-01-02", 10.0)]
