"""证明/证实 where the abstract neither proves nor demonstrates, and hedges (suggest, indicate, may).

## What it catches
In a Chinese digest, each clause with 证明 or 证实 when the abstract has no word of proof or demonstration (prove,
proof, demonstrate, establish, confirm, theorem, theoretical, guarantee) and does hedge (suggest, indicate,
may, might, could, hint, preliminary, appear, seem, likely, possible, potential). The evidence is the first
hedged abstract sentence.

## Why it matters
"证明" turns a tentative finding into an established one. A reader cannot tell from the summary that the
paper only suggests it.

## Example
Example (2509.10663): "证实了它们在处理冲突信息中的关键作用" against "we investigate the preliminary claim
that these neurons are involved in inhibiting context copying".

## Stays quiet on
Abstracts that prove, demonstrate, confirm or establish anything; abstracts without any hedge (证明 restating
"show" is loose wording, not an overclaim); digests not in Chinese.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import lexicon as lx
from checker.analysis.clauses import chinese_paper, evidence_for, matching_clauses
from checker.analysis.context import PaperContext
from checker.analysis.keys import has_any
from checker.analysis.per_paper import first_sentence_with, padded_abstract
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec


def unlicensed_proof(ctx: PaperContext) -> Iterator[Hit]:
    if not chinese_paper(ctx):
        return
    for block, clause in matching_clauses(ctx, lx.ZH_PROOF):
        if has_any(padded_abstract(ctx), lx.EN_PROOF) or not has_any(padded_abstract(ctx), lx.EN_SOFT):
            return  # 证明 restating "show" is loose wording; restating "suggest" or "may" is an overclaim
        yield Hit("证明/证实 where the abstract only suggests or indicates", block, clause,
                  first_sentence_with(ctx, lx.EN_SOFT) or evidence_for(ctx, clause, lx.EN_SOFT), confidence=0.6)


RULE = RuleSpec(
    id="C106",
    name="unlicensed-proof",
    category=Category.mismatched_claim,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=unlicensed_proof,
    needs=Needs.ABSTRACT,
)
