"""Engine and sessions.

URLs: ``sqlite:///predictions.db`` (a file), ``sqlite://`` (in memory, for tests),
``postgresql+psycopg://user:password@localhost/mldb`` (PostgreSQL, with ``psycopg``
installed) — the rest of the code does not change.
"""

from __future__ import annotations

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine  # also where SQLAlchemy 1.4 has it
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from predictions_db.models import Base


def make_engine(url: str = "sqlite:///predictions.db", echo: bool = False) -> Engine:
    """Create an engine; ``echo=True`` prints every SQL statement (great for learning).

    An in-memory SQLite database lives inside one connection, so for ``sqlite://`` all
    sessions share a single connection (StaticPool) and see the same data.
    """
    if url in ("sqlite://", "sqlite:///:memory:"):
        return create_engine(url, echo=echo, poolclass=StaticPool, connect_args={"check_same_thread": False})
    return create_engine(url, echo=echo)


def init_db(engine: Engine) -> None:
    """Create the tables that do not exist yet.

    Fine for learning; real projects evolve their schema with migrations (Alembic).
    """
    Base.metadata.create_all(engine)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """``with SessionLocal() as session: ...`` — one session per unit of work (e.g. per request)."""
    return sessionmaker(engine, expire_on_commit=False)
