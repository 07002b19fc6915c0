"""C109 misattached-summary: a summary that belongs to another paper of the digest."""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import DigestContext
from checker.analysis.misattached import misattached_pairs
from checker.model import Category, Severity
from checker.rules.registry import Hit, digest_rule

MISATTACHED_RULE_ID = "C109"


@digest_rule(MISATTACHED_RULE_ID, "misattached-summary", Category.mismatched_claim, Severity.error)
def misattached_summary(ctx: DigestContext) -> Iterator[Hit]:
    """A paper's blocks share far more numbers, names and topics with another paper's abstract than with its own.

    Terms are weighted by rarity in the digest; topics are Chinese/English concept pairs (图像/image,
    机器人/robot ...), so a summary without Latin names is placed too. A summary repeated word for word under
    a paper with another title and abstract is flagged where it matches the other abstract better; the same
    paper repeated under another id (same title or abstract) never is.
    Example (swapped as the mutation harness does): the Whisper-sparsification summary of 2506.15912 placed
    under 2503.13724 (compressed-video action recognition) shares "1.6" and "whisper" with the wrong abstract.
    """
    for arxiv_id, other_id, own, theirs, shared in misattached_pairs(ctx.sketches):
        sketch = ctx.sketches[arxiv_id]
        other = ctx.sketches[other_id]
        yield Hit(f"the summary matches {other_id} ({other.title[:80]}) better than this paper: "
                  f"{theirs} shared terms against {own}", None, ", ".join(shared[:8]), other.title or other_id,
                  arxiv_id=arxiv_id, line=sketch.line, confidence=0.8)
