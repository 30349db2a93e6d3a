"""The tables, as typed SQLAlchemy 2.0 ORM classes.

All timestamps are UTC and stored without a time zone (SQLite has no time zone type):
convert at the edges of your application, never inside the database.

The same classes also work on SQLAlchemy 1.4 (older environments): there ``mapped_column`` is
the older ``Column`` and ``Base`` comes from ``declarative_base()``. That is why each column names
its SQL type and nullability, which SQLAlchemy 2.0 could also read from the ``Mapped[...]`` hints.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import JSON, DateTime, Float, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped

try:  # SQLAlchemy 2.0
    from sqlalchemy.orm import DeclarativeBase, mapped_column
except ImportError:  # SQLAlchemy 1.4: the same tables in the older spelling
    from sqlalchemy import Column as mapped_column  # type: ignore[assignment]
    from sqlalchemy.orm import declarative_base

    DeclarativeBase = None  # type: ignore[assignment,misc]


def utcnow() -> datetime:
    """The current UTC time, without tzinfo (how it is stored)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


if DeclarativeBase is not None:

    class Base(DeclarativeBase):
        pass

else:
    Base = declarative_base()  # type: ignore[misc]


class Prediction(Base):
    """One prediction made by a model, with its inputs and (later) the real outcome."""

    __tablename__ = "predictions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True, nullable=False)
    model_name: Mapped[str] = mapped_column(String(100), index=True, nullable=False)
    model_version: Mapped[str] = mapped_column(String(50), nullable=False)
    features: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)  # the model's input, as sent
    prediction: Mapped[float] = mapped_column(Float, nullable=False)
    actual: Mapped[float | None] = mapped_column(Float, nullable=True)  # NULL until the true value is known

    def __repr__(self) -> str:
        return f"Prediction(id={self.id}, model={self.model_name}:{self.model_version}, prediction={self.prediction}, actual={self.actual})"


class TimeSeriesPoint(Base):
    """One observation of a named series (a sensor, a stock, a store's daily sales...).

    The unique constraint makes (series, ts) a natural key: a series cannot have two values
    for the same moment. Its index also makes range queries on one series fast.
    """

    __tablename__ = "timeseries"
    __table_args__ = (UniqueConstraint("series", "ts", name="uq_series_ts"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series: Mapped[str] = mapped_column(String(100), nullable=False)
    ts: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    value: Mapped[float] = mapped_column(Float, nullable=False)

    def __repr__(self) -> str:
        return f"TimeSeriesPoint({self.series!r}, {self.ts.isoformat()}, {self.value})"
