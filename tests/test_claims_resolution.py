"""C110 inflated-resolution on real papers: 有效解决/成功克服 where the abstract only addresses a problem or sets out
to (the seed digest and records of the labelled dev half, tests/fixtures/overstatement_dev_papers.jsonl)."""

from __future__ import annotations

import pytest
from helpers import edited

from checker.analysis import overstatement_lexicon as ol
from checker.analysis.align import Piece
from checker.engine.audit import check_paper
from checker.model import Finding, Paper, Severity
from checker.rules.registry import select_rules

pytestmark = pytest.mark.papers("examples/seed-digest.md", "tests/fixtures/overstatement_dev_papers.jsonl")


def run(paper: Paper) -> list[Finding]:
    return check_paper(paper, "zh", select_rules(["C110"], None))


def test_effectively_solved_for_to_address_is_caught(papers: dict[str, Paper]) -> None:
    # "To address this problem, we instead introduce multi-agent with multi-persona debators"
    findings = run(papers["2512.20845"])
    assert [(f.block, f.summary_span) for f in findings] == [("conclusion", "有效解决单一LLM自我反思的思维退化问题")]
    assert findings[0].severity is Severity.warning and "resolution" in findings[0].message
    # No confident source: the evidence is the abstract's weaker claim, not the aligner's guess.
    assert findings[0].abstract_span and "To address this problem" in findings[0].abstract_span


def test_successfully_overcome_for_to_overcome_is_caught_on_a_confident_source(papers: dict[str, Paper]) -> None:
    # "To overcome this, we introduce reflection pretraining": the aligned source, a higher confidence.
    [finding] = run(papers["2512.20954"])
    assert finding.summary_span == "成功克服了蛋白质语言表达能力有限的限制" and finding.confidence >= 0.8


def test_addresses_does_not_license_effectively_solved(papers: dict[str, Paper]) -> None:
    # "RAS Augmented Generation addresses these limitations" -> "有效解决了LLMs的局限性"; the TL;DR's "来解决"
    # states the aim and stays quiet.
    assert [(f.block, f.summary_span) for f in run(papers["2509.10697"])] == [("conclusion", "有效解决了LLMs的局限性")]


def test_bare_solved_is_info(papers: dict[str, Paper]) -> None:
    # "To address these limitations": 解决了 is the usual rendering of "addresses" too, so only info.
    findings = run(papers["2509.11219"])
    assert [(f.block, f.severity) for f in findings] == [("tldr", Severity.info)]


def test_an_abstract_that_eliminates_the_problem_licenses_it(papers: dict[str, Paper]) -> None:
    # "naturally eliminating latency bottlenecks" licenses "有效解决了...实时部署瓶颈".
    assert run(papers["2605.20624"]) == []


def test_purpose_and_noun_stay_quiet(papers: dict[str, Paper]) -> None:
    paper = papers["2512.20845"]
    assert run(edited(paper, "conclusion", "有效解决单一LLM", "旨在有效解决单一LLM")) == []
    assert run(edited(paper, "conclusion", "有效解决单一LLM自我反思的思维退化问题", "为思维退化问题提供了有效的解决方案")) == []


def test_solving_verbs_license_only_outside_a_purpose_or_a_negation() -> None:
    assert ol.resolution_licenses(Piece("Our framework resolves the conflict between the two objectives."))
    assert ol.resolution_licenses(Piece("It effectively addresses the memory bottleneck."))
    assert ol.resolution_licenses(Piece("The PMA module aggregates all tokens, breaking the information bottleneck."))
    assert not ol.resolution_licenses(Piece("To solve this challenge, we propose TrafficSimAgent."))
    assert not ol.resolution_licenses(Piece("LLMs cannot yet resolve missingness in their training data."))
    assert not ol.resolution_licenses(Piece("We use a SAT solver on fixed budgets."))
    assert not ol.resolution_licenses(Piece("These results help bridge observations and theory."))
    assert ol.plain_resolution_licenses(Piece("We address this gap by establishing a bound."))
    assert not ol.plain_resolution_licenses(Piece("To address these limitations, we present a dataset."))
