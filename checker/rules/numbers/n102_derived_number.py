"""A block states a number the abstract only gives as parts: one operation away (derived value, check).

## What it catches
A quantity of a block that the abstract does not state but that one operation on its numbers gives (a sum, a
difference, a ratio, a percentage change or share of two numbers, or 100 minus one; checker.numbers.match
finds the derivation). The finding shows the operation and quotes the abstract sentence of its first operand.

## Why it matters
Summaries often add up or convert what the abstract gives in parts, and the result is usually right; but a
derived number cannot be checked by looking it up, and a wrong operation (a relative change read as an
absolute one) looks just as plausible. An info finding: the reader should check the arithmetic.

## Example
Real example (xmkxabc): "22.6万条" where the abstract gives 104,714 and 121,952 examples; their sum
226,666 is about 22.6万. Usually right, but the reader should check the arithmetic.

## Stays quiet on
Numbers the abstract supports as written, rounded or bounded, and counts that pass as in N101; numbers no
single operation reaches (N101 reports those).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.analysis.number_verdicts import verdicts
from checker.analysis.per_paper import number_view
from checker.model import BLOCK_LABELS, Category, Severity
from checker.numbers import clause_around
from checker.rules.spec import Hit, Needs, RuleSpec


def derived_number(ctx: PaperContext) -> Iterator[Hit]:
    view = number_view(ctx)
    for verdict in verdicts(ctx):
        derivation = verdict.support.derivation
        if verdict.support.status != "derived" or derivation is None:
            continue
        quantity = verdict.quantity
        yield Hit(
            block=verdict.block.name,
            message=(f"{BLOCK_LABELS[verdict.block.name]}: derived value, check: {quantity.show()} "
                     f"≈ {derivation.describe()} = {derivation.value:g}"),
            summary_span=clause_around(verdict.block.text, quantity.start, quantity.end),
            abstract_span=view.sentence(derivation.left),
        )


RULE = RuleSpec(
    id="N102",
    name="derived-number",
    category=Category.hallucinated_number,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=derived_number,
    needs=Needs.ABSTRACT,
)
