"""How one English abstract sentence reads about one concept (C101): which way the part of it naming the concept
says it went, and whether it is the paper's own finding that the concept went down."""

from __future__ import annotations

import re

from checker.analysis import lexicon as lx
from checker.analysis.align import Piece
from checker.analysis.clauses import is_background, key_positions
from checker.analysis.keys import has_any, keys, padded

# The parts of a sentence a direction word speaks for: between commas, "and", "but".
SEGMENT = re.compile(r"[,;:()]| and | but | while | whereas ")
_NEAR = 40
_MARGIN = 10  # how much nearer the other way's word must stand to count as the sentence's direction


def _nearest_direction(text: str, wanted: tuple[str, ...], same: tuple[str, ...], other: tuple[str, ...]) -> int:
    """-1 when a ``same`` word stands about as near some mention of the concept in a sentence as any ``other``
    word ("as X increased, performance declined" is read as a decline), 1 when an ``other`` word stands
    clearly nearest every mention (within _NEAR characters), else 0."""
    same_at, other_at = key_positions(text, same), key_positions(text, other)
    verdict = 0
    for concept in key_positions(text, wanted):
        to_same = min((abs(at - concept) for at in same_at), default=_NEAR + 1)
        to_other = min((abs(at - concept) for at in other_at), default=_NEAR + 1)
        if to_same <= min(to_other + _MARGIN, _NEAR):
            return -1
        if to_other <= _NEAR:
            verdict = 1
    return verdict


_EN_OTHERS_WORK = keys("traditional", "existing", "prior", "previous", "conventional")


def others_work(padded_sentence: str) -> bool:
    """A sentence that opens on other methods ("Traditional MIL approaches ...", "Existing methods ...")."""
    return has_any(padded_sentence[:30], _EN_OTHERS_WORK)


NEGATED_WORD = re.compile(r" (?:without|not|no|never) \w+")


def segment_direction(text: str, wanted: tuple[str, ...], same: tuple[str, ...], other: tuple[str, ...]) -> int:
    """_nearest_direction, read in each part of the sentence (between commas, "and", "but") that names the
    concept: -1 when one says the ``same`` way, 1 when one says only the ``other`` way, else 0."""
    verdict = 0
    for segment in SEGMENT.split(text):
        part = NEGATED_WORD.sub(" ", padded(segment))  # "without compromising diversity" says no decrease
        if not has_any(part, wanted):
            continue
        says_same, says_other = has_any(part, same), has_any(part, other)
        found = _nearest_direction(part, wanted, same, other) if says_same and says_other else (
            -1 if says_same else int(says_other))
        if found < 0:
            return -1
        verdict = max(verdict, found)
    return verdict


# Words that say a good quantity went down in a finding; not "limit", "restrict", "compromise", which mostly
# describe a problem or deny a loss.
EN_SHARP_DOWN = keys("degrade", "degrades", "degraded", "degrading", "deteriorate", "deteriorates", "deteriorated",
                      "deteriorating", "declines", "declined", "drops", "dropped", "hurts", "harms", "harmed",
                      "impairs", "impaired", "undermines", "undermined", "worsens", "worsened", "collapses",
                      "collapsed", "diminishes", "diminished", "falls", "fell", "weakens", "weakened", "undermining",
                      "declining", "dropping", "hurting", "harming", "impairing", "weakening", "diminishing",
                      "worsening")
_EN_FINDING_MARK = keys("we show", "we find", "we found", "we observe*", "results", "experiments", "reveal*",
                        "demonstrat*", "analys*", "findings")
_EN_DEICTIC = keys("these", "this", "such", "those", "it", "they")  # "These discontinuities degrade ...": the problem
_EN_OTHERS_ANYWHERE = _EN_OTHERS_WORK + keys("current", "baseline*", "stateoftheart", "state of the art", "sota",
                                            "other", "standard", "vanilla", "naive", "without")


def finding_of_decline(sentence: Piece, wanted: tuple[str, ...], *, contrast: bool = False) -> bool:
    """A sentence of the paper's own that says the concept went down and nothing went up: "Through experiments
    with four LLMs we show that semantic cues can significantly deteriorate reasoning models' performance";
    or one that names the concept and then turns to say down ("performance remains moderate for single-property
    queries but degrades sharply once ..."), the only reading for a clause that turns on a contrast itself."""
    text = sentence.padded
    if not has_any(text, wanted) or has_any(text, lx.EN_UP):
        return False
    if not _contrast_then_decline(text, wanted) and (
            contrast or not has_any(text, EN_SHARP_DOWN)
            or segment_direction(sentence.text, wanted, EN_SHARP_DOWN, lx.EN_UP) >= 0):
        return False
    return ((has_any(text, _EN_FINDING_MARK) or not has_any(text[:8], _EN_DEICTIC))
            and not has_any(text, _EN_OTHERS_ANYWHERE) and not has_any(text, lx.EN_SOFT)
            and not is_background(text) and not _negated_about(sentence.text, wanted))


def _negated_about(text: str, wanted: tuple[str, ...]) -> bool:
    """Whether a part of the sentence naming the concept is negated ("fail to uphold ..., consequently
    undermining their legitimacy" is not: the failure is about something else)."""
    return any(has_any(part, lx.EN_NEGATION) for part in map(padded, SEGMENT.split(text)) if has_any(part, wanted))


_EN_CONTRAST = keys("but", "yet", "whereas", "while", "although", "though")


def _contrast_then_decline(text: str, wanted: tuple[str, ...]) -> bool:
    """Whether a padded sentence names the concept, then turns to say down right after a contrast word, and says
    down nowhere before it ("performance remains moderate for single-property queries but degrades sharply",
    "robust performance in ... but noticeable degradation in ..."): no other subject stands between."""
    downs, turns = key_positions(text, _EN_TURNED_DOWN), key_positions(text, _EN_CONTRAST)
    concepts = key_positions(text, wanted)
    if not (downs and turns and concepts):
        return False
    turn = min(turns)
    return min(concepts) < turn < min(downs) <= turn + _TURN_NEAR


# The noun says down only right after a contrast: "practically relevant degradation ... mechanisms" names one.
_EN_TURNED_DOWN = EN_SHARP_DOWN + keys("degradation")
_TURN_NEAR = 20  # " but noticeable degradation": the down word within a word or two of the contrast


# A change the abstract denies ("without increasing the number of trainable parameters", "does not meaningfully
# improve access", "no condition yielded productivity or quality gains"): the denied word, at most five words on.
_EN_DENIED = re.compile(r"\b(?:not|without|no|never|nor)\b(?:\s+[\w-]+){0,5}?\s+"
                        r"(improv|increas|enhanc|boost|rais|add|gain|better|higher|reduc|decreas|lower|cut|drop|"
                        r"degrad|compromis|sacrific|hurt|harm|worse)\w*")
_EN_DENIED_UP = frozenset({"improv", "increas", "enhanc", "boost", "rais", "add", "gain", "better", "higher"})
_EN_DENIED_VERDICT = frozenset({"improv", "enhanc", "better", "gain", "degrad", "compromis", "sacrific", "hurt",
                                "harm", "worse"})  # better or worse, whichever way a cost goes


def denied_changes(abstract: str) -> list[tuple[int, bool, str, int]]:
    """(direction, verdict word, lower-cased text around it, where it starts) of each change the abstract denies."""
    lowered = abstract.lower()
    return [(1 if match.group(1) in _EN_DENIED_UP else -1, match.group(1) in _EN_DENIED_VERDICT,
             lowered[max(0, match.start() - _NEAR) : match.end() + _NEAR], match.start())
            for match in _EN_DENIED.finditer(lowered)]
