"""GitHub Actions output: annotation escaping, per-level caps, ordering, and the job summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli.app import app
from checker.model import AuditReport, Category, DigestReport, Finding, PaperReport, Severity, summarize
from checker.render.github import annotation, escape_data, escape_property, render_github
from checker.render.markdown import JOB_SUMMARY_LIMIT, append_job_summary, escape_cell, render_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "ci"
DIGEST = FIXTURES / "2026-05-21_AI_enhanced_Chinese.jsonl"
ANNOTATION = re.compile(r"^::(error|warning|notice) file=([^,:]+)(?:,line=(\d+))?,title=([^:]*)::(.*)$")


def _finding(rule: str, severity: Severity, message: str = "m", span: str | None = None, line: int = 3) -> Finding:
    return Finding(rule=rule, name="some-rule", category=Category.format, severity=severity, block="tldr",
                   message=message, summary_span=span, line=line)


def _report(findings: list[Finding], path: str = "data/2026-05-21_AI_enhanced_Chinese.jsonl") -> AuditReport:
    papers = [PaperReport(arxiv_id=f"2605.{20000 + i}", findings=[f]) for i, f in enumerate(findings)]
    report = AuditReport(digests=[DigestReport(path=path, format="jsonl", language="zh", papers=papers,
                                               papers_total=len(papers))])
    report.summary = summarize(report)
    return report


def test_escaping_follows_actions_toolkit() -> None:
    assert escape_data("50% drop\r\nnext") == "50%25 drop%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_annotation_escapes_title_and_message(tmp_path: Path) -> None:
    f = _finding("N101", Severity.error, message="number 93,18% not in abstract: check", span="93.18%\n下一行")
    line = annotation(str(tmp_path / "d.jsonl"), "2509.10546", f, root=tmp_path)
    assert line.startswith("::error file=d.jsonl,line=3,title=N101 some-rule 2509.10546 [tldr]::")
    message = line.split("::", 2)[2]
    assert "\n" not in message and "%0Asummary%3A" not in message  # data keeps ':' and ','
    assert message == "number 93,18%25 not in abstract: check%0Asummary: 93.18%25%0A下一行"


def test_at_most_ten_per_level_most_severe_first() -> None:
    findings = [_finding("F103", Severity.error, line=i + 1) for i in range(14)]
    findings += [_finding("F104", Severity.info, line=i + 1) for i in range(3)]
    findings += [_finding("F201", Severity.warning, line=i + 1) for i in range(12)]
    lines = render_github(_report(findings)).splitlines()
    levels = [m.group(1) for line in lines if (m := ANNOTATION.match(line))]
    assert levels == ["error"] * 10 + ["warning"] * 10 + ["notice"] * 3
    assert "29 finding(s)" in lines[-1] and "23 shown as annotations" in lines[-1]
    assert "the rest are in the job summary" in lines[-1]


def test_markdown_cells_are_escaped() -> None:
    cell = escape_cell("a | b <script>alert(1)</script> *x* [l](javascript:x)\nnext")
    assert "<" not in cell and "\n" not in cell
    assert r"\|" in cell and r"\*x\*" in cell and r"\[l\]" in cell


def test_summary_stays_under_its_budget() -> None:
    findings = [_finding("F201", Severity.warning, message="长" * 150, line=i + 1) for i in range(400)]
    text = render_markdown(_report(findings), max_bytes=20_000)
    assert len(text.encode("utf-8")) <= 20_000
    assert re.search(r"_\d+ more finding\(s\) not shown", text)


def test_append_job_summary_respects_the_file_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "summary.md"
    target.write_bytes(b"x" * (JOB_SUMMARY_LIMIT - 100))
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    assert append_job_summary("line one\n" + "y" * 500 + "\n")
    data = target.read_bytes()
    assert len(data) < JOB_SUMMARY_LIMIT and data.endswith(b"line one\n")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    assert not append_job_summary("anything")


def test_cli_under_actions_annotates_and_writes_the_summary(tmp_path: Path) -> None:
    summary = tmp_path / "step-summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_WORKSPACE": str(FIXTURES)}
    result = CliRunner().invoke(app, ["audit", str(DIGEST), "--select", "F103"], env=env)
    assert result.exit_code == 1, result.output
    annotations = [m for line in result.stdout.splitlines() if (m := ANNOTATION.match(line))]
    assert len(annotations) == 5
    first = annotations[0]
    assert first.group(1) == "error"
    assert first.group(2) == DIGEST.name  # relative to GITHUB_WORKSPACE
    assert first.group(3) == "1"
    assert first.group(4).startswith("F103 paper-not-summarized 2605.20209")
    text = summary.read_text(encoding="utf-8")
    assert "## digest-check" in text and "| 🔴 error |" in text and "2605.20764" in text


def test_exit_zero_keeps_annotations(tmp_path: Path) -> None:
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(tmp_path / "s.md")}
    result = CliRunner().invoke(app, ["audit", str(DIGEST), "--exit-zero", "--select", "F103"], env=env)
    assert result.exit_code == 0
    assert result.stdout.count("::error ") == 5
