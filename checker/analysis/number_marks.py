"""Numbers of a block that are marks rather than results: list markers (1）, ①, 一是) and years.

A small count that only counts the items listed next to it (三个层次 before 感知、时序和认知) is read here for the
number verdicts (N101, N102); the list-numbering rule (N103) scans the markers; the hallucinated-number rule
reads years. The patterns open on a character class, so the regex engine skips ahead fast; ``tests`` check them
against their plain forms.
"""

from __future__ import annotations

import re

from checker.numbers import Quantity, clause_around

CIRCLED = "①②③④⑤⑥⑦⑧⑨"
_CN_DIGITS = "一二三四五六七八九"
_ENUMERATION_JOINS = re.compile(r"、|和|与|以及|及|或|,")
_LIST_MARKERS = re.compile(r"(?:^|(?<=[\s，。；：:（(]))([1-9])[）)]|([①②③④⑤⑥⑦⑧⑨])|([一二三四五六七八九])是")

# A marker is a digit 1-9 before a closing parenthesis, or a circled digit: one scan of all the blocks together
# tells most papers apart (the class opens the pattern, so the engine skips ahead fast).
MARKER_HINT = re.compile(r"[1-9①-⑨](?:(?<=[1-9])[)）]|(?<=[①-⑨]))")
MARKER = re.compile(r"(?=[（(1-9①-⑨])(?:^|(?<=[\s，。；：:;、]))[（(]?([1-9])[）)]|([①②③④⑤⑥⑦⑧⑨])")
# Where a marker can start (checker.numbers.scan): "(1", "1)" or a circled digit.
MARKER_START = re.compile(r"[（(1-9①-⑨](?:(?<=[（(])[1-9]|(?<=[1-9])[）)]|(?<=[①-⑨]))")

# A year of the abstract (1500-2099, not part of a longer number). Opens with the class (the lookbehind then
# checks the character before it), so the engine skips ahead fast.
ABSTRACT_YEAR = re.compile(r"[12](?<![\d.].)(?:(?<=1)[5-9]\d\d|(?<=2)0\d\d)(?![\d.])")


def enumerated(text: str, quantity: Quantity) -> bool:
    """A small count that only counts the items listed next to it (感知、时序和认知三个层次, 两大挑战：1）... 2）...)."""
    value = int(quantity.value)
    clause = clause_around(text, quantity.start, quantity.start)
    listed = len(_ENUMERATION_JOINS.findall(clause[: max(clause.find(quantity.text), 0)]))
    if listed and listed + 1 == value:
        return True
    markers = set()
    for match in _LIST_MARKERS.finditer(text):
        digit, circled, chinese = match.groups()
        markers.add(int(digit) if digit else CIRCLED.index(circled) + 1 if circled else _CN_DIGITS.index(chinese) + 1)
    return bool(markers) and max(markers) == value
