"""Gather what a quality report shows: each digest's audit, its papers' text, scores and the trend series."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from checker.engine.audit import AuditOptions, audit_digests
from checker.model import AuditReport, DigestFormat, DigestReport, Paper, PaperReport, Severity, summarize
from checker.read import discover_sources
from checker.render.report.score import digest_score, paper_score

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class PaperView:
    report: PaperReport
    paper: Paper | None
    score: float

    @property
    def has_error(self) -> bool:
        return any(f.severity is Severity.error for f in self.report.findings)


@dataclass
class DigestView:
    report: DigestReport
    papers: list[PaperView] = field(default_factory=list)  # worst first
    score: float = 100.0

    @property
    def series(self) -> str:
        """The digest's stream over days: the file name without date, language suffix and extension."""
        name = Path(self.report.path).name
        name = re.sub(r"\.(jsonl|md|markdown)$", "", name)
        name = re.sub(r"_AI_enhanced_\w+$", "", name)
        name = _DATE.sub("", name).strip("_-. ")
        parent = Path(self.report.path).parent.name
        return name or parent or "digest"


def sort_worst_first(papers: list[PaperView]) -> list[PaperView]:
    return sorted(papers, key=lambda v: (v.score, -len(v.report.findings), v.report.index or 0, v.report.arxiv_id))


def collect(paths: list[str], options: AuditOptions, language: str = "zh",
            adjust: Callable[[DigestReport], None] | None = None) -> tuple[AuditReport, list[DigestView]]:
    """Audit every digest under ``paths``; ``adjust`` may drop findings (config ignores) before scoring."""
    discovery = discover_sources(paths, default_language=language)
    report = AuditReport(problems=discovery.problems)
    views = []
    for source, digest in zip(discovery.sources, audit_digests(discovery.sources, options), strict=True):
        if adjust is not None:
            adjust(digest)
        report.digests.append(digest)
        texts: dict[str, Paper] = {}
        if source.format is not DigestFormat.unknown:
            for paper in source.iter_papers():
                texts.setdefault(paper.arxiv_id, paper)
        view = DigestView(report=digest)
        view.papers = sort_worst_first(
            [PaperView(p, texts.get(p.arxiv_id), paper_score(p.findings)) for p in digest.papers]
        )
        view.score = digest_score([p.score for p in view.papers])
        views.append(view)
    report.summary = summarize(report)
    return report, views


def trend(views: list[DigestView]) -> dict[str, list[tuple[str, float]]]:
    """Score per date for each series that has at least one dated digest with papers."""
    series: dict[str, dict[str, float]] = {}
    for view in views:
        if view.report.date and view.report.papers_total:
            series.setdefault(view.series, {})[view.report.date] = view.score
    return {name: sorted(points.items()) for name, points in sorted(series.items())}
