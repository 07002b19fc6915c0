"""What an audit produces: findings per paper, per digest, and totals (the JSON contract)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from checker import __version__
from checker.models import BLOCK_NAMES, Finding, InputProblem, Severity

_BLOCK_ORDER = {name: i for i, name in enumerate(BLOCK_NAMES)}


def finding_sort_key(finding: Finding) -> tuple[int, int, int, str, str, str]:
    return (
        -1 if finding.block is None else _BLOCK_ORDER.get(finding.block, 99),
        finding.line or 0,
        -finding.severity.rank,
        finding.rule,
        finding.summary_span or "",
        finding.message,
    )


class PaperReport(BaseModel):
    arxiv_id: str
    index: int | None = None
    title: str = ""
    line: int | None = None
    dropped: bool = False
    findings: list[Finding] = Field(default_factory=list)


class DigestReport(BaseModel):
    path: str
    format: str
    language: str
    date: str | None = None
    papers_total: int = 0
    papers_dropped: int = 0
    skipped_same_day: list[str] = Field(default_factory=list)
    problems: list[InputProblem] = Field(default_factory=list)
    papers: list[PaperReport] = Field(default_factory=list)

    def findings(self) -> list[Finding]:
        return [f for p in self.papers for f in p.findings]


class Summary(BaseModel):
    digests: int = 0
    papers: int = 0
    papers_with_findings: int = 0
    papers_with_errors: int = 0
    findings: int = 0
    by_severity: dict[str, int] = Field(default_factory=dict)
    by_category: dict[str, int] = Field(default_factory=dict)
    by_rule: dict[str, int] = Field(default_factory=dict)
    problems: int = 0


class ToolInfo(BaseModel):
    name: str = "digest-check"
    version: str = __version__


class AuditReport(BaseModel):
    tool: ToolInfo = Field(default_factory=ToolInfo)
    digests: list[DigestReport] = Field(default_factory=list)
    problems: list[InputProblem] = Field(default_factory=list)  # paths that could not be opened at all
    summary: Summary = Field(default_factory=Summary)
    judge: dict | None = None  # LLM judge run (checker.judge.runner.JudgeSummary); None without --llm

    def all_findings(self) -> list[Finding]:
        return [f for d in self.digests for f in d.findings()]

    def worst_severity(self) -> Severity | None:
        ranks = [f.severity for f in self.all_findings()]
        ranks += [p.severity for d in self.digests for p in d.problems]
        return max(ranks, key=lambda s: s.rank) if ranks else None


def summarize(report: AuditReport) -> Summary:
    summary = Summary(digests=len(report.digests))
    for digest in report.digests:
        summary.problems += len(digest.problems)
        for paper in digest.papers:
            summary.papers += 1
            if paper.findings:
                summary.papers_with_findings += 1
            if any(f.severity is Severity.error for f in paper.findings):
                summary.papers_with_errors += 1
            for finding in paper.findings:
                summary.findings += 1
                for table, key in (
                    (summary.by_severity, finding.severity.value),
                    (summary.by_category, finding.category.value),
                    (summary.by_rule, finding.rule),
                ):
                    table[key] = table.get(key, 0) + 1
    summary.problems += len(report.problems)
    summary.by_severity = dict(sorted(summary.by_severity.items()))
    summary.by_category = dict(sorted(summary.by_category.items()))
    summary.by_rule = dict(sorted(summary.by_rule.items()))
    return summary
