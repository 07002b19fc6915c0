"""Omission rules for numbers: key quantities of the abstract that no block carries (O201), numeric results
summarized without a number (O202). What counts as key, and as carried, is decided here."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.analysis.per_paper import number_view
from checker.model import Category, Severity
from checker.numbers import Quantity, canonical_digits, supports
from checker.numbers.quantity import FRACTION, MEASURED_KINDS, WORD
from checker.numbers.text_spans import sentence_around
from checker.numbers.view import BlockNumbers, NumberView
from checker.rules.registry import Hit, paper_rule

_METRIC = re.compile(
    r"accura|precision|recall|\bf1|score|auc|auroc|bleu|rouge|map\b|iou|error|loss|rate|improv|gain|speed"
    r"|latency|throughput|reduc|increas|correlat|perplexity|ppl|win|success|pass@|mse|rmse|mae|psnr|ssim|fid"
    r"|dice|top-|outperform|achiev|reach|surpass|boost|faster|fewer|lower|higher|better",
    re.IGNORECASE,
)
_DATA_NOUN = re.compile(
    r"sample|image|example|question|pair|instance|video|document|paper|patient|record|sentence|utterance"
    r"|dialog|conversation|hour|token|user|problem|task|prompt|annotat|trajector|clip|article|case|item|post"
    r"|repositor|function|program|molecule|protein|participant|respondent|datapoint|data point|entries",
    re.IGNORECASE,
)
# The same words for ASCII text, searched in its lowercase form: without IGNORECASE the engine skips ahead much
# faster (on ASCII text the two give the same answer).
_METRIC_ASCII = re.compile(_METRIC.pattern.replace(r"\bf1", r"f(?<!\w.)1"))
_DATA_NOUN_ASCII = re.compile(_DATA_NOUN.pattern)
_RESULT_BLOCKS = ("result", "tldr")
_VERSION_BEFORE = re.compile(r"(?:\b[A-Z][\w.-]*|\bv)\s?$")  # Gemini 2.0, SeedEdit 1.6: a version
_MODEL_SIZE = re.compile(r"\d(?:\.\d+)?\s*[BM]$")
_WORD_OR_FRACTION = frozenset({WORD, FRACTION})


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
            and not _mentions(_METRIC_ASCII, _METRIC, sentence):
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


def _is_key(quantity: Quantity, view: NumberView) -> bool:
    """A headline quantity of the abstract: a result percentage or multiplier, a metric value, a data size."""
    if not _WORD_OR_FRACTION.isdisjoint(quantity.qualifiers) or (
            ("B" in quantity.text or "M" in quantity.text) and _MODEL_SIZE.search(quantity.text)):
        return False
    if quantity.kind in MEASURED_KINDS:
        return True
    if quantity.is_integer and quantity.value < 1000:
        return False
    sentence = view.sentence(quantity) or ""
    if not quantity.is_integer:
        before = sentence[: max(sentence.find(quantity.text), 0)]
        return _mentions(_METRIC_ASCII, _METRIC, sentence) and not _VERSION_BEFORE.search(before)
    return _mentions(_DATA_NOUN_ASCII, _DATA_NOUN, sentence)


def _mentions(lowercase_ascii: re.Pattern[str], any_case: re.Pattern[str], text: str) -> bool:
    if text.isascii():
        return lowercase_ascii.search(text.lower()) is not None
    return any_case.search(text) is not None


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


def _key_quantities(ctx: PaperContext) -> list[Quantity]:
    view = number_view(ctx)
    keys: list[Quantity] = ctx.memo("numbers.keys", lambda: [q for q in view.abstract_quantities if _is_key(q, view)])
    return keys


@paper_rule("O201", "number-omitted", Category.omission, Severity.warning, needs_abstract=True)
def number_omitted(ctx: PaperContext) -> Iterator[Hit]:
    """Key quantities of the abstract (result percentages, multipliers, metric values, data sizes) in no block.

    Not key: confidence intervals, counts given as examples, background figures before the
    paper speaks of its own work, sizes of data a model was trained on or drawn from. A number the block
    writes glued to its unit (0.66MB) or in a slash list (93%/90%) is carried.
    Real example (mutation of dw-dengwei 2026-02-12, 2602.10137): the abstract reports "+19.21%" over
    U-Net; once the clause "相比U-Net(4c)提升19.21% mIoU" is dropped, no block carries it.
    """
    view = number_view(ctx)
    if not view.blocks:
        return
    missing: list[Quantity] = []
    seen: set[float] = set()
    for quantity in _key_quantities(ctx):
        if quantity.value not in seen and not _carried(quantity, view.blocks) and not _is_minor(quantity, view):
            missing.append(quantity)
        seen.add(quantity.value)
    if missing:
        shown = ", ".join(q.show() for q in missing[:8]) + (f" (+{len(missing) - 8} more)" if len(missing) > 8 else "")
        yield Hit(message=f"no block carries the abstract's {shown}",
                  abstract_span=sentence_around(view.abstract, view.starts, missing[0].start))


@paper_rule("O202", "results-without-numbers", Category.omission, Severity.warning, needs_abstract=True)
def results_without_numbers(ctx: PaperContext) -> Iterator[Hit]:
    """The abstract reports numeric results but neither the Result nor the TL;DR has any number.

    Real example: an abstract with "improves accuracy by 12.4%" summarized as "实验表明该方法显著优于基线".
    """
    view = number_view(ctx)
    results = [b for b in view.blocks if b.name in _RESULT_BLOCKS]
    if not results or any(b.quantities for b in results):
        return
    measured = [q for q in _key_quantities(ctx) if q.kind in MEASURED_KINDS]
    if measured:
        yield Hit(message=f"the abstract reports numeric results ({measured[0].show()}, ...) "
                          "but neither Result nor TL;DR has any number",
                  abstract_span=sentence_around(view.abstract, view.starts, measured[0].start))
