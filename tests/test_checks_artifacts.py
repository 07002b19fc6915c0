"""Artifact rules on real text: schema echo, chatbot boilerplate, control characters, repeated blocks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import DW, XM

from checker.engine.audit import check_paper
from checker.model import Block, Finding, Paper
from checker.read import read_digest
from checker.render.text import _visible
from checker.rules.registry import all_rules

ARTIFACT_RULES = [r for r in all_rules() if r.id in ("F301", "F302", "F303", "F304", "F305")]
RealPaper = Callable[[str, str], Paper]


def _findings(paper: Paper) -> list[Finding]:
    return check_paper(paper, "zh", ARTIFACT_RULES)


def _with_block(paper: Paper, name: str, text: str) -> Paper:
    copy = paper.model_copy(deep=True)
    copy.blocks[name] = Block(name=name, text=text, line=paper.block(name).line)
    return copy


CLEAN = (f"j1/{DW}2025-09-16_AI_enhanced_Chinese.jsonl", "2509.10599")


def test_schema_echo_2509_11570(real_paper: RealPaper) -> None:
    findings = _findings(real_paper(f"j1/{DW}2025-09-16_AI_enhanced_Chinese.jsonl", "2509.11570"))
    assert [(f.rule, f.block, f.severity.value) for f in findings] == [("F302", "tldr", "warning")]
    assert findings[0].summary_span == "单个单词的摘要"
    assert findings[0].line == 4


@pytest.mark.parametrize("tail", ["希望这个摘要对您有所帮助！", "如果您还有其他问题，请随时告诉我。"])
def test_chatbot_boilerplate_appended_to_a_real_block(tail: str, real_paper: RealPaper) -> None:
    paper = real_paper(*CLEAN)
    polluted = _with_block(paper, "conclusion", paper.block_text("conclusion") + tail)
    findings = _findings(polluted)
    assert [(f.rule, f.block) for f in findings] == [("F301", "conclusion")]
    assert findings[0].summary_span is not None and tail[:4] in findings[0].summary_span


def test_leading_chatbot_preamble_and_json_remnants(real_paper: RealPaper) -> None:
    paper = real_paper(*CLEAN)
    preamble = _with_block(paper, "tldr", "以下是论文的摘要：" + paper.block_text("tldr"))
    assert [f.rule for f in _findings(preamble)] == ["F301"]
    fenced = _with_block(paper, "method", '```json\n{"method": "' + paper.block_text("method") + '"}\n```')
    assert {(f.rule, f.block) for f in _findings(fenced)} == {("F302", "method")}


def test_the_papers_own_hope_is_not_boilerplate(real_paper: RealPaper) -> None:
    """xmkxabc 2025-06-23, 2506.15755 translates the abstract's "We hope this work raises awareness..."."""
    source = real_paper(f"artifacts/{XM}2025-06-23_AI_enhanced_Chinese.jsonl", "2506.15755")
    sentence = source.extra["translation"]
    assert "我们希望这项研究" in sentence
    assert _findings(_with_block(source, "conclusion", sentence)) == []


def test_control_characters_from_broken_latex_2506_15718(real_paper: RealPaper) -> None:
    """The real translation of xmkxabc 2025-06-23, 2506.15718 holds "\\bf" decoded as backspace."""
    source = real_paper(f"day-2025-06-23/{XM}2025-06-23_AI_enhanced_Chinese.jsonl", "2506.15718")
    broken = _with_block(source, "result", source.extra["translation"])
    findings = [f for f in _findings(broken) if f.rule == "F303"]
    assert [(f.block, f.severity.value) for f in findings] == [("result", "warning")]
    assert "\\x08" in findings[0].message
    assert findings[0].summary_span is not None and "\x08" in findings[0].summary_span
    assert "\\x08f" in _visible(findings[0].summary_span)  # the text report shows it, not a raw backspace


def test_repeated_block_2506_04363(real_paper: RealPaper) -> None:
    """xmkxabc 2025-06-06: the Conclusion repeats the TL;DR almost word for word."""
    findings = _findings(real_paper(f"artifacts/{XM}2025-06-06_AI_enhanced_Chinese.jsonl", "2506.04363"))
    assert [(f.rule, f.block, f.message) for f in findings] == [("F305", "conclusion", "Conclusion repeats TL;DR")]


def test_no_artifact_warning_or_error_on_the_seed(seed_digest: Path) -> None:
    findings = [(p.arxiv_id, f.rule) for p in read_digest(seed_digest).papers for f in _findings(p)
                if f.severity.value != "info"]
    assert findings == []


def test_truncated_block_is_info(real_paper: RealPaper) -> None:
    paper = real_paper(*CLEAN)
    cut = _with_block(paper, "result", paper.block_text("result")[:30] + "，")
    findings = [f for f in _findings(cut) if f.rule == "F304"]
    assert [(f.block, f.severity.value) for f in findings] == [("result", "info")]


def test_a_tag_the_abstract_quotes_is_the_papers_content(real_paper: RealPaper) -> None:
    """A paper on reasoning traces names its <think> tag; the summary quoting it is no leak of the generator."""
    paper = real_paper(*CLEAN)
    quoting = _with_block(paper, "method", paper.block_text("method") + "模型先在<think>标签内推理，再给出答案。")
    assert [(f.rule, f.block) for f in _findings(quoting)] == [("F302", "method")]
    own = quoting.model_copy(deep=True)
    own.abstract = f"{paper.abstract} The model reasons inside <think> ... </think> tags before it answers."
    assert [f.rule for f in _findings(own)] == []


def test_a_schema_phrase_inside_english_prose_is_a_sentence(real_paper: RealPaper) -> None:
    """An English digest may write "the result of this paper" in a sentence; a block that is the phrase is an echo."""
    paper = real_paper("en/Alice-Shimada__hepstoday-en__2026-03-12_AI_enhanced_English.jsonl", "2603.10114")
    prose = _with_block(paper, "result", "The result of this paper is that only vector, axial-vector and tensor "
                                         "interactions yield non-zero Stodolsky shifts.")
    assert [f.rule for f in check_paper(prose, "en", ARTIFACT_RULES)] == []
    echo = _with_block(paper, "result", "Result of this paper.")
    assert [(f.rule, f.block) for f in check_paper(echo, "en", ARTIFACT_RULES)] == [("F302", "result")]
