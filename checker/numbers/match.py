"""Does the abstract support a summary quantity? Rounding, unit changes, ranges, signs, and derived values.

A summary quantity ``s`` is supported by an abstract quantity ``a`` when they show the same value after
normalization: ``a`` rounded to the precision ``s`` shows (0.026 -> 0.03), a fraction shown as a percent
(0.85 -> 85%), a multiplier shown as a percent change (2x -> 提升100%), a qualifier's slack (约, over,
不到). Signs are ignored here (-36.8% <-> 降低36.8% is the same number; the direction is a claim).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from checker.numbers.quantity import APPROX, LOWER, UPPER, WORD, Quantity

Status = Literal["supported", "derived", "unsupported"]
_APPROX_SLACK = 0.1  # relative: 约40% is supported by 38.6%
_BOUND_SLACK = 0.2  # relative: 超过40% is supported by 40% to 48%
_MAX_OPERANDS = 40  # derivations look at no more abstract numbers than this (keeps the pair loop cheap)


@dataclass(frozen=True)
class Derivation:
    operation: str  # "+", "-", "/", "% change", "% of", "100 -"
    left: Quantity
    right: Quantity | None
    value: float

    def describe(self) -> str:
        if self.right is None:
            return f"{self.operation} {self.left.show()}"
        return f"{self.left.show()} {self.operation} {self.right.show()}"


@dataclass(frozen=True)
class Support:
    status: Status
    evidence: Quantity | None = None  # the supporting abstract quantity, or the closest candidate
    derivation: Derivation | None = None


def comparable_values(summary: Quantity, abstract: Quantity) -> Iterator[float]:
    """The values ``abstract`` can show in the summary's kind (itself, and its unit changes)."""
    a = abstract.value
    yield a
    if summary.kind in ("percent", "points"):
        if abstract.kind in ("plain", "count") and a <= 1:
            yield a * 100
        elif abstract.kind == "multiplier":
            yield (a - 1) * 100 if a >= 1 else (1 - a) * 100
            yield a * 100
    elif summary.kind == "multiplier":
        if abstract.kind in ("percent", "points"):
            yield a / 100 + 1
            yield a / 100
        elif abstract.kind == "multiplier" and 0 < a < 1:
            yield 1 / a  # 降低4倍 for "0.25x the cost"
    elif abstract.kind == "percent" and summary.value <= 1:
        yield a / 100


def _tolerance(summary: Quantity, abstract: Quantity) -> float:
    tolerance = summary.resolution / 2
    if summary.resolution >= 100:
        tolerance = summary.resolution  # 36.9万 for 369,837: writers truncate scaled numbers
    if abstract.value >= 1000 and abstract.resolution > summary.resolution:
        tolerance = abstract.resolution / 2  # 1.5M vs 150万: the abstract rounded, not the summary
    return tolerance + 1e-9 * max(abs(summary.value), 1.0)


def supports(summary: Quantity, abstract: Quantity) -> bool:
    """True when ``abstract`` backs ``summary`` (same number after normalization and rounding)."""
    s = summary.value
    tolerance = _tolerance(summary, abstract)
    loose = APPROX in summary.qualifiers or APPROX in abstract.qualifiers or (WORD in summary.qualifiers
                                                                              and summary.resolution >= 10)
    same_kind = same_family(summary, abstract)
    # A number word only backs a number of its own kind: "three" datasets is no 3.0倍 (a multiplier) nor 3%.
    word_of_other_kind = WORD in abstract.qualifiers and not same_kind
    for position, value in enumerate(comparable_values(summary, abstract)):
        if abs(value - s) <= tolerance and not (position == 0 and word_of_other_kind):
            return True
        if position == 0 and not same_kind:
            continue  # 约, over, up to give slack only between numbers of one kind (0.41 as 约40%, not 1.3x as 2%)
        if loose and abs(value - s) <= _APPROX_SLACK * max(value, s) + tolerance:
            return True
        # A bound in the summary may round an exact number of the abstract ("超过40%" for 43.2%), but a bound of
        # the abstract is restated as it is: "27%以上" for "over 30%" is another number, however true.
        if LOWER in summary.qualifiers and LOWER not in abstract.qualifiers \
                and s - tolerance <= value <= s * (1 + _BOUND_SLACK) + tolerance:
            return True
        if UPPER in summary.qualifiers and UPPER not in abstract.qualifiers \
                and s * (1 - _BOUND_SLACK) - tolerance <= value <= s + tolerance:
            return True
    return False


def same_value(summary: Quantity, abstract: Sequence[Quantity]) -> Quantity | None:
    """The first abstract quantity showing the very value of ``summary`` (to its precision): the common case."""
    value = summary.value
    tolerance = summary.resolution / 2 + 1e-9 * max(abs(value), 1.0)
    for candidate in abstract:
        if abs(candidate.value - value) <= tolerance:
            return candidate
    return None


def find_support(summary: Quantity, abstract: Sequence[Quantity]) -> Support:
    same = same_value(summary, abstract)
    if same is not None:
        return Support("supported", same)
    for candidate in abstract:
        if supports(summary, candidate):
            return Support("supported", candidate)
    derivation = find_derivation(summary, abstract)
    if derivation is not None:
        return Support("derived", derivation.left, derivation)
    return Support("unsupported", closest(summary, abstract))


def same_family(a: Quantity, b: Quantity) -> bool:
    """Both percentages (or points), both multipliers, or both plain values and counts."""
    percent = ("percent", "points")
    return (a.kind in percent) == (b.kind in percent) and (a.kind == "multiplier") == (b.kind == "multiplier")


def closest(summary: Quantity, abstract: Sequence[Quantity]) -> Quantity | None:
    """The abstract quantity of the same kind nearest in value (the one the summary most likely garbled)."""
    same = [a for a in abstract if same_family(summary, a)]
    if not same:
        return None
    return min(same, key=lambda a: abs(a.value - summary.value) / max(a.value, summary.value, 1e-9))


def _derivations(summary: Quantity, operands: Sequence[Quantity]) -> Iterator[Derivation]:
    percent = summary.kind in ("percent", "points")
    for left in operands:
        if percent and left.kind == "percent" and left.value <= 100:
            yield Derivation("100 -", left, None, 100 - left.value)
        for right in operands:
            if right is left:
                continue
            x, y = left.value, right.value
            same_kind = same_family(left, right)
            if same_kind and x >= y:
                yield Derivation("-", left, right, x - y)
                if not percent or left.kind in ("percent", "points"):
                    yield Derivation("+", left, right, x + y)
            if y > 0 and same_kind:
                if summary.kind == "multiplier" or (summary.kind in ("plain", "count") and not summary.is_integer):
                    yield Derivation("/", left, right, x / y)
                if percent:
                    yield Derivation("% change", left, right, abs(x - y) / y * 100)
                    if x <= y and left.kind not in ("percent", "points"):
                        yield Derivation("% of", left, right, x / y * 100)


def find_derivation(summary: Quantity, abstract: Sequence[Quantity]) -> Derivation | None:
    """A value one simple operation away from two abstract numbers (104,714 + 121,952 ≈ 22.6万)."""
    if summary.is_integer and summary.kind == "count" and summary.value < 10:
        return None  # small counts are derivable from almost anything
    operands = [a for a in abstract if a.value >= 0.01][:_MAX_OPERANDS]
    tolerance = summary.resolution + 1e-9 * max(summary.value, 1.0)
    for derivation in _derivations(summary, operands):
        if abs(derivation.value - summary.value) <= tolerance:
            return derivation
    return None
