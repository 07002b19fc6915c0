"""The JSON report is exactly what the standard library would write, whatever the text holds."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from checker.engine.audit import AuditOptions, audit
from checker.model import AuditReport, Category, DigestReport, Finding, PaperReport, Severity
from checker.read.discover import discover_sources
from checker.render.json_report import render_json, to_dict
from checker.rules.registry import all_rules


def test_render_json_matches_the_standard_library_on_a_real_digest(
        fixture_path: Callable[[str], Path]) -> None:
    sources = discover_sources([str(fixture_path("j1")), str(fixture_path("day-2025-06-23"))]).sources
    report = audit(sources, AuditOptions(rules=all_rules()))
    assert sum(len(d.findings()) for d in report.digests) >= 5
    expected = json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"
    assert render_json(report) == expected


def test_render_json_escapes_control_characters_and_keeps_chinese() -> None:
    finding = Finding(rule="F303", name="broken-text", category=Category.format, severity=Severity.warning,
                      message="x", block="method", summary_span="\x0crac{1}{2} 中文 \x00 \"q\" \\ </script>",
                      line=3, confidence=0.85)
    report = AuditReport(digests=[DigestReport(path="d.jsonl", format="jsonl", language="zh",
                                               papers=[PaperReport(arxiv_id="2506.00001", findings=[finding])])])
    text = render_json(report)
    assert text == json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"
    assert "中文" in text and "\\f" in text and "\\u0000" in text
    assert json.loads(text)["digests"][0]["papers"][0]["findings"][0]["summary_span"] == finding.summary_span
