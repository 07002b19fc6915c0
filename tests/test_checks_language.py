"""Language rules: zero false alarms on the seed's 440 blocks, and the real wrong-language cases caught."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import DW, MY, XM

from checker.engine.audit import check_paper
from checker.model import BLOCK_NAMES, Finding, Paper
from checker.read import read_digest
from checker.rules.registry import all_rules

RULES = [r for r in all_rules() if r.scope == "paper"]
LANGUAGE_RULES = [r for r in RULES if r.id in ("F201", "F202", "F203")]
RealPaper = Callable[[str, str], Paper]
FixturePath = Callable[[str], Path]


def _language_findings(paper: Paper, language: str = "zh") -> list[Finding]:
    return check_paper(paper, language, LANGUAGE_RULES)


def test_zero_language_findings_on_the_seeds_440_blocks(seed_digest: Path) -> None:
    digest = read_digest(seed_digest)
    assert digest.language == "zh"
    blocks = [(p.arxiv_id, n) for p in digest.papers for n in BLOCK_NAMES if p.block_text(n)]
    assert len(digest.papers) == 88 and len(blocks) == 440
    false_alarms = [(p.arxiv_id, f.rule, f.block) for p in digest.papers for f in _language_findings(p)]
    assert false_alarms == []


def test_english_tldr_in_a_chinese_digest_2602_10485(real_paper: RealPaper) -> None:
    findings = _language_findings(real_paper(f"j1/{DW}2026-02-12_AI_enhanced_Chinese.jsonl", "2602.10485"))
    assert [(f.rule, f.block) for f in findings] == [("F201", "tldr")]
    assert findings[0].severity.value == "error"
    assert findings[0].message == "TL;DR is in English, expected Chinese"
    assert findings[0].summary_span is not None and findings[0].summary_span.startswith("LLMs can generate QNP")


def test_all_english_paper_2602_20528_is_flagged_on_every_block(real_paper: RealPaper) -> None:
    findings = _language_findings(real_paper(f"j1b/{MY}2026-02-25_AI_enhanced_Chinese.jsonl", "2602.20528"))
    assert sorted({f.block for f in findings if f.block}) == sorted(BLOCK_NAMES)
    assert {f.rule for f in findings} <= {"F201", "F202"}


@pytest.mark.parametrize("relative", [f"j2/{DW}2025-03-19_AI_enhanced_Chinese.jsonl",
                                      "m2/zzhaozeng__daily-arXiv-ai-enhanced__2025-03-19.md"])
def test_abstract_copied_in_english_2503_13906(relative: str, real_paper: RealPaper) -> None:
    findings = _language_findings(real_paper(relative, "2503.13906"))
    by_block = {(f.block, f.rule) for f in findings}
    assert ("motivation", "F202") in by_block and ("method", "F202") in by_block
    assert {b for b, _ in by_block} == {"motivation", "method", "result", "conclusion"}  # the task is Chinese
    copied = next(f for f in findings if f.block == "motivation" and f.rule == "F202")
    assert copied.abstract_span is not None and copied.abstract_span in (
        real_paper(relative, "2503.13906").abstract or "").replace("\n", " ")


def test_switch_to_english_mid_sentence_2509_11090(real_paper: RealPaper) -> None:
    paper = real_paper(f"j1/{DW}2025-09-16_AI_enhanced_Chinese.jsonl", "2509.11090")
    findings = _language_findings(paper)
    assert [f.block for f in findings] == ["result"]
    assert findings[0].summary_span is not None
    assert "consistently surpasses both the end-to-end learning baseline" in findings[0].summary_span


def test_switch_to_english_without_an_abstract_is_mixed_language(real_paper: RealPaper) -> None:
    """Where the English is not the abstract's (or there is no abstract), the switch itself is found."""
    paper = real_paper(f"j1/{DW}2025-09-16_AI_enhanced_Chinese.jsonl", "2509.11090").model_copy(
        update={"abstract": None})
    findings = _language_findings(paper)
    assert [(f.rule, f.block) for f in findings] == [("F203", "result")]
    assert findings[0].severity.value == "warning"


def test_chinese_sentence_around_english_names_is_not_wrong_language(real_paper: RealPaper) -> None:
    """xmkxabc 2025-06-06, 2506.05213: "LFS 在 Countdown 和 Sudoku 任务上优于 ... (MCTS)。" is Chinese."""
    paper = real_paper(f"lang/{XM}2025-06-06_AI_enhanced_Chinese.jsonl", "2506.05213")
    assert "Breadth First Search" in paper.block_text("result")
    assert _language_findings(paper) == []


@pytest.mark.parametrize(("relative", "language"), [
    ("ja/KAFKA2306__daily-arXiv-ai-enhanced__2025-11-20_AI_enhanced_Japanese.jsonl", "ja"),
    ("ja/KAFKA2306__daily-arXiv-ai-enhanced__2025-11-20.md", "ja"),
    ("en/Alice-Shimada__hepstoday-en__2026-03-12_AI_enhanced_English.jsonl", "en"),
    ("en/Alice-Shimada__hepstoday-en__2026-03-12.md", "en"),
])
def test_japanese_and_english_configured_digests_have_no_language_findings(relative: str, language: str,
                                                                           fixture_path: FixturePath) -> None:
    digest = read_digest(fixture_path(relative))
    assert digest.language == language  # from the file name, or the same day's AI file for the .md
    assert digest.papers
    assert [(p.arxiv_id, f.rule) for p in digest.papers for f in _language_findings(p, digest.language)] == []


def test_japanese_digest_read_as_chinese_would_be_flagged(fixture_path: FixturePath) -> None:
    """Guards the test above: the rule does look at these blocks."""
    digest = read_digest(
        fixture_path("ja/KAFKA2306__daily-arXiv-ai-enhanced__2025-11-20_AI_enhanced_Japanese.jsonl"))
    findings = [f for p in digest.papers for f in _language_findings(p, "zh")]
    assert findings and all(f.message.endswith("is in Japanese, expected Chinese") for f in findings)


def test_the_title_quoted_as_a_name_is_no_copy_2509_11719(real_paper: RealPaper) -> None:
    """The title of 2509.11719 shares eight words in a row with its abstract; quoting the title is naming it."""
    paper = real_paper(f"own-terms/{DW}2025-09-16_AI_enhanced_Chinese.jsonl", "2509.11719")
    named = paper.model_copy(deep=True)
    named.blocks["tldr"] = named.blocks["tldr"].model_copy(update={"text": f"论文《{paper.title}》提出了一种轨迹预测编码器。"})
    assert _language_findings(named) == []
    copied = paper.model_copy(deep=True)
    sentence = ("Instead of relying on global context, HeLoFusion constructs local, multi-scale graphs centered on "
                "each agent.")
    copied.blocks["tldr"] = copied.blocks["tldr"].model_copy(update={"text": f"该方法：{sentence}"})
    assert [(f.rule, f.block) for f in _language_findings(copied)] == [("F202", "tldr")]
