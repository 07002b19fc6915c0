"""Quality reports: ``digest-check report PATH...`` writes index.html, report.md and report.json.

A run of more than ``SPLIT_ABOVE`` papers gets an index page plus one page per digest under ``digests/``.
Importing this package stays light (no Jinja2): ``checker.render.spot`` reads the paper score from it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from checker.model import AuditReport
from checker.render.report.collect import DigestView, RunTotals, collect, run_totals, trend
from checker.render.report.score import FORMULA, STATUS_ORDER, Status

SPLIT_ABOVE = 2000  # papers in the run; above it, an index page plus a page per digest (sizes: write_report)


@dataclass(frozen=True)
class WrittenReport:
    folder: Path
    report: AuditReport
    views: list[DigestView]
    pages: list[Path]  # every HTML page written, index.html first


def headline(totals: RunTotals) -> str:
    """The run in one sentence: the papers a reader cannot trust, and the days that failed or are empty."""

    def many(n: int, one: str, more: str) -> str:
        return f"{n} {one if n == 1 else more}"

    s = totals.statuses
    if totals.papers and not totals.untrusted:
        text = (f"Every one of the {totals.papers} papers has a summary without an error; "
                f"{many(s[Status.warning], 'has', 'have')} a warning.")
    else:
        text = (f"{totals.untrusted} of {totals.papers} papers ({100 * totals.untrusted_share:.1f}%) have no summary "
                f"a reader can trust: {s[Status.error]} with an error, {s[Status.not_summarised]} not summarised, "
                f"{s[Status.dropped]} dropped; {many(s[Status.warning], 'more has', 'more have')} a warning.")
    if totals.failed_digests:
        text += f" {many(totals.failed_digests, 'digest', 'digests')} failed outright (score ≤ 10)."
    if totals.empty_digests:
        text += f" {many(totals.empty_digests, 'digest has', 'digests have')} no papers and no score."
    return text


def report_json(report: AuditReport, views: list[DigestView]) -> str:
    payload = json.loads(report.model_dump_json())
    totals = run_totals(views)
    payload["scores"] = {
        "formula": FORMULA,
        "run": {"score": totals.score, "papers": totals.papers, "untrusted": totals.untrusted,
                "statuses": {s.value: totals.statuses[s] for s in STATUS_ORDER},
                "failed_digests": totals.failed_digests, "empty_digests": totals.empty_digests,
                "headline": headline(totals)},
        "digests": [
            {"path": v.report.path, "date": v.report.date, "series": v.series, "score": v.score,
             "statuses": {s.value: n for s, n in v.statuses.items()},
             "papers": {p.report.arxiv_id: p.score for p in v.papers}}
            for v in views
        ],
        "trend": {name: [{"date": d, "score": s} for d, s in points] for name, points in trend(views).items()},
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def write_report(report: AuditReport, views: list[DigestView], out: Path, detail_limit: int = 150,
                 split_above: int = SPLIT_ABOVE) -> WrittenReport:
    """Write index.html (plus digests/*.html when the run has more than ``split_above`` papers), report.md
    and report.json into ``out`` (created when missing)."""
    from checker.render.markdown import render_markdown
    from checker.render.report.html import render_digest, render_html

    out.mkdir(parents=True, exist_ok=True)
    split = sum(len(v.papers) for v in views) > split_above
    pages = [out / "index.html"]
    pages[0].write_text(render_html(report, views, detail_limit=detail_limit, split=split), encoding="utf-8")
    if split:
        (out / "digests").mkdir(exist_ok=True)
        for view in views:
            page = out / view.page
            page.write_text(render_digest(report, view, detail_limit=detail_limit), encoding="utf-8")
            pages.append(page)
    scores = {v.report.path: v.score for v in views if v.score is not None}
    (out / "report.md").write_text(
        render_markdown(report, title="digest-check report", scores=scores,
                        notes=[headline(run_totals(views)), f"Score: {FORMULA}."], max_bytes=5 * 1024 * 1024),
        encoding="utf-8")
    (out / "report.json").write_text(report_json(report, views), encoding="utf-8")
    return WrittenReport(out, report, views, pages)


__all__ = ["SPLIT_ABOVE", "DigestView", "WrittenReport", "collect", "headline", "report_json", "write_report"]
