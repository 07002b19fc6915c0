"""Which paper's abstract a summary really belongs to, across one digest (the misattached-summary rule)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

from checker.analysis.context import PaperSketch

MIN_TERMS = 3  # shared terms needed when the summary also shares some with its own abstract
MAX_DOCUMENT_FREQUENCY = 50  # terms in more abstracts than this say nothing about which one
MIN_SCORE = 5.0  # rarity-weighted score the other abstract must reach (about three terms held by 1 in 5)
MIN_SCORE_NOTHING_OWN = 4.0  # the same, for a summary sharing nothing at all with its own abstract
# A summary repeated under two papers must say this much to be more than a placeholder: three terms, or a real
# text (a fully Chinese summary may name no term at all beyond a topic or two).
MIN_DUPLICATE_TERMS = 3
MIN_DUPLICATE_CHARS = 100

Pair = tuple[str, str, int, int, list[str]]


def misattached_pairs(sketches: Mapping[str, PaperSketch]) -> list[Pair]:
    """(paper, other paper, terms shared with its own abstract, with the other's, the shared terms) for each
    paper whose summary matches another abstract of the digest far better than its own, or repeats word for
    word the summary of a paper with another abstract while matching its own abstract no better."""
    pairs = _by_terms(sketches)
    flagged = {pair[0] for pair in pairs}
    pairs.extend(pair for pair in _by_duplicates(sketches) if pair[0] not in flagged)
    return sorted(pairs)


def _by_terms(sketches: Mapping[str, PaperSketch]) -> list[Pair]:
    wanted = frozenset().union(*(s.summary_terms for s in sketches.values()))
    # Count first (Counter.update runs in C), then list the holders of the rare terms only: in a big digest most
    # terms are held by too many abstracts to say anything.
    frequency: Counter[str] = Counter()
    for sketch in sketches.values():
        frequency.update(sketch.abstract_terms & wanted)
    rare = {term for term, count in frequency.items() if count <= MAX_DOCUMENT_FREQUENCY}
    holders: dict[str, list[str]] = {}
    for arxiv_id, sketch in sketches.items():
        for term in sketch.abstract_terms & rare:
            holders.setdefault(term, []).append(arxiv_id)
    total = max(len(sketches), 1)
    weight = {term: math.log(total / len(owners)) for term, owners in holders.items()}
    pairs = []
    for arxiv_id, sketch in sketches.items():
        terms = sketch.summary_terms
        own_terms = terms & sketch.abstract_terms
        if not terms or (len(own_terms) >= MIN_TERMS and 2 * len(own_terms) >= len(terms)):
            continue  # half its terms in its own abstract: another could only win by holding every one
        own_score = sum(weight.get(term, 0.0) for term in own_terms)
        votes: dict[str, float] = {}
        for term in terms:
            if term in weight:
                for owner in holders[term]:
                    if owner != arxiv_id:
                        votes[owner] = votes.get(owner, 0.0) + weight[term]
        if not votes:
            continue
        other, their_score = min(votes.items(), key=lambda item: (-item[1], item[0]))
        shared = sorted(terms & sketches[other].abstract_terms)
        own, theirs = len(own_terms), len(shared)
        # Either a much better match, or none with its own abstract and a rare compound name with the other's
        # (a summary with one Latin name, "IS-QL", placed under the wrong paper).
        if (theirs >= MIN_TERMS and their_score >= MIN_SCORE and their_score >= 2 * own_score + 2
                and theirs >= 2 * own) or (
            own == 0 and 2 * theirs > len(terms)
            and (any(_distinctive(term) and frequency[term] <= 2 for term in shared)
                 or (theirs >= 2 and their_score >= MIN_SCORE_NOTHING_OWN))
        ):
            pairs.append((arxiv_id, other, own, theirs, shared))
    return pairs


def _by_duplicates(sketches: Mapping[str, PaperSketch]) -> list[Pair]:
    """A summary found word for word under two papers whose titles and abstracts differ belongs to at most
    one of them: flag each copy that shares more terms with the other abstract than with its own (two at least
    when the summary is short)."""
    by_summary: dict[int, list[PaperSketch]] = {}
    for sketch in sketches.values():
        if len(sketch.summary_terms) >= MIN_DUPLICATE_TERMS or (
                sketch.summary_terms and sketch.summary_chars >= MIN_DUPLICATE_CHARS):
            by_summary.setdefault(sketch.summary_hash, []).append(sketch)
    pairs = []
    for group in by_summary.values():
        # Copies under the same title and abstract are one paper as far as this rule goes: compare each copy
        # with the first copy of every other (title, abstract) only, not with every copy (a digest that repeats
        # a summary hundreds of times made this quadratic).
        firsts: dict[tuple[str, frozenset[str]], PaperSketch] = {}
        for sketch in group:
            firsts.setdefault((sketch.title, sketch.abstract_terms), sketch)
        if len(firsts) < 2:
            continue
        for sketch in group:
            for other in firsts.values():
                if other.title == sketch.title or other.abstract_terms == sketch.abstract_terms:
                    continue
                own = sorted(sketch.summary_terms & sketch.abstract_terms)
                shared = sorted(sketch.summary_terms & other.abstract_terms)
                if len(shared) > max(len(own), 0 if sketch.summary_chars >= MIN_DUPLICATE_CHARS else 1):
                    pairs.append((sketch.arxiv_id, other.arxiv_id, len(own), len(shared), shared))
                    break
    return pairs


def _distinctive(term: str) -> bool:
    """A compound or alphanumeric name ("is-ql", "gpt-4o", "c3h"), not a word or a bare number."""
    return len(term) >= 4 and not term.replace(".", "").isdigit() and ("-" in term or any(c.isdigit() for c in term))
