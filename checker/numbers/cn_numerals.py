"""Convert one span of Chinese numerals to a number: 三 -> 3, 二十五 -> 25, 三百万 -> 3000000.

Only spans are converted (never whole texts: converting 统一 or 一种 would invent numbers).
"""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS)
_NUMERAL_SET = frozenset(NUMERAL_CHARS)
_DIGIT_SET = frozenset(DIGITS)


def chinese_to_number(span: str) -> int | None:
    """The value of a run of Chinese numerals, or None when it is not a well-formed number."""
    if not span or not _NUMERAL_SET.issuperset(span):
        return None
    if len(span) > 1 and _DIGIT_SET.issuperset(span):
        if len(span) < 4:
            return None  # 三四 is "three or four"
        return int("".join(str(DIGITS[ch]) for ch in span))  # 二〇二五 is read digit by digit
    total = 0  # completed 亿/万 sections
    section = 0  # the current section below 万
    digit: int | None = None
    for ch in span:
        if ch in DIGITS:
            if digit is not None and DIGITS[ch] != 0:
                return None  # 三四 is "three or four", not a number
            digit = DIGITS[ch] if DIGITS[ch] != 0 else None
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            digit = None
            if section == 0 and total == 0:
                return None
            total = (total + section) * LARGE_UNITS[ch] if ch == "亿" else total + (section or 1) * LARGE_UNITS[ch]
            section = 0
    return total + section + (digit or 0)
