"""Markdown (GFM) summaries: the GitHub job summary and the report's report.md.

Digest text is untrusted LLM output, so every cell is escaped: HTML special characters become
entities, Markdown punctuation is backslash-escaped and newlines are flattened. The output stays
under ``max_bytes`` (GitHub rejects step summaries over 1 MiB) by cutting the findings table.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from checker.model import AuditReport

JOB_SUMMARY_LIMIT = 1024 * 1024
_DEFAULT_BUDGET = 900 * 1024  # leave room for other steps' output in the same file
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # cells never start a line: '#', '-', '+' are harmless
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SEVERITY_ICON = {"error": "🔴 error", "warning": "🟠 warning", "info": "🔵 info"}


def escape_cell(text: str, limit: int = 200) -> str:
    """Text safe inside a GFM table cell: no HTML, no Markdown, no line breaks, at most ``limit`` chars."""
    flat = _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", " ".join(text.split()))
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
    from checker.render.common import ranked_findings, repo_relative

    s = report.summary
    head: list[str] = [f"## {escape_cell(title)}", ""]
    head.append(
        f"**{s.papers}** papers in **{s.digests}** digest(s): **{s.papers_with_errors}** with errors, "
        f"**{s.papers_with_findings}** with findings; **{s.findings}** findings "
        f"({', '.join(f'{n} {k}' for k, n in s.by_severity.items()) or 'none'})."
    )
    head += [f"> {escape_cell(note, 500)}" for note in notes]
    head.append("")
    if len(report.digests) > 1 or scores:
        head += ["| digest | papers | with errors | findings | score |", "|---|---:|---:|---:|---:|"]
        for digest in report.digests:
            errors = sum(any(f.severity.value == "error" for f in p.findings) for p in digest.papers)
            score = f"{scores[digest.path]:.1f}" if scores and digest.path in scores else "–"
            head.append(f"| {escape_cell(repo_relative(digest.path, root))} | {digest.papers_total} | {errors} | "
                        f"{len(digest.findings())} | {score} |")
        head.append("")
    head += _counts_table("category", s.by_category) + _counts_table("rule", s.by_rule)
    problems = report.problems + [p for d in report.digests for p in d.problems]
    if problems:
        head += ["**Input problems**", ""]
        head += [f"- {escape_cell(repo_relative(p.path, root))}{':' + str(p.line) if p.line else ''}: "
                 f"{p.severity.value} {escape_cell(p.code)}: {escape_cell(p.message)}" for p in problems]
        head.append("")
    text = "\n".join(head) + "\n"
    rows = ranked_findings(report)
    if not rows:
        return text
    table = ["### Findings", "", "| severity | where | paper | rule | block | message | summary | abstract |",
             "|---|---|---|---|---|---|---|---|"]
    size = len(text.encode("utf-8")) + sum(len(line.encode("utf-8")) + 1 for line in table) + 200
    shown = 0
    for path, arxiv_id, f in rows:
        where = f"{repo_relative(path, root)}:{f.line}" if f.line else repo_relative(path, root)
        line = (f"| {_SEVERITY_ICON[f.severity.value]} | {escape_cell(where)} | {escape_cell(arxiv_id)} | "
                f"{escape_cell(f.rule)} {escape_cell(f.name)} | {escape_cell(f.block or '')} | "
                f"{escape_cell(f.message)} | {escape_cell(f.summary_span or '', 120)} | "
                f"{escape_cell(f.abstract_span or '', 120)} |")
        cost = len(line.encode("utf-8")) + 1
        if size + cost > max_bytes:
            break
        table.append(line)
        size += cost
        shown += 1
    if shown < len(rows):
        table += ["", f"_{len(rows) - shown} more finding(s) not shown (summary size limit); "
                      "run `digest-check audit -f json` for all of them._"]
    return text + "\n".join(table) + "\n"


def append_job_summary(markdown: str) -> bool:
    """Append to $GITHUB_STEP_SUMMARY when set; False when not in Actions or the file cannot be written."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    try:
        existing = os.path.getsize(target) if os.path.exists(target) else 0
        budget = JOB_SUMMARY_LIMIT - existing - 1
        data = markdown.encode("utf-8")
        if len(data) > budget:
            data = data[: max(budget, 0)].decode("utf-8", errors="ignore").rsplit("\n", 1)[0].encode("utf-8") + b"\n"
        with open(target, "ab") as handle:
            handle.write(data)
    except OSError:
        return False
    return True
