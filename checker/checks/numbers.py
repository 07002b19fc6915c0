"""Number rules: invented, changed or dropped quantities (issue 3). Rules are registered here.

The extraction and matching live in ``checker.numbers``; this module only decides what to report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.checks.context import PaperContext
from checker.checks.registry import Hit, paper_rule
from checker.models import BLOCK_LABELS, Category, Severity
from checker.numbers import Quantity, Support, canonical_digits, digit_tokens, same_family, supports
from checker.numbers.chinese import chinese_years
from checker.numbers.match import same_value
from checker.numbers.quantity import FRACTION, MEASURED_KINDS, WORD
from checker.numbers.scan import scan
from checker.numbers.text_spans import clause_around, sentence_around
from checker.numbers.view import BlockNumbers, NumberView, support_of

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
_ENUMERATION_JOINS = re.compile(r"、|和|与|以及|及|或|,")
_LIST_MARKERS = re.compile(r"(?:^|(?<=[\s，。；：:（(]))([1-9])[）)]|([①②③④⑤⑥⑦⑧⑨])|([一二三四五六七八九])是")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨"
_CN_DIGITS = "一二三四五六七八九"
_VERSION_BEFORE = re.compile(r"(?:\b[A-Z][\w.-]*|\bv)\s?$")  # Gemini 2.0, SeedEdit 1.6: a version
_MODEL_SIZE = re.compile(r"\d(?:\.\d+)?\s*[BM]$")
_WORD_OR_FRACTION = frozenset({WORD, FRACTION})


def _enumerated(text: str, quantity: Quantity) -> bool:
    """A small count that only counts the items listed next to it (感知、时序和认知三个层次, 两大挑战：1）... 2）...)."""
    value = int(quantity.value)
    clause = clause_around(text, quantity.start, quantity.start)
    listed = len(_ENUMERATION_JOINS.findall(clause[: max(clause.find(quantity.text), 0)]))
    if listed and listed + 1 == value:
        return True
    markers = set()
    for match in _LIST_MARKERS.finditer(text):
        digit, circled, chinese = match.groups()
        markers.add(int(digit) if digit else _CIRCLED.index(circled) + 1 if circled else _CN_DIGITS.index(chinese) + 1)
    return bool(markers) and max(markers) == value


def number_view(ctx: PaperContext) -> NumberView:
    view: NumberView = ctx.memo("numbers", lambda: NumberView(ctx.abstract, ctx.paper.title, ctx.content_blocks(),
                                                               ctx.language))
    return view


@dataclass(frozen=True)
class Verdict:
    block: BlockNumbers
    quantity: Quantity
    support: Support


def _verdicts(ctx: PaperContext) -> list[Verdict]:
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
                        quantity.value <= 1 or (quantity.value < 10 and _enumerated(block.text, quantity))):
                    continue
                out.append(Verdict(block, quantity, support))
        return out

    verdicts: list[Verdict] = ctx.memo("numbers.verdicts", compute)
    return verdicts


# Opens with the class (the lookbehind then checks the character before it), so the engine skips ahead fast.
_ABSTRACT_YEAR = re.compile(r"[12](?<![\d.].)(?:(?<=1)[5-9]\d\d|(?<=2)0\d\d)(?![\d.])")


def _year_hits(ctx: PaperContext, view: NumberView) -> Iterator[Hit]:
    """Years of a block that the abstract, which names other years, does not name (2015至2533年)."""
    if ctx.language == "en":
        return
    for block in view.blocks:
        if "年" not in block.raw or not _ABSTRACT_YEAR.search(view.abstract):
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


def _abstract_sentence(view: NumberView, quantity: Quantity | None) -> str | None:
    return view.sentence(quantity)


def _severity(quantity: Quantity) -> Severity:
    if FRACTION in quantity.qualifiers:
        return Severity.warning  # 3/2 may be a spin, 5/8 a bound: worth a look, rarely a measured result
    if quantity.is_measured:
        return Severity.error
    if WORD in quantity.qualifiers and quantity.value < 10:
        return Severity.info  # 两种方法, 三个步骤: the writer counting what it lists, rarely a wrong fact
    return Severity.warning


@paper_rule("N101", "hallucinated-number", Category.hallucinated_number, Severity.error, needs_abstract=True)
def hallucinated_number(ctx: PaperContext) -> Iterator[Hit]:
    """A block states a number that the abstract does not support (error for measured results).

    Real example (mutation of dw-dengwei 2026-02-12, 2602.10137): the Result says "相比U-Net(4c)提升
    24.15% mIoU" where the abstract says "+19.21%". Percentages, multipliers, decimals and counts of a
    thousand or more are errors; small counts (三个数据集 when the abstract says "two datasets") are warnings.
    """
    view = number_view(ctx)
    for verdict in _verdicts(ctx):
        if verdict.support.status != "unsupported":
            continue
        quantity = verdict.quantity
        evidence = _closest_in_context(verdict, view) or verdict.support.evidence
        said = f"; abstract says {evidence.show()}" if evidence else "; the abstract has no such number"
        yield Hit(
            block=verdict.block.name,
            message=f"{BLOCK_LABELS[verdict.block.name]}: {quantity.show()} is not in the abstract{said}",
            summary_span=clause_around(verdict.block.text, quantity.start, quantity.end),
            abstract_span=_abstract_sentence(view, evidence),
            severity=_severity(quantity),
        )
    yield from _year_hits(ctx, view)


@paper_rule("N102", "derived-number", Category.hallucinated_number, Severity.info, needs_abstract=True)
def derived_number(ctx: PaperContext) -> Iterator[Hit]:
    """A block states a number the abstract only gives as parts: one operation away (derived value, check).

    Real example (xmkxabc): "22.6万条" where the abstract gives 104,714 and 121,952 examples; their sum
    226,666 is about 22.6万. Usually right, but the reader should check the arithmetic.
    """
    view = number_view(ctx)
    for verdict in _verdicts(ctx):
        derivation = verdict.support.derivation
        if verdict.support.status != "derived" or derivation is None:
            continue
        quantity = verdict.quantity
        yield Hit(
            block=verdict.block.name,
            message=(f"{BLOCK_LABELS[verdict.block.name]}: derived value, check: {quantity.show()} "
                     f"≈ {derivation.describe()} = {derivation.value:g}"),
            summary_span=clause_around(verdict.block.text, quantity.start, quantity.end),
            abstract_span=_abstract_sentence(view, derivation.left),
        )


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


# A marker is a digit 1-9 before a closing parenthesis, or a circled digit: one scan of all the blocks together
# tells most papers apart (the class opens the pattern, so the engine skips ahead fast).
_MARKER_HINT = re.compile(r"[1-9①-⑨](?:(?<=[1-9])[)）]|(?<=[①-⑨]))")
_MARKER = re.compile(r"(?=[（(1-9①-⑨])(?:^|(?<=[\s，。；：:;、]))[（(]?([1-9])[）)]|([①②③④⑤⑥⑦⑧⑨])")
# Where a marker can start (checker.numbers.scan): "(1", "1)" or a circled digit.
_MARKER_START = re.compile(r"[（(1-9①-⑨](?:(?<=[（(])[1-9]|(?<=[1-9])[）)]|(?<=[①-⑨]))")


@paper_rule("N103", "list-numbering-gap", Category.hallucinated_number, Severity.warning)
def list_numbering_gap(ctx: PaperContext) -> Iterator[Hit]:
    """A block numbers its list items out of order (1）, 2）, 5）): an item was lost or a number changed.

    Real example (mutation of dw-dengwei 2026-02-12, 2602.10551): "...编码时空位置信息；5）引入切比雪夫因果掩码"
    right after item 1）.
    """
    if not _MARKER_HINT.search(ctx.content_text()):
        return
    for name, text in ctx.content_blocks():
        previous = 0
        for match in scan(_MARKER, _MARKER_START, text):
            digit, circled = match.groups()
            value = int(digit) if digit else _CIRCLED.index(circled) + 1
            if previous and value not in (previous + 1, 1):
                yield Hit(block=name, message=f"{BLOCK_LABELS[name]}: list item {match.group(0).strip()} follows "
                                             f"item {previous}",
                          summary_span=clause_around(text, match.start(), match.end()))
                break
            previous = value
