"""The abstract reports numeric results but neither the Result nor the TL;DR has any number.

## What it catches
A paper whose abstract reports a key measured result of its own (a percentage, point gain or multiplier that
``key_numbers.role_of`` reads as a result, not a baseline's value, a setting, background or an aside; see O201)
while its Result and TL;DR blocks hold no number at all. One finding, quoting the abstract sentence of the first
such quantity.

## Why it matters
The result block is where readers look for how much better the method is; one that only says "显著优于基线"
hides the size of the effect, and lets an overclaim pass unchecked.

## Example
Real example: an abstract with "improves accuracy by 12.4%" summarized as "实验表明该方法显著优于基线".

## Stays quiet on
Papers whose Result or TL;DR has any number (even another one: O201 looks for the missing ones); papers whose
Result and TL;DR are both missing or placeholders (F101, F102 report them); abstracts whose only key numbers
are data sizes or metric values that are not percentages, points or multipliers, or are not the paper's own
results (a 0.01 reward weight, a share quoted from prior work, a baseline's score).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.analysis.key_numbers import RESULT, key_quantities, role_of
from checker.analysis.per_paper import number_view
from checker.model import Category, Severity
from checker.numbers import MEASURED_KINDS, sentence_around
from checker.rules.spec import Hit, Needs, RuleSpec

_RESULT_BLOCKS = ("result", "tldr")
_CONFIDENCE = 0.5


def results_without_numbers(ctx: PaperContext) -> Iterator[Hit]:
    view = number_view(ctx)
    results = [b for b in view.blocks if b.name in _RESULT_BLOCKS]
    if not results or any(b.quantities for b in results):
        return
    measured = [q for q in key_quantities(ctx) if q.kind in MEASURED_KINDS and role_of(q, view) == RESULT]
    if measured:
        yield Hit(message=f"the abstract reports numeric results ({measured[0].show()}, ...) "
                          "but neither Result nor TL;DR has any number",
                  abstract_span=sentence_around(view.abstract, view.starts, measured[0].start),
                  confidence=_CONFIDENCE)


RULE = RuleSpec(
    id="O202",
    name="results-without-numbers",
    category=Category.omission,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=results_without_numbers,
    needs=Needs.ABSTRACT,
)
