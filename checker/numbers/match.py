"""Does the abstract support a summary quantity? Rounding, unit changes, ranges, signs, and derived values.

A summary quantity ``s`` is supported by an abstract quantity ``a`` when they show the same value after
normalization: ``a`` rounded to the precision ``s`` shows (0.026 -> 0.03), a fraction shown as a percent
(0.85 -> 85%), a multiplier shown as a percent change (2x -> 提升100%), a qualifier's slack (约, over,
不到). Signs are ignored here (-36.8% <-> 降低36.8% is the same number; the direction is a claim).

The value alone is not enough: a percentage is no count (提升20% is not "20 tasks", 三个 is not "3%"), and a
qualifier's slack reaches only as far as the summary's own rounding: 约40% or 超过40% for 43.2%, since 40 is a
round number, but 约46.5% is not 46.7% and 约84% is not 91%. A scaled number may be truncated (36.9万 for
369,837), never rounded up by more than half its step (25万 is not 240,000).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from checker.numbers.quantity import APPROX, LOWER, UPPER, WORD, Quantity

Status = Literal["supported", "derived", "unsupported"]
_NEGLIGIBLE = 0.01  # a sum or difference with a term this small next to the other says nothing
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


def compatible(summary: Quantity, abstract: Quantity) -> bool:
    """Kinds that may show one number as written: a percentage is no count (20% is not "20 tasks", 三个 not 3%),
    and a number word backs only a number of its own kind ("three" datasets is no 3.0倍). Points are counted
    (提升3分, 2个点 for "3 points"), and parts may be counted (三个维度 for "threefold", 5折 for "5-fold")."""
    if same_family(summary, abstract):
        return True
    if summary.kind == "count" and abstract.kind == "multiplier":
        return True
    if {summary.kind, abstract.kind} == {"count", "points"}:
        return True
    if WORD in summary.qualifiers or WORD in abstract.qualifiers:
        return False
    if summary.kind == "percent":
        return abstract.kind != "count"  # 85.2% for "85.2 mIoU" (plain), not for "85 images"
    return not (summary.kind == "count" and abstract.kind == "percent")


def round_step(quantity: Quantity) -> float:
    """How coarsely a number is rounded: 40 -> 10, 500 -> 100, 45 -> 1, 2.5 -> 0.1, 三成 -> 10 (the resolution
    times ten for each trailing zero of a whole number)."""
    step = quantity.resolution
    value = quantity.value
    if step >= 1 and value >= 10 * step and value == int(value):
        whole = int(round(value / step))
        while whole % 10 == 0 and whole >= 10:
            whole //= 10
            step *= 10
    return step


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
    if abstract.value >= 1000 and abstract.resolution > summary.resolution:
        tolerance = abstract.resolution / 2  # 1.5M vs 150万: the abstract rounded, not the summary
    return tolerance + 1e-9 * max(abs(summary.value), 1.0)


def _shows(summary: Quantity, value: float, tolerance: float) -> bool:
    """``value`` rounded (or, for a scaled number such as 36.9万, truncated) to the precision ``summary`` shows."""
    s = summary.value
    if abs(value - s) <= tolerance:
        return True
    # 36.9万 for 369,837: writers truncate scaled numbers, so the true value may lie up to one step above; only
    # where two digits or more are shown (3B is not a truncated 3.9 billion).
    step = summary.resolution
    return step >= 100 and s >= 10 * step and s <= value < s + step


def supports(summary: Quantity, abstract: Quantity) -> bool:
    """True when ``abstract`` backs ``summary`` (same number after normalization and rounding)."""
    s = summary.value
    tolerance = _tolerance(summary, abstract)
    # 约, or a number word as coarse as 三成: the abstract's value rounded to the summary's round step.
    loose = APPROX in summary.qualifiers or (WORD in summary.qualifiers and summary.resolution >= 10)
    step = round_step(summary)
    slack = max(step / 2, tolerance) + 1e-9 * max(abs(s), 1.0)
    kind_ok = compatible(summary, abstract)
    same_kind = same_family(summary, abstract)
    for position, value in enumerate(comparable_values(summary, abstract)):
        if position == 0 and not kind_ok:
            continue  # only a unit change links numbers of two kinds (0.41 as 约40%, 2x as 100%)
        if _shows(summary, value, tolerance):
            return True
        if position == 0 and not same_kind:
            continue  # 约, over, up to give slack only between numbers of one kind (0.41 as 约40%, not 1.3x as 2%)
        if loose and abs(value - s) <= slack:
            return True
        # A bound in the summary may round an exact number of the abstract ("超过40%" for 43.2%), as far as its
        # round step, but a bound of the abstract is restated as it is: "27%以上" for "over 30%" is another number.
        if LOWER in summary.qualifiers and LOWER not in abstract.qualifiers \
                and s - tolerance <= value <= s + step + tolerance:
            return True
        if UPPER in summary.qualifiers and UPPER not in abstract.qualifiers \
                and s - step - tolerance <= value <= s + tolerance:
            return True
    return False


def same_value(summary: Quantity, abstract: Sequence[Quantity]) -> Quantity | None:
    """The first abstract quantity of a compatible kind showing the very value of ``summary`` (to its
    precision): the common case."""
    value = summary.value
    tolerance = summary.resolution / 2 + 1e-9 * max(abs(value), 1.0)
    for candidate in abstract:
        if abs(candidate.value - value) <= tolerance and compatible(summary, candidate):
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
            if same_kind and x >= y >= _NEGLIGIBLE * x:  # 4 billion - 20 is no derivation of 3B
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
    tolerance = summary.resolution / 2 + 1e-9 * max(summary.value, 1.0)
    for derivation in _derivations(summary, operands):
        if _shows(summary, derivation.value, tolerance):  # rounded, or a scaled number truncated (22.6万)
            return derivation
    return None
