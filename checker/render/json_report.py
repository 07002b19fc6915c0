"""The JSON contract of ``audit --format json`` (documented in the README)."""

from __future__ import annotations

from checker.model import AuditReport


def to_dict(report: AuditReport) -> dict[str, object]:
    return report.model_dump(mode="json")


def render_json(report: AuditReport) -> str:
    # pydantic's serializer writes the same text as json.dumps(indent=2, ensure_ascii=False), ten times faster.
    return report.model_dump_json(indent=2) + "\n"
