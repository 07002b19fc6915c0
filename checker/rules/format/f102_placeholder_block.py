"""A block holds a fallback string instead of a summary.

## What it catches
A block whose whole text is one of the fallback strings the generators write when the LLM call fails or the
model declines (checker/text/placeholders.py: "Summary generation failed", "Not mentioned in abstract", "N/A",
"无", "未在摘要中提及" ..., compared without case or a final period), or that starts with "Error", "[error]" or
"failed to generate". One finding per block, quoting it.

## Why it matters
The block looks filled, so a count of missing blocks misses it, yet the reader learns nothing from it. The
content rules leave placeholders out, so that part of the paper goes unchecked.

## Example
Real example: dw-dengwei 2026-05-21 writes "Result analysis unavailable"; xmkxabc
2025-06-23 writes "Not mentioned in abstract"; others write "无" or "未在摘要中提及。".

## Stays quiet on
A paper whose every block failed (F103 reports it once); a text over 40 characters that does not start with an
error prefix (every known placeholder is short); a short real block that only contains a fallback word.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.model import BLOCK_LABELS, BLOCK_NAMES, Category, Severity
from checker.rules.spec import Hit, RuleSpec
from checker.text.placeholders import is_placeholder


def placeholder_block(ctx: PaperContext) -> Iterator[Hit]:
    if ctx.all_blocks_failed():
        return
    for name in BLOCK_NAMES:
        text = ctx.paper.block_text(name)
        if text and is_placeholder(text):
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} is a placeholder: {text[:60]!r}",
                      summary_span=text[:200])


RULE = RuleSpec(
    id="F102",
    name="placeholder-block",
    category=Category.format,
    severity=Severity.error,
    scope="paper",
    doc=__doc__ or "",
    check=placeholder_block,
)
