"""The human-readable listing (after ruff's grouped output): findings grouped by digest file, then by paper.

```
data/2025-09-16_AI_enhanced_Chinese.jsonl: 15 papers (jsonl, zh)
  [3] 2509.11570 Single-word summaries of a long title, cut at a word…
    4: error F302 prompt-leak [tldr] the TL;DR repeats the prompt
       summary:  单个单词的摘要
```

Paths are relative to the workspace; every piece of digest text is escaped (``printable``); colour comes from a
``Palette`` (none unless the CLI asks for it on a terminal). Digests with nothing to show are left out; the
last line gives the totals. ``quiet`` shows only findings at or above a severity, and no totals.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO, Any

from checker.model import AuditReport, DigestReport, Finding, InputProblem, PaperReport, Severity
from checker.render.common import SafeWriter, Tally, TextOut, printable, repo_relative, shorten, write_report

_SPAN_WIDTH = 160
TITLE_WIDTH = 80  # columns for a paper's title when the width of the terminal is not known
_STYLES = {
    "path": "bold", "line": "cyan", "rule": "bold", "id": "bold", "dim": "dim", "note": "dim",
    "error": "bold red", "warning": "yellow", "info": "blue", "ok": "green", "count": "bold",
}


class Palette:
    """Colour codes by style name; the plain palette (no codes) is the default."""

    def __init__(self, codes: dict[str, tuple[str, str]] | None = None) -> None:
        self.codes = codes or {}

    def __call__(self, style: str, text: str) -> str:
        code = self.codes.get(style)
        return f"{code[0]}{text}{code[1]}" if code and text else text

    @property
    def enabled(self) -> bool:
        return bool(self.codes)


PLAIN = Palette()


def wants_colour(stream: IO[str] | None = None) -> bool:
    """Colour for ``stream`` (stdout by default): never with NO_COLOR set; always with FORCE_COLOR set (as ruff
    and rich read them); otherwise on a terminal that is not TERM=dumb."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError, OSError):
        return False


def terminal_palette() -> Palette:
    """The styles as ANSI codes, made by rich (imported only here: a run without colour does not load it)."""
    from rich.color import ColorSystem
    from rich.style import Style

    codes = {}
    for name, spec in _STYLES.items():
        rendered = Style.parse(spec).render("\0", color_system=ColorSystem.STANDARD)
        prefix, _, suffix = rendered.partition("\0")
        codes[name] = (prefix, suffix)
    return Palette(codes)


def _span(text: str) -> str:
    """A span on one line, escaped (control characters are often the finding), at most 160 characters."""
    shown = printable(text)
    return shown if len(shown) <= _SPAN_WIDTH else shown[: _SPAN_WIDTH - 1] + "…"


_visible = _span  # the name tests/test_checks_artifacts.py reads


def format_problem(problem: InputProblem, root: Path | None = None) -> str:
    """``path:line: severity[code] message``, escaped, the path relative to the workspace."""
    path = printable(repo_relative(problem.path, root))
    where = f"{path}:{problem.line}" if problem.line else path
    return f"{where}: {problem.severity.value}[{printable(problem.code)}] {printable(problem.message)}"


def _severities(counts: dict[str, int], palette: Palette) -> str:
    order = [s.value for s in Severity]
    parts = []
    for name in sorted(counts, key=lambda n: order.index(n) if n in order else len(order)):
        count = counts[name]
        label = name if count == 1 or name == "info" else f"{name}s"
        parts.append(palette(name, f"{count} {label}"))
    return ", ".join(parts)


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


class TextWriter:
    """The grouped listing, streamed to ``out`` (see ``ReportWriter`` for the order of the calls).

    Input problems are not listed here: the CLI writes them to standard error as the digests are read."""

    def __init__(self, out: SafeWriter, palette: Palette = PLAIN, *, quiet_below: Severity | None = None,
                 title_width: int = TITLE_WIDTH, root: Path | None = None) -> None:
        self.out = out
        self.palette = palette
        self.quiet_below = quiet_below
        self.title_width = title_width
        self.root = root
        self._header: DigestReport | None = None
        self._headed = False

    def start(self, problems: list[InputProblem]) -> None:
        pass

    def begin(self, header: DigestReport) -> None:
        self._header = header
        self._headed = False

    def _shown(self, finding: Finding) -> bool:
        return self.quiet_below is None or finding.severity.rank >= self.quiet_below.rank

    def _head(self, header: DigestReport) -> None:
        p = self.palette
        path = printable(repo_relative(header.path, self.root))
        detail = f"{_plural(header.papers_total, 'paper')} ({header.format}, {header.language}"
        if header.papers_dropped:
            detail += f", {header.papers_dropped} dropped"
        self.out.write(f"{p('path', path)}: {detail})\n")
        if self.quiet_below is None:
            for skipped in header.skipped_same_day:
                shown = printable(repo_relative(skipped, self.root))
                self.out.write(p("note", f"  (same day as {shown}: checked once)") + "\n")

    def paper(self, paper: PaperReport) -> None:
        findings = [f for f in paper.findings if self._shown(f)]
        if not findings:
            return
        p = self.palette
        if not self._headed and self._header is not None:
            self._head(self._header)
            self._headed = True
        label = f"[{paper.index}] " if paper.index is not None else ""
        arxiv_id = printable(paper.arxiv_id)
        dropped = " (dropped)" if paper.dropped else ""
        budget = max(self.title_width - len(label) - len(arxiv_id) - len(dropped) - 3, 20)
        title = printable(shorten(paper.title, budget)) if paper.title else ""
        self.out.write(f"  {label}{p('id', arxiv_id)}{dropped} {title}".rstrip() + "\n")
        for finding in findings:
            self._finding(finding)

    def end(self) -> None:
        if self._headed and self.quiet_below is None:
            self.out.write("\n")
        self._header = None

    def _finding(self, f: Finding) -> None:
        p = self.palette
        line = f"{f.line}:" if f.line else "-:"
        block = f" [{printable(f.block)}]" if f.block else ""
        self.out.write(f"    {p('line', line)} {p(f.severity.value, f.severity.value)} {p('rule', f.rule)} "
                       f"{printable(f.name)}{block} {printable(f.message)}\n")
        indent = " " * (len(line) + 5)
        if f.summary_span:
            self.out.write(f"{indent}{p('dim', 'summary: ')} {_span(f.summary_span)}\n")
        if f.abstract_span:
            self.out.write(f"{indent}{p('dim', 'abstract:')} {_span(f.abstract_span)}\n")

    def finish(self, tally: Tally, judge: dict[str, Any] | None = None) -> None:
        if self.quiet_below is None and tally.digests:
            self.out.write(totals_line(tally, self.palette) + "\n")


class StatisticsWriter:
    """``--statistics``: nothing per paper; at the end, the findings per rule (``write_statistics``)."""

    def __init__(self, out: SafeWriter, palette: Palette = PLAIN, *, as_json: bool = False) -> None:
        self.out, self.palette, self.as_json = out, palette, as_json

    def start(self, problems: list[InputProblem]) -> None:
        pass

    def begin(self, header: DigestReport) -> None:
        pass

    def paper(self, paper: PaperReport) -> None:
        pass

    def end(self) -> None:
        pass

    def finish(self, tally: Tally, judge: dict[str, Any] | None = None) -> None:
        write_statistics(self.out, tally, self.palette, self.as_json)


def totals_line(tally: Tally, palette: Palette = PLAIN) -> str:
    """One line: papers and digests, papers with findings and errors, findings by severity, input problems."""
    p = palette
    head = f"{_plural(tally.papers, 'paper')} in {_plural(tally.digests, 'digest')}"
    if not tally.findings:
        found = p("ok", "no findings")
    else:
        found = (f"{_plural(tally.with_findings, 'paper')} with findings ({tally.with_errors} with errors); "
                 f"{p('count', _plural(tally.findings, 'finding'))}: {_severities(tally.by_severity, p)}")
    problems = f"{_plural(tally.problems, 'input problem')}" if tally.problems else "no input problems"
    return f"{head}: {found}; {problems}"


def write_statistics(out: SafeWriter, tally: Tally, palette: Palette = PLAIN, as_json: bool = False) -> None:
    """Findings per rule, most frequent first (as ``ruff --statistics``): count, rule, name, severities."""
    rows = sorted(tally.by_rule.items(), key=lambda item: (-item[1], item[0]))
    order = [s.value for s in Severity]

    def severities(rule: str) -> dict[str, int]:
        return {s: tally.by_rule_severity[(rule, s)] for s in order if (rule, s) in tally.by_rule_severity}

    if as_json:
        payload = [{"rule": rule, "name": tally.rule_names[rule], "count": count, "severity": severities(rule)}
                   for rule, count in rows]
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    width = max((len(str(count)) for _, count in rows), default=1)
    names = max((len(tally.rule_names[rule]) for rule, _ in rows), default=0)
    for rule, count in rows:
        detail = _severities(severities(rule), palette)
        out.write(f"{str(count).rjust(width)}\t{palette('rule', rule)}\t"
                  f"{printable(tally.rule_names[rule]).ljust(names)}\t{detail}\n")


def render_text(report: AuditReport, root: Path | None = None) -> str:
    """The whole listing of a report in memory, plain (the CLI streams it: ``TextWriter``)."""
    out = TextOut()
    write_report(TextWriter(out, root=root), report)
    return out.text
