"""An optional SQLite log of conversations (Python's built-in sqlite3, no server needed)."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from .prompts import Turn

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    model      TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('user', 'bot')),
    content         TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_messages_conversation ON messages(conversation_id, id);
"""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class ConversationLog:
    """Store and read back conversations. Use ``":memory:"`` as the path for a throwaway database."""

    def __init__(self, path: str | Path = "chats.db") -> None:
        self.conn = sqlite3.connect(str(path))
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.executescript(SCHEMA)

    def start_conversation(self, model: str) -> int:
        with self.conn:
            cursor = self.conn.execute("INSERT INTO conversations (started_at, model) VALUES (?, ?)", (_now(), model))
        return int(cursor.lastrowid)

    def add_message(self, conversation_id: int, turn: Turn) -> None:
        with self.conn:  # commits, or rolls back on error
            self.conn.execute(
                "INSERT INTO messages (conversation_id, role, content, created_at) VALUES (?, ?, ?, ?)",
                (conversation_id, turn.role, turn.text, _now()),
            )

    def messages(self, conversation_id: int) -> list[Turn]:
        rows = self.conn.execute(
            "SELECT role, content FROM messages WHERE conversation_id = ? ORDER BY id", (conversation_id,)
        )
        return [Turn(role, content) for role, content in rows]

    def conversations(self) -> list[dict]:
        """All conversations, newest first, with their message counts."""
        rows = self.conn.execute(
            """SELECT c.id, c.started_at, c.model, COUNT(m.id)
               FROM conversations c LEFT JOIN messages m ON m.conversation_id = c.id
               GROUP BY c.id ORDER BY c.id DESC"""
        )
        return [{"id": i, "started_at": s, "model": m, "messages": n} for i, s, m, n in rows]

    def search(self, text: str) -> list[tuple[int, str, str]]:
        """Messages containing ``text`` (any case), oldest first, as ``(conversation_id, role, content)``.

        TODO: ``SELECT conversation_id, role, content FROM messages WHERE content LIKE ? ESCAPE '\\'
        ORDER BY id`` with the parameter ``f"%{text}%"`` (never paste user text into the SQL string
        itself), after putting a backslash before every ``\\``, ``%`` and ``_`` in ``text``: in a LIKE
        pattern ``%`` and ``_`` are wildcards, and a search for "100%" must not find "100 people".
        """
        raise NotImplementedError("TODO: implement ConversationLog.search in storage.py")

    def delete_conversation(self, conversation_id: int) -> bool:
        """Delete a conversation and its messages; ``False`` if there was no such conversation.

        TODO: ``DELETE FROM conversations WHERE id = ?`` inside ``with self.conn:`` (the foreign
        key's ON DELETE CASCADE removes the messages), and return whether a row was deleted.
        For the capstone, move this class to SQLAlchemy + PostgreSQL.
        """
        raise NotImplementedError("TODO: implement ConversationLog.delete_conversation in storage.py")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "ConversationLog":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
