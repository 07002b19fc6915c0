"""The same arXiv id appears more than once in one digest (reported once, on the first record).

## What it catches
An arXiv id that has several records in one digest file. One finding on the first record, giving how many
times it repeats and the lines of the repeats; the repeats themselves are not checked again.

## Why it matters
Repeats inflate the day's paper count and make readers read a paper twice. When the repeated summaries differ,
the generator ran twice on the paper and at most one text is the one the pipeline meant to keep (a warning);
word-for-word repeats are only noise (info).

## Example
Real example: dw-dengwei 2025-03-19 holds 206 records for 172 papers.

## Stays quiet on
The same paper in two digests (each file is checked on its own), and the same paper under two different ids:
records are compared by arXiv id only.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import DigestContext
from checker.model import Category, Severity
from checker.rules.spec import Hit, RuleSpec


def duplicate_record(ctx: DigestContext) -> Iterator[Hit]:
    for sketch in ctx.sketches.values():
        if len(sketch.record_lines) > 1:
            lines = ", ".join(str(n) for n in sketch.record_lines[1:])
            differ = " with a different summary" if sketch.summaries_differ else ""
            yield Hit(arxiv_id=sketch.arxiv_id, line=sketch.line,
                      message=f"record repeated {len(sketch.record_lines) - 1}x{differ} (also at line {lines})",
                      severity=Severity.warning if sketch.summaries_differ else Severity.info)


RULE = RuleSpec(
    id="F105",
    name="duplicate-record",
    category=Category.format,
    severity=Severity.warning,
    scope="digest",
    doc=__doc__ or "",
    check=duplicate_record,
)
