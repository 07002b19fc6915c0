"""A block in the right language switches to English prose part-way.

## What it catches
A block that reads as the digest's language overall but holds a run of English prose: 8+ words with 3+
function words, not made only of words of the paper's title. One finding per block, quoting the first run.

## Why it matters
The generator stopped translating mid-block, usually at the results: the reader of a Chinese digest misses
the part that carries the numbers.

## Example
Real example: dw-dengwei 2025-09-16, 2509.11090: the Result starts in Chinese and ends in English.
Quoted titles and names are not prose: a run needs 8+ words with 3+ function words.

## Stays quiet on
English digests; blocks already reported as another language (F201) or as a copy of the abstract (F202);
blocks with under 30 Latin letters; quoted titles, names and terms (no run of prose); a run made only of the
title's words.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.analysis.language import block_script_counts, copied_spans, observed_language
from checker.model import BLOCK_LABELS, Category, Severity
from checker.rules.spec import Hit, RuleSpec
from checker.text.prose import english_runs, words


def mixed_language(ctx: PaperContext) -> Iterator[Hit]:
    if ctx.language == "en":
        return
    copied = copied_spans(ctx)
    title_words = set(words(ctx.paper.title))
    for name, counts in block_script_counts(ctx).items():
        if name in copied or observed_language(counts, ctx.paper.block_text(name)) != ctx.language:
            continue
        if counts.latin < 30:
            continue
        for run in english_runs(ctx.paper.block_text(name)):
            if set(words(run)) <= title_words:
                continue
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} switches to English mid-text",
                      summary_span=run[:200])
            break


RULE = RuleSpec(
    id="F203",
    name="mixed-language",
    category=Category.format,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=mixed_language,
)
