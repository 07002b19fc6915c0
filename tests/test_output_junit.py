"""JUnit XML: the structure GitLab's unit-test report reads, parsed back with xml.etree."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from typer.testing import CliRunner

from checker.cli.app import app
from checker.model import AuditReport, Category, DigestReport, Finding, PaperReport, Severity, summarize
from checker.render.junit import render_junit

DIGESTS = Path(__file__).parent / "fixtures" / "ci"


def test_suite_per_digest_case_per_paper_failure_per_finding() -> None:
    result = CliRunner().invoke(app, ["audit", str(DIGESTS), "--format", "junit", "--select", "F103,F104,F202,F302"])
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [Path(s.get("name", "")).name for s in suites] == ["2025-09-16_AI_enhanced_Chinese.jsonl",
                                                               "2026-05-21_AI_enhanced_Chinese.jsonl"]
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "-1")) == len(cases)
        assert int(suite.get("failures", "-1")) == sum(1 for c in cases if c.find("failure") is not None)
        names = [c.get("name") for c in cases]
        assert len(names) == len(set(names))  # GitLab keeps only the first of duplicate names
        for case in cases:
            assert case.get("classname") and case.get("file") and case.get("time") is not None
    may = suites[1]
    assert int(may.get("tests", "0")) == 12 and int(may.get("failures", "0")) == 5
    failed = [c for c in may.findall("testcase") if c.find("failure") is not None]
    assert failed[0].get("name", "").startswith("[1] 2605.20209 NaP-Control")
    failure = failed[0].find("failure")
    assert failure is not None and failure.get("type") == "error F103 paper-not-summarized"
    assert "Summary generation failed" in (failure.text or "")
    assert int(root.get("tests", "0")) == 27 and int(root.get("failures", "0")) == 8  # 2509.10644: no F104


def test_control_characters_and_markup_survive_as_text() -> None:
    finding = Finding(rule="F201", name="wrong-language", category=Category.format, severity=Severity.warning,
                      block="method", message="odd <b>&</b> text", summary_span="坏\x00字\x1b[31m", line=2)
    report = AuditReport(digests=[DigestReport(path="d.jsonl", format="jsonl", language="zh",
                                               papers=[PaperReport(arxiv_id="2509.1", findings=[finding])])])
    report.summary = summarize(report)
    root = ET.fromstring(render_junit(report).encode("utf-8"))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert "odd <b>&</b> text" in failure.get("message", "")
    assert "坏\\x00字\\x1b[31m" in (failure.text or "")


def test_input_problems_are_errors(tmp_path: Path) -> None:
    empty = tmp_path / "2026-02-24_AI_enhanced_Chinese.jsonl"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(empty), "--format", "junit"])
    assert result.exit_code == 1  # an empty digest is an error-level input problem
    root = ET.fromstring(result.stdout.encode("utf-8"))
    error = root.find("testsuite/testcase/error")
    assert error is not None and error.get("type") == "no-papers"
    assert root.find("testsuite").get("errors") == "1"  # type: ignore[union-attr]
