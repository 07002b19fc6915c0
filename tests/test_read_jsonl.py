"""The JSONL reader on real snippets of every JSONL schema: J1, J1b, J2 early, J3 extended, J4 raw crawl."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import DW, MY, XM

from checker.model import BLOCK_NAMES, DigestFormat, Paper
from checker.read import read_digest

FixturePath = Callable[[str], Path]


@pytest.fixture
def j1(fixture_path: FixturePath) -> Path:
    return fixture_path(f"j1/{DW}2025-09-16_AI_enhanced_Chinese.jsonl")


@pytest.fixture
def j1_feb(fixture_path: FixturePath) -> Path:
    return fixture_path(f"j1/{DW}2026-02-12_AI_enhanced_Chinese.jsonl")


@pytest.fixture
def j1b(fixture_path: FixturePath) -> Path:
    return fixture_path(f"j1b/{MY}2026-02-25_AI_enhanced_Chinese.jsonl")


@pytest.fixture
def j2(fixture_path: FixturePath) -> Path:
    return fixture_path(f"j2/{DW}2025-03-19_AI_enhanced_Chinese.jsonl")


@pytest.fixture
def j3(fixture_path: FixturePath) -> Path:
    return fixture_path(f"day-2025-06-23/{XM}2025-06-23_AI_enhanced_Chinese.jsonl")


@pytest.fixture
def j1_nulls(fixture_path: FixturePath) -> Path:
    return fixture_path(f"day-2025-06-06/{XM}2025-06-06_AI_enhanced_Chinese.jsonl")


@pytest.fixture
def j4_raw(fixture_path: FixturePath) -> Path:
    return fixture_path(f"day-2026-02-24/{MY}2026-02-24.jsonl")


def _by_id(path: object) -> dict[str, Paper]:
    digest = read_digest(str(path))
    return {p.arxiv_id: p for p in digest.papers}


def test_j1_reads_every_record_with_ids_index_title_and_lines(j1: Path) -> None:
    digest = read_digest(j1)
    assert digest.format is DigestFormat.jsonl
    assert digest.language == "zh"
    assert digest.date == "2025-09-16"
    assert [p.arxiv_id for p in digest.papers] == ["2509.10599", "2509.10541", "2509.11090", "2509.11570"]
    assert [p.index for p in digest.papers] == [1, 2, 3, 4]
    assert [p.line for p in digest.papers] == [1, 2, 3, 4]
    paper = digest.papers[2]
    assert paper.title == "End-to-End Visual Autonomous Parking via Control-Aided Attention"
    # every block of a JSONL record points at the record's line
    assert {paper.block(name).line for name in BLOCK_NAMES} == {3}
    assert digest.problems == []


def test_j1_decodes_unicode_escapes_and_keeps_hard_wrapped_abstract(j1: Path) -> None:
    papers = read_digest(j1).papers
    echo = papers[3]
    assert echo.block_text("tldr") == "单个单词的摘要"  # written as \u5355\u4e2a... in the file
    raw = j1.read_text(encoding="utf-8").splitlines()[3]
    assert "\\u5355\\u4e2a" in raw
    # upstream 2025-09 abstracts keep the arXiv API's hard wraps: the reader keeps the text intact
    parking = papers[2]
    assert parking.abstract is not None
    assert parking.abstract.startswith("Precise parking requires an end-to-end system where perception adaptively\n")
    assert parking.abstract.count("\n") == 22


def test_j1_english_tldr_and_truncated_abstract_are_read_verbatim(j1_feb: Path) -> None:
    papers = _by_id(j1_feb)
    english = papers["2602.10485"]
    assert english.block_text("tldr").startswith("LLMs can generate QNP abstractions")
    truncated = papers["2602.10967"]
    assert truncated.abstract is not None
    assert truncated.abstract.endswith("how advanced models enhan")


def test_j1b_code_url_records_read_like_j1(j1b: Path) -> None:
    digest = read_digest(j1b)
    assert len(digest.papers) == 4
    record = json.loads(j1b.read_text(encoding="utf-8").splitlines()[2])
    assert "code_url" in record  # the fixture really is J1b
    assert digest.papers[2].arxiv_id == record["id"]
    assert digest.papers[2].block_text("method") == record["AI"]["method"]
    english = digest.papers[3]
    assert english.arxiv_id == "2602.20528"
    assert english.block_text("motivation").startswith("To overcome the limitations")


def test_j2_early_schema_task_becomes_tldr_and_duplicates_are_kept_for_the_engine(j2: Path) -> None:
    digest = read_digest(j2)
    assert [p.arxiv_id for p in digest.papers] == ["2503.13531"] * 3 + ["2503.13756", "2503.13906"]
    copied = digest.papers[4]
    assert copied.block_text("tldr").startswith("提出了一种新的高分辨率高光谱显著目标检测网络")
    assert copied.block_text("motivation").startswith("RGB-based methods face limitations")
    failed = digest.papers[3]
    assert [failed.block_text(n) for n in BLOCK_NAMES] == ["Error"] * 5


def test_j3_extended_schema_keeps_extra_fields_and_multiline_blocks(j3: Path) -> None:
    papers = _by_id(j3)
    assert len(papers) == 5
    cigre = papers["2506.16257"]
    # j3: record "summary" is the English abstract, AI.summary the Chinese one (kept apart)
    assert cigre.abstract is not None
    assert cigre.abstract.startswith("This paper presents a detailed small-signal")
    assert cigre.extra["summary"].startswith("本文对Cigr")
    assert set(cigre.extra) == {"title_translation", "translation", "summary", "keywords", "comments"}
    assert "\n" in cigre.block_text("tldr")  # multi-line field, kept whole
    korean = papers["2506.16640"]
    assert korean.extra["translation"].startswith("Transformer 기반")
    # double-escaped LaTeX is kept as written
    assert "$\\\\alpha$" in korean.block_text("method")


def test_j3_control_characters_from_broken_latex_are_kept(j3: Path) -> None:
    building = _by_id(j3)["2506.15718"]
    # "\\bf \\times" arrived as backspace + "f", and tab + "imes"
    assert "$\x08f \times$" in building.extra["translation"]


def test_literal_none_and_null_become_missing_blocks(j1_nulls: Path) -> None:
    papers = _by_id(j1_nulls)
    assert papers["2506.04390"].block("conclusion").text is None
    failed = papers["2506.04487"]
    assert failed.block_text("tldr") == "Error: Failed to generate summary."
    assert [failed.block(n).text for n in BLOCK_NAMES[1:]] == [None] * 4
    assert papers["2506.04610"].block_text("result") == "无"


def test_raw_crawl_is_detected_and_yields_no_papers(j4_raw: Path) -> None:
    digest = read_digest(j4_raw)
    assert digest.format is DigestFormat.jsonl_raw
    assert digest.papers == []
    assert [p.code for p in digest.problems] == ["raw-crawl"]


def test_raw_crawl_ids_first_occurrence_wins(j4_raw: Path) -> None:
    from checker.read.jsonl import read_raw_ids

    problems: list[object] = []
    ids = read_raw_ids(j4_raw, problems.append)
    lines = j4_raw.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 6 and len({r["id"] for r in records}) == 5  # one real duplicate
    assert len(ids) == 5
    duplicate = records[-1]["id"]
    assert ids[duplicate][0] == 5  # the first of its two lines
    assert problems == []
