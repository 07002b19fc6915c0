"""The JSON contract of ``audit --format json`` (documented in the README)."""

from __future__ import annotations

import json

from checker.results import AuditReport


def to_dict(report: AuditReport) -> dict[str, object]:
    return report.model_dump(mode="json")


def render_json(report: AuditReport) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"
