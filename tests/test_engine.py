"""The engine: findings located on the right line, papers counted once, stable order, parallel = sequential."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import DW, XM

import checker.engine.audit as engine
from checker.engine.audit import AuditOptions, audit_source, check_paper, hit_line
from checker.model import finding_sort_key
from checker.read import read_digest
from checker.read.source import open_source
from checker.rules.registry import Hit, all_rules

FixturePath = Callable[[str], Path]


@pytest.fixture
def m3(fixture_path: FixturePath) -> Path:
    return fixture_path(f"day-2025-06-23/{XM}2025-06-23.md")


@pytest.fixture
def j2(fixture_path: FixturePath) -> Path:
    return fixture_path(f"j2/{DW}2025-03-19_AI_enhanced_Chinese.jsonl")


def test_hit_line_points_into_a_multiline_block(m3: Path) -> None:
    paper = next(p for p in read_digest(m3).papers if p.arxiv_id == "2506.16257")
    block = paper.block("tldr")
    assert block.line is not None and "\n" in (block.text or "")
    second_line = (block.text or "").split("\n")[1]
    assert hit_line(paper, Hit(message="x", block="tldr", summary_span=second_line[:10])) == block.line + 1
    assert hit_line(paper, Hit(message="x", block="tldr")) == block.line
    assert hit_line(paper, Hit(message="x")) == paper.line
    assert hit_line(paper, Hit(message="x", line=7)) == 7


def test_check_paper_returns_sorted_findings(j2: Path) -> None:
    paper = next(p for p in read_digest(j2).papers if p.arxiv_id == "2503.13906")
    findings = check_paper(paper, "zh", all_rules())
    assert findings
    assert findings == sorted(findings, key=finding_sort_key)


def test_index_is_the_record_position_like_the_markdown_of_the_day(j2: Path,
                                                                   fixture_path: FixturePath) -> None:
    """Repeated records are reported once; the index stays the record's position (what M2 shows too)."""
    report = audit_source(open_source(j2), AuditOptions(rules=all_rules(), jobs=1))
    assert [(p.arxiv_id, p.index, p.line) for p in report.papers] == [
        ("2503.13531", 1, 1), ("2503.13756", 4, 4), ("2503.13906", 5, 5)]
    markdown = read_digest(fixture_path("m2/zzhaozeng__daily-arXiv-ai-enhanced__2025-03-19.md")).papers
    assert [(p.arxiv_id, p.index) for p in markdown][3:] == [("2503.13756", 4), ("2503.13906", 5)]


def test_every_paper_appears_even_when_clean(fixture_path: FixturePath) -> None:
    report = audit_source(open_source(fixture_path(f"j1/{DW}2025-09-16_AI_enhanced_Chinese.jsonl")),
                          AuditOptions(rules=[r for r in all_rules() if r.id == "F302"], jobs=1))
    assert [(p.arxiv_id, len(p.findings)) for p in report.papers] == [
        ("2509.10599", 0), ("2509.10541", 0), ("2509.11090", 0), ("2509.11570", 1)]


def test_parallel_workers_give_the_same_report(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                               fixture_path: FixturePath) -> None:
    source_path = fixture_path(f"j1/{DW}2025-09-16_AI_enhanced_Chinese.jsonl")
    big = tmp_path / source_path.name
    big.write_text(source_path.read_text(encoding="utf-8") * 3, encoding="utf-8")
    sequential = audit_source(open_source(big), AuditOptions(rules=all_rules(), jobs=1))
    monkeypatch.setattr(engine, "PARALLEL_MIN_BYTES", 0)
    parallel = audit_source(open_source(big), AuditOptions(rules=all_rules(), jobs=2))
    assert parallel.model_dump() == sequential.model_dump()
    assert sequential.papers_total == 4


def test_many_small_digests_shared_out_to_workers_give_the_same_report(monkeypatch: pytest.MonkeyPatch,
                                                                       fixture_path: FixturePath) -> None:
    """A folder of daily files (here real days in Markdown and JSONL, with a raw crawl and a bad file) is
    checked a file at a time by worker processes: same report, same order, same problems as one process."""
    from checker.read import discover_sources

    paths = [str(fixture_path(name)) for name in ("day-2025-06-06", "day-2025-06-23", "day-2026-02-24", "j1",
                                                   "j2", "m2", "lang")]
    def run(jobs: int) -> str:
        sources = discover_sources(paths).sources
        return engine.audit(sources, AuditOptions(rules=all_rules(), jobs=jobs)).model_dump_json()

    sequential = run(1)
    monkeypatch.setattr(engine, "PARALLEL_FILES_MIN_BYTES", 0)
    in_parent: list[str] = []  # what workers audit is counted in their own copy of this list, not here
    real_audit_source = engine.audit_source
    monkeypatch.setattr(engine, "audit_source", lambda source, options: (
        in_parent.append(source.path.name), real_audit_source(source, options))[1])
    ticks: list[None] = []
    sources = discover_sources(paths).sources
    parallel = engine.audit(sources, AuditOptions(rules=all_rules(), jobs=2, on_paper=lambda: ticks.append(None)))
    assert parallel.model_dump_json() == sequential
    readable = [s.path.name for s in sources if s.format.value != "unknown"]
    assert len(readable) >= 5 and not set(readable) & set(in_parent)
    assert len(ticks) == sum(len(d.papers) for d in parallel.digests)
