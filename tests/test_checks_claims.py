"""Claim rules on real papers from the corpus (tests/fixtures/claims_papers.jsonl): a true catch, made the
way the mutation harness makes one where the corpus has no natural case, and a close call that stays quiet."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import edited

from checker.engine.audit import check_paper
from checker.model import Finding, Paper
from checker.rules.registry import select_rules

pytestmark = pytest.mark.papers("tests/fixtures/claims_papers.jsonl")


def run(paper: Paper, rule: str) -> list[Finding]:
    return check_paper(paper, "zh", select_rules([rule], None))


def test_direction_flip_aligned_by_number_is_caught(papers: dict[str, Paper]) -> None:
    # "we increase inference speed by a factor of $56$" restated as "推理速度提高了56倍", then flipped.
    paper = papers["2503.13724"]
    assert run(paper, "C101") == []
    findings = run(edited(paper, "result", "推理速度提高了56倍", "推理速度降低了56倍"), "C101")
    assert [(f.block, f.summary_span) for f in findings] == [("result", "推理速度降低了56倍")]
    assert findings[0].abstract_span and "56" in findings[0].abstract_span


def test_direction_flip_of_a_good_quantity_is_caught(papers: dict[str, Paper]) -> None:
    paper = papers["2503.13710"]
    assert run(paper, "C101") == []
    findings = run(edited(paper, "result", "提高了视觉保真度", "降低了视觉保真度"), "C101")
    assert [f.block for f in findings] == ["result"]


def test_direction_close_calls_stay_quiet(papers: dict[str, Paper]) -> None:
    # "不显著降低性能" is a negated decrease; "不如传统CNN" restates "CNNs outperformed LLMs".
    assert run(papers["2506.16046"], "C101") == []
    assert run(papers["2509.10683"], "C101") == []


def test_direction_flip_read_word_by_word_is_caught(papers: dict[str, Paper]) -> None:
    # "显著性能提升" flipped to 下降 in a clause without a number: the abstract sentence about performance says
    # "increase ... speed" and "reduce ... cost" at once, and the word nearest "performance" decides.
    paper = papers["2503.13724"]
    findings = run(edited(paper, "conclusion", "显著性能提升", "显著性能下降"), "C101")
    assert [(f.block, f.severity.value) for f in findings] == [("conclusion", "info")]


def test_direction_flip_with_a_mixed_abstract_sentence_is_caught(papers: dict[str, Paper]) -> None:
    # "It significantly improves knowledge fidelity and retrieval efficiency ..., reduces hallucination":
    # a sentence with both directions; "improves" stands nearest "fidelity", so 下降 of 保真度 is a flip.
    paper = papers["2512.20651"]
    assert run(paper, "C101") == []
    findings = run(edited(paper, "tldr", "显著提升长期对话中的知识保真度", "显著下降长期对话中的知识保真度"), "C101")
    assert [(f.block, f.severity.value) for f in findings] == [("tldr", "info")]
    assert findings[0].abstract_span and "improves knowledge fidelity" in findings[0].abstract_span


def test_direction_words_joined_by_a_conjunction_keep_their_own_objects(papers: dict[str, Paper]) -> None:
    # "显著降低延迟并提高吞吐量": 延迟 goes down and 吞吐量 up, as the abstract says; 延迟 is not what 提高 raises.
    paper = papers["2605.20624"]
    assert "显著降低延迟并提高吞吐量" in (paper.blocks["conclusion"].text or "")
    assert run(paper, "C101") == []
    findings = run(edited(paper, "conclusion", "显著降低延迟并提高吞吐量", "显著提高延迟并提高吞吐量"), "C101")
    assert [f.block for f in findings] == ["conclusion"]


def test_negation_added_is_caught(papers: dict[str, Paper]) -> None:
    paper = edited(papers["2503.13710"], "result", "提高了视觉保真度", "未能提高视觉保真度")
    findings = run(paper, "C102")
    assert [f.block for f in findings] == ["result"]
    assert findings[0].summary_span and "未能提高" in findings[0].summary_span


def test_real_negation_matching_the_abstract_stays_quiet(papers: dict[str, Paper]) -> None:
    # "可能不如定制化的Mask R-CNN" restates "do not outperform a custom Mask R-CNN".
    assert run(papers["2506.04970"], "C102") == []
    assert run(papers["2509.10683"], "C102") == []


def test_negated_verb_is_matched_to_the_abstract_verb(papers: dict[str, Paper]) -> None:
    # "有效解决了...模式崩溃问题" negated: the abstract says StegOT effectively addresses the collapse.
    paper = papers["2509.11178"]
    assert run(paper, "C102") == []
    findings = run(edited(paper, "conclusion", "有效解决了", "无法有效解决了"), "C102")
    assert [(f.block, f.severity.value) for f in findings] == [("conclusion", "info")]


def test_negation_far_from_a_without_is_caught(papers: dict[str, Paper]) -> None:
    # "supervised learning can overcome traditional limitations ... without ..." negated as 不能克服: a
    # "without" elsewhere in the sentence no longer hides the claim; 克服 is matched to "overcome".
    paper = papers["2506.16925"]
    assert run(paper, "C102") == []
    findings = run(edited(paper, "conclusion", "监督学习可以克服", "监督学习不能克服"), "C102")
    assert [(f.block, f.severity.value) for f in findings] == [("conclusion", "info")]


def test_what_other_methods_cannot_do_stays_quiet(papers: dict[str, Paper]) -> None:
    # "并能解决传统方法无法解决的问题": the negation is about the baseline, not a denied claim of the paper.
    paper = papers["2506.17211"]
    assert "传统方法无法解决" in (paper.blocks["tldr"].text or "")
    assert run(paper, "C102") == []


def test_intensifier_without_licence_is_caught(papers: dict[str, Paper]) -> None:
    # Abstract: "we not only achieve a trade-off ... but also enhance the quality" (no "significant").
    findings = run(papers["2509.11178"], "C103")
    assert ("result", "还显著提升了隐写图像和恢复图像的质量") in [(f.block, f.summary_span) for f in findings]


def test_intensifier_licensed_by_a_large_number_stays_quiet(papers: dict[str, Paper]) -> None:
    # "显著降低传输功率" restates "reduces transmit power by over 50%".
    assert run(papers["2506.16216"], "C103") == []


def test_first_claim_added_is_caught_and_licensed_one_is_not(papers: dict[str, Paper]) -> None:
    paper = papers["2506.16046"]
    mutated = edited(paper, "tldr", "通过简单的Linux命令", "首次通过简单的Linux命令")
    assert [f.block for f in run(mutated, "C104")] == ["tldr"]
    licensed = mutated.model_copy(update={"abstract": (paper.abstract or "") + " This is the first such study."})
    assert run(licensed, "C104") == []


def test_sota_claim_added_is_caught_and_best_performing_is_licensed(papers: dict[str, Paper]) -> None:
    # "最佳性能模型LLaMA" restates "Our best-performing model LLaMA".
    assert run(papers["2509.11492"], "C105") == []
    mutated = edited(papers["2506.16046"], "tldr", "优于复杂的调优方法", "取得了最先进的性能")
    assert [f.block for f in run(mutated, "C105")] == ["tldr"]
    # "outperform" licenses it: 2506.04970's abstract says methods "do not outperform" (still a licence).
    assert run(edited(papers["2506.04970"], "result", "表现出色", "取得了最先进的性能"), "C105") == []


def test_proof_of_a_preliminary_claim_is_caught(papers: dict[str, Paper]) -> None:
    # "证实了它们...的关键作用" where the abstract investigates "the preliminary claim" and, edited, only suggests
    # what it found ("We show that" proves it: 证实 restating "show" is loose wording, not an overclaim).
    paper = papers["2509.10663"]
    assert run(paper, "C106") == []
    suggested = paper.model_copy(update={"abstract": (paper.abstract or "").replace("We show that", "Our results suggest that")})
    findings = run(suggested, "C106")
    assert [(f.block, f.summary_span) for f in findings] == [("result", "证实了它们在处理冲突信息中的关键作用")]
    assert findings[0].abstract_span


def test_proof_where_the_abstract_demonstrates_stays_quiet(papers: dict[str, Paper]) -> None:
    paper = papers["2509.10663"]
    demonstrated = paper.model_copy(update={"abstract": (paper.abstract or "").replace("We show", "We demonstrate")})
    assert run(demonstrated, "C106") == []


def test_dropped_number_hedge_is_caught(papers: dict[str, Paper]) -> None:
    # "将Whisper模型的语音转录速度提高1.6倍" restates "achieve up to 1.6x runtime acceleration".
    findings = run(papers["2506.15912"], "C107")
    assert [(f.block, f.summary_span) for f in findings] == [("tldr", "将Whisper模型的语音转录速度提高1.6倍")]
    assert "up to" in findings[0].message


def test_kept_number_hedge_stays_quiet(papers: dict[str, Paper]) -> None:
    # "提高高达25%" keeps "improve energy efficiency by up to 25%".
    assert run(papers["2506.16046"], "C107") == []


def test_dropped_modal_hedge_is_caught_and_kept_one_is_not(papers: dict[str, Paper]) -> None:
    paper = papers["2506.16046"]
    hedged = paper.model_copy(update={"abstract": (paper.abstract or "").replace(
        "setting a simple power cap can improve", "setting a simple power cap may improve")})
    flat = edited(hedged, "result", "可以将能效比传统节能系统配置提高高达25%", "将能效比传统节能系统配置提高高达25%")
    assert [f.block for f in run(flat, "C108")] == ["result"]
    assert run(hedged, "C108") == []  # the real block says 可以


def test_swapped_entity_is_caught(papers: dict[str, Paper]) -> None:
    paper = papers["2509.11492"]
    assert run(paper, "U101") == []
    findings = run(edited(paper, "result", "LLaMA", "Mistral-7B"), "U101")
    assert [(f.block, f.summary_span) for f in findings] == [("result", "Mistral-7B")]


def test_entity_matching_ignores_case_hyphens_and_spelled_out_acronyms(papers: dict[str, Paper]) -> None:
    paper = papers["2509.10683"]  # abstract: "convolutional neural networks (CNNs)", "LLaMA 3.2"
    assert run(edited(paper, "tldr", "传统CNN", "传统CNNs"), "U101") == []
    assert run(edited(paper, "tldr", "LLMs", "LLaMA-3.2"), "U101") == []


def test_method_name_omitted(papers: dict[str, Paper]) -> None:
    paper = papers["2509.11492"]  # title "ClaimIQ at CheckThat! 2025: ..." names no single method
    assert run(paper, "O301") == []
    named = paper.model_copy(update={"title": "ClaimIQ: Comparing Prompted and Fine-Tuned Language Models"})
    findings = run(named, "O301")
    assert [f.abstract_span for f in findings] == ["ClaimIQ"]
    for block in named.blocks.values():
        block.text = (block.text or "") + "ClaimIQ"
    assert run(named, "O301") == []


def test_benchmarks_omitted(papers: dict[str, Paper]) -> None:
    # "... on UCF-101, HMDB-51, K-400, K-600 and SS-v2": the real result block names them all.
    paper = papers["2503.13724"]
    assert run(paper, "O302") == []
    unnamed = edited(paper, "result", "在UCF-101、HMDB-51、K-400、K-600和SS-v2数据集上", "在五个数据集上")
    findings = run(unnamed, "O302")
    assert len(findings) == 1 and "UCF-101" in findings[0].message and findings[0].abstract_span


def test_a_second_run_gives_the_same_findings(papers: dict[str, Paper]) -> None:
    """Checking the papers twice in one process gives the same findings, in the same order. One process has one
    hash seed: tests/test_determinism.py runs the CLI under several PYTHONHASHSEED values."""
    rules = select_rules(["C", "U", "O3"], None)
    first = [check_paper(p, "zh", rules) for p in papers.values()]
    assert any(first)
    assert first == [check_paper(p, "zh", rules) for p in papers.values()]


def test_no_claim_rule_raises_on_empty_or_odd_papers() -> None:
    rules = select_rules(["C", "U", "O3"], None)
    odd = Paper(arxiv_id="0000.00000", title=":", abstract="1,000. ~ up to", blocks={})
    assert check_paper(odd, "zh", rules) == []


# Recall round (issue 4): each catch is a flip or negation made as eval/mutations.py makes it on a real paper,
# each close call a real corpus sentence that must stay quiet. Issue 11: a finding is info unless the clause is
# confidently aligned onto the sentence it quotes and both state one quantity (checker.analysis.restatement);
# only then does it keep the rule's warning.


def test_direction_read_at_the_word_nearest_the_shared_number(papers: dict[str, Paper]) -> None:
    # The clause has 增强 and 降低; the abstract says "an improvement in sensitivity of 8.6% and 10.4%".
    paper = papers["2512.16739"]
    assert run(paper, "C101") == []
    findings = run(edited(paper, "result", "灵敏度分别提高了", "灵敏度分别降低了"), "C101")
    # info: C101's calibrated ceiling (checker/data/calibration.json) caps even its confident path
    assert [(f.block, f.severity.value) for f in findings] == [("result", "info")]
    assert findings[0].abstract_span and "8.6%" in findings[0].abstract_span


def test_direction_verdict_words_compare_with_each_other(papers: dict[str, Paper]) -> None:
    # "17.1% relative improvement in WER": 改善 agrees, 恶化 does not, though WER is a cost.
    paper = papers["2512.16401"]
    assert run(paper, "C101") == []
    findings = run(edited(paper, "result", "相对改善", "相对恶化"), "C101")
    assert [f.block for f in findings] == ["result"] and "worse" in findings[0].message


def test_loose_improve_about_a_cost_stays_quiet(papers: dict[str, Paper]) -> None:
    # "将平均响应时间提高了16%" restates "a 16% improvement in average response time": loose, not flipped.
    assert run(papers["2506.16882"], "C101") == []


def test_bound_flipped_on_a_shared_number_is_caught(papers: dict[str, Paper]) -> None:
    # "achieving an accuracy exceeding 98.36%" restated as 超过98.36%, then turned into 低于98.36%.
    paper = papers["2512.16183"]
    assert run(paper, "C101") == []
    findings = run(edited(paper, "result", "准确率超过98.36%", "准确率低于98.36%"), "C101")
    assert [(f.block, f.summary_span) for f in findings] == [("result", "准确率低于98.36%（死亡检测）")]
    assert "at most 98.36" in findings[0].message


def test_bounds_on_a_share_or_under_a_denial_stay_quiet(papers: dict[str, Paper]) -> None:
    # "比SA-UNet减少50%以上" for "(less than 50% of SA-UNet)"; "均低于0.55" for "no pre-trained system ...
    # exceeds 0.55": both right.
    assert run(papers["2509.11774"], "C101") == []
    assert run(papers["2605.20731"], "C101") == []


def test_good_quantity_down_against_praise_is_caught(papers: dict[str, Paper]) -> None:
    # The abstract has no direction word about performance, only "achieving remarkable performance".
    paper = papers["2512.21288"]
    assert run(paper, "C101") == []
    findings = run(edited(paper, "result", "显著性能提升", "显著性能下降"), "C101")
    assert [(f.block, f.severity.value) for f in findings] == [("result", "info")]
    assert findings[0].abstract_span and "remarkable performance" in findings[0].abstract_span


def test_weakening_a_known_quantity_in_a_contrast_stays_quiet(papers: dict[str, Paper]) -> None:
    # "但在测试集上出现显著性能下降": a reported weakness; the abstract's praise is about the validation set.
    assert run(papers["2509.11492"], "C101") == []


def test_enhanced_compound_turned_into_weakened_is_caught(papers: dict[str, Paper]) -> None:
    # "AI-augmented assessment" (AI增强评估) turned into AI削弱评估.
    paper = papers["2512.20714"]
    assert run(paper, "C101") == []
    findings = run(edited(paper, "result", "AI增强评估", "AI削弱评估"), "C101")
    assert [f.block for f in findings] == ["result"]
    assert findings[0].abstract_span and "AI-augmented assessment" in findings[0].abstract_span


def test_negation_aligned_by_a_name_is_caught(papers: dict[str, Paper]) -> None:
    # "AFA mechanism ... optimize attention distributions"; "without requiring manual annotations" in the
    # sentence naming AFA negates nothing.
    paper = papers["2512.20661"]
    assert run(paper, "C102") == []
    findings = run(edited(paper, "conclusion", "能有效优化", "能无法有效优化"), "C102")
    assert [(f.block, f.severity.value) for f in findings] == [("conclusion", "info")]
    assert findings[0].abstract_span and "AFA" in findings[0].abstract_span


def test_denied_showing_ignores_a_negation_inside_what_was_shown(papers: dict[str, Paper]) -> None:
    # "... demonstrate that removing this subtype yields larger improvements ..., indicating that not all
    # irregularity contributes equally": the "not" is part of the finding, so 并未表明 is caught.
    paper = papers["2605.20558"]
    assert run(paper, "C102") == []
    findings = run(edited(paper, "result", "表明不规则性", "并未表明不规则性"), "C102")
    assert [f.block for f in findings] == ["result"]


def test_unseen_without_and_unchanged_stay_quiet(papers: dict[str, Paper]) -> None:
    # "在未观察到的盆地中" (unseen basins), "不改变训练目标" (leaves the objective as it is), "并未形成独立
    # 电路" restating "do not form isolated circuits".
    assert run(papers["2506.05292"], "C102") == []
    assert run(papers["2605.20728"], "C102") == []
    assert run(papers["2602.10382"], "C102") == []


# Patterns added for fresh mutation draws (tests/fixtures/claims_recall_papers.jsonl: real papers of
# eval/data/base.jsonl and of ../shared/data/real). Each catch is a real sentence flipped or negated the way the
# mutation harness does it; the original sentence stays quiet.
@pytest.fixture(scope="module")
def recall_papers(papers_from: Callable[..., dict[str, Paper]]) -> dict[str, Paper]:
    return papers_from("tests/fixtures/claims_recall_papers.jsonl")


def test_digits_inside_a_name_pair_nothing(papers: dict[str, Paper]) -> None:
    # Issue 11, the wrong abstract sentence: "低频输入波段在CIFAR-100上降低了ID/OOD特征差异" restates "low-frequency
    # input bands induce weaker ID/OOD feature discrepancy"; the 100 of CIFAR-100 once paired it with "show
    # gains on CIFAR-100" and raised an error. A digit inside a name is no shared number: no finding.
    paper = papers["2605.20728"]
    for clause in ("低频输入波段在CIFAR-100上降低了ID/OOD特征差异", "在CIFAR-100上降低了ID/OOD马氏距离分数重叠"):
        assert run(edited(paper, "tldr", "实验在CIFAR-100和ImageNet-100上取得有效提升", clause), "C101") == []
    # The same clause with a real shared quantity is still compared: "gains ... 2.5%" invented on both sides.
    flipped = edited(paper, "result", "CIFAR-100取得性能提升", "CIFAR-100取得性能下降2.5%")
    flipped.abstract = (flipped.abstract or "").replace("show gains on CIFAR-100", "show gains of 2.5% on CIFAR-100")
    assert [f.block for f in run(flipped, "C101")] == ["result"]


def test_reading_word_by_word_quoting_another_sentence_is_info(recall_papers: dict[str, Paper]) -> None:
    # "单位内存吞吐量下降高达10³倍" restates "This reduces decode-time KV-cache traffic, yielding up to
    # $10^{3}\times$ higher throughput per unit memory" (the aligner is confident), a sentence naming both
    # directions; the word-by-word reading quotes "This access pattern increases ... throughput", which the
    # clause does not restate: the finding stays, at info, with a low confidence.
    paper = edited(recall_papers["2512.20687"], "result", "吞吐量提升", "吞吐量下降")
    findings = run(paper, "C101")
    assert [(f.block, f.severity.value) for f in findings] == [("result", "info")]
    assert findings[0].confidence < 0.5


# (paper, rule, block, original words, changed words, words of the abstract sentence given as evidence)
RECALL_CATCHES = [
    # 的 opens what the phrase describes (一种降低X的新方法): the object stands before it
    ("2506.04398", "C101", "tldr", "提高无目标", "降低无目标", "improves the sample efficiency"),
    # 、 joins modifiers of one head noun: 降低稀疏奖励、长视野任务的样本效率 lowers a sample efficiency
    ("2512.20831", "C101", "tldr", "提高稀疏奖励", "降低稀疏奖励", "sample efficiency"),
    # the opening's problem ("they struggle with ... understanding") outweighed by the paper's own sentence
    ("2512.20626", "C101", "conclusion", "有效提升对", "有效下降对", "better content understanding"),
    # a cost as the head noun a concept only modifies: 提高推理成本, 将推理成本提高
    ("2602.20205", "C101", "tldr", "降低推理成本", "提高推理成本", "cost"),
    ("2509.10837", "C101", "result", "推理成本降低", "推理成本提高", "reduces inference costs"),
    # 削弱 of the head noun after 的, against "enhance attention in large language models"
    ("2512.20661", "C101", "result", "增强大语言模型的注意力", "削弱大语言模型的注意力", "enhance attention"),
    # at the shared number 4.7 the object of 下降 is 性能, not the 可训练参数 of the condition before it
    ("2512.20674", "C101", "tldr", "提升模型性能", "下降模型性能", "4.7"),
    # 劣于 against an improvement over the same methods at a shared number
    ("2605.20470", "C101", "tldr", "优于现有方法", "劣于现有方法", "+7.4 dB"),
    # "Low densification" names a phase: only "low <quantity>" says a quantity is low
    ("2509.11003", "C101", "tldr", "提升渲染质量", "下降渲染质量", "improves rendering quality"),
    # 门槛 (barriers to adoption), 流量 (KV-cache traffic) and 对X的依赖 (a reliance on X) are costs
    ("2512.15943", "C101", "conclusion", "降低生成式AI", "提高生成式AI", "lower barriers"),
    ("2512.20687", "C101", "tldr", "显著减少KV-cache流量", "显著增加KV-cache流量", "reduces decode-time KV-cache traffic"),
    ("2506.16401", "C101", "result", "减少对传统", "增加对传统", "reducing reliance"),
    # 为...提供了 closes the beneficiary: a negation in the object is a claim
    ("2509.10837", "C102", "conclusion", "提供了有效的", "提供了无法有效的", ""),  # no sentence states it
    ("2512.20724", "C102", "conclusion", "提供了有效的", "提供了无法有效的", "SA-DiffuSeq"),
    # a denied cut of a cost is a denied claim, not a denied harm
    ("2506.15907", "C102", "tldr", "并能有效减少", "并能无法有效减少", "effectiveness"),
    ("2512.15943", "C102", "conclusion", "可以显著降低", "不能显著降低", "lower barriers"),
    # 不确定性, 不同 are no negators
    ("2512.21336", "C102", "conclusion", "有效地将", "无法有效地将", "effectively turning"),
    ("2512.20773", "C102", "result", "实现了模拟", "未能实现模拟", "achieves a strong correlation"),
    # 相比现有方法: other work named as the reference of a comparison, not the subject
    ("2509.11003", "C102", "result", "显著提升了渲染", "显著未能提升渲染", "improves rendering quality"),
    # "... without using the reuse mechanism" negates nothing of the shared 93%
    ("2512.21309", "C102", "result", "实现了93%", "未能实现93%", "93%"),
    # the opening's "This approach may fail to effectively capture" is the problem; the results say it does
    ("2506.16754", "C102", "tldr", "来有效捕获", "来无法有效捕获", "MHCL"),
    # an improvement stated as outperforming
    ("2512.20633", "C102", "tldr", "显著提升预测", "未能提升预测", "outperformed all baselines"),
    # 三个其他流行数据集: more datasets, not other work
    ("2605.20645", "C102", "result", "实验表明", "实验并未表明", "demonstrate"),
    # a good quantity going down the abstract never names, where its own sentences only cut a cost ("reduced
    # estimation error by approximately 20-30%") or acclaim the work ("We demonstrate its effectiveness")
    ("2506.05129", "C101", "tldr", "以提高研究", "以降低研究", "effectiveness"),
    # "To address this limitation" names the problem taken on: no decline the paper reports
    ("2506.17039", "C101", "conclusion", "提高了插值精度", "降低了插值精度", "more accurately"),
    # ranking verbs: "Erkang-Diagnosis-1.1 leads GPT-4"
    ("2512.20632", "C101", "result", "表现优于GPT-4", "表现劣于GPT-4", "leads GPT-4"),
    # a cost going up right after "while keeping" (在保持...的同时), where the abstract's own sentences cut it
    ("2509.11662", "C101", "conclusion", "显著减少了数据需求", "显著增加了数据需求", "1/10 of the training data"),
    ("2509.12105", "C101", "conclusion", "显著减少了训练需求", "显著增加了训练需求", "impressive"),
    # a bound on a number at another scale: 超过1.16亿 for "over 116M"
    ("2605.20528", "C101", "tldr", "超过1.16亿", "低于1.16亿", "over 116M"),
    # a finding that names the quantity and turns to say down right after "but", with or without 但 in the clause
    ("2602.10881", "C101", "result", "性能急剧下降", "性能急剧提升", "but degrades sharply"),
    ("2512.20948", "C101", "result", "性能明显下降", "性能明显提升", "but noticeable degradation"),
    # "spherical harmonic" harms nothing; "Previous CoVR benchmarks ..., limiting practical usefulness" is the
    # problem taken on: neither says the paper's own work got worse
    ("2509.11087", "C101", "conclusion", "都有显著提升", "都有显著下降", "performs better"),
    ("2506.05274", "C101", "conclusion", "显著的性能提升", "显著的性能下降", "raises the state-of-the-art"),
    # a cost going up that the abstract never names, its own sentences only gaining; "with minimal time cost"
    # says a cost stays down
    ("2605.21466", "C101", "result", "显著降低时间成本", "显著提高时间成本", "minimal time cost"),
    # neither a trade-off ("an efficiency-fidelity trade-off") nor a size ("excel on smaller datasets") says the
    # paper's own work got worse
    ("2506.16791", "C101", "result", "可以提高表格", "可以降低表格", "advance the state-of-the-art"),
    # a word stating the paper's aim (为提升...) is read against the opening sentence, which states it too
    ("2605.20404", "C101", "conclusion", "为提升公众AI素养", "为下降公众AI素养", "literacy"),
    # only the opening's problem names the quantity ("suffers from high memory usage and low throughput"): the
    # paper's own sentences, none saying worse, are the evidence
    # a change denied one way where the abstract denies it the other way, of the same quantity
    ("2605.21135", "C101", "tldr", "虽未提升生产力", "虽未下降生产力", "productivity or quality gains"),
    ("2512.20674", "C101", "result", "且不增加可训练参数", "且不减少可训练参数", "without increasing"),
    ("2506.16732", "C101", "tldr", "测试性能并未提高", "测试性能并未降低", "do not necessarily entail better"),
    # a name reversed (Universum削弱 for "Universum-enhanced") whether or not the clause states a finding
    ("2512.21170", "C101", "conclusion", "Universum增强分类器", "Universum削弱分类器", "Universum-enhanced"),
    ("2506.15830", "C101", "conclusion", "量子增强系统", "量子削弱系统", "quantum-enhanced"),
    # a placing in a shared task acclaims the work as much as "state-of-the-art" does
    ("2509.11991", "C101", "conclusion", "有效提升文本", "有效下降文本", "first and second place"),
]


@pytest.mark.parametrize(("arxiv_id", "rule", "block", "old", "new", "evidence"), RECALL_CATCHES)
def test_recall_pattern_is_caught_and_the_original_is_quiet(recall_papers: dict[str, Paper], arxiv_id: str,
                                                            rule: str, block: str, old: str, new: str,
                                                            evidence: str) -> None:
    paper = recall_papers[arxiv_id]
    assert run(paper, rule) == []
    findings = run(edited(paper, block, old, new), rule)
    assert [f.block for f in findings] == [block]
    assert new in (findings[0].summary_span or "")
    if evidence:
        assert findings[0].abstract_span and evidence in findings[0].abstract_span
    else:  # no sentence states the claim and none is confidently restated: none is quoted (never the last one)
        assert findings[0].abstract_span is None


# Real summaries that drafts of these patterns flagged, each correct.
RECALL_QUIET = [
    ("2509.10798", "C101"),  # "比现有方法性能下降更少": a smaller drop than others'
    ("2503.14325", "C101"),  # "50倍的FLOPs减少和44倍的推理速度提升": 和 ends the object of 减少
    ("2605.20950", "C101"),  # "2.53倍加速和67%的FLOPs缩减": 加速 takes no object
    ("2506.15724", "C101"),  # "...解码延迟方面实现了1.3到1.5倍的提升": a nominal improvement of a cost
    ("2506.16591", "C101"),  # "在不损失精度的情况下降低计算负载": no 下降 in 情况下降低
    ("2506.16537", "C102"),  # "比没有敏捷性的星座性能提升约98%": "than constellations without agility"
    ("2512.21110", "C102"),  # "无法理解上下文和识别用户意图" restating the opening's "the inability to understand"
    ("2506.17112", "C101"),  # "提升了模型的实用性": "practically relevant degradation ... mechanisms" names a process
    ("2506.15742", "C101"),  # "显著加快了生成时间": 加快 of a time shortens it
    ("2506.17221", "C101"),  # "增强了时间衰减奖励（TDR）机制": a mechanism named after time decay, no time
]


@pytest.mark.parametrize(("arxiv_id", "rule"), RECALL_QUIET)
def test_recall_close_call_stays_quiet(recall_papers: dict[str, Paper], arxiv_id: str, rule: str) -> None:
    assert run(recall_papers[arxiv_id], rule) == []
