"""Running the rules over digests: papers in, findings out, in a stable order."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from checker.checks.context import DigestContext, PaperContext, PaperSketch
from checker.checks.registry import Hit, Rule
from checker.models import BLOCK_NAMES, Finding, Paper, Severity
from checker.read.source import DigestSource
from checker.results import AuditReport, DigestReport, PaperReport, finding_sort_key, summarize


@dataclass
class AuditOptions:
    rules: list[Rule]
    severity_overrides: dict[str, Severity] = field(default_factory=dict)
    on_paper: Callable[[], None] | None = None  # progress callback


def hit_line(paper: Paper, hit: Hit) -> int | None:
    if hit.line is not None:
        return hit.line
    if hit.block is None:
        return paper.line
    block = paper.block(hit.block)
    if block.line is None:
        return paper.line
    text = block.text or ""
    if hit.summary_span and text:
        offset = text.find(hit.summary_span)
        if offset > 0:
            return block.line + text.count("\n", 0, offset)
    return block.line


def to_finding(rule: Rule, hit: Hit, line: int | None, overrides: dict[str, Severity]) -> Finding:
    severity = overrides.get(rule.id) or overrides.get(rule.name) or hit.severity or rule.severity
    return Finding(
        rule=rule.id,
        name=rule.name,
        category=rule.category,
        severity=severity,
        block=hit.block,
        message=hit.message,
        summary_span=hit.summary_span,
        abstract_span=hit.abstract_span,
        line=line,
        confidence=hit.confidence,
    )


def check_paper(paper: Paper, language: str, rules: Iterable[Rule],
                overrides: dict[str, Severity] | None = None) -> list[Finding]:
    """Run the paper rules on one paper and return its findings, sorted."""
    ctx = PaperContext(paper=paper, language=language)
    findings: list[Finding] = []
    has_abstract = bool(paper.abstract)
    for rule in rules:
        if rule.scope != "paper" or (rule.needs_abstract and not has_abstract):
            continue
        for hit in rule.func(ctx):
            findings.append(to_finding(rule, hit, hit_line(paper, hit), overrides or {}))
    return sorted(findings, key=finding_sort_key)


def _summary_hash(paper: Paper) -> int:
    return hash(tuple(paper.block_text(name) for name in BLOCK_NAMES))


def audit_source(source: DigestSource, options: AuditOptions) -> DigestReport:
    report = DigestReport(path=str(source.path), format=source.format.value, language=source.language,
                          date=source.date, skipped_same_day=[str(p) for p in source.skipped_duplicates])
    sketches: dict[str, PaperSketch] = {}
    by_id: dict[str, PaperReport] = {}
    for paper in source.iter_papers():
        sketch = sketches.get(paper.arxiv_id)
        if sketch is not None:
            # Repeated record: reported once by the duplicate rule, not checked twice.
            sketch.record_lines.append(paper.line)
            sketch.summaries_differ |= _summary_hash(paper) != sketch.summary_hash
            continue
        sketches[paper.arxiv_id] = PaperSketch(
            arxiv_id=paper.arxiv_id,
            line=paper.line,
            title=paper.title,
            record_lines=[paper.line],
            summary_hash=_summary_hash(paper),
        )
        paper_report = PaperReport(arxiv_id=paper.arxiv_id, index=paper.index, title=paper.title, line=paper.line,
                                   findings=check_paper(paper, source.language, options.rules,
                                                        options.severity_overrides))
        by_id[paper.arxiv_id] = paper_report
        report.papers.append(paper_report)
        if options.on_paper:
            options.on_paper()
    report.papers_total = len(report.papers)
    raw_ids = source.raw_ids()
    digest_ctx = DigestContext(path=str(source.path), language=source.language, sketches=sketches,
                               raw_ids=raw_ids, raw_path=str(source.raw_path) if source.raw_path else None)
    for rule in options.rules:
        if rule.scope != "digest":
            continue
        for hit in rule.func(digest_ctx):
            if hit.arxiv_id is None:
                continue
            target = by_id.get(hit.arxiv_id)
            if target is None:  # a paper the digest does not hold (dropped by the pipeline)
                target = PaperReport(arxiv_id=hit.arxiv_id, line=hit.line, dropped=True,
                                     title=raw_ids.get(hit.arxiv_id, (0, ""))[1] if raw_ids else "")
                by_id[hit.arxiv_id] = target
                report.papers.append(target)
                report.papers_dropped += 1
            target.findings.append(to_finding(rule, hit, hit.line if hit.line is not None else target.line,
                                              options.severity_overrides))
            target.findings.sort(key=finding_sort_key)
    report.problems = sorted(source.problems, key=lambda p: (p.path, p.line or 0, p.code))
    return report


def audit(sources: Iterable[DigestSource], options: AuditOptions) -> AuditReport:
    report = AuditReport(digests=[audit_source(source, options) for source in sources])
    report.summary = summarize(report)
    return report
