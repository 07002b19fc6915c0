"""The judgment cache: SQLite (stdlib, WAL), keyed by model, server, prompt hash and input hash.

Two runs may share the file (WAL + busy timeout; INSERT OR REPLACE of identical values is harmless).
Each judgment is committed as soon as it arrives, so a killed run loses nothing already judged.
Only validated judgments are stored; the API key is never part of a key or a value.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from pathlib import Path

CACHE_FILE = "judge-cache.sqlite3"


def cache_key(model: str, server: str, prompt_hash: str, input_hash: str) -> str:
    return hashlib.sha256("\0".join((model, server, prompt_hash, input_hash)).encode("utf-8")).hexdigest()


class JudgeCache:
    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / CACHE_FILE
        self.errors = 0
        self._db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        self._db.execute("PRAGMA busy_timeout = 30000")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS judgments (key TEXT PRIMARY KEY, model TEXT NOT NULL, "
            "server TEXT NOT NULL, prompt_hash TEXT NOT NULL, input_hash TEXT NOT NULL, "
            "judgment TEXT NOT NULL, created REAL NOT NULL)"
        )

    def get(self, key: str) -> str | None:
        """The stored judgment; None when absent or when the database cannot be read (then: judge again)."""
        try:
            row = self._db.execute("SELECT judgment FROM judgments WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            self.errors += 1
            return None
        return None if row is None else str(row[0])

    def put(self, key: str, model: str, server: str, prompt_hash: str, input_hash: str, judgment: str) -> None:
        """Store a judgment; a full disk or a lock held too long costs the cache entry, never the run."""
        try:
            # Autocommit mode: this statement is its own transaction, durable once it returns.
            self._db.execute(
                "INSERT OR REPLACE INTO judgments VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, model, server, prompt_hash, input_hash, judgment, time.time()),
            )
        except sqlite3.Error:
            self.errors += 1

    def close(self) -> None:
        self._db.close()
