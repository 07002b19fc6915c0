"""Salient terms of a text (Latin names, acronyms, numbers), used to tell which abstract a summary is about."""

from __future__ import annotations

import re

_TERM_RE = re.compile(r"[A-Za-z][A-Za-z0-9\-]*[A-Za-z0-9]|\d+(?:\.\d+)?")
_COMMON = frozenset(
    "the and for with from that this these those are was were our their its into over under than then "
    "via use using used based model models method methods data results result paper approach show shows "
    "propose proposed new can also more most such which while when where each both have has not but all "
    "two three one llm llms ai".split()
)


def salient_terms(text: str) -> frozenset[str]:
    """Lower-cased Latin tokens of 3+ letters (minus common words) and numbers with 2+ digits."""
    terms: set[str] = set()
    for token in _TERM_RE.findall(text):
        if token[0].isdigit():
            if len(token.replace(".", "")) >= 2:
                terms.add(token)
            continue
        lowered = token.lower()
        if len(lowered) >= 3 and lowered not in _COMMON:
            terms.add(lowered)
    return frozenset(terms)
