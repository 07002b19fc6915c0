"""A digest to check: where it is, what it is, and a lazy stream of its papers."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import BinaryIO

from checker.model import Digest, DigestFormat, InputProblem, Paper, Severity
from checker.read.detect import detect_format
from checker.read.jsonl import (
    iter_jsonl_entries,
    iter_jsonl_papers,
    paper_from_record,
    read_raw_ids,
    record_title,
)
from checker.read.limits import MAX_STREAM_BYTES
from checker.read.markdown import MarkdownEntry, iter_markdown_entries, iter_markdown_papers
from checker.read.naming import parse_file_name, raw_crawl_path
from checker.read.text import clean_value, looks_binary

HEAD_BYTES = 65536
_MARKDOWN_FORMATS = (DigestFormat.markdown, DigestFormat.markdown_early, DigestFormat.markdown_extended)


@dataclass(frozen=True)
class PaperStub:
    """A paper's id, index and title as read, and how to build its full model when it is wanted."""

    arxiv_id: str
    index: int
    title: str
    build: Callable[[], Paper]


@dataclass
class DigestSource:
    """One digest file. Papers are streamed so that a huge digest never sits in memory."""

    path: Path
    format: DigestFormat
    language: str
    date: str | None
    problems: list[InputProblem] = field(default_factory=list)
    raw_path: Path | None = None  # raw crawl of the same day, for papers dropped by the pipeline
    abstracts_path: Path | None = None  # same-day JSONL for layouts without an English abstract
    skipped_duplicates: list[Path] = field(default_factory=list)  # same-day files not checked again
    # Where the papers are read from, when not from ``path``: the copy of a stream (FIFO, standard input),
    # which cannot be read twice. ``path`` stays what is shown (and what the engine asks the size of).
    read_path: Path | None = None

    def report(self, problem: InputProblem) -> None:
        if self.read_path is not None and problem.path == str(self.read_path):
            problem.path = str(self.path)  # the copy of a stream is named as the stream is shown
        self.problems.append(problem)

    @property
    def data_path(self) -> Path:
        """The file the papers are read from: ``path``, or the copy of a stream (standard input, a FIFO)."""
        return self.read_path or self.path

    @property
    def _reading(self) -> Path:
        return self.data_path

    def iter_papers(self) -> Iterator[Paper]:
        """The digest's papers. The file is the error boundary: what stops its reading (a read error, a bug
        of the reader) is one problem of this digest, and the papers read so far are kept."""
        try:
            if self.format in (DigestFormat.jsonl,):
                yield from iter_jsonl_papers(self._reading, self.report)
            elif self.format in _MARKDOWN_FORMATS:
                papers = iter_markdown_papers(self._reading, self.report)
                if self.format is DigestFormat.markdown_extended:
                    papers = self._with_abstracts(papers)
                yield from papers
        except Exception as exc:  # the file's error boundary
            self.report(_stopped(self.path, exc))

    def iter_stubs(self) -> Iterator[PaperStub]:
        """The papers of :meth:`iter_papers` (same order, ids, indexes and titles) as stubs.

        Nothing is built or read ahead: a spot check stops at the paper it wants and builds only it.
        """
        try:
            if self.format is DigestFormat.jsonl:
                for arxiv_id, line, index, record in iter_jsonl_entries(self._reading, self.report):
                    yield PaperStub(arxiv_id, index, record_title(record),
                                    partial(paper_from_record, record, arxiv_id, line, index))
            elif self.format in _MARKDOWN_FORMATS:
                for entry, position in iter_markdown_entries(self._reading, self.report):
                    index = entry.index if entry.index is not None else position
                    yield PaperStub(entry.arxiv_id, index, entry.title, partial(self._entry_paper, entry, position))
        except Exception as exc:  # the file's error boundary
            self.report(_stopped(self.path, exc))

    def _entry_paper(self, entry: MarkdownEntry, position: int) -> Paper:
        paper = entry.to_paper(position)
        if self.format is DigestFormat.markdown_extended and paper.abstract is None and self.abstracts_path:
            paper.abstract = _first_abstract(self.abstracts_path, paper.arxiv_id, self.report)
        return paper

    def raw_ids(self) -> dict[str, tuple[int, str]] | None:
        if self.raw_path is None:
            return None
        try:
            return read_raw_ids(self.raw_path, self.report)
        except Exception as exc:  # the file's error boundary
            self.report(_stopped(self.raw_path, exc))
            return None

    def _with_abstracts(self, papers: Iterator[Paper]) -> Iterator[Paper]:
        """The extended Markdown layout has no English abstract; borrow it from the day's JSONL."""
        if self.abstracts_path is None:
            yield from papers
            return
        abstracts: dict[str, str] = {}
        for paper in iter_jsonl_papers(self.abstracts_path, self.report):
            if paper.abstract and paper.arxiv_id not in abstracts:
                abstracts[paper.arxiv_id] = paper.abstract
        for paper in papers:
            if paper.abstract is None and paper.arxiv_id in abstracts:
                paper.abstract = abstracts[paper.arxiv_id]
            yield paper


def _first_abstract(path: Path, arxiv_id: str, report: Callable[[InputProblem], None]) -> str | None:
    """The abstract :meth:`DigestSource._with_abstracts` would borrow: the id's first non-empty one."""
    for record_id, _, _, record in iter_jsonl_entries(path, report):
        if record_id == arxiv_id and (abstract := clean_value(record.get("summary"))):
            return abstract
    return None


def _stopped(path: Path, exc: Exception) -> InputProblem:
    """The problem of a file whose reading stopped on an error: the papers before it are kept."""
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
    return InputProblem(path=str(path), code="unreadable", message=f"reading stopped: {reason}")


def open_source(path: Path, default_language: str = "zh") -> DigestSource:
    """Inspect one file: detect its format and language (file name first), record what is wrong.

    A FIFO or a character device (``/dev/stdin``) is read once, to its end, into a private copy that the
    source reads from; a socket or a folder is refused.
    """
    name = parse_file_name(path)
    language = name.language or _same_day_language(path) or default_language
    source = DigestSource(path=path, format=DigestFormat.unknown, language=language, date=name.date)
    try:
        mode = path.stat().st_mode
        if stat.S_ISREG(mode):
            with path.open("rb") as handle:
                head_bytes = handle.read(HEAD_BYTES)
        elif stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
            head_bytes = _spool_stream(source, stat.S_ISFIFO(mode))
        else:
            kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
            source.report(InputProblem(path=str(path), code="unreadable", message=f"cannot read: {kind}"))
            return source
    except OSError as exc:
        source.report(InputProblem(path=str(path), code="unreadable", message=f"cannot read: {exc.strerror}"))
        return source
    if looks_binary(head_bytes):
        source.report(InputProblem(path=str(path), line=1, code="binary", message="binary file, not a digest"))
        return source
    head = head_bytes.decode("utf-8", errors="replace")
    detected = detect_format(head, path.suffix.lower())
    source.format = detected.format
    if detected.reason:
        reason = detected.reason
        if reason == "empty file" and not stat.S_ISREG(mode):
            reason = "empty: nothing was written to this FIFO or device (or it had no writer)"
        elif reason == "empty file" and name.is_ai:
            reason = "empty file: the AI step wrote no summary for this day"
        source.report(InputProblem(path=str(path), line=1 if head.strip() else None, severity=Severity.error,
                                   code="no-papers", message=reason))
    if source.format is DigestFormat.jsonl_raw:
        source.report(InputProblem(path=str(path), severity=Severity.warning, code="raw-crawl",
                                   message="raw crawl file without AI summaries: nothing to check in it"))
    raw = raw_crawl_path(path)
    if raw is not None and _is_file(raw) and raw != path:
        source.raw_path = raw
    if source.format is DigestFormat.markdown_extended:
        source.abstracts_path = _same_day_jsonl(path)
    return source


STDIN_NAME = "<stdin>"  # how standard input ('-' on the command line) is shown


def open_stdin(default_language: str = "zh") -> DigestSource:
    """Standard input as a digest, shown as ``<stdin>``: read once into a private copy when it is a pipe or a
    terminal, read in place when it is a redirected file."""
    device = Path("/dev/stdin")
    source = open_source(device, default_language)
    source.read_path = source.read_path or device
    source.path = Path(STDIN_NAME)
    for problem in source.problems:
        problem.path = STDIN_NAME
    return source


def _spool_stream(source: DigestSource, fifo: bool) -> bytes:
    """Read a stream once into a private copy (``source.read_path``); return its first ``HEAD_BYTES``.

    A FIFO is opened without waiting for a writer: with none, it reads as empty instead of hanging. A binary
    head (``/dev/zero``, ``/dev/urandom``) stops the reading there. The copy is deleted at once where
    ``/proc/self/fd`` can still reach it (Linux), else when the source is dropped or the process exits.
    """
    path = source.path
    if fifo:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        os.set_blocking(fd, True)  # from now on, wait for the writer's data as any reader does
        handle = os.fdopen(fd, "rb")
    else:
        handle = path.open("rb")
    with handle:
        head = _read_up_to(handle, HEAD_BYTES)
        if looks_binary(head):
            return head
        spool_fd, spool_name = tempfile.mkstemp(prefix="digest-check-", suffix=path.suffix)
        proc = Path(f"/proc/self/fd/{spool_fd}")
        if proc.exists():
            os.unlink(spool_name)
            source.read_path = proc
        else:
            source.read_path = Path(spool_name)
            weakref.finalize(source, _remove, spool_name)
        weakref.finalize(source, os.close, spool_fd)
        total = len(head)
        with open(spool_fd, "wb", closefd=False) as spool:
            spool.write(head)
            while block := handle.read(1 << 20):
                if total + len(block) > MAX_STREAM_BYTES:
                    spool.write(block[:MAX_STREAM_BYTES - total])
                    source.report(InputProblem(path=str(path), code="input-too-long",
                                               message=f"more than {MAX_STREAM_BYTES} bytes; the rest is not read"))
                    break
                spool.write(block)
                total += len(block)
    return head


def _read_up_to(handle: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes: a pipe's read returns what is there, so read until ``size`` or the end."""
    read = handle.read
    parts: list[bytes] = []
    count = 0
    while count < size and (part := read(size - count)):
        parts.append(part)
        count += len(part)
    return b"".join(parts)


def _remove(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a folder that cannot be searched: no raw crawl to compare with
        return False


def _same_day_language(path: Path) -> str | None:
    """A Markdown digest's name has no language; the same day's ``_AI_enhanced_<Language>`` file says it."""
    name = parse_file_name(path)
    key = name.day_key
    if key is None:
        return None
    # Only files that carry the date can share the day key: a year-long folder is not listed per file.
    for candidate in sorted(path.parent.glob(f"*{name.date}_AI_enhanced_*")):
        name = parse_file_name(candidate)
        if name.day_key == key and name.language:
            return name.language
    return None


def _same_day_jsonl(path: Path) -> Path | None:
    name = parse_file_name(path)
    key = name.day_key
    if key is None:
        return None
    for candidate in sorted(path.parent.glob(f"*{name.date}*.jsonl")):
        if parse_file_name(candidate).day_key == key and _size(candidate) > 0:
            return candidate
    return None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def read_digest(path: Path | str, language: str = "zh") -> Digest:
    """Read one digest fully into memory (for small inputs, spot checks and tests)."""
    source = open_source(Path(path), language)
    papers = list(source.iter_papers())
    return Digest(path=str(source.path), format=source.format, date=source.date, language=source.language,
                  papers=papers, problems=source.problems)
