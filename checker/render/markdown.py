"""Markdown (GFM) summaries: the GitHub job summary and the report's report.md.

Digest text is untrusted LLM output, so every cell is escaped: HTML special characters become
entities, Markdown punctuation is backslash-escaped and newlines are flattened. The output stays
under ``max_bytes`` (GitHub rejects step summaries over 1 MiB) by cutting the findings table.
"""

from __future__ import annotations

import heapq
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.model import AuditReport, DigestReport, InputProblem, PaperReport, Summary

if TYPE_CHECKING:
    from checker.render.common import Tally

JOB_SUMMARY_LIMIT = 1024 * 1024
_DEFAULT_BUDGET = 900 * 1024  # leave room for other steps' output in the same file
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # cells never start a line: '#', '-', '+' are harmless
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SEVERITY_ICON = {"error": "🔴 error", "warning": "🟠 warning", "info": "🔵 info"}


def escape_cell(text: str, limit: int = 200) -> str:
    """Text safe inside a GFM table cell: no HTML, no Markdown, no line breaks, at most ``limit`` chars."""
    flat = _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}" if ord(m.group(0)) < 0x100 else f"\\u{ord(m.group(0)):04x}",
                        " ".join(text.split()))
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", flat)


def _counts_table(title: str, counts: dict[str, int]) -> list[str]:
    if not counts:
        return []
    rows = [f"| {title} | findings |", "|---|---:|"]
    rows += [f"| {escape_cell(k)} | {n} |" for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return rows + [""]


class MarkdownSummary:
    """The Markdown of ``render_markdown``, gathered as the audit streams: per-digest rows, the input problems,
    and of the findings only those that can fit in ``max_bytes`` (the best first: a heap drops the worst row
    while the kept rows are over the budget, which leaves exactly the rows ``render_markdown`` shows)."""

    def __init__(self, *, title: str = "digest-check", notes: Sequence[str] = (),
                 scores: dict[str, float] | None = None, max_bytes: int = _DEFAULT_BUDGET,
                 root: Path | None = None) -> None:
        self.title, self.notes, self.scores, self.max_bytes, self.root = title, notes, scores, max_bytes, root
        self._digest_rows: list[str] = []
        self._problems: list[InputProblem] = []
        self._kept: list[tuple[_Reversed, str, int]] = []  # (rank reversed, row, size): the worst row on top
        self._kept_bytes = 0
        self._rows = 0
        self._header = DigestReport(path="", format="", language="")
        self._path = ""
        self._errors = self._findings = 0

    def start(self, problems: list[InputProblem]) -> None:
        self._problems = list(problems)

    def begin(self, header: DigestReport) -> None:
        from checker.render.common import repo_relative

        self._header = header
        self._path = repo_relative(header.path, self.root)
        self._errors = self._findings = 0
        self._problems.extend(header.problems)

    def paper(self, paper: PaperReport) -> None:
        from checker.render.common import rank_key

        self._errors += any(f.severity.value == "error" for f in paper.findings)
        self._findings += len(paper.findings)
        for f in paper.findings:
            self._rows += 1
            where = f"{self._path}:{f.line}" if f.line else self._path
            row = (f"| {_SEVERITY_ICON[f.severity.value]} | {escape_cell(where)} | {escape_cell(paper.arxiv_id)} | "
                   f"{escape_cell(f.rule)} {escape_cell(f.name)} | {escape_cell(f.block or '')} | "
                   f"{escape_cell(f.message)} | {escape_cell(f.summary_span or '', 120)} | "
                   f"{escape_cell(f.abstract_span or '', 120)} |")
            size = len(row.encode("utf-8")) + 1
            key = (rank_key(self._header.path, paper.arxiv_id, f), self._rows)
            heapq.heappush(self._kept, (_Reversed(key), row, size))
            self._kept_bytes += size
            while self._kept_bytes > self.max_bytes and self._kept:
                self._kept_bytes -= heapq.heappop(self._kept)[2]

    def end(self) -> None:
        header = self._header
        score = f"{self.scores[header.path]:.1f}" if self.scores and header.path in self.scores else "–"
        self._digest_rows.append(f"| {escape_cell(self._path)} | {header.papers_total} | {self._errors} | "
                                 f"{self._findings} | {score} |")

    def finish(self, tally: Tally, judge: dict[str, Any] | None = None) -> None:
        """Nothing is written: ``render`` gives the text (the job summary is appended, not streamed)."""

    def render(self, summary: Summary) -> str:
        from checker.render.common import repo_relative

        s = summary
        head: list[str] = [f"## {escape_cell(self.title)}", ""]
        head.append(
            f"**{s.papers}** papers in **{s.digests}** digest(s): **{s.papers_with_errors}** with errors, "
            f"**{s.papers_with_findings}** with findings; **{s.findings}** findings "
            f"({', '.join(f'{n} {k}' for k, n in s.by_severity.items()) or 'none'})."
        )
        head += [f"> {escape_cell(note, 500)}" for note in self.notes]
        head.append("")
        if len(self._digest_rows) > 1 or self.scores:
            head += ["| digest | papers | with errors | findings | score |", "|---|---:|---:|---:|---:|"]
            head += self._digest_rows
            head.append("")
        head += _counts_table("category", s.by_category) + _counts_table("rule", s.by_rule)
        if self._problems:
            head += ["**Input problems**", ""]
            head += [f"- {escape_cell(repo_relative(p.path, self.root))}{':' + str(p.line) if p.line else ''}: "
                     f"{p.severity.value} {escape_cell(p.code)}: {escape_cell(p.message)}" for p in self._problems]
            head.append("")
        text = "\n".join(head) + "\n"
        if not self._rows:
            return text
        table = ["### Findings", "", "| severity | where | paper | rule | block | message | summary | abstract |",
                 "|---|---|---|---|---|---|---|---|"]
        size = len(text.encode("utf-8")) + sum(len(line.encode("utf-8")) + 1 for line in table) + 200
        # The kept rows are the best ones whose sizes add up to the budget; the head takes its share of it too.
        ranked = sorted(self._kept, key=lambda entry: entry[0].key)
        shown = 0
        for _, row, cost in ranked:
            if size + cost > self.max_bytes:
                break
            table.append(row)
            size += cost
            shown += 1
        if shown < self._rows:
            table += ["", f"_{self._rows - shown} more finding(s) not shown (summary size limit); "
                          "run `digest-check audit -f json` for all of them._"]
        return text + "\n".join(table) + "\n"


class _Reversed:
    """A heap entry key in reverse order (heapq is a min-heap; the summary pops its worst row)."""

    __slots__ = ("key",)

    def __init__(self, key: tuple[Any, ...]) -> None:
        self.key = key

    def __lt__(self, other: _Reversed) -> bool:
        return self.key > other.key


def render_markdown(
    report: AuditReport,
    *,
    title: str = "digest-check",
    notes: Sequence[str] = (),
    scores: dict[str, float] | None = None,
    max_bytes: int = _DEFAULT_BUDGET,
    root: Path | None = None,
) -> str:
    """Totals, counts by category and rule, then every finding (most severe first) within ``max_bytes``."""
    from checker.render.common import write_report

    summary = MarkdownSummary(title=title, notes=notes, scores=scores, max_bytes=max_bytes, root=root)
    write_report(summary, report)
    return summary.render(report.summary)


def append_job_summary(markdown: str) -> bool:
    """Append to $GITHUB_STEP_SUMMARY when set; False when not in Actions or the file cannot be written."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    try:
        existing = os.path.getsize(target) if os.path.exists(target) else 0
        budget = JOB_SUMMARY_LIMIT - existing - 1
        data = markdown.encode("utf-8", "backslashreplace")
        if len(data) > budget:
            data = data[: max(budget, 0)].decode("utf-8", errors="ignore").rsplit("\n", 1)[0].encode("utf-8") + b"\n"
        with open(target, "ab") as handle:
            handle.write(data)
    except OSError:
        return False
    return True
