"""A number hedged in the abstract (up to, about, nearly) is stated flat in the summary.

## What it catches
In a Chinese digest, a number of a block clause (two or more digits, or a decimal) that the abstract writes as
a whole number right after a hedge: up to, as much/high/many/large as, approximately, about, around, roughly,
nearly, almost, at most, less than, ~, ≈, <. Flagged when the clause has no hedge of its own; once per number
in the paper. The evidence is the abstract sentence aligned with the clause, else the hedged number.

## Why it matters
"Up to 1.6x" is the best case; "1.6x" reads as the typical one. Dropping the hedge overstates the result in a
way the numbers rules cannot see, since the number itself is right.

## Example
Example (2506.15912): "将Whisper模型的语音转录速度提高1.6倍" against "achieve up to 1.6x runtime
acceleration".

## Stays quiet on
Clauses that keep a hedge of their own (高达, 最高, 约, 近, 超过, 以上, 不到, 低于 ...); single-digit whole numbers;
numbers the abstract states without a hedge right before them, or only inside a longer number; a number
already reported in another block; digests not in Chinese.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import lexicon as lx
from checker.analysis.align import numbers_in
from checker.analysis.clauses import chinese_paper, digit_clauses
from checker.analysis.context import PaperContext
from checker.analysis.per_paper import aligned
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec


def _abstract_hedge(abstract: str, number: str) -> str | None:
    """The hedge right before an occurrence of ``number`` in the abstract ("up to 30"), if any."""
    start = abstract.find(number)
    while start >= 0:
        end = start + len(number)
        while "." in number and end < len(abstract) and abstract[end] == "0":
            end += 1  # numbers_in wrote "1.30" as "1.3"
        whole = (start == 0 or not (abstract[start - 1].isdigit() or abstract[start - 1] == ".")) and (
            end == len(abstract) or not abstract[end].isdigit())
        if whole:
            hedge = lx.EN_NUMBER_HEDGE_BEFORE.search(abstract, max(0, start - 24), start)
            if hedge:
                return f"{hedge.group(0)}{number}"
        start = abstract.find(number, end)
    return None


def _hedge_of(ctx: PaperContext, hedges: dict[str, str | None], number: str) -> str | None:
    if number not in hedges:
        hedges[number] = _abstract_hedge(ctx.abstract, number)
    return hedges[number]


def dropped_number_hedge(ctx: PaperContext) -> Iterator[Hit]:
    if not chinese_paper(ctx):
        return
    flagged: set[str] = set()
    hedges: dict[str, str | None] = {}
    for block, clause in digit_clauses(ctx):
        if lx.ZH_NUMBER_HEDGE.search(clause):
            continue
        for number in sorted(numbers_in(clause) - flagged):
            if len(number) < 2 and "." not in number:
                continue
            hedge = _hedge_of(ctx, hedges, number)  # once per number: the same ones recur in several blocks
            if hedge is None:
                continue
            flagged.add(number)
            sentence = aligned(ctx, clause)
            yield Hit(f"the abstract hedges {number} ({hedge!r}); the summary states it flat", block,
                      clause, sentence.text if sentence else hedge, confidence=0.6)


RULE = RuleSpec(
    id="C107",
    name="dropped-number-hedge",
    category=Category.mismatched_claim,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=dropped_number_hedge,
    needs=Needs.ABSTRACT,
)
