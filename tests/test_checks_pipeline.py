"""Digest-wide rules: duplicate records reported once, papers the pipeline dropped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import DW, MY

from checker.engine.audit import AuditOptions, audit_source
from checker.model import DigestReport
from checker.read.source import open_source
from checker.rules.registry import all_rules, select_rules

FixturePath = Callable[[str], Path]


@pytest.fixture
def j2(fixture_path: FixturePath) -> Path:
    return fixture_path(f"j2/{DW}2025-03-19_AI_enhanced_Chinese.jsonl")


@pytest.fixture
def m2(fixture_path: FixturePath) -> Path:
    return fixture_path("m2/zzhaozeng__daily-arXiv-ai-enhanced__2025-03-19.md")


def _audit(path: Path, rules: list[str] | None = None) -> DigestReport:
    options = AuditOptions(rules=select_rules(rules, None) if rules else all_rules(), jobs=1)
    return audit_source(open_source(path), options)


def test_duplicate_records_are_one_finding_on_the_first_record(j2: Path, m2: Path) -> None:
    for path in (j2, m2):
        report = _audit(path)
        assert report.papers_total == 3  # 2503.13531 three times, 2503.13756, 2503.13906
        assert [p.arxiv_id for p in report.papers] == ["2503.13531", "2503.13756", "2503.13906"]
        duplicates = [(p.arxiv_id, f) for p in report.papers for f in p.findings if f.rule == "F105"]
        assert len(duplicates) == 1
        arxiv_id, finding = duplicates[0]
        assert arxiv_id == "2503.13531"
        assert finding.severity.value == "warning"  # the repeats carry different summaries
        assert "repeated 2x with a different summary" in finding.message
        assert finding.line == report.papers[0].line


def test_identical_duplicate_is_info(tmp_path: Path, j2: Path) -> None:
    line = j2.read_text(encoding="utf-8").splitlines(keepends=True)[4]
    path = tmp_path / j2.name
    path.write_text(line + line, encoding="utf-8")
    report = _audit(path, ["F105"])
    findings = [f for p in report.papers for f in p.findings]
    assert [(f.severity.value, f.message) for f in findings] == [("info", "record repeated 1x (also at line 2)")]


def test_dropped_papers_come_from_the_raw_crawl_beside(fixture_path: FixturePath) -> None:
    report = _audit(fixture_path(f"dropped/{MY}2026-02-25_AI_enhanced_Chinese.jsonl"), ["O101"])
    assert report.papers_total == 3 and report.papers_dropped == 2
    dropped = [p for p in report.papers if p.dropped]
    assert [p.arxiv_id for p in dropped] == ["2602.20162", "2602.20328"]
    assert all(p.title for p in dropped)  # the raw crawl's title is shown
    assert [p.index for p in dropped] == [None, None]


def test_no_raw_crawl_no_dropped_finding(fixture_path: FixturePath) -> None:
    report = _audit(fixture_path(f"j1b/{MY}2026-02-25_AI_enhanced_Chinese.jsonl"), ["O101"])
    assert report.papers_dropped == 0
    assert [f for p in report.papers for f in p.findings] == []


def test_whole_day_lost(digests_dir: Path) -> None:
    report = _audit(digests_dir / "day-2026-02-24" / f"{MY}2026-02-24_AI_enhanced_Chinese.jsonl")
    assert report.papers_total == 0
    assert report.papers_dropped == 5
    assert [p.code for p in report.problems] == ["no-papers"]
