"""Stored predictions in SQLite (the standard library's sqlite3: no server to run).

``":memory:"`` gives a throw-away database (tests); a file path keeps the data between runs.
FastAPI runs plain ``def`` endpoints in a thread pool, so one connection is shared across
threads behind a lock.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import datetime, timezone
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS predictions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at     TEXT    NOT NULL,
    model_version  TEXT    NOT NULL,
    approved       INTEGER NOT NULL,
    probability    REAL    NOT NULL,
    application    TEXT    NOT NULL,   -- the request as JSON
    actual_outcome INTEGER            -- NULL until known
)
"""


class PredictionStore:
    def __init__(self, path: str = ":memory:") -> None:
        self._conn = sqlite3.connect(path, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._lock = threading.Lock()
        with self._lock, self._conn:
            self._conn.execute(SCHEMA)

    def create(self, *, model_version: str, approved: bool, probability: float, application: dict[str, Any]) -> dict[str, Any]:
        created_at = datetime.now(timezone.utc).isoformat()
        with self._lock, self._conn:
            cur = self._conn.execute(
                "INSERT INTO predictions (created_at, model_version, approved, probability, application) "
                "VALUES (?, ?, ?, ?, ?)",
                (created_at, model_version, int(approved), probability, json.dumps(application)),
            )
        return self.get(cur.lastrowid)  # type: ignore[return-value]

    def get(self, prediction_id: int) -> dict[str, Any] | None:
        with self._lock:
            row = self._conn.execute("SELECT * FROM predictions WHERE id = ?", (prediction_id,)).fetchone()
        return _to_dict(row) if row else None

    def list(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT * FROM predictions ORDER BY id DESC LIMIT ? OFFSET ?", (limit, offset)
            ).fetchall()
        return [_to_dict(r) for r in rows]

    def delete(self, prediction_id: int) -> bool:
        with self._lock, self._conn:
            cur = self._conn.execute("DELETE FROM predictions WHERE id = ?", (prediction_id,))
        return cur.rowcount > 0

    def set_outcome(self, prediction_id: int, actual_outcome: bool) -> dict[str, Any] | None:
        """Record the real decision for a prediction; ``None`` if there is no such id.

        TODO: run ``UPDATE predictions SET actual_outcome = ? WHERE id = ?`` (inside
        ``with self._lock, self._conn:``), return ``None`` when ``cur.rowcount == 0``,
        otherwise ``self.get(prediction_id)``.
        """
        raise NotImplementedError("TODO: implement PredictionStore.set_outcome")

    def close(self) -> None:
        self._conn.close()


def _to_dict(row: sqlite3.Row) -> dict[str, Any]:
    d = dict(row)
    d["approved"] = bool(d["approved"])
    d["application"] = json.loads(d["application"])
    d["actual_outcome"] = None if d["actual_outcome"] is None else bool(d["actual_outcome"])
    return d
