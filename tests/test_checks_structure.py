"""Structural rules on real papers: missing blocks, placeholders, failed papers, abstract problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import DW, XM

from checker.engine.audit import check_paper
from checker.model import BLOCK_NAMES, Block, Finding, Paper
from checker.read import read_digest
from checker.rules.registry import Rule, all_rules
from checker.text.placeholders import is_placeholder

RULES = [r for r in all_rules() if r.scope == "paper"]
RealPaper = Callable[[str, str], Paper]
FixturePath = Callable[[str], Path]


def _check(paper: Paper, rules: list[Rule] | None = None) -> list[Finding]:
    return check_paper(paper, "zh", rules or RULES)


def _rule_blocks(findings: list[Finding], rule: str) -> list[str | None]:
    return [f.block for f in findings if f.rule == rule]


X_JSONL = f"day-2025-06-06/{XM}2025-06-06_AI_enhanced_Chinese.jsonl"
X_MD = f"day-2025-06-06/{XM}2025-06-06.md"
J3 = f"day-2025-06-23/{XM}2025-06-23_AI_enhanced_Chinese.jsonl"


@pytest.mark.parametrize("relative", [X_JSONL, X_MD])
def test_null_conclusion_is_one_missing_block_finding_on_its_line(relative: str,
                                                                  real_paper: RealPaper) -> None:
    paper = real_paper(relative, "2506.04390")
    findings = _check(paper)
    missing = [f for f in findings if f.rule == "F101"]
    assert [(f.block, f.severity.value, f.category.value) for f in missing] == [("conclusion", "error", "format")]
    assert missing[0].line == paper.block("conclusion").line
    assert not any(f.rule in ("F102", "F103") for f in findings)


@pytest.mark.parametrize(("relative", "arxiv_id", "blocks", "text"), [
    (X_JSONL, "2506.04610", ["result", "conclusion"], "无"),
    (J3, "2506.17019", ["result", "conclusion"], "未在摘要中提及。"),
    (J3, "2506.16808", ["result"], "Not mentioned in abstract"),
])
def test_real_placeholders_are_found_per_block(relative: str, arxiv_id: str, blocks: list[str], text: str,
                                               real_paper: RealPaper) -> None:
    findings = _check(real_paper(relative, arxiv_id))
    assert _rule_blocks(findings, "F102") == blocks
    placeholder = next(f for f in findings if f.rule == "F102")
    assert placeholder.summary_span == text
    assert "F103" not in {f.rule for f in findings}


def test_an_error_string_in_one_block_is_a_placeholder(real_paper: RealPaper) -> None:
    paper = real_paper(X_JSONL, "2506.04610").model_copy(deep=True)
    paper.blocks["tldr"] = Block(name="tldr", text="Error: Failed to generate summary.", line=3)
    assert "tldr" in _rule_blocks(_check(paper), "F102")


@pytest.mark.parametrize(("relative", "arxiv_id"), [
    (f"day-2026-05-21/{DW}2026-05-21_AI_enhanced_Chinese.jsonl", "2605.20209"),
    (f"day-2026-05-21/{DW}2026-05-21.md", "2605.20209"),
    (f"j1/{DW}2025-09-16_AI_enhanced_Chinese.jsonl", "2509.10541"),  # five times "Error"
    (X_JSONL, "2506.04487"),  # "Error: Failed to generate summary." and four nulls
    (X_MD, "2506.04487"),  # the same, with "Motivation: None" ...
])
def test_a_failed_paper_is_exactly_one_finding(relative: str, arxiv_id: str, real_paper: RealPaper) -> None:
    paper = real_paper(relative, arxiv_id)
    findings = [f for f in _check(paper) if f.category.value == "format"]
    assert [(f.rule, f.block) for f in findings] == [("F103", None)]
    assert findings[0].line == paper.line
    assert findings[0].severity.value == "error"


def test_no_content_rule_runs_on_a_failed_paper(real_paper: RealPaper) -> None:
    paper = real_paper(f"day-2026-05-21/{DW}2026-05-21_AI_enhanced_Chinese.jsonl", "2605.20209")
    assert [f.rule for f in _check(paper)] == ["F103"]


@pytest.mark.parametrize("text", ["无", "无。", "未在摘要中提及。", "未在摘要中提及", "Not mentioned in abstract",
                                  "Summary generation failed", "Motivation analysis unavailable",
                                  "Error", "Error: Failed to generate summary.", "NOT MENTIONED IN ABSTRACT."])
def test_placeholder_strings(text: str) -> None:
    assert is_placeholder(text)


@pytest.mark.parametrize("text", ["无监督学习方法在三个基准上优于基线。", "Errors in the proposed estimator are bounded.",
                                  "未来工作将扩展到多语言场景。", "", None])
def test_real_text_is_not_a_placeholder(text: str | None) -> None:
    assert not is_placeholder(text)


def test_m3_without_abstract_reports_it_per_paper_and_skips_content_checks(fixture_path: FixturePath) -> None:
    digest = read_digest(fixture_path(f"m3-alone/{XM}2025-06-23.md"))
    needs_abstract = {r.id for r in RULES if r.needs_abstract}
    assert needs_abstract  # the content rules exist and are skipped below
    for paper in digest.papers:
        findings = _check(paper)
        problems = [f for f in findings if f.rule == "F104"]
        assert len(problems) == 1, paper.arxiv_id
        assert problems[0].severity.value == "info"
        assert "no English abstract" in problems[0].message
        assert not any(f.rule in needs_abstract for f in findings), paper.arxiv_id


def test_m3_with_the_same_day_jsonl_has_abstracts_and_no_abstract_finding(fixture_path: FixturePath) -> None:
    digest = read_digest(fixture_path(f"day-2025-06-23/{XM}2025-06-23.md"))
    assert digest.papers
    for paper in digest.papers:
        assert "F104" not in {f.rule for f in _check(paper)}, paper.arxiv_id


F104 = [r for r in RULES if r.id == "F104"]


def test_truncated_abstracts_are_reported_as_abstract_problems(real_paper: RealPaper,
                                                               seed_digest: Path) -> None:
    cut_mid_word = real_paper(f"j1/{DW}2026-02-12_AI_enhanced_Chinese.jsonl", "2602.10967")
    findings = _check(cut_mid_word, F104)
    assert len(findings) == 1 and "mid-word ('enhan')" in findings[0].message
    assert findings[0].block is None and findings[0].abstract_span is not None
    seed81 = next(p for p in read_digest(seed_digest).papers if p.arxiv_id == "2512.21152")
    assert len(_check(seed81, F104)) == 1


@pytest.mark.parametrize("arxiv_id", ["2509.10644", "2509.11731"])
def test_complete_abstracts_without_a_final_period_are_not_truncated(arxiv_id: str,
                                                                     real_paper: RealPaper) -> None:
    paper = real_paper(f"f104/{DW}2025-09-16_AI_enhanced_Chinese.jsonl", arxiv_id)
    assert paper.abstract is not None and not paper.abstract.rstrip().endswith(".")
    assert _check(paper, F104) == []


def test_clean_real_paper_has_no_structural_finding(real_paper: RealPaper) -> None:
    paper = real_paper(f"j1/{DW}2025-09-16_AI_enhanced_Chinese.jsonl", "2509.10599")
    assert [f for f in _check(paper) if f.rule.startswith("F1")] == []
    assert all(paper.block_text(n) for n in BLOCK_NAMES)
