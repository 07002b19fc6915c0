"""The one sentence and clause splitter (checker/text/sentences.py), on snippets of real abstracts and blocks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.text import sentences
from checker.text.sentences import (
    Span,
    block_sentences,
    clause_at,
    clauses,
    english_sentences,
    sentence_starts,
    span_at,
)


def _texts(text: str) -> list[str]:
    return [span.text for span in english_sentences(text)]


# (arXiv id, the abstract's words, the sentences they must give); every one was cut wrongly before the
# abbreviation guard, or must still be cut.
REAL = [
    ("2506.17047",  # "et al." before a year in brackets
     "Prior work, notably by Carlini et al. (2020), introduced a technique inspired\nby differential cryptanalysis "
     "to extract neural network parameters. However,\ntheir method suffers from several limitations.",
     ["Prior work, notably by Carlini et al. (2020), introduced a technique inspired\nby differential cryptanalysis "
      "to extract neural network parameters.", "However,\ntheir method suffers from several limitations."]),
    ("2509.10683",  # "vs." before a capital
     "For glioma\nclassification (Low-Grade vs. High-Grade), the CNN achieved 80% accuracy and\nbalanced precision "
     "and recall. The general LLM reached 76% accuracy",
     ["For glioma\nclassification (Low-Grade vs. High-Grade), the CNN achieved 80% accuracy and\nbalanced precision "
      "and recall.", "The general LLM reached 76% accuracy"]),
    ("2509.12194",  # a title in quotes
     '(LLMs). Then, we developed "Dr. CaBot," an AI discussant designed to produce\nwritten and slide-based video '
     "presentations.",
     ["(LLMs).", 'Then, we developed "Dr. CaBot," an AI discussant designed to produce\nwritten and slide-based video '
      "presentations."]),
    ("2512.15783",  # "e.g." before a quote
     "Finally, by providing reliability scores and semantic assessments (e.g. 'this recommendation resembles 500 "
     "cases overridden by experts due to guideline violations'), it enables experts to detect unreliable AI "
     "outputs.",
     None),
    ("2506.15793",  # "i.e." before LaTeX, which opens a sentence elsewhere
     "The resulting\nclean-up time complexity is linearithmic, i.e. $\\mathcal{O}(N\\,\\text{log}\\,N)$,\nwhere $N$ "
     "is the vector dimension. Clean-up space complexity is $\\mathcal{O}(N)$.",
     ["The resulting\nclean-up time complexity is linearithmic, i.e. $\\mathcal{O}(N\\,\\text{log}\\,N)$,\nwhere $N$ "
      "is the vector dimension.", "Clean-up space complexity is $\\mathcal{O}(N)$."]),
    ("2509.11118",  # "viz."
     "This dataset features three distinct\npersonality profiles, viz. Argumentation Profile, Preference Profile, "
     "and\nBuying Style Profile.", None),
    ("2506.16297",  # decimals and "vs." over a line break
     "corruption: noise (7.3% vs. 37.7%), weather (7.5% vs. 33.8%), and blur (7.0%\nvs. 29.5%). Notably, "
     "SyncMapV2 accomplishes this without any robust training.",
     ["corruption: noise (7.3% vs. 37.7%), weather (7.5% vs. 33.8%), and blur (7.0%\nvs. 29.5%).",
      "Notably, SyncMapV2 accomplishes this without any robust training."]),
    ("2605.20910",  # a sentence that opens with a LaTeX command
     "blended via \\emph{Tweedie matching} across overlap regions. \\emph{Stochastic early-phase sampling} then "
     "synchronizes per-window trajectories.",
     ["blended via \\emph{Tweedie matching} across overlap regions.",
      "\\emph{Stochastic early-phase sampling} then synchronizes per-window trajectories."]),
    ("2506.15758",  # a lone capital ends its sentence
     "execution accessible from Python and R. We demonstrate CIfly's utility.",
     ["execution accessible from Python and R.", "We demonstrate CIfly's utility."]),
    ("2509.11377",  # "etc." ends a sentence
     "such as clouds, fire,\nfluids etc. It avoids storing empty cells by masking them during storage.",
     ["such as clouds, fire,\nfluids etc.", "It avoids storing empty cells by masking them during storage."]),
    ("2506.05252",  # "et al." before a lower-case word, and the start of the text
     "but recent work of Attias et al. identifies surprising properties. Et al. is Latin.",
     ["but recent work of Attias et al. identifies surprising properties.", "Et al. is Latin."]),
]


@pytest.mark.parametrize(("arxiv_id", "text", "expected"), REAL, ids=[case[0] for case in REAL])
def test_real_abstract_sentences(arxiv_id: str, text: str, expected: list[str] | None) -> None:
    assert _texts(text) == (expected if expected is not None else [text])


def test_a_missing_space_or_a_digit_after_the_period_still_ends_a_sentence() -> None:
    # 2509.11605 (crawled without the space), 2509.12039 (a numbered part), 2602.18830 (a name with a digit)
    assert _texts("incorporates an abnormality scoring task.Experiments on UCF-Crime demonstrate improvements") == [
        "incorporates an abnormality scoring task.", "Experiments on UCF-Crime demonstrate improvements"]
    assert _texts("image content priors from various degradations. 2) Mask Attribute Conductance (MAC): a") == [
        "image content priors from various degradations.", "2) Mask Attribute Conductance (MAC): a"]
    assert len(_texts("maintaining temporal-spatial consistency. 4DSTAR formulates the generation problem")) == 2
    # ... but not inside names and numbers: 2506.15742, 2506.16777 ("avg."), 2506.16116
    assert len(_texts("we observe that FLUX.1 Kontext improved preservation of objects")) == 1
    assert len(_texts("offer optimal efficiency (avg. 6.9x compression-to-performance ratio) and more")) == 1
    assert _texts("a novel dermatology IQA database, Legit.Health-DIQA-Artificial, using") == [
        "a novel dermatology IQA database, Legit.", "Health-DIQA-Artificial, using"]  # the one miss seen


def test_units_and_words_ending_in_an_abbreviation_end_their_sentence() -> None:
    # 2602.xxxx: "for a 20B-parameter LLM at 3,447ms. On NyayaBench ..."; "20 ms." and "5 sec." too.
    assert len(_texts("for a 20B-parameter LLM at 3,447ms. On NyayaBench it wins.")) == 2
    assert len(_texts("inference times under 20 ms. We demonstrate it.")) == 2
    assert _texts("Results for Tab. 2 hold. Compare with Fig. 3 and Eq. 4. The end.") == [
        "Results for Tab. 2 hold.", "Compare with Fig. 3 and Eq. 4.", "The end."]


def test_initials_do_not_end_a_sentence_but_a_lone_capital_does() -> None:
    assert _texts("Written by Stephanie C. Y. Chan. Then more.") == ["Written by Stephanie C. Y. Chan.", "Then more."]
    # A lone initial before a name reads as "R. We" does: the sentence ends there (not seen in the corpus).
    assert _texts("Written by J. Smith.") == ["Written by J.", "Smith."]
    assert _texts("We target P. infestans with no cost. Ok.") == ["We target P. infestans with no cost.", "Ok."]
    assert _texts("We evaluate on ToolBench-V and ToolBench-R. Our experiments show gains.") == [
        "We evaluate on ToolBench-V and ToolBench-R.", "Our experiments show gains."]


def test_dotted_abbreviations() -> None:
    assert len(_texts("Claim verification, a.k.a. Fact-checking, is hard. Data from the U.S. Department.")) == 2
    assert len(_texts("Models like Qwen2.5. We compare v1.2. Then 3.5. Done")) == 4


def test_spans_carry_their_offsets() -> None:
    text = "  First one.\n  Second (e.g. this) one!  Third?   "
    found = english_sentences(text)
    assert found == [Span(2, 12, "First one."), Span(15, 38, "Second (e.g. this) one!"), Span(40, 46, "Third?")]
    assert all(text[s.start:s.end] == s.text for s in found)


def test_pieces_also_end_at_semicolons_and_before_lower_case() -> None:
    # 2506.16594: the evidence span around one number stops at the semicolon.
    text = ("Our analysis identifies data modalities of unstructured texts\n(78.0%), tabular data (13.6%); "
            "generation\nmethods of prompting (72.9%). it goes on vs. 5 more.")
    starts = sentence_starts(text, pieces=True)
    assert [span.text for span in sentences.spans_between(text, starts)] == [
        "Our analysis identifies data modalities of unstructured texts\n(78.0%), tabular data (13.6%);",
        "generation\nmethods of prompting (72.9%).", "it goes on vs. 5 more."]
    assert sentence_starts(text) == [0]  # no sentence ends: ";" never, "." only before an opener


def test_span_at_gives_the_sentence_holding_a_position() -> None:
    text = "One is here. Two is there."
    starts = sentence_starts(text)
    assert span_at(text, starts, 0).text == "One is here."
    assert span_at(text, starts, 12).text == "One is here."  # white space between belongs to the first
    assert span_at(text, starts, text.index("there")) == Span(13, 26, "Two is there.")


def test_non_ascii_text_takes_the_regex_path_with_the_same_rule() -> None:
    text = "Café results (Low-Grade vs. High-Grade) hold. Naïve methods fail; others\u00a0work. Über alles."
    # Only the ASCII capitals open a sentence, on both paths.
    assert _texts(text) == ["Café results (Low-Grade vs. High-Grade) hold.", "Naïve methods fail; others\u00a0work. Über alles."]


_ALPHABET = st.sampled_from(["a", "B", "Z", "al", "et", "e.g", "vs", "Fig", "C", "x", "3", ".", ". ", "! ", "? ", "Ab", "cd",
                             "; ", " ", "\n", "(", '"', "$", "\\", ",", "é"])


@settings(max_examples=400, deadline=None)
@given(text=st.lists(_ALPHABET, max_size=40).map("".join))
def test_the_ascii_fast_path_agrees_with_the_regex_path(text: str) -> None:
    for pieces in (False, True):
        pattern = sentences.PIECE_END if pieces else sentences.SENTENCE_END
        slow = [0, *(m.end() for m in pattern.finditer(text)
                     if text[m.start()] != "." or not sentences._ends_abbreviation(text, m.start()))]
        assert sentence_starts(text, pieces=pieces) == slow
        for span in sentences.spans_between(text, slow):
            assert text[span.start:span.end] == span.text == span.text.strip() != ""


def test_block_sentences_of_a_chinese_block_keep_their_marks() -> None:
    # seed-digest paper 2 (2512.20845), Method block, shortened.
    block = "基于预训练流式生成模型，提出双分支快速采样框架；引入源导向引导提升生成质量。采用视觉提示策略！\n增强编辑灵活性"
    assert [s.text for s in block_sentences(block)] == [
        "基于预训练流式生成模型，提出双分支快速采样框架；", "引入源导向引导提升生成质量。", "采用视觉提示策略！", "增强编辑灵活性"]
    assert all(block[s.start:s.end] == s.text for s in block_sentences(block))


def test_block_sentences_of_an_english_block_follow_the_english_rule() -> None:
    assert [s.text for s in block_sentences("It beats GPT-4 (vs. Claude). It is fast.")] == [
        "It beats GPT-4 (vs. Claude).", "It is fast."]


def test_clauses_cut_at_chinese_punctuation_but_not_inside_numbers() -> None:
    block = "在精度下降小于1%的情况下，稀疏化到40-60%。加速1,000倍,且3,4两项；无损"
    assert [c.text for c in clauses(block)] == ["在精度下降小于1%的情况下", "稀疏化到40-60%", "加速1,000倍", "且3",
                                                  "4两项", "无损"]
    assert all(block[c.start:c.end] == c.text for c in clauses(block))
    assert clause_at(block, block.index("40")).text == "稀疏化到40-60%"
    assert clause_at(block, 0) == Span(0, 13, "在精度下降小于1%的情况下")


def test_the_judge_numbers_the_sentences_the_report_shows() -> None:
    from checker.analysis.display_align import summary_sentences
    from checker.judge.request import split_sentences

    # Real result blocks: list numbers stay with their item, "vs." ends nothing, ； ends a sentence.
    listed = "1. 每个评估都表现出特征性且高度可预测的总噪声水平\n2. 配对预测噪声通常超过配对数据噪声"
    assert split_sentences(listed) == ["1. 每个评估都表现出特征性且高度可预测的总噪声水平", "2. 配对预测噪声通常超过配对数据噪声"]
    compared = "本文系统审计了二元息肉大小分类（≤5mm vs. >5mm）的多种方法；即使提供完美的尺度信息，提升有限。"
    assert split_sentences(compared) == ["本文系统审计了二元息肉大小分类（≤5mm vs. >5mm）的多种方法；", "即使提供完美的尺度信息，提升有限。"]
    assert split_sentences(compared) == summary_sentences(compared)
