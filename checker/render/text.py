"""The human-readable listing: findings grouped by digest and paper, with file:line and spans."""

from __future__ import annotations

from checker.model import AuditReport, Finding, InputProblem

_SPAN_WIDTH = 160


def _visible(text: str) -> str:
    """Spans on one line, control characters shown as escapes (they are often the finding)."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append(" ⏎ ")
        elif ord(ch) < 32 or ord(ch) == 127:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    shown = "".join(out)
    return shown if len(shown) <= _SPAN_WIDTH else shown[: _SPAN_WIDTH - 1] + "…"


def format_problem(problem: InputProblem) -> str:
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    return f"{where}: {problem.severity.value}[{problem.code}] {problem.message}"


def _format_finding(path: str, finding: Finding) -> list[str]:
    where = f"{path}:{finding.line}" if finding.line else path
    block = f" [{finding.block}]" if finding.block else ""
    lines = [f"  {where}: {finding.severity.value} {finding.rule} {finding.name}{block}: {finding.message}"]
    if finding.summary_span:
        lines.append(f"      summary:  {_visible(finding.summary_span)}")
    if finding.abstract_span:
        lines.append(f"      abstract: {_visible(finding.abstract_span)}")
    return lines


def render_text(report: AuditReport) -> str:
    lines: list[str] = []
    for problem in report.problems:
        lines.append(format_problem(problem))
    for digest in report.digests:
        head = f"{digest.path} ({digest.format}, {digest.language}, {digest.papers_total} papers"
        if digest.papers_dropped:
            head += f", {digest.papers_dropped} dropped"
        lines.append(head + ")")
        for skipped in digest.skipped_same_day:
            lines.append(f"  (same day as {skipped}: checked once)")
        for problem in digest.problems:
            lines.append("  " + format_problem(problem))
        for paper in digest.papers:
            if not paper.findings:
                continue
            label = f"[{paper.index}] " if paper.index is not None else ""
            lines.append(f" {label}{paper.arxiv_id} {paper.title[:80]}")
            for finding in paper.findings:
                lines.extend(_format_finding(digest.path, finding))
        lines.append("")
    s = report.summary
    severities = ", ".join(f"{count} {name}" for name, count in s.by_severity.items()) or "no findings"
    lines.append(
        f"{s.digests} digest(s), {s.papers} papers, {s.papers_with_findings} with findings "
        f"({s.papers_with_errors} with errors): {severities}; {s.problems} input problem(s)"
    )
    return "\n".join(lines) + "\n"
