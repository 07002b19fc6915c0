"""Gather what a quality report shows: each digest's audit, its papers' text, statuses, scores and the trend."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from checker.analysis.context import PaperContext
from checker.engine.audit import AuditOptions, audit_digests
from checker.model import AuditReport, DigestFormat, DigestReport, Paper, PaperReport, Severity, summarize
from checker.read import discover_sources
from checker.render.report.score import FAILED, STATUS_ORDER, Status, digest_score, paper_score, paper_status

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class PaperView:
    report: PaperReport
    paper: Paper | None
    score: float
    status: Status = Status.clean

    @property
    def has_error(self) -> bool:
        return any(f.severity is Severity.error for f in self.report.findings)


@dataclass
class DigestView:
    report: DigestReport
    papers: list[PaperView] = field(default_factory=list)  # worst first
    score: float | None = None  # None: the digest holds no paper (no score, shown grey)
    number: int = 0  # position in the input order (the page's section and file names use it)

    @property
    def series(self) -> str:
        """The digest's stream over days: the file name without date, language suffix and extension."""
        name = Path(self.report.path).name
        name = re.sub(r"\.(jsonl|md|markdown)$", "", name)
        name = re.sub(r"_AI_enhanced_\w+$", "", name)
        name = _DATE.sub("", name).strip("_-. ")
        parent = Path(self.report.path).parent.name
        return name or parent or "digest"

    @property
    def name(self) -> str:
        return Path(self.report.path).name or self.report.path

    @property
    def statuses(self) -> dict[Status, int]:
        counts = Counter(p.status for p in self.papers)
        return {status: counts.get(status, 0) for status in STATUS_ORDER}

    @property
    def failed(self) -> bool:
        """Failed outright: a score of 10 or less (every summary failed, every paper dropped)."""
        return self.score is not None and self.score <= FAILED

    @property
    def anchor(self) -> str:
        return f"digest-{self.number}"

    @property
    def page(self) -> str:
        """The file of this digest's own page when a large report is split (digests/NNN-name.html)."""
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", re.sub(r"\.(jsonl|md|markdown)$", "", self.name))[:80]
        return f"digests/{self.number:03d}-{safe or 'digest'}.html"


@dataclass(frozen=True)
class RunTotals:
    """The run's headline: what share of papers a reader cannot trust, and which days failed."""

    digests: int
    papers: int
    statuses: dict[Status, int]
    score: float | None
    failed_digests: int
    empty_digests: int

    @property
    def untrusted(self) -> int:
        """Papers without a summary a reader can trust: with an error, not summarised or dropped."""
        return sum(self.statuses[s] for s in (Status.error, Status.not_summarised, Status.dropped))

    @property
    def untrusted_share(self) -> float:
        return self.untrusted / self.papers if self.papers else 0.0


def run_totals(views: list[DigestView]) -> RunTotals:
    statuses = {status: sum(v.statuses[status] for v in views) for status in STATUS_ORDER}
    scores = [p.score for v in views for p in v.papers]
    return RunTotals(digests=len(views), papers=len(scores), statuses=statuses, score=digest_score(scores),
                     failed_digests=sum(v.failed for v in views),
                     empty_digests=sum(v.score is None for v in views))


def sort_worst_first(papers: list[PaperView]) -> list[PaperView]:
    rank = {status: i for i, status in enumerate(STATUS_ORDER)}
    return sorted(papers, key=lambda v: (v.score, -rank[v.status], -len(v.report.findings), v.report.index or 0,
                                         v.report.arxiv_id))


def paper_view(report: PaperReport, paper: Paper | None, language: str) -> PaperView:
    unsummarised = paper is not None and PaperContext(paper, language).all_blocks_failed()
    status = paper_status(report.findings, dropped=report.dropped, unsummarised=unsummarised)
    delivered = status not in (Status.dropped, Status.not_summarised)
    return PaperView(report, paper, paper_score(report.findings, delivered=delivered), status)


def collect(paths: list[str], options: AuditOptions, language: str = "zh",
            adjust: Callable[[DigestReport], None] | None = None) -> tuple[AuditReport, list[DigestView]]:
    """Audit every digest under ``paths``; ``adjust`` may drop findings (config ignores) before scoring."""
    discovery = discover_sources(paths, default_language=language)
    report = AuditReport(problems=discovery.problems)
    views = []
    for number, (source, digest) in enumerate(
            zip(discovery.sources, audit_digests(discovery.sources, options), strict=True)):
        if adjust is not None:
            adjust(digest)
        report.digests.append(digest)
        texts: dict[str, Paper] = {}
        if source.format is not DigestFormat.unknown:
            for paper in source.iter_papers():
                texts.setdefault(paper.arxiv_id, paper)
        view = DigestView(report=digest, number=number)
        view.papers = sort_worst_first([paper_view(p, texts.get(p.arxiv_id), digest.language)
                                        for p in digest.papers])
        view.score = digest_score([p.score for p in view.papers])
        views.append(view)
    report.summary = summarize(report)
    return report, views


def trend(views: list[DigestView]) -> dict[str, list[tuple[str, float]]]:
    """Score per date for each series that has at least one dated digest with a score."""
    series: dict[str, dict[str, float]] = {}
    for view in views:
        if view.report.date and view.score is not None:
            series.setdefault(view.series, {})[view.report.date] = view.score
    return {name: sorted(points.items()) for name, points in sorted(series.items())}
