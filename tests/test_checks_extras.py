"""F306: the extra AI fields of the extended schema (translations), on real records of xmkxabc 2025-06-23."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import XM

from checker.engine.audit import check_paper
from checker.read import read_digest
from checker.rules.registry import select_rules

RULES = select_rules(["F306"], None)


@pytest.fixture
def j3(fixture_path: Callable[[str], Path]) -> Path:
    return fixture_path(f"day-2025-06-23/{XM}2025-06-23_AI_enhanced_Chinese.jsonl")


def _messages(path: Path) -> dict[str, list[str]]:
    digest = read_digest(path)
    return {p.arxiv_id: [f.message for f in check_paper(p, "zh", RULES)] for p in digest.papers}


def test_korean_translation_and_broken_latex_are_found_at_paper_level(j3: Path) -> None:
    messages = _messages(j3)
    assert messages["2506.16640"] == ["abstract translation (摘要翻译) is in Korean, expected Chinese"]
    assert any("control character \\x08" in m for m in messages["2506.15718"])


def test_correct_chinese_translations_stay_quiet(j3: Path) -> None:
    messages = _messages(j3)
    quiet = [arxiv_id for arxiv_id, found in messages.items() if not found]
    assert "2506.16257" in quiet  # Chinese translation with LaTeX and English names
    assert len(quiet) == len(messages) - 2


def test_findings_carry_no_block(j3: Path) -> None:
    paper = next(p for p in read_digest(j3).papers if p.arxiv_id == "2506.16640")
    findings = check_paper(paper, "zh", RULES)
    assert [f.block for f in findings] == [None]
    assert findings[0].summary_span and "Transformer 기반" in findings[0].summary_span
