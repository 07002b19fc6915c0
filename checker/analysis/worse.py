"""Whether the paper's own abstract sentences ever say something got worse, and which says it got better (C101).

The direction rule falls back on this where a summary says a quantity got worse (劣于, 削弱, 降低准确性) and
the abstract never speaks of that quantity: an abstract whose own sentences report only gains contradicts it.
"""

from __future__ import annotations

import re

from checker.analysis import lexicon as lx
from checker.analysis.align import Piece
from checker.analysis.clauses import is_background, own_sentences
from checker.analysis.context import PaperContext
from checker.analysis.decline import NEGATED_WORD, SEGMENT, others_work
from checker.analysis.keys import has_any, keys, padded

# A cost, or a verb that only ever cuts one (compressing a model, pruning tokens).
_EN_COST_CUT = lx.EN_COST + keys("compress*", "sav*", "prun*", "redundan*", "eliminat*")
_EN_STRONGER = keys("stronger", "more closely", "more accurate*", "more robust*", "more reliabl*", "more effective*")
EN_WEAKER = lx.EN_DOWN_BROAD + lx.EN_WORSE + keys("weak*", "undermin*", "impair*", "attenuat*", "risk*", "threat*")
# "To address this limitation": a noun naming the problem the paper takes on, not a decline it reports.
_LIMITATION_NOUN = re.compile(r" limitations? ")
# Neither a trade-off ("reaches an efficiency-fidelity trade-off": two quantities, no direction) nor the size of a
# thing ("foundation models excel on smaller datasets", "into smaller sub-problems") says something got worse.
_NO_DECLINE = re.compile(r" tradeoffs? | (?:smaller|lower)(?: \w+)? (?:datasets?|models?|networks?|problems?|"
                         r"subproblems?|subtasks?|tasks?|scales?|instances?|graphs?|samples?|images?|languages?|"
                         r"components?|modules?|pieces?|units?|steps?|budgets?|resolutions?)(?= )")
# Acclaim of the paper's own work with no direction word ("We demonstrate its effectiveness", "achieving
# remarkable results", "our submissions achieved first and second place").
_EN_ACCLAIM = keys("effective", "effectiveness", "efficacy", "remarkabl*", "excellent", "impressive", "superior*",
                   "stateoftheart", "state of the art", "sota", "first place", "competitive", "strong performance",
                   # a placing in a shared task ("our submissions achieved first and second place")
                   "first and second place", "1st place", "ranked first", "ranked 1st", "topranked")


def worse_disagreement(ctx: PaperContext, vetoes: tuple[str, ...] = lx.EN_WORSE, *, costs_apart: bool = False
                       ) -> str | None:
    """劣于 (削弱, 恶化) where the abstract's own sentences (past its opening) never say worse (weaker, lower):
    the first of them that says better. With ``costs_apart``, a word that lowers a cost in its part of a
    sentence ("reduces mean absolute error (MAE) by 24.9%", "lower gradient variance") says nothing worse, nor
    does a sentence that opens on other work ("Previous CoVR benchmarks ..."), and such a cut, or acclaim of the paper's own work, is the evidence where no sentence says better."""
    own = own_sentences(ctx)
    if any(_says_weaker(sentence, vetoes, costs_apart) for sentence in own):
        return None
    for wanted in (lx.EN_BETTER, lx.EN_UP, _EN_STRONGER):
        for sentence in own:
            if has_any(sentence.padded, wanted) and not is_background(sentence.padded):
                return sentence.text
    if not costs_apart:
        return None
    for sentence in own:  # "pixel-level segmentation reduced estimation error by approximately 20-30%"
        if not is_background(sentence.padded) and (has_any(sentence.padded, _EN_ACCLAIM) or _cuts_a_cost(sentence)):
            return sentence.text
    return None


def _says_weaker(sentence: Piece, vetoes: tuple[str, ...], costs_apart: bool) -> bool:
    if not has_any(sentence.padded, vetoes):
        return False
    if not costs_apart:
        return True
    if others_work(sentence.padded):
        return False  # "Previous CoVR benchmarks ..., limiting practical usefulness": the problem taken on
    # "without compromising accuracy" denies a loss
    parts = (_NO_DECLINE.sub(" ", NEGATED_WORD.sub(" ", _LIMITATION_NOUN.sub(" ", padded(text))))
             for text in SEGMENT.split(sentence.text))
    return any(has_any(part, vetoes) and not has_any(part, _EN_COST_CUT) for part in parts)


def _cuts_a_cost(sentence: Piece) -> bool:
    return any(has_any(part, lx.EN_DOWN) and has_any(part, lx.EN_COST)
               for part in map(padded, SEGMENT.split(sentence.text)))


# A cost going up in a part of a sentence ("at the cost of increased latency", "higher memory usage").
_EN_COST_RISE = keys("increas*", "higher", "more", "grow*", "rais*", "larger", "additional", "extra")


def cost_rise_disagreement(ctx: PaperContext, wanted: tuple[str, ...]) -> str | None:
    """For a cost going up where the summary frames it as a gain (在保持性能的同时增加了数据需求): the paper's
    own sentence that names the cost (``wanted``: "despite using about 1/10 of the training data required by
    Qwen2.5-VL") or cuts one, else says better or acclaims its work, where no own sentence lets a cost go up
    ("this design increases memory usage")."""
    own = [sentence for sentence in own_sentences(ctx) if not is_background(sentence.padded)]
    parts = [padded(text) for sentence in own for text in SEGMENT.split(sentence.text)]
    if any(has_any(part, lx.EN_COST) and has_any(part, _EN_COST_RISE) for part in parts):
        return None
    for sentence in own:
        if has_any(sentence.padded, wanted) or _cuts_a_cost(sentence):
            return sentence.text
    for wanted in (lx.EN_BETTER, lx.EN_UP, _EN_ACCLAIM):
        for sentence in own:
            if has_any(sentence.padded, wanted):
                return sentence.text
    return None
