"""checker.analysis.restatement: quantities that are no part of a name, and the severity a claim finding earns
from the evidence that it compares a clause with the sentence the clause restates (issue 11)."""

from __future__ import annotations

import pytest

from checker.analysis.context import PaperContext
from checker.analysis.restatement import grade, is_link_sentence, quantities, shared_quantity, shares_a_number
from checker.model import Paper, Severity

pytestmark = pytest.mark.papers("tests/fixtures/claims_papers.jsonl")


@pytest.mark.parametrize("text", ["x86-64", "CIFAR-100", "Name-90K", "Qwen2.5-7B", "GPT-4o", "YOLOv8", "3D"])
def test_digits_inside_a_name_are_no_quantity(text: str) -> None:
    assert quantities(f"在{text}上提升") == frozenset()
    assert not shares_a_number(f"在{text}上提升", f"on {text} it improves")


def test_a_quantity_is_a_value_with_its_unit() -> None:
    # "推理速度提高了56倍" restates "we increase inference speed by a factor of $56$"
    assert shared_quantity("推理速度降低了56倍", "we increase inference speed by a factor of $56$") == "56 x"
    assert shared_quantity("准确率达到93.4％", "an accuracy of 93.4 percent") == "93.4 %"
    assert shared_quantity("提升4.3 dB", "improvement of up to 4.3 dB") == "4.3 db"
    # a bare integer is too weak: "3个基准" and "3 benchmarks" may be any three
    assert shared_quantity("在3个基准上", "on 3 benchmarks") is None
    assert shares_a_number("每个步骤接受低于4个token", "accepting over four tokens per step")


def test_link_sentences_are_recognised() -> None:
    assert is_link_sentence("Code is available at https://anonymous.4open.science/r/EIHF.")
    assert not is_link_sentence("Experiments on CIFAR-100 and ImageNet-100 show gains on CIFAR-100.")


def test_only_an_aligned_sentence_with_a_shared_quantity_keeps_the_rule_severity(papers: dict[str, Paper]) -> None:
    ctx = PaperContext(paper=papers["2503.13724"], language="zh")
    restated = "By revisiting the high-level design of dominant video understanding backbones, we increase " \
               "inference speed by a factor of $56$ while retaining similar performance."
    assert grade(ctx, "推理速度降低了56倍", restated).severity is None  # the rule's own
    # the same clause against a sentence it does not restate: info, low confidence
    other = "Code is available."
    graded = grade(ctx, "推理速度降低了56倍", other)
    assert graded.severity is Severity.info and graded.confidence < 0.5


def test_a_link_sentence_is_never_quoted(papers: dict[str, Paper]) -> None:
    ctx = PaperContext(paper=papers["2605.20728"], language="zh")
    graded = grade(ctx, "EIHF方法无法改善OOD检测性能", "Code is available at https://anonymous.4open.science/r/EIHF.")
    assert graded.evidence is None or "https" not in graded.evidence
    assert graded.severity is Severity.info
