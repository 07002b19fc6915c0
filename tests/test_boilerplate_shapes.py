"""F301 recognises chatbot filler by its shape, in wording it was not written from; and the format rules leave
alone what the paper writes itself (a tag, a term, a quoted sentence, a summary noun of a summarization paper).

The chatbot sentences are in tests/fixtures/boilerplate/*.tsv (one shape per line, many wordings per shape;
``quiet`` lines are summary prose that must stay quiet); they are appended to the Conclusion of a real clean
paper. The papers whose own text looks like an artefact are real records under digests/own-terms.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import DW, FIXTURES

from checker.analysis.boilerplate import PaperReference, find_boilerplate
from checker.analysis.boilerplate_shapes import SHAPES
from checker.engine.audit import check_paper
from checker.model import Block, Finding, Paper
from checker.rules.registry import all_rules

RealPaper = Callable[[str, str], Paper]
FORMAT_RULES = [r for r in all_rules() if r.id.startswith("F") and r.scope == "paper"]
CLEAN = (f"j1/{DW}2025-09-16_AI_enhanced_Chinese.jsonl", "2509.10599")
OWN = f"own-terms/{DW}2025-09-16_AI_enhanced_Chinese.jsonl"


def _rows(name: str) -> list[tuple[str, str]]:
    lines = (FIXTURES / "boilerplate" / name).read_text(encoding="utf-8").splitlines()
    rows = (line.split("\t") for line in lines if line and not line.startswith("#"))
    return [(shape, text) for shape, text in rows]


ROWS = [row for name in ("shapes_dev.tsv", "shapes_fresh.tsv", "shapes_fresh2.tsv") for row in _rows(name)]
FILLER = [row for row in ROWS if row[0] != "quiet"]
QUIET = [text for shape, text in ROWS if shape == "quiet"]


def _with_block(paper: Paper, name: str, text: str) -> Paper:
    copy = paper.model_copy(deep=True)
    copy.blocks[name] = Block(name=name, text=text, line=paper.block(name).line)
    return copy


def _f301(paper: Paper, language: str = "zh") -> list[Finding]:
    return [f for f in check_paper(paper, language, FORMAT_RULES) if f.rule == "F301"]


def test_the_fixtures_cover_every_shape_with_many_wordings() -> None:
    for shape in ("address", "offer", "self_reference", "assistant", "closing"):
        assert sum(s == shape for s, _ in FILLER) >= 15, shape
    assert len(QUIET) >= 20


@pytest.mark.parametrize(("shape", "sentence"), FILLER, ids=[t[:24] for _, t in FILLER])
def test_filler_appended_to_a_real_block_is_found(shape: str, sentence: str, real_paper: RealPaper) -> None:
    paper = real_paper(*CLEAN)
    polluted = _with_block(paper, "conclusion", paper.block_text("conclusion") + sentence)
    findings = _f301(polluted)
    assert [(f.block, f.severity.value) for f in findings] == [("conclusion", "warning")]
    assert findings[0].summary_span is not None and findings[0].summary_span in sentence  # the sentence, quoted
    assert findings[0].confidence >= 0.8


@pytest.mark.parametrize("sentence", QUIET, ids=[t[:24] for t in QUIET])
def test_summary_prose_with_the_same_words_stays_quiet(sentence: str, real_paper: RealPaper) -> None:
    paper = real_paper(*CLEAN)
    assert _f301(_with_block(paper, "conclusion", paper.block_text("conclusion") + sentence)) == []


def test_every_match_holds_an_anchor_of_its_shape() -> None:
    """A block is only searched with the shapes whose anchors it holds: a match without one would be lost."""
    for _, sentence in ROWS:
        for shape in SHAPES:
            match = shape.regex.search(sentence)
            if match:
                assert any(anchor in sentence for anchor in shape.anchors), (shape.concept, sentence)


def test_a_translated_example_in_the_second_person_is_the_papers_content(real_paper: RealPaper) -> None:
    """dw-dengwei 2026-05-21, 2605.21299 quotes "If you mow the lawn, I will give you fifty dollars"."""
    paper = real_paper(OWN, "2605.21299")
    quoted = "人类能轻松超越字面意义：例如“如果你修剪草坪，我就给你五十美元”通常被理解为只有修剪草坪才付钱。"
    assert find_boilerplate(quoted) is not None  # without the paper, the shape is there
    assert _f301(_with_block(paper, "motivation", quoted)) == []
    filler = _with_block(paper, "result", paper.block_text("result") + "希望这对你有帮助！")
    assert [f.block for f in _f301(filler)] == ["result"]


def test_a_summary_noun_is_the_papers_own_term_when_the_abstract_uses_its_translation(
        real_paper: RealPaper) -> None:
    """2509.10935 contrasts its "spotlights" with "traditional summaries": 本摘要/该摘要 may be its subject."""
    sentence = "本摘要由模型自动生成，可能遗漏部分细节。"
    summarization = real_paper(OWN, "2509.10935")
    assert _f301(_with_block(summarization, "conclusion", summarization.block_text("conclusion") + sentence)) == []
    other = real_paper(*CLEAN)
    assert [f.block for f in _f301(_with_block(other, "conclusion", other.block_text("conclusion") + sentence))] == [
        "conclusion"]


def test_a_system_the_paper_builds_is_not_the_assistant_speaking(real_paper: RealPaper) -> None:
    paper = real_paper(*CLEAN)
    built = "该框架作为AI副驾驶，辅助工程师完成制造规划。"
    assert _f301(_with_block(paper, "method", built)) == []
    speaking = "作为AI助手，我无法访问论文全文。"
    assert [f.block for f in _f301(_with_block(paper, "method", speaking))] == ["method"]


def test_a_concept_the_abstract_holds_is_not_filler() -> None:
    abstract = "We study chat assistants that end answers with 'Let me know if you need anything else.'"
    sentence = "研究发现助手常以“如有需要请告诉我”结尾。"
    assert find_boilerplate(sentence) is not None
    assert find_boilerplate(sentence, PaperReference(abstract)) is None


def test_english_filler_in_an_english_digest(real_paper: RealPaper) -> None:
    paper = real_paper("en/Alice-Shimada__hepstoday-en__2026-03-12_AI_enhanced_English.jsonl", "2603.10114")
    assert _f301(paper, "en") == []
    tail = " Let me know if you want the full derivation."
    polluted = _with_block(paper, "result", paper.block_text("result") + tail)
    assert [f.block for f in _f301(polluted, "en")] == ["result"]
