"""A block states a number that the abstract does not support, or gives it for another role.

## What it catches
Each distinct quantity of a block (value and kind) that the abstract supports neither as written (a value of a
compatible kind: 20% is not "20 tasks"), nor by digits it writes outside its quantities and names (Section 3,
top-5; FP4 or Qwen3-VL-8B back nothing), nor by rounding, a bound, a unit change (seven-billion as 70亿,
one-third as 三分之一) or a size written in a name (9万 for Name-90K), nor by one operation on its numbers
(checker.analysis.number_verdicts). A small count (under ten) is checked against what it counts: reported where
the abstract counts the same thing with another value ("two datasets" for 三个数据集). A number the abstract
writes, but for something else, is reported too (checker.analysis.number_roles): stated twice in one sentence
where the abstract gives it once beside a value the sentence drops, or tied to a metric or name (F1=0.4986,
mIoU达84.56%) that the abstract ties to another value. The finding names the abstract number it most likely
garbles. In a non-English digest, a year written with 年 that the abstract does not write is reported too (a
warning), when the abstract names years at all.

## Why it matters
A wrong number is the most quotable error a summary can make: readers take it for the paper's result. Measured
results are errors; a count may be the writer counting its own list.

## Example
Real example (dw-dengwei 2025-03-19, 2503.13956): the Result says "F-16在7亿参数视频大语言模型中实现了最先进的性能"
where the abstract says "among 7-billion-parameter video LLMs": 7亿 is 700 million, the abstract's is 70亿.
Mutation of dw-dengwei 2026-02-12, 2602.10137: "相比U-Net(4c)提升24.15% mIoU" where the abstract says "+19.21%".

## Stays quiet on
Numbers one operation away from the abstract's (N102 reports them as derived); a count of one; a count under
ten that only counts the items listed next to it (感知、时序和认知三个层次, or list markers up to it), or a count word
of something the abstract never counts (这两种模态); numbers written as names in the summary too (Claude 3.5);
fractions whose parts the abstract writes (30/33 for "33个任务"). Counts in digits under ten of something the
abstract never counts are only info (a weak sign), and so are near misses by value (the value written as another
kind, 85% for a score written 85; 约/超过 numbers within a tenth of a value: 超过45% for 48.2%); near misses by
digits (written only in a name, FP4, or with another scale, 7-billion for 7亿), fractions (3/2, 5/8) and role
conflicts are warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.analysis.number_marks import ABSTRACT_YEAR
from checker.analysis.number_roles import role_conflicts
from checker.analysis.number_verdicts import DIGITS_ELSEWHERE, VALUE_ELSEWHERE, Verdict, verdicts
from checker.analysis.per_paper import number_view
from checker.model import BLOCK_LABELS, Category, Severity
from checker.numbers import FRACTION, NumberView, Quantity, chinese_years, clause_around, same_family
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
                yield Hit(block=block.name, severity=Severity.warning, confidence=0.5,
                          message=f"{BLOCK_LABELS[block.name]}: the year {digits} is not in the abstract",
                          summary_span=clause_around(block.text, start, end))


_LATIN_TERM = re.compile(r"[A-Za-z][A-Za-z0-9\-+.]*[A-Za-z0-9+]|\([0-9a-z]+\)")
_CONTEXT = 60
_UNRELATED_RATIO = 10  # a count this many times larger or smaller, sharing no name, is another count


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

    best = min(candidates, key=score)
    shared, _ = score(best)
    low, high = sorted((best.value, quantity.value))
    if not shared and quantity.kind == "count" and high > _UNRELATED_RATIO * max(low, 1e-9):
        return None  # 22.6万 images is no garbled "2 tasks": an unrelated count is no evidence
    return best


def _severity(verdict: Verdict) -> tuple[Severity, float]:
    """The severity and confidence of an unsupported number."""
    quantity = verdict.quantity
    if verdict.unbound:
        return Severity.info, 0.2  # 7个模块: the abstract never counts modules; the writer may count its own list
    if FRACTION in quantity.qualifiers:
        return Severity.warning, 0.5  # 3/2 may be a spin, 5/8 a bound: worth a look, rarely a measured result
    if verdict.near_miss == VALUE_ELSEWHERE:
        return Severity.info, 0.3  # 85% for a score written 85, 超过45% for 48.2%: often a harmless restatement
    if verdict.near_miss == DIGITS_ELSEWHERE:
        return Severity.warning, 0.5  # 7亿 for "7-billion", 4倍 beside FP4: the digits, not the number
    if quantity.is_measured:
        return Severity.error, 0.8
    return Severity.warning, 0.6  # a count the abstract gives otherwise: "two datasets" for 三个数据集


def hallucinated_number(ctx: PaperContext) -> Iterator[Hit]:
    view = number_view(ctx)
    for verdict in verdicts(ctx):
        if verdict.support.status != "unsupported":
            continue
        quantity = verdict.quantity
        counted = quantity.kind == "count" and quantity.value < 10 and not verdict.unbound
        evidence = None if verdict.unbound else verdict.support.evidence if counted else \
            _closest_in_context(verdict, view)
        said = f"; abstract says {evidence.show()}" if evidence else \
            "; the abstract gives no count of it" if verdict.unbound else "; the abstract has no such number"
        severity, confidence = _severity(verdict)
        yield Hit(
            block=verdict.block.name,
            message=f"{BLOCK_LABELS[verdict.block.name]}: {quantity.show()} is not in the abstract{said}",
            summary_span=clause_around(verdict.block.text, quantity.start, quantity.end),
            abstract_span=view.sentence(evidence),
            severity=severity,
            confidence=confidence,
        )
    for conflict in role_conflicts(ctx):
        yield Hit(
            block=conflict.block.name,
            message=f"{BLOCK_LABELS[conflict.block.name]}: {conflict.message}",
            summary_span=clause_around(conflict.block.text, conflict.quantity.start, conflict.quantity.end),
            abstract_span=view.sentence(conflict.evidence),
            severity=Severity.warning,
            confidence=conflict.confidence,
        )
    yield from _year_hits(ctx, view)


RULE = RuleSpec(
    id="N101",
    name="hallucinated-number",
    category=Category.hallucinated_number,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=hallucinated_number,
    needs=Needs.ABSTRACT,
)
