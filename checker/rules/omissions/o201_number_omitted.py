"""Key results of the abstract (percentages, multipliers, metric values) that no block carries.

## What it catches
The abstract's key quantities (checker.analysis.key_numbers): every percentage, point gain and multiplier;
decimals in a sentence about a metric (accuracy, F1, latency, speed-up ...) that do not follow a version name
(Gemini 2.0); counts of a thousand or more in a sentence about data (samples, images, tokens ...). Only those
the paper reports about its own work count (``key_numbers.role_of``): not an aside (a confidence interval, an
example), background (before the paper speaks of its own work, or a sentence about prior work), a setting (a
weight, a threshold, λ = 0.1), nor a baseline's value ("outperforming VAE (3.43)", "from 28.1% to ..."). One
finding per paper listing those no block carries, with the abstract sentence of the first result. A warning
when the summary carries none of the abstract's measured results (the reader learns no result of the paper);
info when only some are missing (the summary chose the ones it reports), or only data sizes. A block carries a
number when it states it (within the abstract's rounding), a value that supports it or that it supports, its
digits anywhere, or the number glued to its unit (0.66MB), in a slash list (93%/90%), or read as a year.

## Why it matters
The numbers are usually what the paper is read for. A summary that keeps "significantly improves" and drops
"+19.21% mIoU" turns a measured result into a claim nobody can check.

## Example
Real example (mutation of dw-dengwei 2026-02-12, 2602.10137): the abstract reports "+19.21%" over
U-Net; once the clause "相比U-Net(4c)提升19.21% mIoU" is dropped, no block carries it.

## Stays quiet on
Numbers that are not key: numbers written in words, fractions, model sizes (7B, 400M), counts under a
thousand; numbers that are not the paper's results: confidence intervals ("95% CI: 0.779-0.867"), counts
given as examples in parentheses, background figures ("Money laundering ... is estimated to account for 2%-5%
of the global GDP"; "Prior studies report that ..."), settings ("a reward weight of 0.01", "E[θ]=0.5"),
baselines' values, sizes of data a model was trained on, drawn from or used. Digits inside a name (Qwen2.5) do
not carry a number. Papers without real blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.analysis.key_numbers import (
    ASIDE,
    BACKGROUND,
    BASELINE,
    DATA,
    RESULT,
    SETTING,
    key_quantities,
    role_of,
)
from checker.analysis.per_paper import number_view
from checker.model import Category, Severity
from checker.numbers import BlockNumbers, NumberView, Quantity, canonical_digits, sentence_around, supports
from checker.rules.spec import Hit, Needs, RuleSpec

# A data size of what a model was trained on or drawn from ("pre-trained on 800,000 samples", "10k instances
# drawn from 4,974 videos", "Using D2R-MD, a 2-microsecond MD trajectory (12 000 frames)"): a detail, unlike the
# size of data the paper builds or a count it reports as a result.
_SOURCE_DATA = re.compile(r"train(?:ed|ing|s)?\s+(?:[\w-]+\s+){0,4}?on\b|derived from|drawn from|sampled from"
                          r"|\b[Uu]sing\b")
_NOT_RESULTS = frozenset({ASIDE, BACKGROUND, SETTING, BASELINE})
_HEADLINE_CONFIDENCE, _DETAIL_CONFIDENCE = 0.5, 0.3


def _omitted(ctx: PaperContext, view: NumberView) -> list[tuple[Quantity, str]]:
    """The key quantities no block carries, each with its role; asides, background, settings, baselines' values
    and sizes of source data left out."""
    missing: list[tuple[Quantity, str]] = []
    seen: set[float] = set()
    for quantity in key_quantities(ctx):
        if quantity.value in seen:
            continue
        seen.add(quantity.value)
        if _carried(quantity, view.blocks):
            continue
        role = role_of(quantity, view)
        if role in _NOT_RESULTS:
            continue
        if role == DATA and _SOURCE_DATA.search(view.sentence(quantity) or ""):
            continue
        missing.append((quantity, role))
    return missing


def _none_carried(view: NumberView) -> bool:
    """No block carries any measured result of the abstract: the summary reports none of the paper's results."""
    return not any(quantity.is_measured and role_of(quantity, view) == RESULT and _carried(quantity, view.blocks)
                   for quantity in view.abstract_quantities)


def _carried(quantity: Quantity, blocks: list[BlockNumbers]) -> bool:
    value, tolerance = quantity.value, quantity.resolution / 2 + 1e-9 * max(quantity.value, 1.0)
    if any(abs(q.value - value) <= tolerance for block in blocks for q in block.quantities):
        return True  # the common case: the very number, as the abstract writes it
    for block in blocks:
        if any(supports(q, quantity) or supports(quantity, q) for q in block.quantities):
            return True
    digits = canonical_digits(quantity.text if quantity.text[:1].isdigit() else f"{quantity.value:g}")
    if any(digits in block.tokens for block in blocks):
        return True
    return _written_glued(quantity, blocks)


_NUMBER_TEXT = re.compile(r"\d+(?:\.\d+)?")


def _written_glued(quantity: Quantity, blocks: list[BlockNumbers]) -> bool:
    """The block writes the number in a form the extraction leaves out: glued to its unit ("0.66MB", "+7.4dB",
    "10.50GFLOPs" for "0.66 MB", "+7.4 dB", "10.50 GFLOPs"), a percentage in a list cut by slashes
    ("93%/93%/90%/91%"), a count read as a year ("深度从2048减少到6"); never inside a name (Qwen2.5)."""
    number = _NUMBER_TEXT.search(quantity.text.replace(",", ""))
    if number is None:
        return False
    digits = number.group(0)
    percent = quantity.kind == "percent"
    for block in blocks:
        text = block.text
        start = text.find(digits)
        while start >= 0:
            end = start + len(digits)
            if (start == 0 or text[start - 1] not in _NUMBER_NEIGHBOURS) and (
                    text[end:end + 1] == "%" if percent else not _CONTINUES_NUMBER.match(text, end)):
                return True
            start = text.find(digits, start + 1)
    return False


_NUMBER_NEIGHBOURS = frozenset("0123456789.,ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_CONTINUES_NUMBER = re.compile(r"\d|[.,]\d")


def number_omitted(ctx: PaperContext) -> Iterator[Hit]:
    view = number_view(ctx)
    if not view.blocks:
        return
    missing = _omitted(ctx, view)
    if not missing:
        return
    results = [q for q, role in missing if role == RESULT]
    headline = bool(results) and _none_carried(view)
    shown = ", ".join(q.show() for q, _ in missing[:8]) + (f" (+{len(missing) - 8} more)" if len(missing) > 8 else "")
    first = results[0] if results else missing[0][0]
    yield Hit(message=f"no block carries the abstract's {shown}",
              abstract_span=sentence_around(view.abstract, view.starts, first.start),
              severity=Severity.warning if headline else Severity.info,
              confidence=_HEADLINE_CONFIDENCE if headline else _DETAIL_CONFIDENCE)


RULE = RuleSpec(
    id="O201",
    name="number-omitted",
    category=Category.omission,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=number_omitted,
    needs=Needs.ABSTRACT,
)
