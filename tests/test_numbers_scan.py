"""The fast paths of the number readers must give exactly what the plain regular expressions give.

``scan(pattern, screen, text)`` and ``scan_at(pattern, text, starts)`` must equal ``pattern.finditer(text)``;
the mask-based shortcuts (digit runs, number words, digit tokens, sentence starts) and the screens that skip
a text (``may_hold_quantity``, the list-marker hint) must agree with the regexes they stand for. Random texts
are built from fragments of real abstracts and summaries, where the shortcuts have edges.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.analysis import number_marks
from checker.numbers import chinese, english, english_words, latex, names, quantity, text_spans
from checker.numbers.scan import scan, scan_at
from checker.text import sentences

TEXTS = [
    "improves accuracy by 12.5% (from 70.1 to 82.5) over GPT-4o and Qwen2.5-7B, 3x faster, -36.8% error",
    "Section 3.2 of arXiv:2401.12345 reports ten benchmarks, twenty-five tasks, a third of the cost; twice as fast",
    "在FBP数据集上，相比U-Net(4c)提升19.21% mIoU，约22.6万条样本，三个数据集，两阶段，1）编码；2）解码；5）掩码",
    "①感知②时序③认知，第20届，64x48，1/10，百分之五十，三成，2015至2025年，－３．５％",
    "", "-", "1", ".5", "a-1", "(2)", "一种", "for a task",
]
PATTERNS = [
    (english._QUANTITY, english._QUANTITY_SCREEN),
    (english_words._NUMBER_WORDS, english_words._NUMBER_WORDS_SCREEN),
    (chinese._ARABIC, chinese._ARABIC_SCREEN),
    (chinese._CHINESE_COUNT, chinese._CHINESE_COUNT_SCREEN),
    (number_marks.MARKER, number_marks.MARKER_START),
]
# Pieces of real texts where the shortcuts have edges: names, signs, points, ranges, LaTeX, number words that
# are parts of other words (often, attention, someone), phrases (a third, an order of magnitude), white space.
FRAGMENTS = [
    "one", "two", "three", "ten", "twenty", "twentyfive", "twenty-five", "-fold", "twofold", "a third", "thirds",
    "a dozen", "an order of magnitude", "twice", "doubled", "half", "hundred", "thousand", "million", "percent",
    "often", "attention", "someone", "seventeen", "seven", "One", "TWO", "%", "x", "×", "times", " ", " ", "  ",
    "\n", "\t", "\x0b", "\x1c", "\xa0", "-", "+", ".", ". ", "; ", "!", "?", ",", "(", ")", "/", "^", "_", "@",
    "GPT", "Qwen", "e", "a", "1", "2", "3", "0", "00", "12", "1,234", "2024", "95", "7. 1", "0.5", ".5", "3-5",
    "$", "\\sim", "{", "}", "10^{3}", "--", "pp", "points", "Section", "Table", "ISO", "v", "K", "M", "B",
    "三", "两", "一", "十", "百分之", "成", "个", "种", "万", "亿", "第", "年", "约", "超过", "１", "％", "①", "）",
    "一一一一", "〇", "零", "٣", "二〇二五", "左右", "以上", "降低", "生成", "三成", "10^", "10 ^{-3}", "2\\times", "x",
]
texts = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)
ascii_texts = texts.map(lambda text: text.encode("ascii", "ignore").decode("ascii"))


def _read(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(match.span(), match.groups()) for match in matches]


@pytest.mark.parametrize(("pattern", "screen"), PATTERNS)
def test_scan_gives_the_matches_of_finditer(pattern: re.Pattern[str], screen: re.Pattern[str]) -> None:
    for text in TEXTS:
        text = text.lower() if pattern is english_words._NUMBER_WORDS else chinese.normalize_chinese(text)
        assert _read(scan(pattern, screen, text)) == _read(list(pattern.finditer(text)))


def test_scan_finds_quantities_after_a_failed_candidate() -> None:
    text = "a - b 12.5% and -3"
    assert [m.group(0) for m in scan(english._QUANTITY, english._QUANTITY_SCREEN, text)] == ["12.5%", "-3"]
    assert [m.group(0) for m in scan_at(english._QUANTITY, text, english._ascii_quantity_starts(text))] == [
        "12.5%", "-3"]


def test_scan_at_skips_candidates_inside_the_previous_match() -> None:
    text = "from 70.1 to 82.5"
    assert [m.group(0) for m in scan_at(english._QUANTITY, text, [5, 6, 8, 13])] == ["70.1 to 82.5"]


def test_number_words_found_from_whole_words_of_the_text() -> None:
    text = "ten benchmarks, often twenty-five tasks, someone doubled it; fourteen of them, in two-stage runs"
    found = [m.group(0) for m in english_words._number_word_matches(text)]
    assert found == ["ten", "twenty-five", "doubled", "fourteen", "two"]
    assert english_words._number_word_matches("attention is often all you need") == []


@settings(max_examples=300, deadline=None)
@given(text=ascii_texts)
def test_ascii_quantity_starts_hold_every_match(text: str) -> None:
    text = english.clean_latex(text)  # may write × (not ASCII): the extractor then scans the general way
    if text.isascii():
        assert _read(scan_at(english._QUANTITY, text, english._ascii_quantity_starts(text))) == _read(
            list(english._QUANTITY.finditer(text)))


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_number_word_matches_are_those_of_finditer(text: str) -> None:
    lower = text.lower()
    assert _read(english_words._number_word_matches(lower)) == _read(list(english_words._NUMBER_WORDS.finditer(lower)))


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_digit_tokens_and_canonical_digits_agree_with_the_regex(text: str) -> None:
    plain = text.replace(",", "")
    assert quantity.digit_tokens(text) == frozenset(m.lstrip("0") or "0" for m in quantity._DIGITS_RE.findall(plain))
    for start in range(len(text)):
        slow = quantity._DIGITS_RE.search(quantity._SEPARATORS.sub("", text[start:]))
        assert quantity.canonical_digits(text[start:]) == ((slow.group(0).lstrip("0") or "0") if slow else "")


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_sentence_starts_agree_with_the_regex(text: str) -> None:
    slow = [m.end() for m in text_spans._SENTENCE_END.finditer(text)
            if text[m.start()] != "." or not sentences._ends_abbreviation(text, m.start())]  # " K. one", "vs. 5"
    assert text_spans.sentence_starts(text) == [0, *slow]


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_a_text_skipped_by_the_screen_holds_no_quantity(text: str) -> None:
    if not chinese.may_hold_quantity(text):
        assert chinese.extract_chinese_quantities(text) == []
        assert chinese.normalize_and_extract(text) == (chinese.normalize_chinese(text), [])


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_class_first_patterns_match_their_assertion_first_forms(text: str) -> None:
    tenths = re.compile(r"(?<![零〇一二两三四五六七八九十百千])(?P<n>[二三四五六七八九])成(?![为功本员果立就型像长熟分绩])")
    year = re.compile(r"(?=[12])(?<![\d.])(?:1[5-9]\d\d|20\d\d)(?![\d.])")
    assert _read(list(chinese._TENTHS.finditer(text))) == _read(list(tenths.finditer(text)))
    assert [m.span() for m in number_marks.ABSTRACT_YEAR.finditer(text)] == [m.span() for m in year.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_the_list_marker_hint_is_found_wherever_a_marker_is(text: str) -> None:
    if number_marks.MARKER.search(text):
        assert number_marks.MARKER_HINT.search(text)


@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_a_text_without_the_scientific_hint_is_left_to_the_other_rewrites(text: str) -> None:
    if not latex._SCIENTIFIC_HINT.search(text):
        assert latex._SCIENTIFIC.sub(latex._format_scientific, text) == text


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="aZ09-_./ xX3(:中", max_size=30))
def test_names_are_those_of_the_token_scan(text: str) -> None:
    # checker.numbers.names looks only around glued digits; it must find what a scan of every token finds
    slow = [m.span() for m in names._TOKEN.finditer(text) if names._is_name(m.group(0).rstrip("."))]
    assert names.names(text) == slow
