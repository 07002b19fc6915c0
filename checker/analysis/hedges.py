"""Hedges of an abstract and whether a summary clause keeps them: word lists, and the part of a sentence a hedge
governs.

A finding the abstract hedges ("These findings suggest that X", "Y may Z", "offering potential for W") is an
overclaim when the summary restates it as a plain fact (checker.analysis.claim_strength.hedge_drops, C108). The
hedge governs only part of its sentence: after an evidential verb ("suggest that ...") the words that follow it,
around a modal ("... may ...") the sub-clause that holds it; a summary clause is compared with that part.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from checker.analysis.bilingual import sentence_words
from checker.analysis.clauses import OWN_WORK_WORDS
from checker.analysis.keys import keys, padded, raw_keys
from checker.text.alternation import grouped_alternation
from checker.text.sentences import sentence_starts, span_at

# Evidential hedges: they govern the words after them.
EN_HEDGE_AFTER = keys("suggest", "suggests", "suggesting", "point toward*", "points toward*",
                      "pointing toward*", "hint at", "hints at", "hinting at", "potential for", "promise for")
# Modal hedges: they govern the sub-clause that holds them. Not "likely" ("more likely to fail" is a finding),
# not "partially" ("partially observable" names a setting), not bare "could" (mostly "could not", background).
EN_HEDGE_AROUND = keys("may", "might", "appear to", "appears to", "seem*", "potentially", "possibly",
                       "some inherent", "some evidence", "to some extent", "to some degree")
EN_HEDGES = EN_HEDGE_AFTER + EN_HEDGE_AROUND
# Hedges that 可/能 ("can") renders well enough: a possibility, not an inference from evidence.
EN_MODAL_ONLY = keys("may", "might", "potentially", "possibly", "potential for")
# "we suggest a new approach" proposes; it does not hedge.
EN_NOT_HEDGE = keys("we suggest", "suggest a", "suggest an", "suggest new", "suggests a", "suggests an")

# A clause that keeps a hedge, reports an observation, or frames a question.
# Not 发现/揭示/证明: "研究发现X" and "揭示了X" for "our findings suggest X" state it as established (ZH_CERTAIN).
ZH_HEDGED = re.compile(grouped_alternation(
    "可能 或许 也许 表明 潜在 潜力 初步 有望 暗示 提示 显示 倾向 似乎 一定程度 部分 前景 意味 说明 指向 认为 推测 "
    "观察 看来 希望 值得 建议 是否 假设 若 如果 或".split()))
# Words that state a finding as established.
ZH_CERTAIN = re.compile(r"证明|证实|揭示|发现|确认|确定|确立|必然|一定会|无疑")
# 可/能 as "can", not inside a noun (能效, 能耗, 功能, 性能, 智能, 可靠, 可控, 可视化 ...).
ZH_CAN = re.compile(r"可以|能够|(?<![功性智效动热体技本职节产潜])能(?![效耗量源力])|(?<!不)可(?![靠信控视见行读])")
# Fragments ("对于金融情绪分类", "包括...") and descriptions of the method ("X是一种...", "提出...") restate no finding.
ZH_NOT_FINDING = re.compile(r"^(?:对于|包括|如|例如|比如|用于|即|尤其|特别是|当)|提出|引入|设计|构建|开发|一种")

# A sub-clause that concedes: what follows it is the main claim.
_CONCESSION = re.compile(r"\s*(?:although|though|even though|even if|while|whereas|despite|in spite of)\b",
                         re.IGNORECASE)
_SUB_CLAUSE = re.compile(r"[,;:]\s|\s(?:while|whereas|but|although)\s")
_SUB_CLAUSE_THAT = re.compile(r"[,;:]\s|\s(?:while|whereas|but|although|that)\s")


@dataclass(frozen=True)
class HedgedPart:
    """The part of an abstract sentence a hedge governs (``scope``), and the rest of that sentence."""

    sentence: str
    hedge: str
    scope: str
    rest: str
    modal: bool

    @property
    def scope_words(self) -> frozenset[str]:
        """The words and numbers the hedge governs, normalised as the bilingual aligner's."""
        return sentence_words(self.scope)

    @property
    def rest_words(self) -> frozenset[str]:
        return sentence_words(self.rest)


_BARE_APPEAR = re.compile(r" appears? (?!at |in |on |as |when |only |primarily |mainly |first |within |across |after |"
                          r"before |during |among |throughout |where |here |there )")


def hedge_in(padded_sentence: str) -> str | None:
    """The first hedge key of a padded sentence (a bare "appears" only where it does not mean "occurs"; not
    "potentially" or "possibly" before an adjective, "potentially hazardous", which hedges that word only)."""
    if not FINDING_HEDGE.search(padded_sentence) or any(key in padded_sentence for key in EN_NOT_HEDGE):
        return None
    for key in EN_HEDGES:
        at = padded_sentence.find(key)
        while at >= 0:
            if key not in _ADVERBS or not _ADJECTIVE.match(padded_sentence, at + len(key)):
                return key
            at = padded_sentence.find(key, at + 1)
    match = _BARE_APPEAR.search(padded_sentence)
    return match.group(0)[:-1] + " " if match else None


_ADVERBS = frozenset(keys("potentially", "possibly"))
_ADJECTIVE = re.compile(r"[a-z]+(?:ous|ful|al|ive|ble|ic|ant|ent|ary|less) ")


def hedged_part(sentence: str, hedge: str) -> HedgedPart:
    """Split a sentence into what ``hedge`` (a padded key) governs and the rest. After "suggest that X" the
    sub-clauses that follow ("highlighting Y") carry the hedge too, unless the hedge stands in a concession
    ("Although A suggest B, C reveal D": the main clause is not hedged); around a modal, only its own
    sub-clause."""
    after = hedge in EN_HEDGE_AFTER
    word = hedge.strip()
    parts = (_SUB_CLAUSE if after else _SUB_CLAUSE_THAT).split(sentence)
    for position, part in enumerate(parts):
        if hedge not in padded(part):
            continue
        if not after:
            return HedgedPart(sentence, word, part, " ".join(parts[:position] + parts[position + 1:]),
                              hedge in EN_MODAL_ONLY)
        at = max(0, part.lower().find(word.split()[0]))
        carried = position + 1 if _CONCESSION.match(part) else len(parts)
        scope = " ".join([part[at:], *parts[position + 1:carried]])
        rest = " ".join([*parts[:position], part[:at], *parts[carried:]])
        return HedgedPart(sentence, word, scope, rest, hedge in EN_MODAL_ONLY)
    return HedgedPart(sentence, word, sentence, "", hedge in EN_MODAL_ONLY)


# The hedges of the finding check, in the lower-cased raw abstract (the sentence around each is cut out there:
# splitting the whole abstract into sentences costs more than the check itself on most papers), or in the
# padded abstract as a screen. Only its last two thirds are searched: findings come late, and an early "may"
# sets out the problem or the method.
FINDING_HEDGE = re.compile(r" (?:may |might |suggest|points? toward|pointing toward|hint(?:s|ing)? at|potential(?:ly| for)|"
                           r"promise for|possibly|appears? |seem|some inherent|some evidence|to some )")
# The starts of those hedges that C108's modal keys (may, might, suggest, potentially, possibly ...) do not hold.
EN_FINDING_HEDGE_ONLY = (" point", " hint", " potential for", " promise for", " appear", " seem", " some inherent",
                         " some evidence", " to some ")
# The starts of all of them, for a quick test of the last two thirds of the padded abstract.
EN_FINDING_HEDGE_STARTS = (" may ", " might ", " suggest", " potential", " possibly", *EN_FINDING_HEDGE_ONLY)


def findings_from(text: str) -> int:
    """Where the last two thirds of an abstract start."""
    return len(text) // 3


# Searched in the lower-cased raw abstract, hence raw keys (clauses.EN_OWN_WORK is the padded-text form).
_OWN_WORK = raw_keys(*OWN_WORK_WORDS)
_OWN_WORK_FIRST = ("we ", "our ")


def hedged_findings(abstract: str, is_background: Callable[[str], bool]) -> list[HedgedPart]:
    """The hedged parts of the abstract's sentences about the paper's own work (from the first sentence that
    says we/our/propose on) in its last two thirds, one per sentence, in order."""
    lower = abstract.lower().replace("\n", " ")  # same length: positions stay those of the abstract
    own_start: int | None = None
    found: list[HedgedPart] = []
    seen: set[int] = set()
    starts: list[int] = []  # the abstract's sentences (checker.text.sentences), found at the first hedge
    for match in FINDING_HEDGE.finditer(lower, findings_from(lower)):
        starts = starts or sentence_starts(abstract)
        start, end, _ = span_at(abstract, starts, match.start())
        if start in seen:
            continue
        seen.add(start)
        sentence = " ".join(abstract[start:end].split())
        padded_sentence = padded(sentence)
        hedge = hedge_in(padded_sentence)
        if hedge is None or is_background(padded_sentence):
            continue
        if own_start is None:
            own = 0 if lower.startswith(_OWN_WORK_FIRST) else min(
                (at for word in _OWN_WORK if (at := lower.find(word)) >= 0), default=len(lower))
            own_start = span_at(abstract, starts, own).start if own < len(lower) else own
        if start >= own_start:
            found.append(hedged_part(sentence, hedge))
    return found
