"""GitHub Actions output: workflow-command annotations on the digest's lines, most severe first.

GitHub keeps 10 error and 10 warning (and 10 notice) annotations per step, so only that many are
emitted per level; the job summary (checker.render.markdown) lists everything. Escaping follows
actions/toolkit ``command.ts``: data escapes %, CR, LF; properties also escape ':' and ','.
"""

from __future__ import annotations

from pathlib import Path

from checker.model import AuditReport, Finding, Severity
from checker.render.common import ranked_findings, repo_relative

ANNOTATIONS_PER_LEVEL = 10
_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


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


def render_github(report: AuditReport, root: Path | None = None) -> str:
    """Annotations for the top findings per level, then one plain line with the totals."""
    lines: list[str] = []
    emitted = {level: 0 for level in _LEVEL}
    for path, arxiv_id, finding in ranked_findings(report):
        if emitted[finding.severity] >= ANNOTATIONS_PER_LEVEL:
            continue
        emitted[finding.severity] += 1
        lines.append(annotation(path, arxiv_id, finding, root))
    for problem in report.problems + [p for d in report.digests for p in d.problems]:
        props = [f"file={escape_property(repo_relative(problem.path, root))}"]
        if problem.line:
            props.append(f"line={problem.line}")
        props.append(f"title={escape_property('digest-check ' + problem.code)}")
        lines.append(f"::{_LEVEL[problem.severity]} {','.join(props)}::{escape_data(problem.message)}")
    total = len(report.all_findings())
    shown = sum(emitted.values())
    s = report.summary
    lines.append(
        f"digest-check: {s.papers} papers in {s.digests} digest(s), {total} finding(s) "
        f"({', '.join(f'{n} {k}' for k, n in s.by_severity.items()) or 'none'}); "
        f"{shown} shown as annotations" + ("; the rest are in the job summary" if total > shown else "")
    )
    return "\n".join(lines) + "\n"
