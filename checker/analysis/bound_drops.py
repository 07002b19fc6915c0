"""The bounds attribute of the overstatement comparison: a number the abstract bounds ("up to 1.30×", "over 23
countries", "nearly 240k", "approximately 500GB") that a block states flat ("提高1.30倍", "23个国家", "24万").

Numbers are paired by value through checker.numbers (so 24万 pairs with 240k and 1.30倍 with 1.3×), in families
(percentages and points, multipliers, counts and plain numbers). A number of a block is a dropped bound when
every abstract number of that value and family carries a bound (checker.numbers' approx, lower and upper
qualifiers, and "as much/high/many as") and the block's number keeps none next to it: a Chinese bound word in
the few characters before it (高达, 最高, 约, 近, 超过, 至少, 不到 ...) or after it (以上, 左右, 多, 余, 以内 ...).
Each block is read on its own: a block must be faithful even when another one keeps the bound.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import NamedTuple

from checker.analysis.align import normalize_number
from checker.analysis.context import PaperContext
from checker.analysis.per_paper import abstract_sentences, number_view
from checker.numbers.quantity import APPROX, LOWER, RANGE, UPPER, Quantity
from checker.numbers.text_spans import sentence_around
from checker.text.sentences import clause_at

_BOUNDS = frozenset({APPROX, LOWER, UPPER})
_FAMILY = {"percent": "share", "points": "share", "multiplier": "factor", "count": "count", "plain": "plain"}

# English bound words right before a number (searched at the end of the 30 characters before it), beyond
# checker.numbers' qualifiers: "as much as", "as high as", "as many as", "as large as", "as little as".
_EN_BOUND_BEFORE = re.compile(
    r"(?:\b(?:up to|as (?:much|high|many|large|little|few|low) as|approximately|approx\.|about|around|roughly|"
    r"nearly|almost|close to|some|at most|at least|less than|fewer than|more than|greater than|over|above|"
    r"below|under|exceeding|exceeds|beyond|within|upwards of|in excess of)\s+(?:\$|~|a\s+|an\s+)?|"
    r"[~≈∼<>≤≥]\s*)$", re.IGNORECASE)
# Chinese bound words before a number, at most four characters before it ("最高提升25%", "提高高达25%"), and
# right after it ("23个以上", "5分钟以内", "3倍多").
_ZH_BOUND_BEFORE = re.compile(
    r"(?:高达|最高|最多|多达|至多|可达|达到|达|约|大约|大概|近|接近|将近|几乎|超过|超|逾|高于|多于|至少|大于|不到|不足|低于|少于|"
    r"小于|不超过|低至|最低|上限|~|≈|∼|<|≤|＜|>|≥)[^，。；、\d]{0,4}$")
_ZH_BOUND_AFTER = re.compile(r"\s*(?:[个项种名条篇例次位组份家])?(?:以上|以下|以内|之内|内|左右|上下|多|余|开外)")
_ZH_WINDOW = 10
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class DroppedBound:
    block: str
    clause: str
    number: str  # as the block writes it
    bound: str  # the abstract's bound and number: "up to 1.30"
    sentence: str  # the abstract sentence that bounds it
    distinctive: bool  # a decimal, a share or a factor: its value alone pairs the two sides


class _Number(NamedTuple):
    """A number to pair: a quantity of checker.numbers, or a measure with a unit glued to it ("500GB", "30ms"),
    which checker.numbers reads as a name."""

    value: float
    family: str  # share, factor, count, plain, or the unit of a measure
    start: int
    end: int
    text: str
    qualifiers: frozenset[str]


# Units of measure written right after the digits; not scale letters (7B, 1K), which name models and sets.
_MEASURE = re.compile(r"(?<![A-Za-z\d.])(\d+(?:\.\d+)?)\s?(TB|GB|MB|KB|PB|GHz|MHz|kHz|ms|μs|ns|min|hrs|kWh|kW|MW|mW|dB|km|cm|"
                      r"mm|kg)(?![A-Za-z\d])")


_MEASURE_SCREEN = re.compile(r"\d\s?[TGMKPkmμnhdc]")  # a digit before a unit's first letter: most texts have none


def _numbers(quantities: list[Quantity], text: str) -> list[_Number]:
    found = [_Number(q.value, _FAMILY[q.kind], q.start, q.end, q.text, q.qualifiers) for q in quantities]
    if _MEASURE_SCREEN.search(text):
        found += [_Number(float(m.group(1)), m.group(2).lower(), m.start(), m.end(), m.group(0), frozenset())
                  for m in _MEASURE.finditer(text)]
    return found


def _compatible(a: _Number, b: _Number) -> bool:
    return a.family == b.family or ("plain" in (a.family, b.family) and a.family in _FAMILIES and b.family in _FAMILIES)


_FAMILIES = frozenset(_FAMILY.values())


def _english_bound(abstract: str, quantity: _Number) -> str | None:
    """The bound words right before an abstract quantity ("up to "), None when it is stated flat."""
    window = abstract[max(0, quantity.start - 30):quantity.start]
    match = _EN_BOUND_BEFORE.search(window)
    if match is not None:
        return match.group(0)
    if quantity.qualifiers & _BOUNDS:
        return next(iter(sorted(quantity.qualifiers & _BOUNDS)))
    return None


def _chinese_bound(text: str, quantity: _Number) -> bool:
    """The block keeps a bound next to its number (within the clause)."""
    if quantity.qualifiers & _BOUNDS:
        return True
    start = quantity.start
    before = text[max(0, start - _ZH_WINDOW):start]
    for mark in "，。；,;\n":
        before = before.rsplit(mark, 1)[-1]
    return bool(_ZH_BOUND_BEFORE.search(before) or _EN_BOUND_BEFORE.search(before)
                or _ZH_BOUND_AFTER.match(text, quantity.end))


def _sentence_with(ctx: PaperContext, shown: str) -> str | None:
    """The whole abstract sentence holding the bounded number (the first that holds its digits and the bound's
    first word)."""
    digits = _DIGITS.search(shown)
    if digits is None:
        return None
    number = normalize_number(digits.group(0))
    word = shown.split()[0].lower() if shown[:1].isalpha() else ""
    for sentence in abstract_sentences(ctx):
        if number in sentence.numbers and word in sentence.text.lower():
            return sentence.text
    return None


def _worth_pairing(quantity: _Number) -> bool:
    """Single-digit whole counts ("3个数据集") pair with too much; a share, factor or measure of any size does
    not."""
    if quantity.family not in ("count", "plain"):
        return True
    return quantity.value >= 10 or quantity.value != int(quantity.value)


def dropped_bounds(ctx: PaperContext) -> list[DroppedBound]:
    """Every number of a block stated flat where the abstract bounds every number of its value, memoized."""
    def compute() -> list[DroppedBound]:
        view = number_view(ctx)
        bounded: dict[float, list[tuple[_Number, str]]] = {}
        flat: list[_Number] = []
        for quantity in _numbers(view.abstract_quantities, view.abstract):
            if RANGE in quantity.qualifiers:
                continue
            bound = _english_bound(view.abstract, quantity)
            if bound is None:
                flat.append(quantity)
            else:
                bounded.setdefault(quantity.value, []).append((quantity, bound))
        if not bounded:
            return []
        found = []
        for block in view.blocks:
            for quantity in _numbers(block.quantities, block.text if block.quantities else block.raw):
                if RANGE in quantity.qualifiers or not _worth_pairing(quantity):
                    continue
                pairs = [(q, b) for value, items in bounded.items() if math.isclose(value, quantity.value)
                         for q, b in items if _compatible(q, quantity)]
                if not pairs or any(math.isclose(q.value, quantity.value) and _compatible(q, quantity) for q in flat):
                    continue
                if _chinese_bound(block.text, quantity):
                    continue
                source, bound = pairs[0]
                # The clause as the block writes it (normalizing keeps the length unless the block holds LaTeX).
                text = block.raw if len(block.raw) == len(block.text) else block.text
                clause = clause_at(text, quantity.start).text
                distinctive = quantity.family != "count" or quantity.value != int(quantity.value)
                shown = f"{bound}{view.abstract[source.start:source.end]}".strip()
                found.append(DroppedBound(block.name, clause, quantity.text.strip(), shown,
                                          _sentence_with(ctx, shown) or sentence_around(view.abstract, view.starts, source.start), distinctive))
        return found

    result: list[DroppedBound] = ctx.memo("claims.dropped_bounds", compute)
    return result
