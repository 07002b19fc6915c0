"""A finding the abstract hedges (suggest, may, potential, point toward) is stated as a fact.

## What it catches
In a Chinese digest, a clause of the TL;DR, Result or Conclusion that restates a hedged finding of the paper's
own work as a plain fact. The abstract side: a sentence in the last two thirds of the abstract, about the
paper's own work, where a hedge governs part of it: an evidential one ("These findings suggest that X",
"pointing toward X", "hint at", "potential for") governs what follows it, a modal one (may, might, appear to,
seem, potentially, possibly, some evidence, to some extent) its sub-clause. The summary side: a clause of eight
characters or more that keeps no hedge of its own (可能, 或许, 表明, 显示, 潜在, 有望, 初步 ...; 可/能 against a
modal one) and is confidently aligned (the bilingual aligner) to that sentence, matching at least as many of
its words in the hedged part as in the rest. A clause that states the finding as established (证明, 证实, 揭示,
发现, 确认) gets a higher confidence.

## Why it matters
A hedge is the authors' own measure of how sure they are; dropping it turns a possibility into a finding,
which readers then repeat as fact.

## Example
Example (2605.21086): "源于这些任务固有的主观复杂性" against "Our analysis suggests this stems from the
inherent subjective complexity of these tasks".
Example (2512.21002): "这证明推理蒸馏可以从优先考虑早期推理标记中受益" against "These findings suggest that
reasoning distillation benefits from prioritizing early reasoning tokens".

## Stays quiet on
Clauses that keep a hedge; clauses without a confident alignment to the hedged sentence; clauses that restate
the unhedged rest of it ("it yields a 2x training acceleration, suggesting ..." restated as "训练加速2倍");
hedges in the opening third of the abstract, before the paper's own work or in sentences about other work;
"we suggest a new approach" (a proposal); "appears in" (occurs); fragments, descriptions of the method (提出,
引入, 一种 ...); the Motivation and Method blocks; digests not in Chinese.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.claim_strength import HedgeDrop, hedge_drops
from checker.analysis.context import PaperContext
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec

RAISED_CONFIDENCE = 0.75  # the clause also says 证明/揭示/发现: certainty stated outright
FLAT_CONFIDENCE = 0.6  # the clause states it flat
GUESS_CONFIDENCE = 0.55  # no confident alignment: the clause says 证明/揭示/发现 and matches the hedged part clearly


def _strength(drop: HedgeDrop) -> tuple[bool, bool, int]:
    return drop.raised is not None, drop.confident, drop.inside - drop.outside


def dropped_modal_hedge(ctx: PaperContext) -> Iterator[Hit]:
    best: dict[str, HedgeDrop] = {}
    for drop in hedge_drops(ctx):  # one finding per block: a hedged sentence is often restated in several clauses
        if drop.block not in best or _strength(drop) > _strength(best[drop.block]):
            best[drop.block] = drop
    for drop in best.values():
        how = f"'{drop.raised}'" if drop.raised else "as fact"
        confidence = (RAISED_CONFIDENCE if drop.raised else FLAT_CONFIDENCE) if drop.confident else GUESS_CONFIDENCE
        yield Hit(f"certainty inflated: the abstract hedges this finding ('{drop.hedge}'); the summary states it "
                  f"{how}", drop.block, drop.clause, drop.sentence, confidence=confidence)


RULE = RuleSpec(
    id="C108",
    name="dropped-modal-hedge",
    category=Category.mismatched_claim,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=dropped_modal_hedge,
    needs=Needs.ABSTRACT,
)
