"""证明/证实 where the abstract only suggests (suggest, indicate, may, potential) and proves or shows nothing.

## What it catches
In a Chinese digest, a clause of the TL;DR, Method, Result or Conclusion with 证明 or 证实, compared with the
abstract sentence it restates (the bilingual aligner). A warning when that sentence is confidently aligned,
hedges (suggest, indicate, may, might, could, hint, preliminary, appear, seem, likely, possible, potential,
plausible, tentative) and neither proves, shows nor establishes anything (prove, proof, demonstrate, show,
establish, confirm, verify, validate, theorem, theoretical, guarantee, evidence, affirm, corroborate, reveal,
find). Without a confident source, info, when no own-work sentence of the abstract proves or shows anything
and one hedges. A clause that C108 already reports (a hedged finding stated as established) is left to it.

## Why it matters
"证明" turns a tentative finding into an established one. A reader cannot tell from the summary that the
paper only suggests it.

## Example
Example (2509.10663): "证实了它们在处理冲突信息中的关键作用" against "we investigate the preliminary claim
that these neurons are involved in inhibiting context copying".

## Stays quiet on
证明 restating "show", "demonstrate", "confirm" or "we find" (loose wording, not an overclaim); sources that do
not hedge; 零知识证明 (a noun); 无法证明, 有待证实 (denied or deferred); the Motivation block; digests not in Chinese.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import overstatement_lexicon as ol
from checker.analysis.claim_strength import compare, hedge_drops
from checker.analysis.clauses import own_sentences
from checker.analysis.context import PaperContext
from checker.analysis.per_paper import abstract_sentences
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec

ALIGNED_CONFIDENCE = 0.65
PAPER_CONFIDENCE = 0.45


def unlicensed_proof(ctx: PaperContext) -> Iterator[Hit]:
    comparisons = compare(ctx, ol.PROOF)
    # Only a sentence that hedges and proves nothing can be the source of an overclaim: most abstracts have none,
    # and their clauses are never aligned.
    if not comparisons or not any(ol.hedged(p) and not ol.PROOF.licenses(p) for p in abstract_sentences(ctx)):
        return
    reported = {(drop.block, drop.clause) for drop in hedge_drops(ctx)}
    for c in comparisons:
        if (c.block, c.clause) in reported:
            continue
        if c.aligned:
            source = c.source
            if source is None or c.here or not ol.hedged(source.piece):
                continue
            yield Hit("proof inflated: '证明/证实' where the abstract sentence only suggests", c.block, c.clause,
                      source.text, confidence=ALIGNED_CONFIDENCE)
        elif not c.anywhere:
            hedging = next((p for p in own_sentences(ctx) if ol.hedged(p)), None)
            if hedging is not None:
                yield Hit("proof inflated: '证明/证实' where the abstract proves and shows nothing and hedges",
                          c.block, c.clause, hedging.text, severity=Severity.info, confidence=PAPER_CONFIDENCE)


RULE = RuleSpec(
    id="C106",
    name="unlicensed-proof",
    category=Category.mismatched_claim,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=unlicensed_proof,
    needs=Needs.ABSTRACT,
)
