"""A block numbers its list items out of order (1）, 2）, 5）): an item was lost or a number changed.

## What it catches
In a block, a list marker (a digit 1-9 in parentheses or before a closing one, after a space or a punctuation
mark, or a circled digit ①-⑨) whose number neither follows the previous marker's nor restarts at 1. One
finding per block, at the first break.

## Why it matters
A list that jumps from 1） to 5） lost items on the way or had a number rewritten: the summary now describes a
method with parts missing, and the reader cannot tell which.

## Example
Real example (mutation of dw-dengwei 2026-02-12, 2602.10551): "...编码时空位置信息；5）引入切比雪夫因果掩码"
right after item 1）.

## Stays quiet on
Lists in order, lists that start again at 1, a single marker, and digits before a bracket right after a letter
or a digit (Qwen2), which is no marker; markers written 一是/二是 (only digits and circled digits are read here).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.analysis.number_marks import CIRCLED, MARKER, MARKER_HINT, MARKER_START
from checker.model import BLOCK_LABELS, Category, Severity
from checker.numbers import clause_around, scan
from checker.rules.spec import Hit, RuleSpec


def list_numbering_gap(ctx: PaperContext) -> Iterator[Hit]:
    if not MARKER_HINT.search(ctx.content_text()):
        return
    for name, text in ctx.content_blocks():
        previous = 0
        for match in scan(MARKER, MARKER_START, text):
            digit, circled = match.groups()
            value = int(digit) if digit else CIRCLED.index(circled) + 1
            if previous and value not in (previous + 1, 1):
                yield Hit(block=name, message=f"{BLOCK_LABELS[name]}: list item {match.group(0).strip()} follows "
                                             f"item {previous}",
                          summary_span=clause_around(text, match.start(), match.end()))
                break
            previous = value


RULE = RuleSpec(
    id="N103",
    name="list-numbering-gap",
    category=Category.hallucinated_number,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=list_numbering_gap,
)
