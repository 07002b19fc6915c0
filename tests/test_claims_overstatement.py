"""Overstatement rules (C103, C107, C108) on real papers: the seed digest (examples/seed-digest.md) and two
corpus records (tests/fixtures/overstatement_papers.jsonl). Each pattern has a real catch and a real close
call that must stay quiet."""

from __future__ import annotations

import pytest

from checker.analysis import hedges as hd
from checker.engine.audit import check_paper
from checker.model import Finding, Paper
from checker.rules.registry import select_rules

pytestmark = pytest.mark.papers("examples/seed-digest.md", "tests/fixtures/overstatement_papers.jsonl")


def spans(paper: Paper, rule: str) -> list[tuple[str | None, str | None]]:
    findings: list[Finding] = check_paper(paper, "zh", select_rules([rule], None))
    return [(f.block, f.summary_span) for f in findings]


# C103: 显著 before 性能 is an intensifier (显著性 alone is "significance").
def test_intensifier_before_performance_is_caught(papers: dict[str, Paper]) -> None:
    # "both performances surpassing reflection with a single llm": no size at all.
    assert ("conclusion", "在推理和编程任务上取得显著性能提升") in spans(papers["2512.20845"], "C103")


def test_significance_weighting_stays_quiet(papers: dict[str, Paper]) -> None:
    # "显著性加权性能得分" is saliency-weighted scoring, not a claim of a significant gain.
    assert spans(papers["2512.20638"], "C103") == []


# C103: an intensity word that sizes a problem ("face significant challenges") licenses nothing.
def test_intensity_of_a_problem_does_not_license(papers: dict[str, Paper]) -> None:
    assert spans(papers["2512.20996"], "C103") == [("conclusion", "显著降低了交通仿真的使用门槛")]


def test_intensity_of_a_change_still_licenses(papers: dict[str, Paper]) -> None:
    # "CoT prompting has significantly advanced the reasoning capabilities" licenses "显著提升了LLMs的推理能力".
    assert spans(papers["2512.20647"], "C103") == []


def test_noticeable_licenses_and_latex_percent_is_a_large_effect(papers: dict[str, Paper]) -> None:
    # "noticeable degradation" licenses "性能明显下降"; "FLOPs by about $50\%$" licenses "显著降低计算成本".
    assert spans(papers["2512.20948"], "C103") == []
    assert spans(papers["2512.21002"], "C103") == []


# C107: "1.30" reads as "1.3" in the summary's numbers; the hedge before "$1.30\times$" still counts.
def test_dropped_hedge_on_a_number_with_a_trailing_zero_is_caught(papers: dict[str, Paper]) -> None:
    assert ("result", "剪除8-16个注意力子层可使推理吞吐量提高1.30倍") in spans(papers["2512.20636"], "C107")


def test_kept_number_hedge_stays_quiet(papers: dict[str, Paper]) -> None:
    # "up to $10^{3}\times$" restated with 高达.
    assert spans(papers["2512.20687"], "C107") == []


# C108: a hedged finding ("suggest that X") restated flat.
def test_suggested_finding_stated_as_fact_is_caught(papers: dict[str, Paper]) -> None:
    assert spans(papers["2512.16030"], "C108") == [("conclusion", "模型扩展和增强推理能力并不能自动带来校准优势")]


def test_some_inherent_privacy_stated_as_resistance_is_caught(papers: dict[str, Paper]) -> None:
    # "provides some inherent privacy against gradient inversion attacks"
    assert spans(papers["2512.20814"], "C108") == [("result", "通过低秩投影的几何特性抵抗梯度反演攻击")]


def test_suggest_as_propose_stays_quiet(papers: dict[str, Paper]) -> None:
    # "we suggest a different approach: utilizing semi-supervised learning" proposes; it hedges nothing.
    assert spans(papers["2512.21107"], "C108") == []


def test_appears_meaning_occurs_stays_quiet(papers: dict[str, Paper]) -> None:
    # "causal spatial locality appears primarily at the transition" restated as "主要出现在...边界处".
    assert spans(papers["2605.20784"], "C108") == []


def test_hedge_kept_in_the_clause_stays_quiet(papers: dict[str, Paper]) -> None:
    # "suggesting improved realism" restated as "表明真实性得到改善".
    assert spans(papers["2512.20773"], "C108") == []


def test_hedge_scope_and_rest() -> None:
    part = hd.hedged_part("Together, these results suggest that X conflates Y, highlighting Z.", " suggest ")
    assert part.hedge == "suggest"
    assert " x conflates y " in part.scope.padded and "highlighting" not in part.scope.padded
    assert "highlighting" not in part.rest.padded and " together " in part.rest.padded
    modal = hd.hedged_part("A is shown, and that B may overstate C.", " may ")
    assert modal.modal and " b may overstate c " in modal.scope.padded and " a is shown " in modal.rest.padded


def test_hedge_in_skips_proposals_and_occurrences() -> None:
    assert hd.hedge_in(" we suggest a new approach ") is None
    assert hd.hedge_in(" the effect appears only at the boundary ") is None
    assert hd.hedge_in(" the method appears less effective ") == " appears "
    assert hd.hedge_in(" results point towards a property ") == " point toward"
