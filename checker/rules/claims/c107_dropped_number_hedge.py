"""A number the abstract bounds (up to, over, about, nearly) is stated flat in the summary.

## What it catches
In a Chinese digest, a number of any block that the abstract gives only with a bound: up to, as much/high/many
as, approximately, about, around, roughly, nearly, almost, some, at most, at least, less/fewer/more/greater
than, over, above, below, under, exceeding, beyond, within, ~, ≈, <, >. Numbers are paired by value and kind
(checker.numbers: 24万 is 240k, 1.30倍 is 1.3×), and the block's number keeps no bound next to it (高达, 最高,
约, 近, 超过, 至少, 不到 ... in the few characters before it; 以上, 左右, 多, 余, 以内 ... right after it). Each block
is read on its own. A share or a factor is a warning; a whole count (over 23 countries) is one too, with a
lower confidence.

## Why it matters
"Up to 1.6x" is the best case; "1.6x" reads as the typical one; "over 21,000 hours" stated as "21,000 hours"
undersells, "nearly 240k" stated as "24万" rounds up. Dropping the bound misstates the result in a way the
number rules cannot see, since the number itself is right.

## Example
Example (2605.20469): "六模型集成可减少84.8%的捏造" against "A six-model ensemble reduces fabrication by up
to 84.8%".

## Stays quiet on
A block that keeps a bound next to the number (a bound word elsewhere in the clause does not count); numbers
the abstract also states flat somewhere; single-digit whole counts; endpoints of ranges; numbers inside names
(Wan2.1-1.3B); digests not in Chinese.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.bound_drops import dropped_bounds
from checker.analysis.clauses import chinese_paper
from checker.analysis.context import PaperContext
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec

SHARE_CONFIDENCE = 0.8  # a percentage, a factor or a decimal: its value alone pairs the two sides
COUNT_CONFIDENCE = 0.65  # a whole count: a round value may pair two unrelated numbers


def dropped_number_hedge(ctx: PaperContext) -> Iterator[Hit]:
    if not chinese_paper(ctx):
        return
    for drop in dropped_bounds(ctx):
        yield Hit(f"bound dropped: the abstract says '{drop.bound}'; the summary states {drop.number} flat",
                  drop.block, drop.clause, drop.sentence,
                  confidence=SHARE_CONFIDENCE if drop.distinctive else COUNT_CONFIDENCE)


RULE = RuleSpec(
    id="C107",
    name="dropped-number-hedge",
    category=Category.mismatched_claim,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=dropped_number_hedge,
    needs=Needs.ABSTRACT,
)
