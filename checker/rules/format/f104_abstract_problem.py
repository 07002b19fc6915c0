"""The English abstract itself is missing or cut off, so the summary cannot be fully checked.

## What it catches
A paper with no English abstract in the digest (the extended fork's Markdown has none, unless the same day's
JSONL sits beside it), and an abstract that looks truncated: it does not end a sentence (a final . ! ? 。
bracket, quote or $), a URL, or a word with a capital or a digit, and it either stops after a round number of
characters (200 or more, a multiple of 100) or stops mid-word (a short lower-case last word, not a function
word, found nowhere else in the abstract or title).

## Why it matters
Without an abstract the content rules (numbers, claims, omissions) are skipped for the paper, so a clean
result means unchecked, not correct. With a cut abstract, what the summary took from the lost end may be
flagged as unsupported: those findings need a look at the paper.

## Example
Real example: seed paper 81 (2512.21152) has an abstract that stops mid-sentence
("Experiments show \\mode reduces memory requirements"). The summary is not blamed.

## Stays quiet on
Abstracts of 40 characters or less; an abstract that simply ends without a period (about 1 in 200 real ones,
"... richer, more relevant research directions"), when its length is not round and its last word is a whole
word; the summary itself (this is an info finding about the input).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.model import Category, Severity
from checker.rules.spec import Hit, RuleSpec
from checker.text.prose import STOPWORDS

_SENTENCE_END = tuple(".!?。)]\"'”’$}")


def _ends_like_sentence(abstract: str) -> bool:
    """True when the abstract ends a sentence, a URL, or a name/number (arXiv abstracts often lack a period)."""
    last = abstract.rstrip().rsplit(None, 1)[-1]
    return last.endswith(_SENTENCE_END) or "://" in last or any(ch.isupper() or ch.isdigit() for ch in last)


_WORD = re.compile(r"[A-Za-z]+")


def _truncation(abstract: str, title: str) -> str | None:
    """Why the abstract looks cut off, or None. About 1 in 200 real abstracts simply ends without a
    period ("... richer, more relevant research directions"), so a missing period alone is not enough:
    the text must stop at a round character budget (seed 2512.21152: 600 characters) or mid-word
    (2602.10967: "... how advanced models enhan")."""
    if len(abstract) <= 40 or _ends_like_sentence(abstract):
        return None
    length = len(abstract)
    if length >= 200 and length % 100 == 0:
        return f"it stops after exactly {length} characters, without ending its sentence"
    words = _WORD.findall(abstract)
    last = words[-1] if words else ""
    known = {w.lower() for w in _WORD.findall(title)} | {w.lower() for w in words[:-1]}
    if (last.islower() and len(last) <= 5 and not last.endswith("s") and last not in STOPWORDS
            and last not in known):
        return f"it stops mid-word ({last!r})"
    return None


def abstract_problem(ctx: PaperContext) -> Iterator[Hit]:
    abstract = ctx.paper.abstract
    if not abstract:
        yield Hit(message="no English abstract in the digest: content checks were skipped for this paper")
        return
    reason = _truncation(abstract, ctx.paper.title)
    if reason:
        yield Hit(message=f"the abstract seems truncated: {reason}", abstract_span=abstract[-80:])


RULE = RuleSpec(
    id="F104",
    name="abstract-problem",
    category=Category.format,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=abstract_problem,
)
