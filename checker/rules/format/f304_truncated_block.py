"""A block ends mid-sentence (on a comma, an enumeration mark or an open bracket).

## What it catches
A block whose text ends on a separator (，,、;；:： or a dash) or an opening bracket (( （ [ 【), trailing
spaces aside, or that opens more brackets than it closes (full-width （） and ASCII () counted apart). One
finding per block, quoting its last 60 characters.

## Why it matters
The generator hit its token limit or the text was cut on the way: the block stops before its point, and the
missing half is usually the result or the condition that qualifies it.

## Example
Real example: xmkxabc 2025-06-23, 2506.17169: the Method ends "...新信息的获取（可塑性。", the bracket
never closed. Blocks without a final 。 are normal in these digests; only a dangling separator counts.

## Stays quiet on
Blocks that end without a final 。 or period (normal in these digests) on a word, a number or a closed bracket;
square brackets left open inside the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.model import BLOCK_LABELS, Category, Severity
from checker.rules.spec import Hit, RuleSpec

_DANGLING_END = re.compile(r"[，,、;；:：(（\[【\-—]\s*$")


def truncated_block(ctx: PaperContext) -> Iterator[Hit]:
    for name, text in ctx.content_blocks():
        if _DANGLING_END.search(text) or text.count("（") > text.count("）") or text.count("(") > text.count(")"):
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} seems cut off", summary_span=text[-60:])


RULE = RuleSpec(
    id="F304",
    name="truncated-block",
    category=Category.format,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=truncated_block,
)
