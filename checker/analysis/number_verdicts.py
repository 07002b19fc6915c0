"""Which numbers of a summary the abstract does not plainly support: the verdicts N101 and N102 report.

A summary quantity passes when the abstract has the very value (of a compatible kind: 20% is not "20 tasks"),
writes its digits where it reads no quantity (Section 3, top-5; not inside a name such as FP4, unless the summary
writes the number as a name too: Claude 3.5), supports it by rounding or a bound (checker.numbers.view.support_of),
or states it as the size in a name (9万 for Name-90K). A count of one, or a small count of the items listed next
to it, passes too; any other small count (under ten) is checked against what it counts
(``number_roles.count_of_same_thing``): a count word (三个数据集) is reported only where the abstract counts the
same thing with another value ("two datasets"); a count in digits that the abstract never counts is a weak sign
(``unbound``). What remains is unsupported (N101) or derived by one operation from the abstract's numbers (N102).
Memoized on the context, so the two rules share one pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.analysis.context import PaperContext
from checker.analysis.number_marks import enumerated
from checker.analysis.number_roles import count_of_same_thing
from checker.analysis.per_paper import number_view
from checker.numbers import (
    APPROX,
    FRACTION,
    LOWER,
    UPPER,
    WORD,
    BlockNumbers,
    NumberView,
    Quantity,
    Support,
    canonical_digits,
    digit_tokens,
    find_support,
    name_like,
    same_family,
    same_value,
    support_of,
)


@dataclass(frozen=True)
class Verdict:
    """A summary quantity the abstract does not plainly support. ``unbound``: a small count written in digits
    whose counted thing the abstract never counts (7个模块): it may count what the summary lists, so a weak sign.
    ``near_miss``: the abstract writes its digits (in a name, or as another kind), or a value within a tenth of
    it for a summary number with 约, 超过 or 不到: what the matching refuses, a looser reading would take."""

    block: BlockNumbers
    quantity: Quantity
    support: Support
    unbound: bool = False
    near_miss: str | None = None  # what a looser reading would take it for (``near_miss``): a weaker sign


def verdicts(ctx: PaperContext) -> list[Verdict]:
    """Every summary quantity the abstract does not plainly support (unsupported or derived)."""

    def compute() -> list[Verdict]:
        view = number_view(ctx)
        out = []
        for block in view.blocks:
            seen: set[tuple[float, str]] = set()
            for quantity in block.quantities:
                if (quantity.value, quantity.kind) in seen:
                    continue
                seen.add((quantity.value, quantity.kind))
                # The cheap tests first, with the outcome of support_of: the very value in the abstract (what
                # support_of tries first), then the digits written anywhere in it; most numbers pass here.
                if same_value(quantity, view.abstract_quantities) is not None:
                    continue
                if FRACTION in quantity.qualifiers:
                    digits = digit_tokens(quantity.text)
                    if digits and digits <= view.abstract_tokens:
                        continue  # 12/26 for "12 of 26 variables" (三分之一 has no digits to look for)
                elif WORD not in quantity.qualifiers and _written(quantity, block, view):
                    continue
                support = support_of(quantity, view)
                if support.status == "supported":
                    continue
                if quantity.kind == "count" and quantity.value >= 1000 and \
                        find_support(quantity, view.name_sizes).status == "supported":
                    continue  # 9万 for the dataset Name-90K
                if quantity.kind == "count" and quantity.is_integer and quantity.value < 10:
                    if quantity.value <= 1 or enumerated(block.text, quantity):
                        continue
                    # A small count is checked against what it counts: "三个数据集" is wrong where the abstract
                    # says "two datasets", not where it never counts datasets (两种方法 for two methods it names).
                    other = count_of_same_thing(ctx, block, quantity)
                    if other is None:
                        if WORD in quantity.qualifiers:
                            continue
                        out.append(Verdict(block, quantity, support, unbound=True))
                        continue
                    support = Support("unsupported", other)
                out.append(Verdict(block, quantity, support, near_miss=near_miss(quantity, block, view)))
        return out

    found: list[Verdict] = ctx.memo("numbers.verdicts", compute)
    return found


def _written(quantity: Quantity, block: BlockNumbers, view: NumberView) -> bool:
    """The abstract writes the digits of ``quantity`` where the extraction reads no quantity (Section 3, top-5);
    or in a name, when the summary writes the number as part of a name too (Claude 3.5 for Claude-3.5)."""
    digits = canonical_digits(block.text[quantity.start:quantity.end])
    if not digits or float(digits) != quantity.value:
        return False  # 3B, 12万: a scaled number is its value, not its digits
    if digits in view.free_tokens:
        return True
    return quantity.kind in ("count", "plain") and digits in view.abstract_tokens \
        and name_like(block.text, quantity.start)


_NEAR = 0.1  # relative: the slack the matching once gave 约, 超过 and 不到
_BOUNDED = frozenset({APPROX, LOWER, UPPER})
DIGITS_ELSEWHERE, VALUE_ELSEWHERE = "digits", "value"


def near_miss(quantity: Quantity, block: BlockNumbers, view: NumberView) -> str | None:
    """What a looser reading would take ``quantity`` for: ``VALUE_ELSEWHERE`` when the abstract has its value as
    another kind (85% for a score written 85) or, for a number with 约, 超过 or 不到, a value of its kind within a
    tenth (超过45% for 48.2%): often a harmless restatement; ``DIGITS_ELSEWHERE`` when only its digits are written
    (in a name such as FP4, or with another scale: 7亿 for "7-billion"): a changed number as often as not."""
    value = quantity.value
    for other in view.abstract_quantities:
        if abs(other.value - value) <= quantity.resolution / 2 + 1e-9 * max(value, 1.0):
            return VALUE_ELSEWHERE
        if not _BOUNDED.isdisjoint(quantity.qualifiers) and same_family(quantity, other) \
                and abs(other.value - value) <= _NEAR * max(value, other.value):
            return VALUE_ELSEWHERE
    if canonical_digits(block.text[quantity.start:quantity.end]) in view.abstract_tokens:
        return DIGITS_ELSEWHERE
    return None
