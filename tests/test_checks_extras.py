"""F306: the extra AI fields of the extended schema (translations), on real records of xmkxabc 2025-06-23."""

from __future__ import annotations

from conftest import XM, fixture

from checker.engine.audit import check_paper
from checker.read import read_digest
from checker.rules.registry import select_rules

J3 = fixture(f"day-2025-06-23/{XM}2025-06-23_AI_enhanced_Chinese.jsonl")
RULES = select_rules(["F306"], None)


def _messages() -> dict[str, list[str]]:
    digest = read_digest(J3)
    return {p.arxiv_id: [f.message for f in check_paper(p, "zh", RULES)] for p in digest.papers}


def test_korean_translation_and_broken_latex_are_found_at_paper_level() -> None:
    messages = _messages()
    assert messages["2506.16640"] == ["abstract translation (摘要翻译) is in Korean, expected Chinese"]
    assert any("control character \\x08" in m for m in messages["2506.15718"])


def test_correct_chinese_translations_stay_quiet() -> None:
    messages = _messages()
    quiet = [arxiv_id for arxiv_id, found in messages.items() if not found]
    assert "2506.16257" in quiet  # Chinese translation with LaTeX and English names
    assert len(quiet) == len(messages) - 2


def test_findings_carry_no_block() -> None:
    paper = next(p for p in read_digest(J3).papers if p.arxiv_id == "2506.16640")
    findings = check_paper(paper, "zh", RULES)
    assert [f.block for f in findings] == [None]
    assert findings[0].summary_span and "Transformer 기반" in findings[0].summary_span
