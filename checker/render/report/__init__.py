"""Quality reports: ``digest-check report PATH... --out DIR`` writes index.html, report.md and report.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from checker.model import AuditReport
from checker.render.report.collect import DigestView, collect, trend
from checker.render.report.score import FORMULA


@dataclass(frozen=True)
class WrittenReport:
    folder: Path
    report: AuditReport
    views: list[DigestView]


def report_json(report: AuditReport, views: list[DigestView]) -> str:
    payload = json.loads(report.model_dump_json())
    payload["scores"] = {
        "formula": FORMULA,
        "digests": [
            {"path": v.report.path, "date": v.report.date, "series": v.series, "score": v.score,
             "papers": {p.report.arxiv_id: p.score for p in v.papers}}
            for v in views
        ],
        "trend": {name: [{"date": d, "score": s} for d, s in points] for name, points in trend(views).items()},
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def write_report(report: AuditReport, views: list[DigestView], out: Path, detail_limit: int = 150) -> WrittenReport:
    """Write the three files into ``out`` (created when missing)."""
    from checker.render.markdown import render_markdown
    from checker.render.report.html import render_html

    out.mkdir(parents=True, exist_ok=True)
    scores = {v.report.path: v.score for v in views}
    (out / "index.html").write_text(render_html(report, views, detail_limit=detail_limit), encoding="utf-8")
    (out / "report.md").write_text(
        render_markdown(report, title="digest-check report", scores=scores, notes=[f"Score: {FORMULA}."],
                        max_bytes=5 * 1024 * 1024), encoding="utf-8")
    (out / "report.json").write_text(report_json(report, views), encoding="utf-8")
    return WrittenReport(out, report, views)


__all__ = ["DigestView", "WrittenReport", "collect", "write_report"]
