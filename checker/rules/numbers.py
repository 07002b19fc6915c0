"""Number rules: invented or changed quantities and broken list numbering (N rules). Rules are registered here.

The extraction and matching live in ``checker.numbers``; this module only decides what to report. Dropped
quantities (O201, O202) are in ``checker.rules.number_omissions``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.analysis.context import PaperContext
from checker.analysis.per_paper import number_view
from checker.model import BLOCK_LABELS, Category, Severity
from checker.numbers import Quantity, Support, canonical_digits, digit_tokens, same_family
from checker.numbers.chinese import chinese_years
from checker.numbers.match import same_value
from checker.numbers.quantity import FRACTION, WORD
from checker.numbers.scan import scan
from checker.numbers.text_spans import clause_around
from checker.numbers.view import BlockNumbers, NumberView, support_of
from checker.rules.registry import Hit, paper_rule

_ENUMERATION_JOINS = re.compile(r"、|和|与|以及|及|或|,")
_LIST_MARKERS = re.compile(r"(?:^|(?<=[\s，。；：:（(]))([1-9])[）)]|([①②③④⑤⑥⑦⑧⑨])|([一二三四五六七八九])是")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨"
_CN_DIGITS = "一二三四五六七八九"


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
