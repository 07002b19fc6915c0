"""GitHub Actions output: workflow-command annotations on the digest's lines, most severe first.

GitHub keeps 10 error and 10 warning (and 10 notice) annotations per step, so only that many are
emitted per level; the job summary (checker.render.markdown) lists everything. Escaping follows
actions/toolkit ``command.ts``: data escapes %, CR, LF; properties also escape ':' and ','.

The writer streams: it keeps the ten best findings per level (a heap), the input problems and the counts.
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Any

from checker.model import AuditReport, DigestReport, Finding, InputProblem, PaperReport, Severity
from checker.render.common import (
    RankKey,
    SafeWriter,
    Tally,
    TextOut,
    printable_lines,
    rank_key,
    repo_relative,
    write_report,
)

ANNOTATIONS_PER_LEVEL = 10
_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def escape_data(text: str) -> str:
    """As actions/toolkit, after the other control characters are written as escapes (``printable_lines``)."""
    return printable_lines(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, arxiv_id: str, finding: Finding, root: Path | None = None) -> str:
    props = [f"file={escape_property(repo_relative(path, root))}"]
    if finding.line:
        props.append(f"line={finding.line}")
    block = f" [{finding.block}]" if finding.block else ""
    props.append(f"title={escape_property(f'{finding.rule} {finding.name} {arxiv_id}{block}')}")
    message = finding.message
    if finding.summary_span:
        message += f"\nsummary: {finding.summary_span}"
    if finding.abstract_span:
        message += f"\nabstract: {finding.abstract_span}"
    return f"::{_LEVEL[finding.severity]} {','.join(props)}::{escape_data(message)}"


def problem_annotation(problem: InputProblem, root: Path | None = None) -> str:
    props = [f"file={escape_property(repo_relative(problem.path, root))}"]
    if problem.line:
        props.append(f"line={problem.line}")
    props.append(f"title={escape_property('digest-check ' + problem.code)}")
    return f"::{_LEVEL[problem.severity]} {','.join(props)}::{escape_data(problem.message)}"


class GithubWriter:
    """``start``, ``digest`` per digest, ``finish``: annotations for the top findings per level, the input
    problems, then one plain line with the totals."""

    def __init__(self, out: SafeWriter, root: Path | None = None) -> None:
        self.out = out
        self.root = root
        # Per level, its best findings so far in rank order (report order among equals), at most the cap.
        self._best: dict[Severity, list[tuple[RankKey, int, str, str, Finding]]] = {s: [] for s in _LEVEL}
        self._problems: list[InputProblem] = []
        self._total = 0
        self._path = ""

    def start(self, problems: list[InputProblem]) -> None:
        self._problems = list(problems)

    def begin(self, header: DigestReport) -> None:
        self._path = header.path
        self._problems.extend(header.problems)

    def paper(self, paper: PaperReport) -> None:
        for finding in paper.findings:
            self._total += 1
            best = self._best[finding.severity]
            entry = (rank_key(self._path, paper.arxiv_id, finding), self._total, self._path, paper.arxiv_id, finding)
            if len(best) < ANNOTATIONS_PER_LEVEL or entry[:2] < best[-1][:2]:
                bisect.insort(best, entry, key=lambda e: e[:2])
                del best[ANNOTATIONS_PER_LEVEL:]

    def end(self) -> None:
        pass

    def finish(self, tally: Tally, judge: dict[str, Any] | None = None) -> None:
        chosen = sorted((entry for level in self._best.values() for entry in level), key=lambda e: e[:2])
        for _, _, path, arxiv_id, finding in chosen:
            self.out.write_command(annotation(path, arxiv_id, finding, self.root) + "\n")
        for problem in self._problems:
            self.out.write_command(problem_annotation(problem, self.root) + "\n")
        shown = len(chosen)
        s = tally.summary()
        self.out.write(
            f"digest-check: {s.papers} papers in {s.digests} digest(s), {self._total} finding(s) "
            f"({', '.join(f'{n} {k}' for k, n in s.by_severity.items()) or 'none'}); "
            f"{shown} shown as annotations" + ("; the rest are in the job summary" if self._total > shown else "")
            + "\n"
        )


def render_github(report: AuditReport, root: Path | None = None) -> str:
    """Annotations for the top findings per level, then one plain line with the totals."""
    out = TextOut()
    write_report(GithubWriter(out, root), report)
    return out.text
