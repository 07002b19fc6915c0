"""What every renderer of an audit shares: paths as the repository names them, the findings in the order they
are shown (most severe first), text made safe to print, a writer that never raises on what it writes, and a
sorter that keeps a bounded number of items in memory.

Digest text is untrusted LLM output, and file names are whatever bytes a file system holds. Before any of it
reaches a terminal or a CI log:

- ``printable`` escapes control characters (C0, DEL, C1: ESC sequences never reach the terminal), Unicode line
  and paragraph separators, bidirectional overrides and lone surrogates, and breaks the legacy GitHub workflow
  command marker ``##[`` (the runner finds it anywhere in a line);
- ``guard_lines`` puts a backslash before a line's leading ``::`` (after spaces and colour codes, which the
  runner skips too), so no printed line becomes a workflow command unless it is a real annotation, written
  with ``SafeWriter.write_command``;
- ``SafeWriter`` encodes with ``backslashreplace``: a lone surrogate is written as ``\\udxxx``, never an error.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from collections.abc import Callable, Iterator
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, Generic, Protocol, TypeVar

from checker.model import AuditReport, DigestReport, Finding, InputProblem, PaperReport, Severity, Summary

# Control characters (C0, DEL, C1), line/paragraph separators, bidi embeddings/overrides/isolates, lone
# surrogates, and the legacy workflow-command marker.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]|##\\[")
# A line start as the Actions runner reads lines (it splits on \n, \r and \r\n): spaces and SGR colour codes,
# then "::".
_COMMAND_START = re.compile(r"(^|\r)((?:[^\S\r\n]|\x1b\[[0-9;]*m)*)::", re.MULTILINE)


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    if char == "##[":
        return "##\\["
    if char == "\n":
        return " ⏎ "
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` safe to print on one line: see the module's doc. Plain text comes back as it is (the same object)."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


_UNSAFE_IN_LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]|##\\[")


def printable_lines(text: str) -> str:
    """As ``printable``, but tabs, newlines and carriage returns are kept (for formats that escape them)."""
    return _UNSAFE_IN_LINES.sub(_escape, text) if _UNSAFE_IN_LINES.search(text) else text


# In JSON text these can only sit inside strings: written as \u escapes, the document decodes to the same data.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|##\\[")


def _json_escape(match: re.Match[str]) -> str:
    text = match.group(0)
    return "##\\u005b" if text == "##[" else f"\\u{ord(text):04x}"


def json_safe(text: str) -> str:
    """JSON text with C1 controls, bidi controls, line separators and the ``##[`` marker written as ``\\u``
    escapes (the same data once parsed; nothing a terminal or the Actions runner would act on)."""
    return _JSON_UNSAFE.sub(_json_escape, text) if _JSON_UNSAFE.search(text) else text


def guard_lines(text: str) -> str:
    """``text`` with a backslash before the ``::`` that begins any of its lines (see the module's doc)."""
    if "::" not in text:
        return text
    return _COMMAND_START.sub(r"\1\2\\::", text)


def display_width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    if text.isascii():
        return len(text)
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def shorten(text: str, width: int) -> str:
    """``text`` on one line in at most ``width`` columns, cut at a word boundary with "…" when it is longer.

    A text without a space in its last half (Chinese, a long name) is cut at the column instead."""
    flat = " ".join(text.split())
    if display_width(flat) <= width:
        return flat
    from unicodedata import east_asian_width

    cut, used = [], 0
    for ch in flat:
        used += 2 if not ch.isascii() and east_asian_width(ch) in "WF" else 1
        if used > width - 1:
            break
        cut.append(ch)
    head = "".join(cut)
    space = head.rfind(" ")
    if space >= len(head) // 2:
        head = head[:space]
    return head.rstrip(" ,;:-–—(/") + "…"


def repo_relative(path: str, root: Path | None = None) -> str:
    """The path relative to the workspace (GITHUB_WORKSPACE, else the current folder), with '/'."""
    if path.startswith("<"):  # <stdin>: no file
        return path
    base = root or Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd())
    try:
        relative = Path(path).resolve().relative_to(base.resolve())
    except (ValueError, OSError, RuntimeError):
        return Path(path).as_posix()
    return relative.as_posix()


RankKey = tuple[int, float, str, int, str, str]


def rank_key(path: str, arxiv_id: str, finding: Finding) -> RankKey:
    """Most severe first, then the most confident, then by file, line, rule and paper."""
    return (-finding.severity.rank, -finding.confidence, path, finding.line or 0, finding.rule, arxiv_id)


def ranked_findings(report: AuditReport) -> list[tuple[str, str, Finding]]:
    """(digest path, arXiv id, finding), most severe first, then by file, line and rule (stable)."""
    rows = [(d.path, p.arxiv_id, f) for d in report.digests for p in d.papers for f in p.findings]
    return sorted(rows, key=lambda r: rank_key(*r))


class _Binary(Protocol):
    def write(self, data: bytes, /) -> int: ...

    def flush(self) -> None: ...


class SafeWriter:
    """Text written to a binary stream, encoded so that nothing can make it raise (``backslashreplace``).

    ``write`` guards every line (``guard_lines``); ``write_command`` writes a real workflow command as it is.
    Text handed to either must start at the beginning of a line.
    """

    def __init__(self, stream: _Binary, encoding: str = "utf-8", *, guard: bool = True) -> None:
        self.stream = stream
        self.encoding = encoding
        self.guard = guard

    def write(self, text: str) -> None:
        if self.guard:
            text = guard_lines(text)
        self.stream.write(text.encode(self.encoding, "backslashreplace"))

    def write_command(self, line: str) -> None:
        self.stream.write(line.encode(self.encoding, "backslashreplace"))

    def flush(self) -> None:
        self.stream.flush()


class TextOut(SafeWriter):
    """A SafeWriter into memory: ``text`` is what was written (for the renderers that return a string)."""

    def __init__(self, *, guard: bool = True) -> None:
        self._buffer = io.BytesIO()
        super().__init__(self._buffer, guard=guard)

    @property
    def text(self) -> str:
        return self._buffer.getvalue().decode("utf-8")


def stdout_writer(*, guard: bool = True) -> SafeWriter:
    """A SafeWriter on standard output, in its encoding (what was written to ``sys.stdout`` is flushed first)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if buffer is None:  # a text-only stream (a test's capture): write text through it
        return SafeWriter(_TextBuffer(sys.stdout, encoding), encoding, guard=guard)
    return SafeWriter(buffer, encoding, guard=guard)


class _TextBuffer:
    """A binary face for a text stream (bytes decoded again in its encoding)."""

    def __init__(self, stream: IO[str], encoding: str) -> None:
        self._stream = stream
        self._encoding = encoding

    def write(self, data: bytes) -> int:
        self._stream.write(data.decode(self._encoding, "replace"))
        return len(data)

    def flush(self) -> None:
        self._stream.flush()


def safe_streams() -> None:
    """Make ``sys.stdout`` and ``sys.stderr`` write a character their encoding lacks (a lone surrogate) as a
    backslash escape instead of raising, whatever PYTHONIOENCODING says."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a closed or detached stream
                reconfigure(errors="backslashreplace")


def write_text_file(path: Path, text: str) -> None:
    """``path.write_text(text)`` in UTF-8 that never raises on a lone surrogate (it is written escaped)."""
    path.write_bytes(text.encode("utf-8", "backslashreplace"))


K = TypeVar("K")
_BATCH = 200  # items read back at once from each sorted run while merging


class SortedSpool(Generic[K]):
    """Items ``(key, value)`` given in any order, read back in key order, with at most ``memory_items`` of them
    in memory: beyond that, sorted runs go to a temporary file and are merged when read (an external sort).

    Keys must be distinct (add a sequence number to keep insertion order among equal ones), so that values are
    never compared. Values must pickle.
    """

    def __init__(self, memory_items: int = 50_000) -> None:
        self.memory_items = memory_items
        self._items: list[tuple[K, Any]] = []
        self._file: IO[bytes] | None = None
        self._runs: list[list[int]] = []  # per run, the offsets of its pickled batches
        self.count = 0

    def add(self, key: K, value: Any) -> None:
        self._items.append((key, value))
        self.count += 1
        if len(self._items) >= self.memory_items:
            self._spill()

    def _spill(self) -> None:
        import pickle
        import tempfile

        if not self._items:
            return
        self._items.sort(key=itemgetter(0))
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="digest-check-sort-")  # noqa: SIM115 (closed by close())
        handle = self._file
        handle.seek(0, os.SEEK_END)
        offsets = []
        for start in range(0, len(self._items), _BATCH):
            offsets.append(handle.tell())
            pickle.dump(self._items[start:start + _BATCH], handle, protocol=pickle.HIGHEST_PROTOCOL)
        self._runs.append(offsets)
        self._items = []

    def _run(self, offsets: list[int]) -> Iterator[tuple[K, Any]]:
        import pickle

        handle = self._file
        assert handle is not None
        for offset in offsets:
            handle.seek(offset)
            batch: list[tuple[K, Any]] = pickle.load(handle)
            yield from batch

    def __iter__(self) -> Iterator[tuple[K, Any]]:
        if not self._runs:
            yield from sorted(self._items, key=itemgetter(0))
            return
        import heapq

        self._spill()
        key: Callable[[tuple[K, Any]], Any] = itemgetter(0)
        yield from heapq.merge(*(self._run(offsets) for offsets in self._runs), key=key)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._items = []
        self._runs = []


class ReportWriter(Protocol):
    """What every streaming writer of an audit does, in this order: ``start`` once with the problems of the
    paths; per digest, ``begin`` with its header (no papers), ``paper`` for each of its papers, ``end``; then
    ``finish`` with the run's counts (and the judge's summary, with --llm)."""

    def start(self, problems: list[InputProblem]) -> None: ...

    def begin(self, header: DigestReport) -> None: ...

    def paper(self, paper: PaperReport) -> None: ...

    def end(self) -> None: ...

    def finish(self, tally: Tally, judge: dict[str, Any] | None = None) -> None: ...


def write_report(writer: ReportWriter, report: AuditReport) -> None:
    """A report already in memory, through a streaming writer."""
    tally = Tally(len(report.problems))
    writer.start(report.problems)
    for digest in report.digests:
        tally.digest(digest)
        writer.begin(digest.model_copy(update={"papers": []}))
        for paper in digest.papers:
            tally.paper(paper)
            writer.paper(paper)
        writer.end()
    tally.fixed = report.summary  # the report's own totals, whatever made them
    writer.finish(tally, report.judge)


class Tally:
    """The counts of ``checker.model.summarize``, kept as papers stream by (nothing else of them is kept), and
    the worst severity of a finding or of a digest's input problem (what the exit code reads)."""

    def __init__(self, problems: int = 0) -> None:
        self.digests = self.papers = self.with_findings = self.with_errors = self.findings = 0
        self.problems = problems
        self.by_severity: dict[str, int] = {}
        self.by_category: dict[str, int] = {}
        self.by_rule: dict[str, int] = {}
        self.rule_names: dict[str, str] = {}
        self.by_rule_severity: dict[tuple[str, str], int] = {}
        self.worst: Severity | None = None
        self.fixed: Summary | None = None  # the totals to give, when they are not these counts

    def _worse(self, severity: Severity) -> None:
        if self.worst is None or severity.rank > self.worst.rank:
            self.worst = severity

    def digest(self, header: DigestReport) -> None:
        self.digests += 1
        self.problems += len(header.problems)
        for problem in header.problems:
            self._worse(problem.severity)

    def paper(self, paper: PaperReport) -> None:
        self.papers += 1
        if not paper.findings:
            return
        self.with_findings += 1
        if any(f.severity is Severity.error for f in paper.findings):
            self.with_errors += 1
        for finding in paper.findings:
            self.findings += 1
            severity = finding.severity.value
            self.by_severity[severity] = self.by_severity.get(severity, 0) + 1
            self.by_category[finding.category.value] = self.by_category.get(finding.category.value, 0) + 1
            self.by_rule[finding.rule] = self.by_rule.get(finding.rule, 0) + 1
            self.rule_names.setdefault(finding.rule, finding.name)
            key = (finding.rule, severity)
            self.by_rule_severity[key] = self.by_rule_severity.get(key, 0) + 1
            self._worse(finding.severity)

    def summary(self) -> Summary:
        if self.fixed is not None:
            return self.fixed
        return Summary(digests=self.digests, papers=self.papers, papers_with_findings=self.with_findings,
                       papers_with_errors=self.with_errors, findings=self.findings, problems=self.problems,
                       by_severity=dict(sorted(self.by_severity.items())),
                       by_category=dict(sorted(self.by_category.items())),
                       by_rule=dict(sorted(self.by_rule.items())))
