"""C101 catches added for the mutation targets, on real papers (tests/fixtures/claims_papers.jsonl) flipped the
way the mutation harness flips them, and the close calls around each that must stay quiet."""

from __future__ import annotations

import pytest
from helpers import edited

from checker.engine.audit import check_paper
from checker.model import Finding, Paper
from checker.rules.registry import select_rules

pytestmark = pytest.mark.papers("tests/fixtures/claims_papers.jsonl")


def run(paper: Paper) -> list[Finding]:
    return check_paper(paper, "zh", select_rules(["C101"], None))


# (paper, block, original words, flipped words, words of the abstract sentence given as evidence)
FLIPS = [
    # a usual claim against the paper's own finding: "we show that semantic cues can significantly deteriorate
    # reasoning models' performance"
    ("2512.20812", "result", "语义线索显著降低LLMs", "语义线索显著提高LLMs", "deteriorate"),
    # the head noun decides: "风险预测模型性能" is a performance, not a risk
    ("2512.20669", "conclusion", "提升了风险预测模型性能", "下降了风险预测模型性能", "improve"),
    # 和 joins two modifiers of one cost: "mitigate race and gender profession stereotypes"
    ("2512.20796", "result", "有效减少种族和性别职业刻板印象", "有效增加种族和性别职业刻板印象", "stereotypes"),
    # "improved Phoneme Error Rates" is no increase of errors; "reduce certain classes of phonological errors" is
    ("2602.10350", "result", "减少特定类型的音系错误", "增加特定类型的音系错误", "phonological errors"),
    # a bound on a single-digit number, aligned by it and the names SFTKey and SFT
    ("2512.21017", "result", "平均准确率提升超过5%", "平均准确率提升低于5%", "exceeding 5"),
    # a bound on a number the abstract spells out: "accepting over four tokens per step on Spec-Bench"
    ("2512.21323", "result", "每个步骤接受超过4个token", "每个步骤接受低于4个token", "over four tokens"),
    # a comparative that carries its verdict: "over $100\times$ more data-efficient than standard training"
    ("2512.21204", "result", "数据效率比标准训练提高100倍以上", "数据效率比标准训练降低100倍以上", "data-efficient"),
    # comparisons with a reference and no number
    ("2602.20372", "tldr", "效率低于预期", "效率高于预期", "less efficient than one would expect"),
    ("2512.20631", "conclusion", "检测能力超过行业监控阈值", "检测能力低于行业监控阈值", "exceeding industry"),
    # 削弱 of what the abstract calls "enhanced semantic preservation"
    ("2509.11476", "result", "具有增强的语义保持能力", "具有削弱的语义保持能力", "enhanced semantic preservation"),
    # "fail to uphold inferentialist standards, consequently undermining their legitimacy": the failure is about
    # the standards, the undermining about the legitimacy
    ("2506.04295", "result", "削弱其合法性", "增强其合法性", "undermining their legitimacy"),
]


@pytest.mark.parametrize(("arxiv_id", "block", "old", "new", "evidence"), FLIPS, ids=[f[0] for f in FLIPS])
def test_flip_is_caught_and_the_original_is_quiet(papers: dict[str, Paper], arxiv_id: str, block: str, old: str,
                                                  new: str, evidence: str) -> None:
    paper = papers[arxiv_id]
    assert run(paper) == []
    findings = run(edited(paper, block, old, new))
    assert [f.block for f in findings] == [block]
    assert new in (findings[0].summary_span or "")
    assert evidence in (findings[0].abstract_span or "")


CLOSE_CALLS = [
    # a contrast reports a weakness the abstract's praise does not contradict
    ("2512.20812", "result", "语义线索显著降低LLMs", "但语义线索提高了LLMs"),
    # a negated comparison bounds the other way
    ("2602.20372", "tldr", "效率低于预期", "效率不高于预期"),
    # 改善 of an error rate lowers it: "truncating upper transformer layers leads to improved Phoneme Error Rates"
    ("2602.10350", "result", "减少特定类型的音系错误", "改善特定类型的音系错误"),
]


@pytest.mark.parametrize(("arxiv_id", "block", "old", "new"), CLOSE_CALLS, ids=[c[0] for c in CLOSE_CALLS])
def test_close_call_stays_quiet(papers: dict[str, Paper], arxiv_id: str, block: str, old: str, new: str) -> None:
    assert run(edited(papers[arxiv_id], block, old, new)) == []


# Ranking verbs read as comparisons (checker.analysis.comparative), on real abstract sentences.
def test_ranking_verbs_put_a_thing_above_or_below_a_named_reference() -> None:
    from checker.analysis.comparative import english_comparisons

    leads = "to validate, erkang-diagnosis-1.1 leads gpt-4 in terms of comprehensive medical exams."
    assert [direction for direction, _ in english_comparisons(leads, ["gpt"])] == [1]
    lags = ("current speechllms only match cascades in selected settings and sfms lag behind both, highlighting "
            "the gap")
    assert [direction for direction, _ in english_comparisons(lags, ["both"])] == [-1]
    # "leads to" is a consequence, not a ranking
    consequence = ("experimentally, our pretraining approach teaches protein models to self-correct and leads to "
                   "substantial performance gains compared to standard pretraining.")
    assert english_comparisons(consequence, ["substantial"]) == []


@pytest.mark.parametrize(("before", "aim"), [
    ("该拼图式漫画信息图为", True),  # 为提升公众AI素养提供了...工具
    ("以", True),
    ("旨在有效", True),
    ("该方法可以", False),  # 可以降低: a can, not an aim
    ("作为", False),
    ("难以", False),
])
def test_a_word_after_an_aim_marker_states_the_papers_aim(before: str, aim: bool) -> None:
    from checker.analysis.direction import ZH_PURPOSE as _ZH_PURPOSE
    assert (_ZH_PURPOSE.search(before) is not None) is aim


@pytest.mark.parametrize(("sentence", "declines"), [
    ("This 2D factorization reaches an efficiency-fidelity trade-off.", False),
    ("Foundation models excel on smaller datasets.", False),
    ("The method yields smaller gains on long inputs.", True),  # smaller of a gain is still a decline
    ("Accuracy drops on noisy inputs.", True),
])
def test_a_trade_off_or_a_size_is_no_decline(sentence: str, declines: bool) -> None:
    from checker.analysis import lexicon as lx
    from checker.analysis.align import Piece
    from checker.analysis.worse import EN_WEAKER, _says_weaker
    assert _says_weaker(Piece(sentence), EN_WEAKER + lx.EN_WORSE, costs_apart=True) is declines
