"""Key quantities of the abstract (result percentages, multipliers, metric values, data sizes) in no block.

## What it catches
The abstract's key quantities (checker.analysis.key_numbers): every percentage, point gain and multiplier;
decimals in a sentence about a metric (accuracy, F1, latency, speed-up ...) that do not follow a version name
(Gemini 2.0); counts of a thousand or more in a sentence about data (samples, images, tokens ...). One
finding per paper listing those no block carries, with the abstract sentence of the first. A block carries a
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
thousand; and minor ones: confidence intervals ("95% CI: 0.779-0.867"), counts given as examples in
parentheses ("(e.g., only 100 used ...)"), background figures before the paper first speaks of its own work
(we, our, this paper, here) in a sentence with no metric word, sizes of data a model was trained on, drawn
from or used. Digits inside a name (Qwen2.5) do not carry a number. Papers without real blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.analysis.key_numbers import METRIC, METRIC_ASCII, key_quantities, mentions
from checker.analysis.per_paper import number_view
from checker.model import Category, Severity
from checker.numbers import Quantity, canonical_digits, supports
from checker.numbers.quantity import MEASURED_KINDS
from checker.numbers.text_spans import sentence_around
from checker.numbers.view import BlockNumbers, NumberView
from checker.rules.spec import Hit, Needs, RuleSpec

# What a headline number is not: a confidence interval ("95% CI: 0.779-0.867", the 95% itself), a count given as
# an example ("(e.g., only 100 used from 4,096 expected)").
_CI_BEFORE = re.compile(r"(?:\bCI|confidence intervals?)[)\]]?\s*[:=]?\s*[\[(]?\s*(?:[\d.]+\s*(?:-|–|to|,)\s*)?$")
_CI_AFTER = re.compile(r"\s*(?:CI\b|confidence interval)")
_EXAMPLE_OPEN = re.compile(r"\((?:e\.g\.|for example|for instance)[^()]*$")


# A data size of what a model was trained on or drawn from ("pre-trained on 800,000 samples", "10k instances
# drawn from 4,974 videos", "Using D2R-MD, a 2-microsecond MD trajectory (12 000 frames)"): a detail, unlike the
# size of data the paper builds or a count it reports as a result.
_SOURCE_DATA = re.compile(r"train(?:ed|ing|s)?\s+(?:[\w-]+\s+){0,4}?on\b|derived from|drawn from|sampled from"
                          r"|\b[Uu]sing\b")
# The paper's own voice: a number before it, in a sentence without a metric, is background ("Money laundering ...
# is estimated to account for 2%-5% of the global GDP").
# (Opens with the class, then looks behind for a word start, so the engine skips ahead fast.)
_OWN_VOICE = re.compile(r"[WwOoTtHh](?<!\w\w)(?:(?<=[Ww])e|(?<=[Oo])ur|(?<=[Tt])his (?:paper|work|study|article|letter)"
                        r"|(?<=[Hh])ere)\b")


def _is_minor(quantity: Quantity, view: NumberView) -> bool:
    """A number of the abstract the summary may leave out: an aside, a background figure before the paper speaks
    of its own work, or the size of data a model was trained on or drawn from."""
    if _is_aside(quantity, view.abstract):
        return True
    abstract = view.abstract
    sentence = view.sentence(quantity) or ""
    if _OWN_VOICE.search(abstract, 0, quantity.end) is None and _OWN_VOICE.search(abstract, quantity.end) \
            and not mentions(METRIC_ASCII, METRIC, sentence):
        return True  # background before the paper speaks: "about 20% of all verified fungi observations"
    return quantity.is_integer and quantity.kind not in MEASURED_KINDS and _SOURCE_DATA.search(sentence) is not None


def _is_aside(quantity: Quantity, abstract: str) -> bool:
    """A number that qualifies another rather than reporting a result: a confidence interval, a count given as
    an example in parentheses."""
    before = abstract[max(0, quantity.start - 40):quantity.start]
    after = abstract[quantity.end:quantity.end + 24]
    if _CI_BEFORE.search(before) or _CI_AFTER.match(after):
        return True
    # "(e.g., up to a 15.8% relative gain in PSNR)" gives results as examples: only plain counts are asides.
    return quantity.kind not in MEASURED_KINDS and \
        _EXAMPLE_OPEN.search(abstract, max(0, quantity.start - 120), quantity.start) is not None


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
    missing: list[Quantity] = []
    seen: set[float] = set()
    for quantity in key_quantities(ctx):
        if quantity.value not in seen and not _carried(quantity, view.blocks) and not _is_minor(quantity, view):
            missing.append(quantity)
        seen.add(quantity.value)
    if missing:
        shown = ", ".join(q.show() for q in missing[:8]) + (f" (+{len(missing) - 8} more)" if len(missing) > 8 else "")
        yield Hit(message=f"no block carries the abstract's {shown}",
                  abstract_span=sentence_around(view.abstract, view.starts, missing[0].start))


RULE = RuleSpec(
    id="O201",
    name="number-omitted",
    category=Category.omission,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=number_omitted,
    needs=Needs.ABSTRACT,
)
