"""A paper's blocks share far more numbers, names and topics with another paper's abstract than with its own.

## What it catches
Across one digest, a paper whose summary's salient terms (numbers, Latin names, Chinese/English topic pairs;
checker.analysis.terms) match another paper's abstract far better than its own: at least three shared terms,
a rarity-weighted score of 5 or more, over twice its own plus 2 and at least three times its own, or none
shared with its own abstract while most are with the other's (a rare compound name such as "IS-QL" is enough
in a summary of real length). Also a summary repeated word for word under papers with other titles and
abstracts, on each copy that shares more terms with another abstract than with its own. One finding per
paper, naming the other paper and the shared terms.
Terms are weighted by rarity in the digest, as if it held at most 300 papers (a big day does not make a common
topic rare); topics are Chinese/English concept pairs (图像/image, 机器人/robot ...), so a summary without Latin
names is placed too.

Severity: the rule's own where the evidence is strong (four shared terms or more, two of them held by at most
three abstracts, and three times the own abstract's score plus 5; for a repeated summary, four shared terms
and three times as many as with its own abstract); info otherwise.

## Why it matters
A summary under the wrong paper is wrong in every sentence, yet reads fluently: the generator or the pipeline
shifted summaries by one record, or reused one. Readers act on a description of another paper.

## Example
Example (swapped as the mutation harness does): the Whisper-sparsification summary of 2506.15912 placed
under 2503.13724 (compressed-video action recognition) shares "1.6" and "whisper" with the wrong abstract.

## Stays quiet on
Summaries with half their terms (three or more) in their own abstract; papers on one topic (the other
abstract scoring under three times the own); papers whose abstract is missing or a stub (under four terms);
terms held by more than 50 abstracts of the digest; the same paper repeated under another id (same title or
abstract); repeats of a summary that names no term, or under three in under 100 characters (too little to tell
a copy from a stock phrase); papers of other digests.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import DigestContext
from checker.analysis.misattached import misattached_pairs
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec


def misattached_summary(ctx: DigestContext) -> Iterator[Hit]:
    for arxiv_id, other_id, own, theirs, shared, strong in misattached_pairs(ctx.sketches):
        sketch = ctx.sketches[arxiv_id]
        other = ctx.sketches[other_id]
        yield Hit(f"the summary matches {other_id} ({other.title[:80]}) better than this paper: "
                  f"{theirs} shared terms against {own}", None, ", ".join(shared[:8]), other.title or other_id,
                  arxiv_id=arxiv_id, line=sketch.line, confidence=0.8 if strong else 0.4,
                  severity=None if strong else Severity.info)


RULE = RuleSpec(
    id="C109",
    name="misattached-summary",
    category=Category.mismatched_claim,
    severity=Severity.info,
    scope="digest",
    doc=__doc__ or "",
    check=misattached_summary,
    needs=Needs.SALIENT_TERMS,  # the engine computes the term sketches only when a selected rule needs them
)
