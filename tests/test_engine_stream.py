"""The audit streams: each digest handed on whole (header, then its papers once), the same report whether a
digest's papers wait in memory or on disk, in one process or in chunks, and nothing of a digest kept after it."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import DW, MY

import checker.engine.audit as engine
from checker.engine.audit import AuditOptions, audit_source, audit_stream
from checker.model import PaperReport
from checker.read import discover_sources
from checker.read.source import open_source
from checker.rules.registry import all_rules

FixturePath = Callable[[str], Path]
# Digest rules at work: repeated records (F105), papers the pipeline dropped (O101, from the raw crawl
# beside), misattached summaries across a digest (C109), and a Markdown day.
DAYS = [f"j2/{DW}2025-03-19_AI_enhanced_Chinese.jsonl", f"dropped/{MY}2026-02-25_AI_enhanced_Chinese.jsonl",
        f"j1/{DW}2025-09-16_AI_enhanced_Chinese.jsonl", "day-2025-06-23", "day-2026-05-21"]


@pytest.fixture
def paths(fixture_path: FixturePath) -> list[str]:
    return [str(fixture_path(day)) for day in DAYS]


def _dump(paths: list[str], **options: Any) -> list[dict[str, Any]]:
    sources = discover_sources(paths).sources
    digests = []
    for header, papers in audit_stream(sources, AuditOptions(rules=all_rules(), **options)):
        assert header.papers == []  # the header comes first, without its papers
        header.papers = list(papers)
        digests.append(header.model_dump())
    return digests


def test_papers_waiting_on_disk_give_the_same_report(paths: list[str]) -> None:
    in_memory = _dump(paths, jobs=1)
    assert sum(len(d["papers"]) for d in in_memory) >= 20
    assert any(p["dropped"] for d in in_memory for p in d["papers"])
    assert any(f["rule"] == "F105" for d in in_memory for p in d["papers"]
               for f in p["findings"])
    assert _dump(paths, jobs=1, spool_above=3) == in_memory


def test_chunks_in_worker_processes_give_the_same_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         fixture_path: FixturePath) -> None:
    """A big JSONL file checked in many small chunks, a few in flight at a time, papers spooled to disk."""
    source = fixture_path(f"j2/{DW}2025-03-19_AI_enhanced_Chinese.jsonl")
    big = tmp_path / source.name
    big.write_text(source.read_text(encoding="utf-8") * 8, encoding="utf-8")
    sequential = audit_source(open_source(big), AuditOptions(rules=all_rules(), jobs=1))
    monkeypatch.setattr(engine, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(engine, "CHUNK_BYTES", 2_000)  # dozens of chunks, more than the window in flight
    parallel = audit_source(open_source(big), AuditOptions(rules=all_rules(), jobs=2, spool_above=2))
    assert parallel.model_dump() == sequential.model_dump()
    assert any(f.rule == "F105" for p in parallel.papers for f in p.findings)


def test_many_files_in_workers_come_back_in_order(paths: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    sequential = _dump(paths, jobs=1)
    monkeypatch.setattr(engine, "PARALLEL_FILES_MIN_BYTES", 0)
    ticks: list[None] = []
    assert _dump(paths, jobs=2, on_paper=lambda: ticks.append(None)) == sequential
    assert len(ticks) == sum(len(d["papers"]) for d in sequential)


def test_nothing_of_a_digest_stays_once_it_is_handed_on(paths: list[str]) -> None:
    sources = discover_sources(paths).sources
    seen: list[weakref.ref[PaperReport]] = []
    stream = audit_stream(sources, AuditOptions(rules=all_rules(), jobs=1))
    for _, papers in stream:
        seen += [weakref.ref(paper) for paper in papers]
    del stream, papers
    gc.collect()
    assert seen and all(ref() is None for ref in seen)
