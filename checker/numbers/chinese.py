"""Quantities of Chinese (and Japanese) summary text: Arabic and full-width digits, 万/亿, %, 百分之,
个百分点, 倍, 成, and Chinese numerals before a counter (三个数据集, 两阶段, 十个基准).

Not quantities: digits inside names (Qwen2.5-3B, GPT-4o), list markers (1）, (2)), ordinals (第一),
dates and years.
"""

from __future__ import annotations

import re

from checker.numbers.cn_numerals import chinese_to_number
from checker.numbers.latex import clean_latex
from checker.numbers.quantity import (
    APPROX,
    CONVENTIONAL_LEVELS,
    DOWN,
    FRACTION,
    LOWER,
    RANGE,
    SPAN,
    UPPER,
    WORD,
    Kind,
    Quantity,
    parse_number,
    resolution_of,
)
from checker.numbers.scan import scan

_FULL_WIDTH = str.maketrans("０１２３４５６７８９％．＋－～", "0123456789%.+-~")
_FULL_WIDTH_RE = re.compile("[０-９％．＋－～]")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ARABIC = re.compile(
    rf"(?=[-+±\d])(?<![A-Za-z0-9_.@^\-第])(?<![^%]/)(?P<sign>[-+±](?=\d))?(?P<a>{_NUM})"
    rf"(?:(?P<aunit>%|倍|×)?\s*(?P<sep>-|~|至|到)\s*(?P<b>{_NUM}))?"
    r"(?P<more>多|余)?(?P<scale>\s*(?:万亿|千万|百万|万|亿|千(?![米克瓦]))|[KkMBT](?![A-Za-z0-9]))?"
    r"(?P<unit>\s*(?:%|个百分点|百分点|pp(?![A-Za-z])|倍|(?:x(?![A-Za-z0-9])|×)(?!\s*\d)))?"
)
# Where a match can start (see checker.numbers.scan).
# A number right after "/" is part of a fraction or a path, except in a list of percentages ("4.1%/26.2%").
_ARABIC_SCREEN = re.compile(r"[-+±\d](?<![A-Za-z0-9_.@^\-第].)(?<![^%]/.)")
_SCALES = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "万": 1e4, "亿": 1e8, "千": 1e3, "k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9,
           "T": 1e12}
_CN = "零〇一二两三四五六七八九十百千万亿"
_COUNTERS = (
    "个百分点|百分点|个|种|项|类|篇|件|组|层|阶段|步|名|款|位|条|轮|份|方面|部分|模块|任务|基准|数据集|语言|模型|领域"
    "|倍|天|小时|分钟|秒|周|张|幅|句|段|章|节|例|人|家|所|道|套|台|只|帧|列|万|亿|千|百"
)
_CHINESE_COUNT = re.compile(
    rf"(?=[零〇一二两三四五六七八九十])(?<![第数几若0-9.{_CN}])(?P<n>[零〇一二两三四五六七八九十][{_CN}]*)(?P<more>多|余)?(?P<counter>{_COUNTERS})"
)
_CHINESE_COUNT_SCREEN = re.compile(  # the same pattern, opening with a class: most 一 are not counts
    rf"[零〇一二两三四五六七八九十](?<![第数几若0-9.{_CN}].)[{_CN}]*(?:多|余)?(?:{_COUNTERS})"
)
# A count above one needs a numeral other than 一 (一种 is an article), or a run of 一 read digit by digit.
_MAY_HOLD_COUNT = re.compile("[〇零二两三四五六七八九十百千万亿]")
_SCALE_COUNTERS = frozenset({"万", "亿", "千", "百"})  # 三万个: the scale is part of the number
_COUNTED_AFTER_SCALE = re.compile(r"[个种项名人条篇]")
_ONE_OR_ZERO = frozenset({"一", "零", "〇"})
_WORD_ONLY = frozenset({WORD})
_WORD_MORE = frozenset({WORD, LOWER})
_PERCENT_WORDS = re.compile(rf"百分之(?P<n>[{_CN}点]+|\d+(?:\.\d+)?)")
# A spelled fraction: 六分之一 (1/6), 三分之二, 千分之五; 百分之 is a percentage (above).
_FRACTION_WORDS = re.compile(r"(?P<den>[二两三四五六七八九十千万]+|\d+)分之(?P<num>[一二两三四五六七八九十]+|\d+)")
# Opens with the class (the lookbehind then checks the character before it), so the engine skips ahead fast.
_TENTHS = re.compile(r"(?P<n>[二三四五六七八九])(?<![零〇一二两三四五六七八九十百千].)成(?![为功本员果立就型像长熟分绩])")


def _reversed_alternatives(words: str) -> str:
    return "|".join(sorted((re.escape(word[::-1]) for word in words.split("|")), key=len, reverse=True))


_APPROX_BEFORE = "约|大约|近|接近|将近|大概|~|≈"
_LOWER_BEFORE = "超过|超|逾|高于|多于|至少|大于|>|≥|≳"
_UPPER_BEFORE = "最多|至多|不到|不足|低于|少于|小于|不超过|<|≤|≲"
# Read backwards from the number (one anchored attempt instead of a search over the window).
_BEFORE = re.compile(
    r"\s*(?:(?P<approx>" + _reversed_alternatives(_APPROX_BEFORE) + ")"
    r"|(?P<lower>" + _reversed_alternatives(_LOWER_BEFORE) + ")"
    r"|(?P<upper>" + _reversed_alternatives(_UPPER_BEFORE) + "))"
)
# The character just before a number that _BEFORE can match after (besides white space): most numbers have none.
_BEFORE_ENDINGS = frozenset(word[-1] for word in f"{_APPROX_BEFORE}|{_LOWER_BEFORE}|{_UPPER_BEFORE}".split("|"))
_AFTER = re.compile(r"\s*(?:(?P<approx>左右|上下)|(?P<lower>以上|多|余)|(?P<upper>以下|以内))")
_AFTER_OPENINGS = frozenset("左上以多余")  # the same for _AFTER, just after the number
_DOWN = re.compile("降|减|少|缩短|节省")
_NO_QUALIFIERS: frozenset[str] = frozenset()
_AFTER_NOT_QUANTITY = re.compile(r"^(?:[A-Za-z×]|\.\d|/|年|月|日|号)")
_COUNTED = re.compile(r"\s*(?:个|名|项|条|篇|张|幅|道|例|份|组|位|次|段|句|帧|对|小时|分钟)")
_CONVENTION = re.compile(r"\s*(?:置信|CL\b|C\.L\.|confidence|CI\b)")
_LIST_MARKER_AFTER = re.compile(r"^(?:[）)、]|\.(?!\d)|:|：)")
_BEFORE_LIST_MARKER = frozenset({"", "(", "（", "\n", " ", "：", ":", "；", ";", "，", "。"})


def _kind(unit: str, integer: bool) -> Kind:
    unit = unit.strip()
    if not unit:
        return "count" if integer else "plain"
    if "百分点" in unit or unit == "pp":
        return "points"
    if unit == "%":
        return "percent"
    return "multiplier"


def _qualifiers(text: str, start: int, end: int, sign: str | None) -> frozenset[str]:
    before = text[max(0, start - 8):start]
    found = []
    last, following = before[-1:], text[end:end + 1]
    for match in (_BEFORE.match(before[::-1]) if last in _BEFORE_ENDINGS or last.isspace() else None,
                  _AFTER.match(text, end) if following in _AFTER_OPENINGS or following.isspace() else None):
        if match:
            found.append(APPROX if match.group("approx") else LOWER if match.group("lower") else UPPER)
    if sign == "-" or _DOWN.search(before):
        found.append(DOWN)
    return frozenset(found) if found else _NO_QUALIFIERS


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2099


def _not_a_quantity(text: str, match: re.Match[str], a: str, b: str | None, unit: str | None) -> bool:
    end = match.end()
    after = text[end:end + 2]
    if unit and unit.strip() == "%" and a in CONVENTIONAL_LEVELS and _CONVENTION.match(text, end):
        return True  # 95%置信区间, 95% CL: a convention, not a result
    if unit or match.group("scale"):
        return False
    if _AFTER_NOT_QUANTITY.match(after):
        return True  # 2D, 4o, 1.2.3, 3/5, 2024年, 3月
    if _is_year(a) and (not b or _is_year(b)) and not _COUNTED.match(text, end):
        return True  # 2024, 2019-2023; but 2035个问题 and 1928名患者 are counts
    if not b and a.isdigit() and int(a) <= 30:
        start = match.start()
        before = text[max(0, start - 1):start]
        if _LIST_MARKER_AFTER.match(after) and before in _BEFORE_LIST_MARKER:
            return True  # 1）, (2), 1. , 1、
    return False


def _arabic(text: str) -> list[Quantity]:
    out = []
    for match in scan(_ARABIC, _ARABIC_SCREEN, text):
        sign, a, a_unit, b, more, scale_word, unit = match.group("sign", "a", "aunit", "b", "more", "scale", "unit")
        if _not_a_quantity(text, match, a, b, unit):
            continue
        scale = _SCALES.get(scale_word.strip(), 1.0) if scale_word else 1.0
        end = match.end()
        qualifiers = _qualifiers(text, match.start(), end, sign)
        if more:
            qualifiers = qualifiers | {LOWER}
        if b:
            qualifiers = qualifiers | {RANGE}
        shown = match.group(0).strip()
        unit = unit or ""
        for digits, start, own_unit in (((a, match.start("a"), a_unit or unit), (b, match.start("b"), unit)) if b
                                        else ((a, match.start("a"), a_unit or unit),)):
            value, decimals = parse_number(digits)
            integer = decimals == 0 or value * scale == int(value * scale)
            out.append(Quantity(value * scale, _kind(own_unit, integer), resolution_of(decimals, scale), shown,
                                start, end, qualifiers))
    return out


_FRACTION_WORD = frozenset({WORD, FRACTION})


def _numeral(span: str) -> int | None:
    """Digits or Chinese numerals (a fraction's parts)."""
    return int(span) if span.isdigit() else chinese_to_number(span)


def _words(text: str) -> list[Quantity]:
    out = []
    counts = scan(_CHINESE_COUNT, _CHINESE_COUNT_SCREEN, text) if _MAY_HOLD_COUNT.search(text) or "一一一一" in text else ()
    for match in counts:
        span, more, counter = match.group("n", "more", "counter")
        if counter in _SCALE_COUNTERS:
            span, counter = span + counter, ""
            if not _COUNTED_AFTER_SCALE.match(text, match.end()):
                continue
        elif span in _ONE_OR_ZERO:
            continue  # 一种, 一个: an article, not a count (what chinese_to_number would say, sooner)
        value = chinese_to_number(span)
        if value is None or value <= 1:
            continue
        kind: Kind = "points" if "百分点" in counter else "multiplier" if counter == "倍" else "count"
        start, end = match.start(), match.end()
        out.append(Quantity(float(value), kind, 1.0, match.group(0), start, end,
                            (_WORD_MORE if more else _WORD_ONLY) | _qualifiers(text, start, end, "")))
    for match in _PERCENT_WORDS.finditer(text) if "百分之" in text else ():
        raw = match.group("n")
        if raw[0].isdigit():
            number, decimals = parse_number(raw)
        else:
            whole, _, fraction = raw.partition("点")
            converted = chinese_to_number(whole)
            if converted is None:
                continue
            digits = "".join(str("零一二三四五六七八九".find(ch)) for ch in fraction if ch in "零一二三四五六七八九")
            number, decimals = float(f"{converted}.{digits}" if digits else converted), len(digits)
        out.append(Quantity(value=number, kind="percent", resolution=resolution_of(decimals, 1.0),
                            text=match.group(0), start=match.start(), end=match.end(),
                            qualifiers=frozenset({WORD}) | _qualifiers(text, match.start(), match.end(), "")))
    for match in _FRACTION_WORDS.finditer(text) if "分之" in text else ():
        numerator, denominator = (_numeral(match.group(group)) for group in ("num", "den"))
        if numerator and denominator:
            out.append(Quantity(value=numerator / denominator, kind="plain", resolution=0.001, text=match.group(0),
                                start=match.start(), end=match.end(), qualifiers=_FRACTION_WORD))
    for match in _TENTHS.finditer(text) if "成" in text else ():
        value = chinese_to_number(match.group("n"))
        if value is not None:
            out.append(Quantity(value=value * 10.0, kind="percent", resolution=10.0, text=match.group(0),
                                start=match.start(), end=match.end(),
                                qualifiers=frozenset({WORD, APPROX})
                                | _qualifiers(text, match.start(), match.end(), "")))
    return out


_FRACTION = re.compile(r"(?<![A-Za-z0-9_.\-/^])(?P<a>\d+)/(?P<b>\d+)(?![\d/.^]|\)\^)")
_ORDINAL = re.compile(r"第(?P<a>\d+)(?![\d.])")
_DIMENSION = re.compile(r"(?<![A-Za-z0-9_.\-])(?P<a>\d+)\s*[x×]\s*(?P<b>\d+)(?![A-Za-z0-9.])")
_YEAR = re.compile(r"(?<![\d.])(?P<a>\d{4})(?=\s*(?:年|[-~至到]\s*\d{4}\s*年))")


def _special(text: str) -> list[Quantity]:
    """Fractions (1/10), Arabic ordinals (第20届) and dimensions (64x48), read the same way on both sides."""
    out = []
    if "/" in text:
        for match in _FRACTION.finditer(text):
            numerator, denominator = int(match.group("a")), int(match.group("b"))
            if denominator and not _is_year(match.group("a")):
                out.append(Quantity(value=numerator / denominator, kind="plain", resolution=0.001,
                                    text=match.group(0), start=match.start(), end=match.end(),
                                    qualifiers=frozenset({FRACTION})))
    if "第" in text:
        for match in _ORDINAL.finditer(text):
            out.append(Quantity(value=float(match.group("a")), kind="count", resolution=1.0, text=match.group(0),
                                start=match.start("a"), end=match.end()))
    for match in _DIMENSION.finditer(text) if ("x" in text or "×" in text) else ():
        for group in ("a", "b"):
            out.append(Quantity(value=float(match.group(group)), kind="count", resolution=1.0,
                                text=match.group(0), start=match.start(group), end=match.end()))
    return out


def chinese_years(text: str) -> list[tuple[str, int, int]]:
    """Years written in a Chinese text (2015至2025年, 1840–1910年): (digits, start, end) in the normalized text."""
    return [(m.group("a"), m.start(), m.end()) for m in _YEAR.finditer(normalize_chinese(text))]


_HAS_NUMERAL = re.compile(rf"[0-9０-９{_CN}]")
# A digit (full-width ones are digits too) or a numeral other than 一: 一种 and 一个 are articles, not counts,
# and a run of 一 alone is read as a number only from four characters on (一一一一).
_MAY_HOLD_QUANTITY = re.compile(r"[\d〇零二两三四五六七八九十百千万亿]")


def may_hold_quantity(text: str) -> bool:
    """False when ``extract_chinese_quantities(text)`` is sure to find nothing: one cheap scan, no normalizing."""
    return _MAY_HOLD_QUANTITY.search(text) is not None or "一一一一" in text


# The characters of _FULL_WIDTH_RE, latex._SCREEN and _HAS_NUMERAL together.
_ANYTHING_TO_DO = re.compile(rf"[０-９％．＋－～\\$^{{–—−⁻⁰¹²³⁴⁵⁶⁷⁸⁹0-9{_CN}]")


def normalize_chinese(text: str) -> str:
    """Full-width digits and signs to ASCII (same length, so spans still index the original) and LaTeX."""
    if _FULL_WIDTH_RE.search(text):
        text = text.translate(_FULL_WIDTH)
    return clean_latex(text)


def normalize_and_extract(text: str) -> tuple[str, list[Quantity]]:
    """``normalize_chinese(text)`` and ``extract_chinese_quantities`` of that, normalizing once when once is enough."""
    if not _ANYTHING_TO_DO.search(text) and "--" not in text and "**" not in text:
        return text, []  # one scan instead of three: no full-width sign, no LaTeX, no numeral
    if _FULL_WIDTH_RE.search(text):
        text = text.translate(_FULL_WIDTH)
    normalized = clean_latex(text)
    if not _HAS_NUMERAL.search(normalized):
        return normalized, []
    return normalized, _quantities_of_normalized(normalized)


def extract_chinese_quantities(text: str) -> list[Quantity]:
    """Every quantity of a Chinese text, in order; spans index ``normalize_chinese(text)``."""
    if not _HAS_NUMERAL.search(text):
        return []  # most blocks: nothing to read
    return _quantities_of_normalized(normalize_chinese(text))


def _quantities_of_normalized(text: str) -> list[Quantity]:
    found = _arabic(text) + _special(text)
    found.extend(_words(text))
    found.sort(key=SPAN)
    return found
