"""What ``audit`` does once its options are read: stream the digests through the filters (per-paper ignores,
the baseline) into the chosen writer, with a progress bar, problems on standard error as they come, and the
counts the exit code and the summary need. Nothing here is imported before a command runs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.cli.common import OutputFormat
from checker.model import AuditReport, DigestFormat, DigestReport, InputProblem, PaperReport, Severity
from checker.read.source import DigestSource
from checker.render.common import ReportWriter, SafeWriter, Tally, printable

if TYPE_CHECKING:
    from rich.progress import Progress

    from checker.cli.config import Config
    from checker.engine.baseline import Baseline, BaselineResult
    from checker.render.markdown import MarkdownSummary


def echo_err(message: str) -> None:
    """One line on standard error, digest text escaped (``printable``) and no line a workflow command; above
    the progress bar while one is shown."""
    from checker.render.common import guard_lines

    line = guard_lines(printable(message))
    if ProgressBar.shown is not None:
        ProgressBar.shown.print_above(line)
        return
    sys.stderr.write(line + "\n")


# ---------------------------------------------------------------- progress


def estimate_papers(paths: Iterable[Path]) -> int:
    """About how many papers these digest files hold, fast: JSONL lines, Markdown paper headings."""
    total = 0
    for path in paths:
        needle = b"\n### " if path.suffix.lower() in (".md", ".markdown") else b"\n"
        keep = len(needle) - 1  # the end of a block that may begin a match in the next one
        try:
            with path.open("rb") as handle:
                tail = b""
                while block := handle.read(8 << 20):
                    data = tail + block
                    total += data.count(needle)
                    tail = data[-keep:] if keep else b""
        except OSError:
            continue
    return total


def source_paths(sources: Iterable[DigestSource]) -> list[Path]:
    return [s.data_path for s in sources if s.format not in (DigestFormat.unknown, DigestFormat.jsonl_raw)]


class ProgressBar:
    """Papers checked out of about how many, with the time left, on standard error (rich, drawn at most ten
    times a second from the loop itself: no thread runs beside the worker processes)."""

    shown: ProgressBar | None = None  # the bar on the terminal now: other lines are printed above it

    def __init__(self, total: int | None, description: str = "checking") -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.console = Console(stderr=True)
        self.progress: Progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("papers"),
            TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(), console=self.console, transient=True,
            auto_refresh=False)
        self.task = self.progress.add_task(description, total=total or None)
        self.count = 0
        self._shown = 0.0
        self.progress.start()
        ProgressBar.shown = self

    def print_above(self, line: str) -> None:
        from rich.text import Text

        self.console.print(Text(line), soft_wrap=True, highlight=False)

    def tick(self) -> None:
        self.count += 1
        now = time.monotonic()
        if now - self._shown >= 0.1:
            self._shown = now
            task = self.progress.tasks[0]
            if task.total is not None and self.count > task.total:
                self.progress.update(self.task, total=self.count)
            self.progress.update(self.task, completed=self.count)
            self.progress.refresh()

    def describe(self, text: str) -> None:
        self.progress.update(self.task, description=text)
        self.progress.refresh()

    def close(self) -> None:
        self.progress.stop()
        ProgressBar.shown = None


def progress_wanted(enabled: bool) -> bool:
    """A bar only on a terminal: never in a pipe, a file or CI logs."""
    try:
        return enabled and sys.stderr.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError, OSError):
        return False


# ---------------------------------------------------------------- filters


def paper_ignorer(settings: Config) -> Callable[[PaperReport], int]:
    """Drops a paper's findings that a per-paper ignore of the configuration covers; returns how many."""

    def drop(paper: PaperReport) -> int:
        kept = [f for f in paper.findings if settings.paper_ignore(paper.arxiv_id, f.rule, f.name) is None]
        dropped = len(paper.findings) - len(kept)
        if dropped:
            paper.findings = kept
        return dropped

    return drop


class BaselineFilter:
    """``checker.engine.baseline.apply_baseline``, a paper at a time: the same matching, in the same order
    (digests, papers, findings), so the same findings are suppressed and the same entries found stale."""

    def __init__(self, baseline: Baseline) -> None:
        from checker.engine.baseline import _legacy_fingerprint
        from checker.render.sarif import safe_fingerprint

        self.baseline = baseline
        self._fingerprint = safe_fingerprint
        self.remaining = {key: entry.count for key, entry in baseline.entries.items()}
        self.suppressed = 0
        self._legacy = _legacy_fingerprint

    def __call__(self, paper: PaperReport) -> None:
        if not paper.findings:
            return
        remaining = self.remaining
        kept = []
        for finding in paper.findings:
            key = self._fingerprint(finding, paper.arxiv_id)
            if remaining.get(key, 0) <= 0:
                with contextlib.suppress(UnicodeEncodeError):  # no older key for text UTF-8 cannot hold
                    key = self._legacy(finding, paper.arxiv_id) or key
            if remaining.get(key, 0) > 0:
                remaining[key] -= 1
                self.suppressed += 1
            else:
                kept.append(finding)
        paper.findings = kept

    def result(self) -> BaselineResult:
        from checker.engine.baseline import BaselineResult

        entries = self.baseline.entries
        stale = [entries[key] for key in sorted(self.remaining) if self.remaining[key] == entries[key].count]
        return BaselineResult(suppressed=self.suppressed, stale=stale)


class BaselineBuilder:
    """``Baseline.from_report``, a paper at a time."""

    def __init__(self) -> None:
        from checker.engine.baseline import Baseline

        self.baseline = Baseline()
        self.findings = 0

    def __call__(self, header: DigestReport, paper: PaperReport) -> None:
        if not paper.findings:
            return
        from checker.engine.baseline import Baseline
        from checker.render.sarif import escaped_finding, escaped_text

        self.findings += len(paper.findings)
        try:
            one = Baseline.from_report(AuditReport(digests=[header.model_copy(update={"papers": [paper]})]))
        except UnicodeEncodeError:  # text UTF-8 cannot hold: kept under its escaped form
            clean = paper.model_copy(update={"arxiv_id": escaped_text(paper.arxiv_id),
                                             "findings": [escaped_finding(f) for f in paper.findings]})
            one = Baseline.from_report(AuditReport(digests=[header.model_copy(update={"papers": [clean]})]))
        for key, entry in one.entries.items():
            mine = self.baseline.entries.get(key)
            if mine is None:
                self.baseline.entries[key] = entry
            else:
                mine.count += entry.count


# ---------------------------------------------------------------- writers


class Fanout:
    """Several writers fed by one stream (the github format: annotations and the job summary)."""

    def __init__(self, *writers: ReportWriter) -> None:
        self.writers = writers

    def start(self, problems: list[InputProblem]) -> None:
        for writer in self.writers:
            writer.start(problems)

    def begin(self, header: DigestReport) -> None:
        for writer in self.writers:
            writer.begin(header)

    def paper(self, paper: PaperReport) -> None:
        for writer in self.writers:
            writer.paper(paper)

    def end(self) -> None:
        for writer in self.writers:
            writer.end()

    def finish(self, tally: Tally, judge: dict[str, Any] | None = None) -> None:
        for writer in self.writers:
            writer.finish(tally, judge)


@dataclass
class Filters:
    """What is done to each paper between the audit and the writer: per-paper ignores, then the baseline (or
    the baseline being written); ``ignored`` counts what the ignores dropped."""

    ignore: Callable[[PaperReport], int] | None = None
    baseline: BaselineFilter | None = None
    collect_baseline: BaselineBuilder | None = None
    ignored: int = 0


def run_stream(stream: Iterator[tuple[DigestReport, Iterable[PaperReport]]], problems: list[InputProblem],
               writer: ReportWriter, filters: Filters, *, echo_problems: bool = True,
               judge: dict[str, Any] | None = None) -> Tally:
    """Every digest of ``stream`` through the filters into ``writer``; the counts of what was written.

    The collector is paused around the run (``paused_gc``): the young generations are collected every
    ``COLLECT_EVERY`` papers here, since some writers leave cycles per paper (``json.dumps`` with an indent
    builds an encoder of closures that refer to each other, for each SARIF result)."""
    import gc

    from checker.engine.audit import COLLECT_EVERY

    collect_every = max(COLLECT_EVERY // 4, 1)
    tally = Tally(len(problems))
    writer.start(problems)
    for problem in problems if echo_problems else ():
        echo_err(problem_line(problem))
    for header, papers in stream:
        if echo_problems:
            for problem in header.problems:
                echo_err(problem_line(problem))
        tally.digest(header)
        writer.begin(header)
        for paper in papers:
            if filters.ignore is not None:
                filters.ignored += filters.ignore(paper)
            if filters.collect_baseline is not None:
                filters.collect_baseline(header, paper)
            elif filters.baseline is not None:
                filters.baseline(paper)
            tally.paper(paper)
            writer.paper(paper)
            if tally.papers % collect_every == 0:
                gc.collect(1)
        writer.end()
    writer.finish(tally, judge)
    return tally


def problem_line(problem: InputProblem) -> str:
    """``path:line: severity[code] message``, as the text listing and standard error show an input problem."""
    from checker.render.text import format_problem

    return format_problem(problem)


def report_stream(report: AuditReport) -> Iterator[tuple[DigestReport, Iterable[PaperReport]]]:
    """A report in memory as the stream ``run_stream`` reads."""
    for digest in report.digests:
        yield digest.model_copy(update={"papers": []}), digest.papers


def terminal_columns() -> int:
    return shutil.get_terminal_size((100, 24)).columns


def open_output(output: Path | None) -> tuple[SafeWriter, Callable[[], None]]:
    """The writer for ``-o FILE`` (created, with its folders) or standard output, and how to close it."""
    from checker.render.common import stdout_writer

    if output is None:
        writer = stdout_writer()
        return writer, writer.flush
    output.parent.mkdir(parents=True, exist_ok=True)
    handle = output.open("wb")
    return SafeWriter(handle, "utf-8"), handle.close


def make_writer(chosen: OutputFormat, out: SafeWriter, *, statistics: bool, quiet_below: Severity | None,
                plain: bool) -> tuple[ReportWriter, MarkdownSummary | None]:
    """The writer of the chosen format (and, for github, the job summary it also feeds)."""
    from checker.render.text import PLAIN, TITLE_WIDTH, terminal_palette, wants_colour

    colour = not plain and chosen is OutputFormat.text and wants_colour()
    palette = terminal_palette() if colour else PLAIN
    if statistics:
        from checker.render.text import StatisticsWriter

        return StatisticsWriter(out, palette, as_json=chosen is OutputFormat.json), None
    if chosen is OutputFormat.json:
        from checker.render.json_report import JsonWriter

        return JsonWriter(out), None
    if chosen is OutputFormat.github:
        from checker.render.github import GithubWriter
        from checker.render.markdown import MarkdownSummary

        summary = MarkdownSummary() if os.environ.get("GITHUB_STEP_SUMMARY") else None
        return (Fanout(GithubWriter(out), summary) if summary is not None else GithubWriter(out)), summary
    if chosen is OutputFormat.sarif:
        from checker.render.sarif import SarifWriter

        return SarifWriter(out), None
    if chosen is OutputFormat.junit:
        from checker.render.junit import JunitWriter

        return JunitWriter(out), None
    from checker.render.text import TextWriter

    width = terminal_columns() if not plain and sys.stdout.isatty() else TITLE_WIDTH
    return TextWriter(out, palette, quiet_below=quiet_below, title_width=width), None


def plain_files(paths: list[str]) -> list[Path]:
    """The digest files a progress estimate may read ahead: never standard input or a FIFO (read once)."""
    from checker.read.discover import discover_sources

    safe = [p for p in paths if p != "-" and (Path(p).is_dir() or Path(p).is_file() or any(c in p for c in "*?["))]
    return source_paths(discover_sources(safe).sources) if safe else []
