"""A paper of the day's raw crawl has no summary in the AI file: the pipeline lost it.

## What it catches
Every arXiv id of the raw crawl ``DATE.jsonl`` that sits beside the AI file which the AI file does not hold,
in the crawl's order. Each becomes a finding on a paper entry of its own (marked dropped), with the crawl
line.

## Why it matters
A paper that never reaches the digest is invisible: no other rule can see it, and readers think they saw the
whole day. Whole days can vanish when the summarizing step fails.

## Example
Real example: MYZhangwww 2026-02-24 crawled 281 papers and summarized none. Upstream's
sensitivity filter silently drops about 20% of papers. Needs the raw ``DATE.jsonl`` beside the AI file.

## Stays quiet on
Digests without the raw crawl ``DATE.jsonl`` beside them (nothing to compare with); papers of the AI file that
the crawl does not list.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import DigestContext
from checker.model import Category, Severity
from checker.rules.spec import Hit, RuleSpec


def paper_dropped(ctx: DigestContext) -> Iterator[Hit]:
    if ctx.raw_ids is None:
        return
    for arxiv_id, (line, _title) in sorted(ctx.raw_ids.items(), key=lambda item: item[1][0]):
        if arxiv_id not in ctx.sketches:
            yield Hit(arxiv_id=arxiv_id,
                      message=f"paper dropped from digest: in the raw crawl {ctx.raw_path} (line {line}) "
                              "but not summarized")


RULE = RuleSpec(
    id="O101",
    name="paper-dropped",
    category=Category.omission,
    severity=Severity.warning,
    scope="digest",
    doc=__doc__ or "",
    check=paper_dropped,
)
