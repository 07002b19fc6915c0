"""The judgment cache: SQLite (stdlib, WAL), keyed by model, server, prompt hash, format version and input hash.

Two runs may share the file (WAL + busy timeout; INSERT OR REPLACE of identical values is harmless).
Each judgment is committed as soon as it arrives, so a killed run loses nothing already judged.
Only validated, complete judgments are stored (never a reply cut at max_tokens), with the model snapshot that
answered; the API key is never part of a key or a value.

Opening is where two runs collide: switching a new file to WAL and creating the table take the write lock,
and SQLite answers "database is locked" at once, without waiting for the busy timeout, when waiting could
deadlock (one connection holding a read lock asks for the write lock another holds). Each opening step is
therefore retried until ``BUSY_TIMEOUT_S`` has passed, and the table is created in ``BEGIN IMMEDIATE`` (the
write lock first, so no read lock is held while waiting).
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

CACHE_FILE = "judge-cache.sqlite3"
TABLE = "judgments_v2"  # v2: format version in the key, the answering model recorded
BUSY_TIMEOUT_S = 30.0
T = TypeVar("T")


def cache_key(model: str, server: str, prompt_hash: str, input_hash: str, format_version: str = "") -> str:
    parts = (model, server, prompt_hash, input_hash) + ((format_version,) if format_version else ())
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _locked(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def _retrying(step: Callable[[], T], deadline: float) -> T:
    """Run a step, again and again while the database is locked, until the deadline."""
    delay = 0.005
    while True:
        try:
            return step()
        except sqlite3.OperationalError as error:
            if not _locked(error) or time.monotonic() >= deadline:
                raise
        time.sleep(delay * (0.5 + random.random()))
        delay = min(delay * 2, 0.25)


class JudgeCache:
    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / CACHE_FILE
        self.errors = 0
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            self._db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            if _retrying(lambda: self._db.execute("PRAGMA journal_mode").fetchone()[0], deadline) != "wal":
                _retrying(lambda: self._db.execute("PRAGMA journal_mode = WAL").fetchone(), deadline)
            self._db.execute("PRAGMA synchronous = NORMAL")
            _retrying(self._create_table, deadline)
        except BaseException:
            self._db.close()
            raise

    def _create_table(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.execute(
                f"CREATE TABLE IF NOT EXISTS {TABLE} (key TEXT PRIMARY KEY, model TEXT NOT NULL, "
                "server TEXT NOT NULL, prompt_hash TEXT NOT NULL, input_hash TEXT NOT NULL, "
                "answered_by TEXT NOT NULL, judgment TEXT NOT NULL, created REAL NOT NULL)"
            )
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def get(self, key: str) -> str | None:
        """The stored judgment; None when absent or when the database cannot be read (then: judge again)."""
        found = self.get_entry(key)
        return None if found is None else found[0]

    def get_entry(self, key: str) -> tuple[str, str] | None:
        """(judgment, model snapshot that answered) or None."""
        try:
            row = _retrying(lambda: self._db.execute(
                f"SELECT judgment, answered_by FROM {TABLE} WHERE key = ?", (key,)).fetchone(),
                time.monotonic() + BUSY_TIMEOUT_S)
        except sqlite3.Error:
            self.errors += 1
            return None
        return None if row is None else (str(row[0]), str(row[1]))

    def put(self, key: str, model: str, server: str, prompt_hash: str, input_hash: str, judgment: str,
            answered_by: str = "") -> None:
        """Store a judgment; a full disk or a lock held too long costs the cache entry, never the run."""
        try:
            # Autocommit mode: this statement is its own transaction, durable once it returns.
            _retrying(lambda: self._db.execute(
                f"INSERT OR REPLACE INTO {TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (key, model, server, prompt_hash, input_hash, answered_by, judgment, time.time()),
            ), time.monotonic() + BUSY_TIMEOUT_S)
        except sqlite3.Error:
            self.errors += 1

    def close(self) -> None:
        self._db.close()
