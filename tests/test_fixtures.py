"""The shared fixtures of tests/conftest.py read what they say they read: the tests that lean on them would
otherwise pass on the wrong papers, or on none."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import DW

from checker.model import Paper

pytestmark = pytest.mark.papers("examples/seed-digest.md", "tests/fixtures/claims_papers.jsonl")


def test_papers_reads_every_file_of_the_marker_and_the_later_file_wins(papers: dict[str, Paper]) -> None:
    # the seed digest holds 88 papers, the corpus file 42, 11 of them also in the seed
    assert len(papers) == 88 + 42 - 11
    assert all(p.abstract for p in papers.values())
    assert papers["2503.13724"].line is not None  # a paper of the corpus file only
    # a paper of both is the corpus file's: its record is on line 32 there, its heading on line 176 of the seed
    assert papers["2512.20812"].line == 32


def test_papers_from_reads_in_the_order_given(papers_from: Callable[..., dict[str, Paper]]) -> None:
    seed_last = papers_from("tests/fixtures/claims_papers.jsonl", "examples/seed-digest.md")
    assert len(seed_last) == 119 and seed_last["2512.20812"].line == 176
    with pytest.raises(AssertionError, match="missing fixture"):
        papers_from("tests/fixtures/no-such-file.jsonl")


def test_real_paper_is_the_paper_of_that_id(real_paper: Callable[[str, str], Paper]) -> None:
    paper = real_paper(f"j1/{DW}2025-09-16_AI_enhanced_Chinese.jsonl", "2509.11570")
    assert paper.arxiv_id == "2509.11570" and paper.block_text("tldr") == "单个单词的摘要"
    with pytest.raises(AssertionError, match="no paper 0000.00000"):
        real_paper(f"j1/{DW}2025-09-16_AI_enhanced_Chinese.jsonl", "0000.00000")


def test_make_paper_builds_a_record_with_blocks_replaced(
        corpus_records: Callable[[str], dict[str, dict[str, Any]]], make_paper: Callable[..., Paper]) -> None:
    records = corpus_records("numbers_papers.jsonl")
    record = records["2602.10137"]
    paper = make_paper(record, result="提升5%")
    assert (paper.arxiv_id, paper.title, paper.abstract) == (record["id"], record["title"], record["summary"])
    assert paper.block_text("result") == "提升5%"
    assert paper.block_text("tldr") == record["AI"]["tldr"]


def test_fixture_path_fails_on_a_missing_file(fixture_path: Callable[[str], Path]) -> None:
    assert fixture_path("j1").is_dir()
    with pytest.raises(AssertionError, match="missing fixture"):
        fixture_path("j1/no-such-digest.jsonl")
