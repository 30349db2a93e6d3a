"""The tables, as typed SQLAlchemy 2.0 ORM classes.

All timestamps are UTC and stored without a time zone (SQLite has no time zone type):
convert at the edges of your application, never inside the database.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import JSON, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    """The current UTC time, without tzinfo (how it is stored)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Prediction(Base):
    """One prediction made by a model, with its inputs and (later) the real outcome."""

    __tablename__ = "predictions"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    model_name: Mapped[str] = mapped_column(String(100), index=True)
    model_version: Mapped[str] = mapped_column(String(50))
    features: Mapped[dict[str, Any]] = mapped_column(JSON)  # the model's input, as sent
    prediction: Mapped[float]
    actual: Mapped[float | None]  # NULL until the true value is known

    def __repr__(self) -> str:
        return f"Prediction(id={self.id}, model={self.model_name}:{self.model_version}, prediction={self.prediction}, actual={self.actual})"


class TimeSeriesPoint(Base):
    """One observation of a named series (a sensor, a stock, a store's daily sales...).

    The unique constraint makes (series, ts) a natural key: a series cannot have two values
    for the same moment. Its index also makes range queries on one series fast.
    """

    __tablename__ = "timeseries"
    __table_args__ = (UniqueConstraint("series", "ts", name="uq_series_ts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series: Mapped[str] = mapped_column(String(100))
    ts: Mapped[datetime]
    value: Mapped[float]

    def __repr__(self) -> str:
        return f"TimeSeriesPoint({self.series!r}, {self.ts.isoformat()}, {self.value})"
