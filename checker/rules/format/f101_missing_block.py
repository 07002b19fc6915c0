"""A block is missing, null or empty.

## What it catches
Each of the five blocks (TL;DR, Motivation, Method, Result, Conclusion) that the record does not have, or
whose text is null or the empty string: one finding per block.

## Why it matters
The reader gets nothing for that part of the paper, and no content rule can check what is not there. A null
often means the generator's JSON lost a field.

## Example
Real example: xmkxabc 2025-06-06 has 74 papers whose ``conclusion`` is null; the
Markdown renders it as ``Conclusion: None``.

## Stays quiet on
A paper whose every block is missing or a placeholder: the whole call failed, and F103 reports it once. A
block that holds a fallback string ("Result analysis unavailable") is F102's.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.model import BLOCK_LABELS, BLOCK_NAMES, Category, Severity
from checker.rules.spec import Hit, RuleSpec


def missing_block(ctx: PaperContext) -> Iterator[Hit]:
    if ctx.all_blocks_failed():
        return
    for name in BLOCK_NAMES:
        if not ctx.paper.block_text(name):
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} is missing or empty")


RULE = RuleSpec(
    id="F101",
    name="missing-block",
    category=Category.format,
    severity=Severity.error,
    scope="paper",
    doc=__doc__ or "",
    check=missing_block,
)
