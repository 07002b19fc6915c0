"""What an audit produces: findings per paper, per digest, and totals (the JSON contract)."""

from __future__ import annotations

from pydantic import BaseModel, Field, field_validator

from checker import __version__
from checker.model.digest import BLOCK_NAMES, Finding, InputProblem, Severity, printable_path

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

    @field_validator("path")
    @classmethod
    def _printable(cls, path: str) -> str:
        return printable_path(path)

    @field_validator("skipped_same_day")
    @classmethod
    def _printable_all(cls, paths: list[str]) -> list[str]:
        return [printable_path(path) for path in paths]

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
    # Plain counters, one model at the end: a model's __setattr__ per paper costs seconds on 100k papers.
    papers = with_findings = with_errors = findings = 0
    problems = len(report.problems)
    by_severity: dict[str, int] = {}
    by_category: dict[str, int] = {}
    by_rule: dict[str, int] = {}
    for digest in report.digests:
        problems += len(digest.problems)
        papers += len(digest.papers)
        for paper in digest.papers:
            if not paper.findings:
                continue
            with_findings += 1
            if any(f.severity is Severity.error for f in paper.findings):
                with_errors += 1
            for finding in paper.findings:
                findings += 1
                by_severity[finding.severity.value] = by_severity.get(finding.severity.value, 0) + 1
                by_category[finding.category.value] = by_category.get(finding.category.value, 0) + 1
                by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    summary = Summary(digests=len(report.digests), papers=papers, papers_with_findings=with_findings,
                      papers_with_errors=with_errors, findings=findings, problems=problems,
                      by_severity=dict(sorted(by_severity.items())), by_category=dict(sorted(by_category.items())),
                      by_rule=dict(sorted(by_rule.items())))
    return summary
