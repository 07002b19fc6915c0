"""A block copies English sentences of the abstract instead of translating them.

## What it catches
A block holding a run of English prose (eight or more words, three of them function words) that shares eight
consecutive words with the abstract. One finding per block, quoting the longest such run.

## Why it matters
The block was not summarized or translated: the generator pasted the abstract, often because the LLM call
returned the input or failed half-way. The reader of a Chinese digest gets English, and the block says
nothing the abstract does not already say.

## Example
Real example: dw-dengwei 2025-03-19, 2503.13906: Motivation and Result are the abstract's
English sentences, verbatim.

## Stays quiet on
English digests (copying is not translating there); blocks with fewer than 32 Latin letters; shared names and
terms shorter than eight words in a row; a run made only of the title's words (the paper's name quoted, as F203
reads it); papers without an abstract.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.analysis.language import copied_spans
from checker.model import BLOCK_LABELS, Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec


def copied_abstract(ctx: PaperContext) -> Iterator[Hit]:
    if ctx.language == "en":
        return
    for name, runs in copied_spans(ctx).items():
        longest = max(runs, key=len)
        yield Hit(block=name, message=f"{BLOCK_LABELS[name]} copies the English abstract untranslated",
                  summary_span=longest[:200], abstract_span=longest[:200])


RULE = RuleSpec(
    id="F202",
    name="copied-abstract",
    category=Category.format,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=copied_abstract,
    needs=Needs.ABSTRACT,
)
