"""Every block is missing or a placeholder: the LLM call failed for the whole paper.

## What it catches
A paper none of whose five blocks holds real text: each is missing, empty or a fallback string (as F101 and
F102 read them). One finding for the paper, quoting the first fallback it carries.

## Why it matters
The paper is in the digest but has no summary at all; a reader skimming the digest loses it. Many such papers
in one file point to an API outage or a quota hit during the run.

## Example
Real example: 48 of 231 papers of dw-dengwei 2026-05-21 carry the five fallbacks
"Summary generation failed", "Motivation analysis unavailable", ... One finding per paper.

## Stays quiet on
A paper with at least one real block: its missing and placeholder blocks are reported one by one (F101,
F102). A paper the pipeline dropped altogether is O101's.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.model import BLOCK_NAMES, Category, Severity
from checker.rules.spec import Hit, RuleSpec


def paper_not_summarized(ctx: PaperContext) -> Iterator[Hit]:
    if ctx.all_blocks_failed():
        sample = next((t for n in BLOCK_NAMES if (t := ctx.paper.block_text(n))), None)
        detail = f" (e.g. {sample[:60]!r})" if sample else ""
        yield Hit(message=f"no block was summarized{detail}", summary_span=sample)


RULE = RuleSpec(
    id="F103",
    name="paper-not-summarized",
    category=Category.format,
    severity=Severity.error,
    scope="paper",
    doc=__doc__ or "",
    check=paper_not_summarized,
)
