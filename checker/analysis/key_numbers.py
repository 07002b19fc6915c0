"""The headline quantities of an abstract: result percentages and multipliers, metric values, data sizes.

What counts as key is decided here for the two number-omission rules (O201: a key quantity no block carries;
O202: measured results with no number in Result or TL;DR). Memoized on the context.
"""

from __future__ import annotations

import re

from checker.analysis.context import PaperContext
from checker.analysis.per_paper import number_view
from checker.numbers import Quantity
from checker.numbers.quantity import FRACTION, MEASURED_KINDS, WORD
from checker.numbers.view import NumberView

METRIC = re.compile(
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
METRIC_ASCII = re.compile(METRIC.pattern.replace(r"\bf1", r"f(?<!\w.)1"))
_DATA_NOUN_ASCII = re.compile(_DATA_NOUN.pattern)
_VERSION_BEFORE = re.compile(r"(?:\b[A-Z][\w.-]*|\bv)\s?$")  # Gemini 2.0, SeedEdit 1.6: a version
_MODEL_SIZE = re.compile(r"\d(?:\.\d+)?\s*[BM]$")
_WORD_OR_FRACTION = frozenset({WORD, FRACTION})


def is_key(quantity: Quantity, view: NumberView) -> bool:
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
        return mentions(METRIC_ASCII, METRIC, sentence) and not _VERSION_BEFORE.search(before)
    return mentions(_DATA_NOUN_ASCII, _DATA_NOUN, sentence)


def mentions(lowercase_ascii: re.Pattern[str], any_case: re.Pattern[str], text: str) -> bool:
    """Whether the text holds one of the words (the ASCII pattern on lower-cased ASCII text, which is faster)."""
    if text.isascii():
        return lowercase_ascii.search(text.lower()) is not None
    return any_case.search(text) is not None


def key_quantities(ctx: PaperContext) -> list[Quantity]:
    """The abstract's key quantities, in the abstract's order."""
    view = number_view(ctx)
    keys: list[Quantity] = ctx.memo("numbers.keys", lambda: [q for q in view.abstract_quantities if is_key(q, view)])
    return keys
