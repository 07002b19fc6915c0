"""Which paper's abstract a summary really belongs to, across one digest (the misattached-summary rule)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from checker.checks.context import PaperSketch

MIN_TERMS = 3  # shared terms needed when the summary also shares some with its own abstract
MAX_DOCUMENT_FREQUENCY = 50  # terms in more abstracts than this say nothing about which one


def misattached_pairs(sketches: Mapping[str, PaperSketch]) -> list[tuple[str, str, int, int, list[str]]]:
    """(paper, other paper, terms shared with its own abstract, with the other's, the shared terms) for each
    paper whose summary matches another abstract of the digest at least twice as well as its own."""
    suspects = []
    for arxiv_id, sketch in sketches.items():
        terms = sketch.summary_terms
        if terms and 2 * len(terms & sketch.abstract_terms) < len(terms):
            suspects.append(arxiv_id)
    if not suspects:
        return []
    wanted = frozenset().union(*(sketches[s].summary_terms for s in suspects))
    holders: dict[str, list[str]] = {}
    for arxiv_id, sketch in sketches.items():
        for term in sketch.abstract_terms & wanted:
            holders.setdefault(term, []).append(arxiv_id)
    pairs = []
    for arxiv_id in suspects:
        sketch = sketches[arxiv_id]
        votes: Counter[str] = Counter()
        for term in sketch.summary_terms:
            owners = holders.get(term, ())
            if len(owners) <= MAX_DOCUMENT_FREQUENCY:
                votes.update(o for o in owners if o != arxiv_id)
        if not votes:
            continue
        other, theirs = min(votes.items(), key=lambda item: (-item[1], item[0]))
        own = len(sketch.summary_terms & sketch.abstract_terms)
        shared = sorted(sketch.summary_terms & sketches[other].abstract_terms)
        # Either many more shared terms, or none with its own abstract and a rare compound name with the other's
        # (a summary with one Latin name, "IS-QL", placed under the wrong paper).
        if (theirs >= MIN_TERMS and theirs >= 2 * own + 2) or (
            own == 0 and 2 * theirs > len(sketch.summary_terms)
            and any(_distinctive(term) and len(holders.get(term, ())) <= 2 for term in shared)
        ):
            pairs.append((arxiv_id, other, own, theirs, shared))
    return pairs


def _distinctive(term: str) -> bool:
    """A compound or alphanumeric name ("is-ql", "gpt-4o", "c3h"), not a word or a bare number."""
    return len(term) >= 4 and not term.replace(".", "").isdigit() and ("-" in term or any(c.isdigit() for c in term))
