"""A claim the abstract hedges (may, could, suggest, potential) is stated as a fact.

## What it catches
In a Chinese digest, one finding per block at most, of two kinds:
- a clause of the TL;DR, Method, Result or Conclusion with a claim word (提高, 降低, 证明, 实现, 导致, 确保 ...) and
  no hedge of its own, aligned by a shared number with an abstract sentence where a modal hedge (may, might,
  could, suggest, potentially, preliminary, likely, possibly) stands before that number;
- a clause of the Result or Conclusion with no hedge of its own that restates what a hedge of the paper's
  findings governs ("These findings suggest that X" -> "X"), in the last two thirds of the abstract, better
  than the rest of that sentence and every other sentence of the paper's own work (two or more shared numbers,
  Latin terms, content words or topics).

## Why it matters
A hedge is the authors' own measure of how sure they are; dropping it turns a possibility into a finding,
which readers then repeat as fact.

## Example
Example (2506.16046 with "can" turned into "may"): "将能效比传统节能系统配置提高高达25%" against "setting a
simple power cap may improve energy efficiency by up to 25%".
Example (2512.16030): "模型扩展和增强推理能力并不能自动带来校准优势" against "Our findings suggest that scaling
and enhanced reasoning do not automatically confer calibration benefits".

## Stays quiet on
Clauses that keep a hedge (可能, 或许, 表明, 潜在, 有望, 能够, 可以 ...; 可/能 against a modal hedge); a hedge in a
trailing remark after the shared number; "potential" and "promising" as praise ("highlighting its
potential"). For the second kind: hedges in the opening third of the abstract, before the paper's own work or
in sentences about other work; fragments under six characters and descriptions of the method (提出, 引入, 一种,
对于..., 包括...); a clause that matches another sentence of the paper's own work as well; the TL;DR, Motivation
and Method blocks. Digests not in Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis import hedges as hd
from checker.analysis import lexicon as lx
from checker.analysis.align import numbers_in
from checker.analysis.clauses import CLAIM_BLOCKS, chinese_paper, is_background, own_sentences, triggered
from checker.analysis.context import PaperContext
from checker.analysis.keys import first_key, has_any, padded
from checker.analysis.per_paper import aligned, block_clauses, padded_abstract
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec

_MODAL_HEDGE_STARTS = tuple(key.rstrip() for key in lx.EN_MODAL_HEDGE)  # looser than the keys: a sure screen
_ZH_CLAIM = re.compile(rf"{lx.ZH_UP.pattern}|{lx.ZH_DOWN.pattern}|证明|证实|实现|导致|使得|确保|保证")


def dropped_modal_hedge(ctx: PaperContext) -> Iterator[Hit]:
    if not chinese_paper(ctx):
        return
    abstract = padded_abstract(ctx)
    modal = has_any(abstract, _MODAL_HEDGE_STARTS)
    done: set[str] = set()
    if modal:
        yield from _modal_hedge_before_number(ctx, done)
    late = abstract[hd.findings_from(abstract):]
    if has_any(late, hd.EN_FINDING_HEDGE_STARTS if modal else hd.EN_FINDING_HEDGE_ONLY):
        yield from _hedged_findings_stated_flat(ctx, done)


def _modal_hedge_before_number(ctx: PaperContext, done: set[str]) -> Iterator[Hit]:
    for block, clause in triggered(ctx, _ZH_CLAIM, CLAIM_BLOCKS):
        if block in done or lx.ZH_MODAL_HEDGE.search(clause):
            continue
        sentence = aligned(ctx, clause, by_number=True)
        if sentence is None:
            continue
        # The hedge must govern the claim: it comes before the shared number, not in a trailing remark.
        shared = [sentence.text.find(n) for n in numbers_in(clause) & sentence.numbers]
        before = sentence.text[: max(shared)] if shared else sentence.text
        hedge = first_key(padded(before), lx.EN_MODAL_HEDGE)
        if hedge is None:
            continue
        done.add(block)
        yield Hit(f"the abstract hedges this claim ({hedge!r}); the summary states it as fact", block,
                  clause, sentence.text, confidence=0.5)


_FINDING_BLOCKS = ("result", "conclusion")
_MIN_SCORE = 2  # a number, a Latin term, or two shared content words or topics
_MIN_CLAUSE = 6  # characters: shorter clauses are fragments ("调整偏差后")


def _hedged_findings_stated_flat(ctx: PaperContext, done: set[str]) -> Iterator[Hit]:
    """A clause that restates what an abstract hedge governs ("These findings suggest that X" -> "X") and
    matches that part better than the rest of the sentence and every other sentence of the paper's own work.

    The clause keeps no hedge of its own (可能, 表明, 潜在 ...; 可/能 for a modal one), is not a fragment or a
    description of the method, and sits in a block that reports findings (result, conclusion)."""
    parts = hd.hedged_findings(ctx.abstract, is_background)
    if not parts:
        return
    others: list[hd.Text] | None = None
    for block, text in ctx.content_blocks():
        if block not in _FINDING_BLOCKS or block in done:
            continue
        for words in block_clauses(ctx, block, text):
            if len(words) < _MIN_CLAUSE or hd.ZH_HEDGED.search(words) or hd.ZH_NOT_FINDING.search(words):
                continue
            clause = hd.Clause(words)
            for part in parts:
                if part.modal and hd.ZH_CAN.search(words):
                    continue
                inside = hd.word_score(clause, part.scope)
                if inside + len(part.scope.topics) < _MIN_SCORE:
                    continue
                inside += len(clause.topics & part.scope.topics)
                if inside < _MIN_SCORE:
                    continue
                if others is None:
                    others = [hd.Text(s.padded, s.numbers) for s in own_sentences(ctx)]
                rivals = [part.rest] + [o for o, s in zip(others, own_sentences(ctx), strict=True)
                                        if s.text not in part.sentence and part.sentence not in s.text]
                if not any(hd.outscores(clause, inside, rival) for rival in rivals):
                    done.add(block)
                    yield Hit(f"the abstract hedges this finding ({part.hedge!r}); the summary states it as fact",
                              block, words, part.sentence, confidence=0.5)
                    break
            if block in done:
                break


RULE = RuleSpec(
    id="C108",
    name="dropped-modal-hedge",
    category=Category.mismatched_claim,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=dropped_modal_hedge,
    needs=Needs.ABSTRACT,
)
