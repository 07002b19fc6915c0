"""有效解决/成功解决/彻底解决 a problem the abstract only addresses, mitigates or sets out to tackle.

## What it catches
In a Chinese digest, a clause of the TL;DR, Method, Result or Conclusion that says a problem was solved: a verb
of solving (解决, 克服, 消除, 根除, 攻克, 化解) after an adverb of success (有效, 成功, 彻底, 完全, 从根本上 ...), or in
the perfective (解决了, 克服了). It is compared with the abstract sentence it restates (the bilingual aligner) and
with the paper's own-work sentences: a finding when none of them solves anything (solve, resolve, overcome,
eliminate, fix, break, circumvent ..., not in a purpose frame such as "to solve", "aims to", "how to", nor
negated), and, for the adverb form, none "effectively addresses" or "successfully tackles" it either. The
adverb form is a warning; a bare 解决了, the usual rendering of "addresses", only where nothing in the abstract
addresses or tackles anything, and as info.

## Why it matters
"To address this problem, we propose X" is an aim; "X有效解决了该问题" is an outcome nobody measured. Readers
take the problem for closed.

## Example
Example (2512.20845): "有效解决单一LLM自我反思的思维退化问题" against "To address this problem, we instead
introduce multi-agent with multi-persona debators".

## Stays quiet on
Purposes, needs and difficulties (为了解决, 旨在有效解决, 以解决, 如何解决, 难以解决, 尚未解决, 需要解决); the noun
(解决方案, 解决办法, 解决途径); bare 解决 without 了 (a TL;DR's "解决X问题" states the aim); 填补了...空白 ("to
bridge this gap" is rendered so as a matter of course); abstracts that solve, resolve, overcome, eliminate or
break something of their own work; the Motivation block; digests not in Chinese.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import overstatement_lexicon as ol
from checker.analysis.claim_strength import Comparison, compare
from checker.analysis.context import PaperContext
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec

ALIGNED_CONFIDENCE = 0.85  # a confident source without the licence, in an abstract that solves nothing
PAPER_CONFIDENCE = 0.75  # no confident source; the abstract solves nothing anywhere
PLAIN_CONFIDENCE = 0.45  # a bare 解决了: about half of them restate "addresses" faithfully enough


def _inflated(comparison: Comparison) -> bool:
    return not comparison.anywhere and not comparison.here  # the licence first: it needs no alignment


def inflated_resolution(ctx: PaperContext) -> Iterator[Hit]:
    strong = compare(ctx, ol.RESOLUTION)
    for c in strong:
        if _inflated(c):
            yield Hit(f"resolution inflated: '{c.cue}' where the abstract does not say the problem is solved",
                      c.block, c.clause, c.evidence, confidence=ALIGNED_CONFIDENCE if c.aligned else PAPER_CONFIDENCE)
    done = {(c.block, c.clause) for c in strong}
    for c in compare(ctx, ol.PLAIN_RESOLUTION, keep=lambda block, clause, _: (block, clause) not in done):
        if _inflated(c):
            yield Hit(f"resolution inflated: '{c.cue}' where the abstract neither solves nor addresses it",
                      c.block, c.clause, c.evidence, severity=Severity.info, confidence=PLAIN_CONFIDENCE)


RULE = RuleSpec(
    id="C110",
    name="inflated-resolution",
    category=Category.mismatched_claim,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=inflated_resolution,
    needs=Needs.ABSTRACT,
)
