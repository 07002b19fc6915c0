"""首次/首个/率先 claim a first the abstract does not claim.

## What it catches
In a Chinese digest, a clause of any block with 首次, 第一个, 首个, 首款, 首例, 首创, 率先, 开创性 or 前所未有, when
neither the title nor any sentence of the abstract about the paper's own work (any sentence, for the Motivation
block) claims priority: first, pioneer(ing), unprecedented, inaugural, seminal, "to our knowledge", "for the
first time", "previously unknown", "unexplored", "no prior/previous/existing work", "has not been
explored/studied/examined", "never been", "yet to be". The clause is compared with the abstract sentence it
restates (the bilingual aligner): a confident source is a warning; without one, the finding is info.

## Why it matters
Priority is a strong claim that readers repeat and reviewers check; an LLM adds it to sound impressive, and a
reader cannot tell it did.

## Example
Example (2602.10624): "DermFM-Zero：首个无需任务特定微调的皮肤病学视觉语言基础模型" against "Here, we
introduce DermFM-Zero, a dermatology vision-language foundation model".

## Stays quiet on
Any abstract or title that claims priority in any of those wordings (once licensed, every such clause of the
paper passes); "并非首个" (not the first); "there is no clear ground truth" claims no priority; digests not in
Chinese.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import overstatement_lexicon as ol
from checker.analysis.claim_strength import compare
from checker.analysis.context import PaperContext
from checker.analysis.keys import has_any, padded
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec

ALIGNED_CONFIDENCE = 0.65
PAPER_CONFIDENCE = 0.45


def unlicensed_first(ctx: PaperContext) -> Iterator[Hit]:
    comparisons = compare(ctx, ol.NOVELTY)
    if not comparisons or has_any(padded(ctx.paper.title), ol.EN_FIRST):
        return
    for c in comparisons:
        if c.anywhere:
            return  # a claim of priority anywhere in the abstract covers the paper
        yield Hit(f"novelty inflated: '{c.cue}' where the abstract claims no first", c.block, c.clause, c.evidence,
                  severity=None if c.aligned else Severity.info,
                  confidence=ALIGNED_CONFIDENCE if c.aligned else PAPER_CONFIDENCE)


RULE = RuleSpec(
    id="C104",
    name="unlicensed-first",
    category=Category.mismatched_claim,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=unlicensed_first,
    needs=Needs.ABSTRACT,
)
