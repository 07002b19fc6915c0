"""最先进/SOTA/领先 results the abstract does not claim (no state of the art, best, outperform, record).

## What it catches
In a Chinese digest, a clause of any block that claims the paper's own result is state of the art: 最先进,
SOTA, state-of-the-art, 新纪录, or 领先/顶尖 followed within six characters by a result word (性能, 水平, 结果, 效果,
表现, 精度, 准确率, 成绩), when no sentence of the abstract about the paper's own work (any sentence, for the
Motivation block) claims a lead over others: state of the art (state-of-art, SOTA), best, outperform, surpass,
superior, exceed, beat, strongest, highest, record, 1st, first place, top-performing, rank first, dominate. The
clause is compared with the abstract sentence it restates (the bilingual aligner): a confident source is a
warning; without one, the finding is info.

## Why it matters
"State of the art" ranks the paper above all others: a claim the abstract would have made if it could. Added
by the summary, it misleads anyone choosing what to read or cite.

## Example
Example (2506.16046, edited): "取得了最先进的性能" against an abstract that only says power capping "can
improve energy efficiency by up to 25%".

## Stays quiet on
Any abstract whose own-work sentences claim a lead in those wordings (once licensed, every such clause
passes); the state of the art of other work (即使是最先进的模型, 与现有最先进方法相比, 优于最先进方法, 达到与最先进
方法相当); 最佳/最优/最强, which mostly mean optimal (最优秩, 最佳实践); 领先 without a result word after it; "leading
to" is no lead; digests not in Chinese.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import overstatement_lexicon as ol
from checker.analysis.claim_strength import compare
from checker.analysis.context import PaperContext
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec

ALIGNED_CONFIDENCE = 0.65
PAPER_CONFIDENCE = 0.45


def unlicensed_sota(ctx: PaperContext) -> Iterator[Hit]:
    for c in compare(ctx, ol.SOTA):
        if c.anywhere:
            return  # a claimed lead anywhere in the abstract covers the paper
        yield Hit(f"state of the art inflated: '{c.cue}' where the abstract claims no lead over other work", c.block,
                  c.clause, c.evidence, severity=None if c.aligned else Severity.info,
                  confidence=ALIGNED_CONFIDENCE if c.aligned else PAPER_CONFIDENCE)


RULE = RuleSpec(
    id="C105",
    name="unlicensed-sota",
    category=Category.mismatched_claim,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=unlicensed_sota,
    needs=Needs.ABSTRACT,
)
