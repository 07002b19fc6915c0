"""显著/大幅/明显 qualify a change the abstract never calls significant, substantial or large.

## What it catches
In a Chinese digest, a clause where 显著, 大幅, 明显, 大大 or 极大 stands within six characters before a change, a
comparison or an effect (提高, 降低, 优于, 超过, 优势, 性能, 影响 ...), or that says 远超/远优于, when no sentence of the
abstract about the paper's own work (any sentence, for the Motivation block) sizes a result: no intensity word about
a result (significantly, substantial, dramatic, considerable, large, notable, remarkable, much, sharp, vast,
far, by a wide margin, orders of magnitude ...) and no large effect in numbers (a factor of 1.5 or more, a
change of 10% or more, "from A to B" with one 1.5 times the other; a best case under "up to" does not count).
The clause is compared with the abstract sentence it restates (the bilingual aligner): the finding shows that
sentence, with a higher confidence when the alignment is confident.

## Why it matters
The adverb is the summary's own verdict, and readers take it for the paper's (or for statistical
significance): a modest gain reads as a large one.

## Example
Example (2602.10388): "显著提升下游任务性能" against "Experiments show that our approach consistently improves
both data diversity and downstream performance on various tasks".

## Stays quiet on
Any abstract whose own-work sentences size some result (one licence covers every clause of the paper, since
the aligner cannot always tell which result a clause restates); intensity words that size a problem, the field
or a model ("face significant challenges", "attracted significant attention", "large language models") or are
negated ("without significant modifications"); 显著性 (significance); negated intensifiers (不显著, 无明显);
"显著的提升空间" (room for improvement); 显著 with no change after it; "N-fold cross-validation" is no effect;
digests not in Chinese.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import overstatement_lexicon as ol
from checker.analysis.claim_strength import compare
from checker.analysis.context import PaperContext
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec

ALIGNED_CONFIDENCE = 0.8  # the clause's source sentence sizes nothing, nor does any other own-work sentence
PAPER_CONFIDENCE = 0.7  # no confident source; no own-work sentence sizes a result


def unlicensed_intensifier(ctx: PaperContext) -> Iterator[Hit]:
    for c in compare(ctx, ol.STRENGTH):
        if c.anywhere:
            continue
        yield Hit(f"strength inflated: '{c.cue}' where the abstract gives no such strength", c.block, c.clause,
                  c.evidence, confidence=ALIGNED_CONFIDENCE if c.aligned else PAPER_CONFIDENCE)


RULE = RuleSpec(
    id="C103",
    name="unlicensed-intensifier",
    category=Category.mismatched_claim,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=unlicensed_intensifier,
    needs=Needs.ABSTRACT,
)
