"""The abstract reports numeric results but neither the Result nor the TL;DR has any number.

## What it catches
A paper whose abstract has a key measured quantity (a percentage, point gain or multiplier; see O201) while
its Result and TL;DR blocks hold no number at all. One finding, quoting the abstract sentence of the first
such quantity.

## Why it matters
The result block is where readers look for how much better the method is; one that only says "显著优于基线"
hides the size of the effect, and lets an overclaim pass unchecked.

## Example
Real example: an abstract with "improves accuracy by 12.4%" summarized as "实验表明该方法显著优于基线".

## Stays quiet on
Papers whose Result or TL;DR has any number (even another one: O201 looks for the missing ones); papers whose
Result and TL;DR are both missing or placeholders (F101, F102 report them); abstracts whose only key numbers
are data sizes or metric values that are not percentages, points or multipliers.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.analysis.key_numbers import key_quantities
from checker.analysis.per_paper import number_view
from checker.model import Category, Severity
from checker.numbers.quantity import MEASURED_KINDS
from checker.numbers.text_spans import sentence_around
from checker.rules.spec import Hit, Needs, RuleSpec

_RESULT_BLOCKS = ("result", "tldr")


def results_without_numbers(ctx: PaperContext) -> Iterator[Hit]:
    view = number_view(ctx)
    results = [b for b in view.blocks if b.name in _RESULT_BLOCKS]
    if not results or any(b.quantities for b in results):
        return
    measured = [q for q in key_quantities(ctx) if q.kind in MEASURED_KINDS]
    if measured:
        yield Hit(message=f"the abstract reports numeric results ({measured[0].show()}, ...) "
                          "but neither Result nor TL;DR has any number",
                  abstract_span=sentence_around(view.abstract, view.starts, measured[0].start))


RULE = RuleSpec(
    id="O202",
    name="results-without-numbers",
    category=Category.omission,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=results_without_numbers,
    needs=Needs.ABSTRACT,
)
