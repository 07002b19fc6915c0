"""JSONL digests: standard, early (``AI.task``), extended fork schema, and raw crawl records."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from checker.model import BLOCK_NAMES, Block, InputProblem, Paper, Severity
from checker.read import limits
from checker.read.text import bounded_lines, clean_value, decode_line

MAX_LINE_BYTES = limits.MAX_JSONL_LINE_BYTES
_ID_IN_URL = re.compile(r"(\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)")
# The early schema wrote the one-line summary as "task"; it plays the TL;DR's role.
_BLOCK_ALIASES: dict[str, tuple[str, ...]] = {"tldr": ("tldr", "task", "TL;DR")}
_EXTRA_AI_FIELDS = ("title_translation", "translation", "summary", "keywords", "comments")
_READ_FIELDS = ("id", "arxiv_id", "abs", "url", "pdf", "title", "summary")  # and all of "AI"

ProblemSink = Callable[[InputProblem], None]


def _arxiv_id(record: dict[str, object]) -> str | None:
    for key in ("id", "arxiv_id"):
        value = clean_value(record.get(key))
        if value:
            return value
    for key in ("abs", "url", "pdf"):
        value = clean_value(record.get(key))
        if value:
            match = _ID_IN_URL.search(value)
            if match:
                return match.group(1)
    return None


def record_title(record: dict[str, object]) -> str:
    return clean_value(record.get("title")) or ""


def paper_from_record(record: dict[str, object], arxiv_id: str, line: int, index: int) -> Paper:
    """Build a Paper from one decoded record whose arXiv id is known."""
    ai = record.get("AI")
    ai_fields: dict[str, object] = ai if isinstance(ai, dict) else {}
    blocks: dict[str, Block] = {}
    for name in BLOCK_NAMES:
        if name in _BLOCK_ALIASES:
            value = next((ai_fields[k] for k in _BLOCK_ALIASES[name] if k in ai_fields), None)
        else:
            value = ai_fields.get(name)
        blocks[name] = Block(name=name, text=clean_value(value), line=line)
    extra = {k: v for k in _EXTRA_AI_FIELDS if (v := clean_value(ai_fields.get(k))) is not None}
    return Paper(
        arxiv_id=arxiv_id,
        index=index,
        title=record_title(record),
        line=line,
        abstract=clean_value(record.get("summary")),
        abstract_line=line,
        blocks=blocks,
        extra=extra,
    )


def iter_records(
    path: Path, report: ProblemSink, start: int = 0, end: int | None = None, first_line: int = 1
) -> Iterator[tuple[int, dict[str, object]]]:
    """Yield (line number, record) for each JSON object line; report every line that is not one.

    ``start``/``end`` (byte offsets on line boundaries) and ``first_line`` read one chunk of the file.
    Each line is its own error boundary: a line that cannot be read is one problem, and the next is read.
    """
    with path.open("rb") as handle:
        handle.seek(start)
        for number, (raw, size) in enumerate(_lines_until(handle, end), start=first_line):
            if size > MAX_LINE_BYTES:
                report(_problem(path, number, "line-too-long", f"line is {size} bytes; skipped"))
                continue
            try:
                record = _decode_record(path, number, raw, report)
            except Exception as exc:  # one record, whatever is wrong with it, never the run
                report(_problem(path, number, "bad-record", f"record cannot be read ({type(exc).__name__}); skipped"))
                continue
            if record is not None:
                yield number, record


def _decode_record(path: Path, number: int, raw: bytes, report: ProblemSink) -> dict[str, object] | None:
    """One line's record within the limits (:mod:`checker.read.limits`), or None when it is reported."""
    text, ok = decode_line(raw)
    if not ok:
        report(_problem(path, number, "bad-encoding", "not valid UTF-8; bad bytes replaced"))
    text = text.strip()
    if not text:
        return None
    try:
        record = limits.loads(text)
    except json.JSONDecodeError as exc:
        report(_problem(path, number, "bad-json", f"broken JSON ({exc.msg} at column {exc.colno})"))
        return None
    except limits.JsonLimitError as exc:
        report(_problem(path, number, "json-limit", f"{exc}; skipped"))
        return None
    if not isinstance(record, dict):
        report(_problem(path, number, "bad-record", f"expected a JSON object, got {type(record).__name__}"))
        return None
    if limits.may_hold_surrogates(text):
        record, found = limits.replace_surrogates(record)
        if found:
            report(_problem(path, number, "bad-encoding",
                            "lone surrogate escape in a JSON string (half of a character); replaced by U+FFFD"))
    if len(raw) > limits.MAX_FIELD_CHARS:
        record, cut = limits.cap_fields(record, _READ_FIELDS)
        if cut:
            fields = ", ".join(f"{name} ({length} characters)" for name, length in cut)
            report(_problem(path, number, "field-too-long",
                            f"cut to {limits.MAX_FIELD_CHARS} characters: {fields}"))
    return record


def _lines_until(handle: BinaryIO, end: int | None) -> Iterator[tuple[bytes, int]]:
    lines = bounded_lines(handle, MAX_LINE_BYTES)
    if end is None:
        yield from lines
        return
    position = handle.tell()
    for raw, size in lines:
        if position >= end:
            return
        position += size
        yield raw, size


def iter_jsonl_papers(
    path: Path, report: ProblemSink, start: int = 0, end: int | None = None, first_line: int = 1
) -> Iterator[Paper]:
    """Papers of a JSONL digest (or of one chunk of it); ``index`` counts papers from 1 within the read."""
    for arxiv_id, number, index, record in iter_jsonl_entries(path, report, start, end, first_line):
        yield paper_from_record(record, arxiv_id, number, index)


def iter_jsonl_entries(
    path: Path, report: ProblemSink, start: int = 0, end: int | None = None, first_line: int = 1
) -> Iterator[tuple[str, int, int, dict[str, object]]]:
    """(arXiv id, line, index, record) of each paper record, before it becomes a Paper model.

    A record without an arXiv id is reported and skipped. A spot check matches on the id, index and
    title and builds only the paper it shows.
    """
    index = 0
    for number, record in iter_records(path, report, start, end, first_line):
        arxiv_id = _arxiv_id(record)
        if arxiv_id is None:
            report(_problem(path, number, "missing-id", "record has no arXiv id (id, abs or url); skipped"))
            continue
        index += 1
        yield arxiv_id, number, index, record


def read_raw_ids(path: Path, report: ProblemSink) -> dict[str, tuple[int, str]]:
    """arXiv id -> (line, title) of a raw crawl file, first occurrence of each id."""
    ids: dict[str, tuple[int, str]] = {}
    for number, record in iter_records(path, report):
        arxiv_id = _arxiv_id(record)
        if arxiv_id and arxiv_id not in ids:
            ids[arxiv_id] = (number, clean_value(record.get("title")) or "")
    return ids


def _problem(path: Path, line: int, code: str, message: str) -> InputProblem:
    return InputProblem(path=str(path), line=line, severity=Severity.error, code=code, message=message)
