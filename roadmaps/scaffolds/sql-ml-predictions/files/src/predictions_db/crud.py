"""The CRUD layer: the only module that talks SQL. Each function takes a Session and commits
its own change, so callers (an API endpoint, a script) stay simple."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from predictions_db.models import Prediction, TimeSeriesPoint

# ---- predictions ------------------------------------------------------------------------


def create_prediction(
    session: Session, *, model_name: str, model_version: str, features: dict[str, Any], prediction: float
) -> Prediction:
    """Create: store one prediction; returns it with its new ``id``."""
    row = Prediction(model_name=model_name, model_version=model_version, features=features, prediction=prediction)
    session.add(row)
    session.commit()
    return row


def get_prediction(session: Session, prediction_id: int) -> Prediction | None:
    """Read one by primary key (``None`` if there is no such row)."""
    return session.get(Prediction, prediction_id)


def list_predictions(
    session: Session, *, model_name: str | None = None, limit: int = 100, offset: int = 0
) -> list[Prediction]:
    """Read many, newest first, optionally for one model, one page at a time."""
    stmt = select(Prediction).order_by(Prediction.id.desc()).limit(limit).offset(offset)
    if model_name is not None:
        stmt = stmt.where(Prediction.model_name == model_name)
    return list(session.scalars(stmt))


def delete_prediction(session: Session, prediction_id: int) -> bool:
    """Delete one; ``False`` if it did not exist."""
    row = session.get(Prediction, prediction_id)
    if row is None:
        return False
    session.delete(row)
    session.commit()
    return True


def set_actual(session: Session, prediction_id: int, actual: float) -> Prediction | None:
    """Update: record the true value once it is known; ``None`` if there is no such row.

    TODO: load the row with ``session.get``, set ``row.actual``, commit, return the row.
    (The ORM turns the attribute change into an UPDATE statement: try it with
    ``make_engine(..., echo=True)`` to see the SQL.)
    """
    raise NotImplementedError("TODO: implement crud.set_actual")


def mean_absolute_error_by_version(session: Session, model_name: str) -> dict[str, float]:
    """Model monitoring: mean |prediction − actual| per model version, over the predictions
    whose actual value is known.

    TODO: one query with GROUP BY, e.g.
    ``select(Prediction.model_version, func.avg(func.abs(Prediction.prediction - Prediction.actual)))``
    ``.where(Prediction.model_name == model_name, Prediction.actual.is_not(None))``
    ``.group_by(Prediction.model_version)``, then ``dict(session.execute(stmt).all())``.
    """
    raise NotImplementedError("TODO: implement crud.mean_absolute_error_by_version")


# ---- time series ------------------------------------------------------------------------


def add_points(session: Session, series: str, points: Iterable[tuple[datetime, float]]) -> int:
    """Insert new (timestamp, value) points; returns how many.

    A timestamp the series already has violates the unique constraint: the whole batch is
    rolled back and ``sqlalchemy.exc.IntegrityError`` is raised (see ``upsert_points``).
    """
    rows = [TimeSeriesPoint(series=series, ts=ts, value=value) for ts, value in points]
    session.add_all(rows)
    try:
        session.commit()
    except Exception:
        session.rollback()
        raise
    return len(rows)


def get_series(
    session: Session, series: str, start: datetime | None = None, end: datetime | None = None
) -> list[TimeSeriesPoint]:
    """Points of one series in time order, with ``start <= ts < end`` when given."""
    stmt = select(TimeSeriesPoint).where(TimeSeriesPoint.series == series).order_by(TimeSeriesPoint.ts)
    if start is not None:
        stmt = stmt.where(TimeSeriesPoint.ts >= start)
    if end is not None:
        stmt = stmt.where(TimeSeriesPoint.ts < end)
    return list(session.scalars(stmt))


def latest_point(session: Session, series: str) -> TimeSeriesPoint | None:
    """The most recent point of a series (e.g. the input of the next forecast)."""
    stmt = select(TimeSeriesPoint).where(TimeSeriesPoint.series == series).order_by(TimeSeriesPoint.ts.desc()).limit(1)
    return session.scalars(stmt).first()


def list_series(session: Session) -> list[str]:
    """Names of all stored series."""
    return list(session.scalars(select(TimeSeriesPoint.series).distinct().order_by(TimeSeriesPoint.series)))


def delete_series(session: Session, series: str) -> int:
    """Delete every point of a series; returns how many rows went."""
    result = session.execute(delete(TimeSeriesPoint).where(TimeSeriesPoint.series == series))
    session.commit()
    return result.rowcount


def upsert_points(session: Session, series: str, points: Iterable[tuple[datetime, float]]) -> int:
    """Insert new points and overwrite the value of timestamps that already exist.

    TODO: re-running an import must not fail or duplicate data. Either look the rows up
    (one ``select`` for all the timestamps, then update or add), or use SQLite's
    ``from sqlalchemy.dialects.sqlite import insert`` with
    ``.on_conflict_do_update(index_elements=["series", "ts"], set_={"value": ...})``
    (PostgreSQL has the same under ``sqlalchemy.dialects.postgresql``). Return the number
    of points written.
    """
    raise NotImplementedError("TODO: implement crud.upsert_points")


def daily_average(session: Session, series: str) -> list[tuple[str, float]]:
    """(day, mean value) pairs in date order: resampling done by the database.

    TODO: ``select(func.date(TimeSeriesPoint.ts), func.avg(TimeSeriesPoint.value))``
    with a WHERE on the series, ``group_by`` and ``order_by`` the day. (``func.date`` is
    SQLite's; PostgreSQL would use ``func.date_trunc("day", ...)``.)
    """
    raise NotImplementedError("TODO: implement crud.daily_average")
