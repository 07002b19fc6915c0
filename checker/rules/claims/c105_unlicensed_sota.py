"""最先进/SOTA/领先 results the abstract does not claim (no state-of-the-art, best, outperform).

## What it catches
In a Chinese digest, each clause with 最先进, SOTA or state-of-the-art, or with 领先/顶尖 followed within six
characters by a result word (性能, 水平, 结果, 效果, 表现, 精度, 准确率, 成绩), when the abstract says none of
state-of-the-art, SOTA, best, outperform, surpass, superior, exceed, beat, strongest, highest, new record,
1st. The evidence is the abstract sentence aligned with the clause, else the first that says something went
up.

## Why it matters
"State of the art" ranks the paper above all others: a claim the abstract would have made if it could. Added
by the summary, it misleads anyone choosing what to read or cite.

## Example
Example (2506.16046, edited): "取得了最先进的性能" against an abstract that only says power capping "can
improve energy efficiency by up to 25%".

## Stays quiet on
Any abstract with one of those words (once licensed, every such clause passes); SOTA of other work
(即使是最先进的模型, 与现有最先进方法相比); 最佳/最优/最强, which mostly mean optimal (达到最佳性能的配置); 领先
without a result word after it; digests not in Chinese.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import lexicon as lx
from checker.analysis.clauses import chinese_paper, evidence_for, matching_clauses
from checker.analysis.context import PaperContext
from checker.analysis.keys import has_any
from checker.analysis.per_paper import padded_abstract
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec


def unlicensed_sota(ctx: PaperContext) -> Iterator[Hit]:
    if not chinese_paper(ctx):
        return
    seen: set[tuple[str, str]] = set()
    for pattern, after in ((lx.ZH_SOTA_STRONG, None), (lx.ZH_SOTA_WEAK, lx.ZH_SOTA_CONTEXT)):
        for block, clause in matching_clauses(ctx, pattern, after=after, window=6):
            if has_any(padded_abstract(ctx), lx.EN_SOTA):
                return
            if (block, clause) not in seen and not lx.ZH_SOTA_OF_OTHERS.search(clause):
                seen.add((block, clause))
                yield Hit("a state-of-the-art claim the abstract does not make", block, clause,
                          evidence_for(ctx, clause, lx.EN_UP), confidence=0.6)


RULE = RuleSpec(
    id="C105",
    name="unlicensed-sota",
    category=Category.mismatched_claim,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=unlicensed_sota,
    needs=Needs.ABSTRACT,
)
