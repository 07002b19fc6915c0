"""The overstatement comparison (checker.analysis.claim_strength) and its rules C103-C108 on real papers: the seed
digest (examples/seed-digest.md), corpus records (tests/fixtures/overstatement_papers.jsonl) and records of the
labelled dev half (tests/fixtures/overstatement_dev_papers.jsonl, copied from eval/labels/digests/dev). Each
attribute has a real catch and a real close call that must stay quiet."""

from __future__ import annotations

import pytest
from helpers import edited

from checker.analysis import hedges as hd
from checker.analysis import overstatement_lexicon as ol
from checker.analysis.align import Piece
from checker.analysis.bound_drops import dropped_bounds
from checker.analysis.claim_strength import compare
from checker.analysis.context import PaperContext
from checker.engine.audit import check_paper
from checker.model import Finding, Paper, Severity
from checker.rules.registry import select_rules

pytestmark = pytest.mark.papers("examples/seed-digest.md", "tests/fixtures/overstatement_papers.jsonl",
                                "tests/fixtures/overstatement_dev_papers.jsonl")


def run(paper: Paper, rule: str) -> list[Finding]:
    return check_paper(paper, "zh", select_rules([rule], None))


def spans(paper: Paper, rule: str) -> list[tuple[str | None, str | None]]:
    return [(f.block, f.summary_span) for f in run(paper, rule)]


# C103 strength: an intensifier where no own-work sentence sizes a result.
def test_intensifier_for_consistently_improves_is_caught(papers: dict[str, Paper]) -> None:
    # "our approach consistently improves both data diversity and downstream performance"
    findings = run(papers["2602.10388"], "C103")
    assert [(f.block, f.summary_span) for f in findings] == [("tldr", "显著提升下游任务性能")]
    # info: C103's calibrated ceiling (62% held-out precision) caps even its aligned path
    assert findings[0].severity is Severity.info and "strength" in findings[0].message


def test_intensifier_before_performance_is_caught(papers: dict[str, Paper]) -> None:
    # "both performances surpassing reflection with a single llm": no size at all.
    assert ("conclusion", "在推理和编程任务上取得显著性能提升") in spans(papers["2512.20845"], "C103")


def test_significance_weighting_stays_quiet(papers: dict[str, Paper]) -> None:
    # "显著性加权性能得分" is saliency-weighted scoring, not a claim of a significant gain.
    assert spans(papers["2512.20638"], "C103") == []


def test_intensity_of_a_problem_does_not_license(papers: dict[str, Paper]) -> None:
    # "To solve this challenge" and "significant" about the field: nothing sizes the lowered barrier.
    assert spans(papers["2512.20996"], "C103") == [("conclusion", "显著降低了交通仿真的使用门槛")]


def test_numbers_that_plainly_support_the_strength_license_it(papers: dict[str, Paper]) -> None:
    # "Cluster consistency is improved by +19.01% (ARI)"; "reducing gas costs by up to 99.9%" (a best case, but
    # a huge one); "noticeable degradation"; "FLOPs by about $50\\%$".
    for arxiv_id in ("2509.11436", "2512.20973", "2512.20948", "2512.21002"):
        assert spans(papers[arxiv_id], "C103") == [], arxiv_id


def test_negated_intensifier_stays_quiet(papers: dict[str, Paper]) -> None:
    # "安全调优LLM而不显著降低其对良性查询的有用性仍然困难": 不显著 claims no strength.
    assert spans(papers["2509.10931"], "C103") == []


def test_large_effect_reads_best_cases_strictly() -> None:
    assert ol.large_effect("AVIS drastically reduces initial latency from 114s to 4s")
    assert ol.large_effect("achieves a $2.26\\times$ end-to-end inference speedup")
    assert not ol.large_effect("gains of up to +16.85% and +9.37%")  # a best case, not the result
    assert ol.large_effect("reduces gas costs by up to 99.9%")  # a best case, but a huge one
    assert not ol.large_effect("an average accuracy improvement exceeding 5%")
    assert not ol.large_effect("consistent 1.12$\\times$--1.16$\\times$ end-to-end speedup")


def test_strength_words_of_a_problem_or_a_model_license_nothing() -> None:
    assert not ol.strength_licenses(Piece("Agents face significant challenges in planning."))
    assert not ol.strength_licenses(Piece("We study large language models without significant modifications."))
    assert ol.strength_licenses(Piece("Our method outperforms baselines by a wide margin."))
    assert ol.strength_licenses(Piece("It requires much fewer parameters."))


# C104, C105, C106: the abstract's own claim in wordings the old lists lacked.
def test_first_claim_is_licensed_by_the_ways_abstracts_say_it(papers: dict[str, Paper]) -> None:
    paper = papers["2509.10697"]  # a survey that claims no first and no lead
    claimed = edited(paper, "tldr", "这篇综述论文探讨了", "这篇综述论文首次探讨了")
    assert [f.block for f in run(claimed, "C104")] == ["tldr"]
    for licence in (" No prior work has examined this setting.", " This seminal study opens the problem."):
        licensed = claimed.model_copy(update={"abstract": (paper.abstract or "") + licence})
        assert run(licensed, "C104") == [], licence


def test_sota_claim_is_licensed_by_state_of_art(papers: dict[str, Paper]) -> None:
    paper = papers["2509.10697"]
    claimed = edited(paper, "tldr", "这篇综述论文探讨了", "这篇综述论文取得了最先进的结果，探讨了")
    assert [f.block for f in run(claimed, "C105")] == ["tldr"]
    licensed = claimed.model_copy(update={"abstract": (paper.abstract or "") + " It reaches state-of-art results."})
    assert run(licensed, "C105") == []
    # Other work's state of the art claims nothing for the paper.
    assert run(edited(paper, "tldr", "这篇综述论文探讨了", "这篇综述论文优于现有最先进的方法，探讨了"), "C105") == []


def test_proof_licences_include_affirm() -> None:
    assert ol.PROOF.licenses(Piece("The experiments affirm that the method generalizes."))
    assert not ol.PROOF.licenses(Piece("These results suggest that the method may generalize."))
    assert ol.hedged(Piece("These results suggest that the method may generalize."))


# C107 bounds: each block is read on its own, values at another scale pair, a bound next to the number counts.
def test_dropped_bound_is_caught_in_every_block(papers: dict[str, Paper]) -> None:
    # "A six-model ensemble reduces fabrication by up to 84.8%", stated flat in the TL;DR and the Result.
    assert [f.block for f in run(papers["2605.20469"], "C107")] == ["tldr", "result"]


def test_dropped_bound_at_another_scale_and_on_a_count_is_caught(papers: dict[str, Paper]) -> None:
    # "nearly 240k clip-caption pairs" -> 24万; "from over 23 countries" -> 23个国家; "up to 2%" (one digit).
    assert spans(papers["2509.10555"], "C107") == [("tldr", "包含24万视频片段-字幕对")]
    assert spans(papers["2509.11752"], "C107") == [("tldr", "使用450万张来自全球23个国家、多种设备的超声图像训练")]
    assert spans(papers["2503.13469"], "C107") == [("result", "包括在迁移学习场景中AUROC提高了2%")]


def test_bound_kept_next_to_the_number_stays_quiet(papers: dict[str, Paper]) -> None:
    # The TL;DR drops "up to a 10.67%"; the Result keeps it (高达10.67%).
    assert spans(papers["2602.10652"], "C107") == [("tldr", "在多轮交互任务中提升10.67%性能")]
    # "up to $10^{3}\\times$" restated with 高达.
    assert spans(papers["2512.20687"], "C107") == []


def test_digits_inside_names_pair_with_nothing(papers: dict[str, Paper]) -> None:
    # "less than 1.3% average VBench degradation" is not the 1.3 of "Wan2.1-1.3B".
    drops = dropped_bounds(PaperContext(paper=papers["2605.20659"], language="zh"))
    assert {drop.number for drop in drops} == {"10倍"}


def test_dropped_hedge_on_a_number_with_a_trailing_zero_is_caught(papers: dict[str, Paper]) -> None:
    assert spans(papers["2512.20636"], "C107") == [("result", "剪除8-16个注意力子层可使推理吞吐量提高1.30倍")]


# C108 certainty: a hedged finding restated as a fact.
def test_suggested_finding_stated_as_fact_is_caught(papers: dict[str, Paper]) -> None:
    # "Our analysis suggests this stems from the inherent subjective complexity of these tasks"
    assert ("tldr", "归因于这些任务的主观复杂性") in spans(papers["2605.21086"], "C108")


def test_suggested_finding_stated_as_proven_has_the_higher_confidence(papers: dict[str, Paper]) -> None:
    findings = run(papers["2512.21002"], "C108")
    proven = [f for f in findings if f.block == "result"]
    assert [f.summary_span for f in proven] == ["这证明推理蒸馏可以从优先考虑早期推理标记中受益"]
    assert proven[0].confidence > max(f.confidence for f in findings if f.block != "result")


def test_main_clause_after_a_conceded_hedge_stays_quiet(papers: dict[str, Paper]) -> None:
    # "Although routing statistics suggest relatively sparse, categorical preferences, expert analyses reveal
    # broader tuning": the main clause is not hedged.
    assert spans(papers["2605.20610"], "C108") == []


def test_potentially_before_an_adjective_hedges_no_finding(papers: dict[str, Paper]) -> None:
    # "to reduce the need for potentially hazardous diagnostic procedures"
    assert spans(papers["2512.20669"], "C108") == []


def test_suggest_as_propose_and_appears_as_occurs_stay_quiet(papers: dict[str, Paper]) -> None:
    assert spans(papers["2512.21107"], "C108") == []  # "we suggest a different approach"
    assert spans(papers["2605.20784"], "C108") == []  # "appears primarily at the transition"


def test_hedge_kept_in_the_clause_stays_quiet(papers: dict[str, Paper]) -> None:
    # "suggesting improved realism" restated as "表明真实性得到改善".
    assert spans(papers["2512.20773"], "C108") == []


def test_hedge_scope_and_rest() -> None:
    part = hd.hedged_part("Together, these results suggest that X conflates Y, highlighting Z.", " suggest ")
    assert part.hedge == "suggest" and "conflates" in part.scope and "highlighting" in part.scope
    assert "Together" in part.rest and "conflates" not in part.rest
    conceded = hd.hedged_part("Although statistics suggest sparse preferences, analyses reveal broad tuning.",
                              " suggest ")
    assert "reveal" in conceded.rest and "reveal" not in conceded.scope
    modal = hd.hedged_part("A is shown, and that B may overstate C.", " may ")
    assert modal.modal and "overstate" in modal.scope and "shown" in modal.rest


def test_hedge_in_skips_proposals_occurrences_and_adjectives() -> None:
    assert hd.hedge_in(" we suggest a new approach ") is None
    assert hd.hedge_in(" the effect appears only at the boundary ") is None
    assert hd.hedge_in(" the method appears less effective ") == " appears "
    assert hd.hedge_in(" results point towards a property ") == " point toward"
    assert hd.hedge_in(" it avoids potentially hazardous procedures ") is None


# The comparison itself: purposes and nouns carry no cue; the source is aligned only when asked for.
def test_cues_in_a_purpose_or_a_noun_make_no_claim() -> None:
    assert ol.RESOLUTION.claim_cue("为了有效解决这一问题") is None
    assert ol.PLAIN_RESOLUTION.claim_cue("提供了有效的解决方案") is None
    assert ol.STRENGTH.claim_cue("显著的提升空间") is None
    assert ol.STRENGTH.claim_cue("而不显著降低其有用性") is None
    cue = ol.STRENGTH.claim_cue("显著提升下游任务性能")
    assert cue is not None and cue.group(0) == "显著"


def test_comparison_names_the_cue_and_the_source(papers: dict[str, Paper]) -> None:
    ctx = PaperContext(paper=papers["2602.10635"], language="zh")
    [comparison] = compare(ctx, ol.RESOLUTION)
    assert comparison.cue == "有效解决" and not comparison.anywhere
    assert comparison.aligned and "existing approaches" in comparison.evidence
