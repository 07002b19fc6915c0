"""English extraction: digits, units, scales, number words, ranges, LaTeX, and what is not a quantity.

Sentences are taken from abstracts of the dev corpus (shared/data/real and the seed digest).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.numbers import clean_latex, english_number_words, extract_english_quantities
from checker.numbers.quantity import APPROX, DOWN, FRACTION, LOWER, RANGE, UPPER, WORD


def values(text: str) -> list[tuple[float, str]]:
    return [(round(q.value, 9), q.kind) for q in extract_english_quantities(text)]


def test_percentages_and_signs() -> None:
    # dw-dengwei 2026-02-12, 2602.10137
    found = extract_english_quantities("On FBP, MeCSAFNet-base (6c) surpasses U-Net (4c) by +19.21%, U-Net (6c) by +14.72%")
    assert [(q.value, q.kind, q.resolution) for q in found] == [(19.21, "percent", 0.01), (14.72, "percent", 0.01)]


def test_negative_sign_is_a_decrease_of_the_same_value() -> None:
    [quantity] = extract_english_quantities("achieving -36.8% risk occurrence")
    assert (quantity.value, quantity.kind) == (36.8, "percent")
    assert DOWN in quantity.qualifiers


@pytest.mark.parametrize("text", ["12.4 percent", "12.4\\%", "$12.4\\%$", "12.4 %", "12.4 per cent"])
def test_percent_spellings(text: str) -> None:
    assert values(text) == [(12.4, "percent")]


def test_percentage_points() -> None:
    assert values("improves macro-F1 by 3.5 percentage points") == [(3.5, "points")]


@pytest.mark.parametrize("text", ["a 54x increase", "a 54× increase", "a $54\\times$ increase", "a 54-fold increase",
                                  "54 times faster"])
def test_multiplier_spellings(text: str) -> None:
    # xmkxabc 2025-06-23: "with a 54x increase in reviewer speed efficiency"
    assert values(text) == [(54.0, "multiplier")]


def test_thousands_separators_and_scales() -> None:
    # seed 2512.20655 and dw-dengwei: 3.2M training samples; more than 3.2 million files
    assert values("MaskOpt includes 104,714 metal-layer tiles and 121,952 via-layer tiles.") == [
        (104714.0, "count"), (121952.0, "count")]
    assert values("a dataset containing 3.2M training samples") == [(3200000.0, "count")]
    assert values("labels for more than 3.2 million files") == [(3200000.0, "count")]
    assert values("13B parameters") == [(13e9, "count")]
    assert values("4.5k hours of unlabeled ATC data") == [(4500.0, "count")]


def test_space_grouped_thousands() -> None:
    # xmkxabc 2025-06-23, 2506.15718: "a collection of 11 978 multi-storey (2-10 floors) buildings"
    assert (11978.0, "count") in values("a collection of 11 978 multi-storey buildings")


def test_scale_sets_the_resolution() -> None:
    [quantity] = extract_english_quantities("a dataset of 20M QA pairs")
    assert quantity.resolution == 1e6


def test_number_words() -> None:
    # xmkxabc 2025-12-20, 2512.20638: "two popular open-source models and ten benchmarks"
    assert values("we applied the method to two popular open-source models and ten benchmarks") == [
        (2.0, "count"), (10.0, "count")]
    assert values("fourteen models") == [(14.0, "count")]
    assert values("twenty-five languages") == [(25.0, "count")]
    assert values("three million images") == [(3e6, "count")]
    assert values("a threefold reduction in training time") == [(3.0, "multiplier")]
    [ten] = extract_english_quantities("ten benchmarks")
    assert (ten.value, ten.kind) == (10.0, "count") and WORD in ten.qualifiers


def test_one_alone_is_not_a_count() -> None:
    assert values("one of the most important tasks, a one-shot setting") == []


def test_ranges_share_their_unit() -> None:
    found = extract_english_quantities("improvements of 3.3-7.1% on all tasks")
    assert [(q.value, q.kind) for q in found] == [(3.3, "percent"), (7.1, "percent")]
    assert all(RANGE in q.qualifiers for q in found)
    assert values("$8$--$16$ GPUs") == [(8.0, "count"), (16.0, "count")]
    assert values("from 45% to 60%") == [(45.0, "percent"), (60.0, "percent")]
    assert values("between 3 and 5 layers") == [(3.0, "count"), (5.0, "count")]


def test_latex() -> None:
    assert clean_latex("$\\sim$40\\%") == "~40%"
    [approx] = extract_english_quantities("$\\sim$40\\% of the cases")
    assert (approx.value, approx.kind) == (40.0, "percent") and APPROX in approx.qualifiers
    assert values("a learning rate of $10^{-3}$") == [(0.001, "plain")]
    assert values("$10^{3}$ samples") == [(1000.0, "count")]
    assert values("$2\\times 10^{-3}$") == [(0.002, "plain")]
    # hepstoday 2026-03-12, 2603.10943 writes Unicode superscripts
    tiny, mass = extract_english_quantities("χ > 1.4×10⁻¹² at ~34 μeV")
    assert tiny.value == pytest.approx(1.4e-12) and (mass.value, mass.kind) == (34.0, "count")


def test_qualifiers() -> None:
    [about, over, up_to] = extract_english_quantities("approximately 40%, over 3x and up to 12%")
    assert APPROX in about.qualifiers and LOWER in over.qualifiers and UPPER in up_to.qualifiers


def test_broken_decimal_of_the_pdf_step() -> None:
    # xmkxabc 2025-06-06, 2506.04676: "Gen-n-Val shows significant improvements (7. 1% mAP)"
    assert values("shows significant improvements (7. 1% mAP) over YOLO-Worldv2-M") == [(7.1, "percent")]


@pytest.mark.parametrize("text", [
    "Qwen2.5-3B", "GPT-4o", "ResNet-18", "MIMIC-IV", "Llama-3-8B", "F1 score", "L2 loss", "2D and 3D scenes",
    "in 2024", "arXiv 2501.12345", "Section 3", "Table 2", "Fig. 4", "(2) a verifier", "p = 0.03",
    "LiveCodeBench-v6 (2024.08-2025.05)", "ISO 9001", "top-5 accuracy", "pass@1", "CLEF 2026",
])
def test_not_quantities(text: str) -> None:
    assert values(text) == []


def test_confidence_levels_are_conventions_but_other_levels_are_not() -> None:
    assert values("excluded at 95% CL") == []
    assert values("0.803 (95% CI: 0.799-0.807)") == [(0.803, "plain"), (0.799, "plain"), (0.807, "plain")]
    assert (77.0, "percent") in values("0.803 (77% CI: 0.799-0.807)")


def test_fractions_and_ordinals() -> None:
    [fraction] = extract_english_quantities("despite using about 1/10 of the training data")
    assert fraction.value == pytest.approx(0.1) and FRACTION in fraction.qualifiers
    assert values("the 20th KICSS conference") == [(20.0, "count")]
    assert values("J^P = 1/2^- states") == []


def test_spans_index_the_cleaned_text() -> None:
    text = "reduces error by $\\sim$12.5\\% overall"
    cleaned = clean_latex(text)
    [quantity] = extract_english_quantities(text)
    assert cleaned[quantity.start:quantity.end].startswith("12.5")


@pytest.mark.parametrize("text", ["", "$$", ".", "--", "\\frac{}{}", "1/0"])
def test_bad_input_without_a_number_yields_nothing(text: str) -> None:
    # empty LaTeX, punctuation, an empty fraction and a division by zero: no quantity, and no exception
    assert extract_english_quantities(text) == []


def test_bad_input_with_a_number_yields_it() -> None:
    assert values("1,") == [(1.0, "count")]  # the trailing comma is no thousands separator
    assert values("10^{999}") == [(10.0, "count")]  # beyond a float: the base is read, no overflow raised
    [long] = extract_english_quantities("9" * 400)  # one count over the whole run of digits
    assert (long.kind, long.start, long.end) == ("count", 0, 400)


def test_words_written_together_parts_and_python_powers() -> None:
    # dw-dengwei 2026-05-21, 2605.21299: "assessing how twentyfive LLMs compute conditional inferences"
    assert values("assessing how twentyfive LLMs compute") == [(25.0, "count")]
    # xmkxabc 2025-06-06, 2506.04753: "requiring only one-third of their computational complexity"
    [third] = extract_english_quantities("requiring only one-third of their computational complexity")
    assert third.value == pytest.approx(1 / 3) and FRACTION in third.qualifiers
    # xmkxabc 2025-06-23, 2506.16450: "being 10**4/10**5 times more memory-efficient"
    assert [q.text for q in extract_english_quantities("being 10**4/10**5 times more memory-efficient")] == [
        "10000/100000"]


def test_malformed_fraction_words_are_skipped_not_raised() -> None:
    # "a thirds" matches the number-word pattern but names no fraction: it must not raise (KeyError before),
    # nor be read as 0, and the well-formed fraction after it is still read
    assert english_number_words("a thirds of the runs and one thirds of the rest") == []
    [two_thirds] = english_number_words("a thirds of the runs and two thirds of the rest")
    assert two_thirds.text == "two thirds" and two_thirds.value == pytest.approx(2 / 3)
    assert FRACTION in two_thirds.qualifiers


def test_number_word_spans_stay_in_place_after_a_dotted_capital_i() -> None:
    # "İ".lower() is two characters; spans used to shift by one per İ ("ten" came out as "n b").
    text = "İstanbul (İBB) data: we evaluate ten benchmarks and three million images."
    found = {q.value: text[q.start:q.end] for q in english_number_words(text)}
    assert found == {10.0: "ten", 3_000_000.0: "three million"}


@pytest.mark.parametrize("text", [
    # Real texts that cleaning once and twice used to read differently (spans then pointed beside the number):
    "提出一种新的攻击方法——基于伪影的攻击",  # a Chinese dash pair
    "pair into $\\{(\\texttt{patch},\n\\texttt{ID})\\}$ pairs",  # escaped braces
    "复杂度降低到线性对数（$\\\\mathcal{O}(N\\\\text{log}N)$）",  # a summary's JSON escaped twice
    "$8$--$16$ and $\\sim$40\\% or 2$\\times10^{-3}$",
])
def test_cleaning_latex_twice_changes_nothing_more(text: str) -> None:
    once = clean_latex(text)
    assert clean_latex(once) == once


@given(st.text(alphabet="\\${}-–—−^ 0123456789.%abcdefghijklmnopqrstuvwxyz中文", max_size=40))
def test_cleaning_latex_is_idempotent(text: str) -> None:
    once = clean_latex(text)
    assert clean_latex(once) == once


# ---------------------------------------------------------------- issue 11 item 5: forms a summary restates

def test_hyphenated_scale_words_carry_their_scale() -> None:
    # dw-dengwei 2025-03-19, 2503.13956: "among 7-billion-parameter video LLMs"
    assert values("among 7-billion-parameter video LLMs") == [(7e9, "count")]
    assert values("a seven-billion-parameter model") == [(7e9, "count")]  # the class: <number word>-<scale>
    assert values("1.5-million images and a million prompts") == [(1.5e6, "count"), (1e6, "count")]
    # dw-dengwei 2026-05-21, 2605.20942: "training a small 2- or 4-billion-parameter model"
    assert values("training a small 2- or 4-billion-parameter model") == [(2e9, "count"), (4e9, "count")]


def test_spelled_fractions() -> None:
    # dw-dengwei 2026-02-12, 2602.10725: "is at most one third of the number of compatibility types"
    [third] = extract_english_quantities("is at most one third of the number of compatibility types")
    assert third.value == pytest.approx(1 / 3) and {WORD, FRACTION} <= third.qualifiers
    assert [round(q.value, 4) for q in english_number_words("one-sixth of the cost, two-fifths of users")] == [
        0.1667, 0.4]
    assert [round(q.value, 4) for q in english_number_words("a tenth of the data")] == [0.1]
    assert english_number_words("a fifth model and the sixth stage") == []  # ordinals, not fractions
    # dw-dengwei 2026-05-21, 2605.21178: "one in three metaphors in the output were changed"
    [proportion] = [q for q in english_number_words("one in three metaphors in the output") if FRACTION in q.qualifiers]
    assert proportion.value == pytest.approx(1 / 3)
    assert [q.value for q in extract_english_quantities("1 in 10 samples") if FRACTION in q.qualifiers] == [0.1]


def test_latex_powers_are_exact_and_comparisons_are_cleaned() -> None:
    assert clean_latex("$10^{30}$") == "1" + "0" * 30  # not 1000000000000000019884624838656
    [big] = extract_english_quantities("$2.5 \\times 10^{30}$ erg")
    assert big.value == 2.5e30 and big.show() == "2.5e+30"
    # hepstoday 2026-03-12, 2603.10818: "at the level of $10^{-6}$"
    assert values("at the level of $10^{-6}$") == [(1e-6, "plain")]
    # dw-dengwei 2025-03-19, 2503.13956: "a fixed low frame rate of frame-per-second (FPS) $\leqslant$2"
    [bound] = extract_english_quantities("frame-per-second (FPS) $\\leqslant$2, leading to")
    assert bound.value == 2 and UPPER in bound.qualifiers
    # dw-dengwei 2026-02-12, 2602.10657: "$8.5\mathrm{B}$ to $60\mathrm{B}$ tokens"
    assert values("$8.5\\mathrm{B}$ to $60\\mathrm{B}$ tokens") == [(8.5e9, "count"), (60e9, "count")]


def test_a_range_with_a_unit_on_each_end() -> None:
    # dw-dengwei 2026-02-12, 2602.10940: "baseline USP scales to 1.30×-1.46× of 2-GPU performance"
    low, high, _ = extract_english_quantities("baseline USP scales to 1.30×-1.46× of 2-GPU performance")
    assert (low.value, high.value) == (1.3, 1.46) and RANGE in high.qualifiers and DOWN not in high.qualifiers


@pytest.mark.parametrize("text", ["MVQA\u201068K", "Sentinel\u20112", "x86\u201164"])
def test_a_unicode_hyphen_keeps_a_name(text: str) -> None:
    # dw-dengwei 2025-09-16, 2509.11589 names "MVQA-68K"; a Unicode hyphen must not free its digits
    assert values(text) == []
