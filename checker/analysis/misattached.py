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
# Issue 11: on unseen days every flag was wrong. Stronger evidence, by class:
# - a big digest must not make common topics rare: the rarity weight is taken as if the digest held at most
#   REFERENCE_PAPERS papers (a day of 1,500 papers gave a topic held by 40 abstracts the weight of a name);
# - papers on one topic share terms with their own abstract and another alike: the other must score OWN_MARGIN
#   times the own abstract's score;
# - an abstract that is missing or a stub says nothing about which summary is its own (MIN_ABSTRACT_TERMS);
# - a summary that is a stub or a failed generation ("Error", "Summary generation failed") proves nothing
#   by one shared word: the single-name path needs a real text (MIN_DUPLICATE_CHARS).
REFERENCE_PAPERS = 300
OWN_MARGIN = 3.0
MIN_ABSTRACT_TERMS = 4
# A strong match keeps the rule's severity; a weaker one is info: several terms held by few abstracts.
STRONG_TERMS = 4
STRONG_RARE_TERMS = 2
RARE_FREQUENCY = 3

# (paper, other paper, terms shared with its own abstract, with the other's, the shared terms, strong)
Pair = tuple[str, str, int, int, list[str], bool]


def misattached_pairs(sketches: Mapping[str, PaperSketch]) -> list[Pair]:
    """(paper, other paper, terms shared with its own abstract, with the other's, the shared terms, strong) for
    each paper whose summary matches another abstract of the digest far better than its own, or repeats word
    for word the summary of a paper with another abstract while matching its own abstract no better. ``strong``:
    several shared terms, some held by few abstracts, and a clear margin over the own abstract."""
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
    total = min(max(len(sketches), 1), REFERENCE_PAPERS)
    weight = {term: max(0.0, math.log(total / len(owners))) for term, owners in holders.items()}
    pairs = []
    for arxiv_id, sketch in sketches.items():
        terms = sketch.summary_terms
        own_terms = terms & sketch.abstract_terms
        if not terms or (len(own_terms) >= MIN_TERMS and 2 * len(own_terms) >= len(terms)):
            continue  # half its terms in its own abstract: another could only win by holding every one
        if len(sketch.abstract_terms) < MIN_ABSTRACT_TERMS:
            continue  # no abstract to speak of: nothing says the summary is not its own
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
        if their_score < OWN_MARGIN * own_score:
            continue  # papers on one topic: the summary matches its own abstract nearly as well
        if (theirs >= MIN_TERMS and their_score >= MIN_SCORE and their_score >= 2 * own_score + 2
                and theirs >= 2 * own) or (
            own == 0 and 2 * theirs > len(terms)
            and ((sketch.summary_chars >= MIN_DUPLICATE_CHARS
                  and any(_distinctive(term) and frequency[term] <= 2 for term in shared))
                 or (theirs >= 2 and their_score >= MIN_SCORE_NOTHING_OWN))
        ):
            rare_shared = sum(frequency[term] <= RARE_FREQUENCY for term in shared)
            strong = (theirs >= STRONG_TERMS and rare_shared >= STRONG_RARE_TERMS
                      and their_score >= OWN_MARGIN * own_score + MIN_SCORE)
            pairs.append((arxiv_id, other, own, theirs, shared, strong))
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
                    strong = len(shared) >= STRONG_TERMS and len(shared) >= OWN_MARGIN * len(own)
                    pairs.append((sketch.arxiv_id, other.arxiv_id, len(own), len(shared), shared, strong))
                    break
    return pairs


def _distinctive(term: str) -> bool:
    """A compound or alphanumeric name ("is-ql", "gpt-4o", "c3h"), not a word or a bare number."""
    return len(term) >= 4 and not term.replace(".", "").isdigit() and ("-" in term or any(c.isdigit() for c in term))
