"""Which numbers of a summary the abstract does not plainly support: the verdicts N101 and N102 report.

A summary quantity passes when the abstract has the very value, writes its digits, or supports it by rounding
or a bound (checker.numbers.view.support_of); a count of one, or a small count of the items listed next to it,
passes too. What remains is unsupported (N101) or derived by one operation from the abstract's numbers (N102).
Memoized on the context, so the two rules share one pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.analysis.context import PaperContext
from checker.analysis.number_marks import enumerated
from checker.analysis.per_paper import number_view
from checker.numbers import Quantity, Support, canonical_digits, digit_tokens
from checker.numbers.match import same_value
from checker.numbers.quantity import FRACTION, WORD
from checker.numbers.view import BlockNumbers, support_of


@dataclass(frozen=True)
class Verdict:
    block: BlockNumbers
    quantity: Quantity
    support: Support


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
                    if digit_tokens(quantity.text) <= view.abstract_tokens:
                        continue  # 12/26 for "12 of 26 variables"
                elif WORD not in quantity.qualifiers and \
                        canonical_digits(block.text[quantity.start:quantity.end]) in view.abstract_tokens:
                    continue  # the abstract writes these digits (maybe in a name, maybe as another kind)
                support = support_of(quantity, view)
                if support.status == "supported":
                    continue
                if quantity.kind == "count" and quantity.is_integer and (
                        quantity.value <= 1 or (quantity.value < 10 and enumerated(block.text, quantity))):
                    continue
                out.append(Verdict(block, quantity, support))
        return out

    found: list[Verdict] = ctx.memo("numbers.verdicts", compute)
    return found
