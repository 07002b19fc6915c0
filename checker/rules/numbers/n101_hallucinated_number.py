"""A block states a number that the abstract does not support (error for measured results).

## What it catches
Each distinct quantity of a block (value and kind) that the abstract supports neither as written, nor by its
digits anywhere in the abstract, nor by rounding, a bound or one operation on its numbers
(checker.analysis.number_verdicts). The finding names the abstract number it most likely garbles: one of the
same kind whose preceding words share the most Latin names with the summary clause (U-Net, (4c), mIoU), then
the nearest in value. In a non-English digest, a year written with 年 that the abstract does not write is
reported too (a warning), when the abstract names years at all.

## Why it matters
A wrong number is the most quotable error a summary can make: readers take it for the paper's result. Measured
results are errors; a count may be the writer counting its own list.

## Example
Real example (mutation of dw-dengwei 2026-02-12, 2602.10137): the Result says "相比U-Net(4c)提升
24.15% mIoU" where the abstract says "+19.21%". Percentages, multipliers, decimals and counts of a
thousand or more are errors; small counts (三个数据集 when the abstract says "two datasets") are warnings.

## Stays quiet on
Numbers one operation away from the abstract's (N102 reports them as derived); a count of one; a count under
ten that only counts the items listed next to it (感知、时序和认知三个层次, or list markers up to it); digits the
abstract writes anywhere, even in a name. Counts written in words under ten (两种方法) are only info, fractions
(3/2, 5/8) warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.analysis.number_marks import ABSTRACT_YEAR
from checker.analysis.number_verdicts import Verdict, verdicts
from checker.analysis.per_paper import number_view
from checker.model import BLOCK_LABELS, Category, Severity
from checker.numbers import Quantity, same_family
from checker.numbers.chinese import chinese_years
from checker.numbers.quantity import FRACTION, WORD
from checker.numbers.text_spans import clause_around
from checker.numbers.view import NumberView
from checker.rules.spec import Hit, Needs, RuleSpec


def _year_hits(ctx: PaperContext, view: NumberView) -> Iterator[Hit]:
    """Years of a block that the abstract, which names other years, does not name (2015至2533年)."""
    if ctx.language == "en":
        return
    for block in view.blocks:
        if "年" not in block.raw or not ABSTRACT_YEAR.search(view.abstract):
            continue
        for digits, start, end in chinese_years(block.text):
            if digits not in view.abstract_tokens:
                yield Hit(block=block.name, severity=Severity.warning,
                          message=f"{BLOCK_LABELS[block.name]}: the year {digits} is not in the abstract",
                          summary_span=clause_around(block.text, start, end))


_LATIN_TERM = re.compile(r"[A-Za-z][A-Za-z0-9\-+.]*[A-Za-z0-9+]|\([0-9a-z]+\)")
_CONTEXT = 60


def _closest_in_context(verdict: Verdict, view: NumberView) -> Quantity | None:
    """The abstract number the summary number most likely garbles: same kind, sharing the most names with the
    summary clause (U-Net, (4c), mIoU) in the words just before it, then nearest in value."""
    quantity = verdict.quantity
    pool = view.all_abstract_quantities if quantity.is_integer else view.abstract_quantities
    candidates = [a for a in pool if same_family(quantity, a)]
    if not candidates:
        return None
    clause = clause_around(verdict.block.text, quantity.start, quantity.end)
    terms = set(_LATIN_TERM.findall(clause))

    def score(candidate: Quantity) -> tuple[int, float]:
        window = view.abstract[max(0, candidate.start - _CONTEXT):candidate.start]
        shared = len(terms & set(_LATIN_TERM.findall(window))) if terms else 0
        return -shared, abs(candidate.value - quantity.value) / max(candidate.value, quantity.value, 1e-9)

    return min(candidates, key=score)


def _severity(quantity: Quantity) -> Severity:
    if FRACTION in quantity.qualifiers:
        return Severity.warning  # 3/2 may be a spin, 5/8 a bound: worth a look, rarely a measured result
    if quantity.is_measured:
        return Severity.error
    if WORD in quantity.qualifiers and quantity.value < 10:
        return Severity.info  # 两种方法, 三个步骤: the writer counting what it lists, rarely a wrong fact
    return Severity.warning


def hallucinated_number(ctx: PaperContext) -> Iterator[Hit]:
    view = number_view(ctx)
    for verdict in verdicts(ctx):
        if verdict.support.status != "unsupported":
            continue
        quantity = verdict.quantity
        evidence = _closest_in_context(verdict, view) or verdict.support.evidence
        said = f"; abstract says {evidence.show()}" if evidence else "; the abstract has no such number"
        yield Hit(
            block=verdict.block.name,
            message=f"{BLOCK_LABELS[verdict.block.name]}: {quantity.show()} is not in the abstract{said}",
            summary_span=clause_around(verdict.block.text, quantity.start, quantity.end),
            abstract_span=view.sentence(evidence),
            severity=_severity(quantity),
        )
    yield from _year_hits(ctx, view)


RULE = RuleSpec(
    id="N101",
    name="hallucinated-number",
    category=Category.hallucinated_number,
    severity=Severity.error,
    scope="paper",
    doc=__doc__ or "",
    check=hallucinated_number,
    needs=Needs.ABSTRACT,
)
