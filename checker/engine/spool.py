"""What waits between the check of a digest's papers and its digest rules: the papers, in memory up to a
number, then in a temporary file; and the digest as the audit hands it on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any, NamedTuple

from checker.model import DigestReport, PaperReport


class PaperSpool:
    """The papers of one digest in order, in memory up to ``memory_items``, then in a temporary file."""

    def __init__(self, memory_items: int) -> None:
        self.memory_items = memory_items
        self.count = 0
        self._items: list[tuple[Any, ...]] = []
        self._file: IO[bytes] | None = None

    def add(self, item: tuple[Any, ...]) -> None:
        self._items.append(item)
        self.count += 1
        if len(self._items) >= self.memory_items or (self._file is not None and len(self._items) >= 1000):
            self._flush()

    def _flush(self) -> None:
        import pickle  # only a big digest spills: a day's audit does not load it
        import tempfile

        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="digest-check-papers-")  # noqa: SIM115 (closed when read)
        pickle.dump(self._items, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._items = []

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        if self._file is None:
            yield from self._items
            return
        import pickle

        if self._items:
            self._flush()
        handle, self._file = self._file, None
        with handle:
            end = handle.tell()
            handle.seek(0)
            while handle.tell() < end:
                yield from pickle.load(handle)


class AuditedDigest(NamedTuple):
    """One digest done: ``report`` holds every field but the papers; ``papers`` yields them in order, once."""

    report: DigestReport
    papers: Iterator[PaperReport]
