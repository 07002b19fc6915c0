"""The abstract sentence that says a quantity went the other way, for a clause no number aligns (C101).

A clause is read one direction word at a time (checker.analysis.direction): the quantity the word moves (its
concept: accuracy/精度, cost/成本 ...) is looked up in the abstract sentences, and a flipped claim is told from
the usual ones (a good quantity up, a cost down) by what the paper's own sentences say about it. Returns the
evidence sentence, or None: the rule (checker/rules/claims/c101_direction_flipped.py) words the finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.analysis import lexicon as lx
from checker.analysis.align import Piece
from checker.analysis.clauses import ZH_OTHERS_BEFORE, is_background, own_sentences
from checker.analysis.context import PaperContext
from checker.analysis.decline import EN_SHARP_DOWN, finding_of_decline, others_work, segment_direction
from checker.analysis.direction import ZH_CONTRAST, ZH_PURPOSE, ZH_WEAKEN, ZH_WHILE_KEEPING, lowered_abstract
from checker.analysis.keys import has_any, keys, padded
from checker.analysis.objects import (
    CONJUNCTION,
    ZH_ANY_CONCEPT,
    about_cost,
    chinese_term,
    ends_with_cost,
    object_after,
)
from checker.analysis.own_work import opening_count
from checker.analysis.per_paper import abstract_sentences
from checker.analysis.worse import EN_WEAKER, cost_rise_disagreement, worse_disagreement

# What may say a good quantity went down; "compress" and "save" name methods and costs ("improves LLM
# performance by compressing retrieved documents").
# A trade-off names two quantities, not a direction ("superior ... regarding the throughput-quality trade-off");
# "limiters" are a device and "the limited expressiveness of protein language" a state the paper sets out to
# change: only the verb forms of "limit" say something went down. "low" says it only of the noun right after it
# ("low accuracy", not "Low densification ... pseudo-view consistency"): see _comparatives.
_EN_GOOD_DOWN = tuple(key for key in lx.EN_DOWN_BROAD if key not in (" compress", " sav", " tradeoff", " limit",
                                                                       " low ")) + keys("limit", "limits", "limiting")
_EN_PRAISE = keys("stateoftheart", "state of the art", "sota", "remarkabl*", "superior*", "excellent", "strong",
                  "stronger", "competitive", "robust", "effective*", "high", "higher", "best", "impressive",
                  "refin*", "advanc*", "promot*", "facilitat*", "ensur*", "achiev*", "deliver*", "maintain*",
                  "preserv*", "enabl*", "support*", "benefit*", "stabiliz*", "reliabl*")
_EN_OWN_RESULT = keys("our results", "our findings", "our experiments", "results indicate", "results suggest")
# "improved Phoneme Error Rates" lowers them: only a plain up word says a cost went up.
_EN_COST_UP = tuple(key for key in lx.EN_UP if key not in lx.EN_AMBIGUOUS_UP)
_ZH_PLAIN_UP = frozenset({"增加", "提高", "提升"})  # verbs that make a cost more, not faster (加快) or stronger
_EN_SMALL = ("less", "lower", "minimal", "negligible", "marginal", "low")  # of a cost: it went or stays down
_EN_EXISTING = keys("existing", "prior work*", "previous work*", "prior method*", "previous method*")


def word_evidence(ctx: PaperContext, clause: str, words: list[re.Match[str]], position: int) -> str | None:
    """For a direction word of a clause that moves a good quantity down or a cost up (``words[position]``, among
    the clause's direction words), the abstract sentence that says the other way: the compound or phrase a 削弱
    reverses ("AI-enhanced", "enhanced semantic preservation"), else the concept's sentences
    (concept_disagreement), else, for 削弱/恶化 outside a contrast, the paper's own sentences that never say
    anything got weaker."""
    word = words[position]
    up = lx.ZH_UP.fullmatch(word.group()) is not None
    start = max(words[position - 1].end() if position else 0, word.start() - 20)
    end = min(words[position + 1].start() if position + 1 < len(words) else len(clause), word.end() + 32)
    # Its object ends at a conjunction: in "降低延迟并提高吞吐量" 延迟 is not what goes up; a noun conjunction
    # after the word joins its objects ("降低了RocksDB和BlobDB的性能").
    before = CONJUNCTION.split(clause[start : word.start()])[-1]
    after = object_after(clause[word.end() : end])
    strict = CONJUNCTION.split(after)[0]  # a cost goes up right after the word ("增强的X和高效内存利用")
    evidence = None
    if word.group() == "削弱":  # the compound or phrase it reverses is the most telling evidence
        evidence = enhanced_compound(ctx, clause[: word.start()])  # "AI削弱评估" for "AI-enhanced assessment"
        if evidence is None:  # "削弱的语义保持能力" for "enhanced semantic preservation"
            evidence = _enhanced_phrase(ctx, clause[word.end() : word.end() + 12])
    if evidence is None:
        evidence = concept_disagreement(ctx, before + word.group() + after, before + word.group() + strict,
                                        1 if up else -1, praise_ok=ZH_CONTRAST.search(clause) is None,
                                        verb_at=len(before),
                                        while_keeping=ZH_WHILE_KEEPING.search(clause, 0, word.start()) is not None,
                                        purpose=ZH_PURPOSE.search(clause, 0, word.start()) is not None)
    if evidence is None and ZH_WEAKEN.fullmatch(word.group()) and not ZH_CONTRAST.search(clause):
        evidence = worse_disagreement(ctx, EN_WEAKER)  # "知识图谱削弱的RAG": nothing in it is weaker
    return evidence


_LATIN_BEFORE = re.compile(r"([A-Za-z][A-Za-z0-9]*)[\s-]*$")


def enhanced_compound(ctx: PaperContext, before: str) -> str | None:
    """The abstract sentence with "<X>-enhanced" / "<X>-augmented" for the X right before a 削弱 ("AI削弱评估",
    "量子削弱系统"): a compound the summary turned into its opposite."""
    latin = _LATIN_BEFORE.search(before)
    term = latin.group(1).lower() if latin else chinese_term(before, at_end=True)
    if not term:
        return None
    compound = re.compile(rf"\b{re.escape(term)}[\s-](?:enhanced|augmented|enhancement|augmentation)\b")
    for sentence in abstract_sentences(ctx):
        if compound.search(sentence.text.lower()):
            return sentence.text
    return None


_LATIN_AFTER = re.compile(r"^的?\s*([A-Za-z][A-Za-z0-9]*)")
_WEAKER_NEAR = 20  # how far from the term a word saying it is weaker must stand


def _enhanced_phrase(ctx: PaperContext, after: str) -> str | None:
    """The abstract sentence with "enhanced <X>" / "improved <X>" for the X right after a 削弱, where no sentence
    says X is weakened."""
    latin = _LATIN_AFTER.search(after)
    term = latin.group(1).lower() if latin else chinese_term(object_after(after), at_end=False)
    if not term:
        return None
    # "enhanced semantic preservation", "enhance attention in large language models"
    phrase = re.compile(rf"\b(?:enhanc|improv|strengthen|augment)\w*(?: the| its| their)? {re.escape(term)}|"
                        rf"\b(?:stronger|better) {re.escape(term)}")
    found = None
    for sentence in abstract_sentences(ctx):
        lowered = sentence.text.lower()
        for at in _term_positions(lowered, term):
            if has_any(padded(lowered[max(0, at - _WEAKER_NEAR) : at + len(term) + _WEAKER_NEAR]), EN_WEAKER):
                return None
        if found is None and phrase.search(lowered):
            found = sentence.text
    return found


def _term_positions(lowered: str, term: str) -> list[int]:
    found, at = [], lowered.find(term)
    while at >= 0:
        found.append(at)
        at = lowered.find(term, at + 1)
    return found


def usual_claim_contradicted(ctx: PaperContext, clause: str, after: str, at: int) -> str | None:
    """For a good quantity going up in a clause (named in ``after``, the words around the up word at ``at``), the
    paper's own finding that it went down: an abstract sentence past the proposal whose part naming it says down,
    not of other methods, not hedged or negated, where no sentence says it went up or praises it. A clause that
    turns on a contrast (但) before the word is read only against a finding that turns the same way ("robust
    performance in ... but noticeable degradation in ..."), whatever praise the rest of the abstract holds."""
    contrast = ZH_CONTRAST.search(clause)
    if (not ZH_ANY_CONCEPT.search(after) or (contrast and contrast.start() > at) or ZH_OTHERS_BEFORE.search(clause)
            or not _sharp_down_in_abstract(ctx)):
        return None
    wanted = tuple(key for pattern, keys_ in lx.CHANGE_CONCEPTS if pattern.search(after) for key in keys_)
    evidence = next((sentence for sentence in own_sentences(ctx)[1:]
                     if finding_of_decline(sentence, wanted, contrast=contrast is not None)), None)
    if evidence is None:
        return None
    for sentence in abstract_sentences(ctx):
        if sentence is not evidence and has_any(sentence.padded, wanted):
            direction = segment_direction(sentence.text, wanted, EN_SHARP_DOWN, lx.EN_UP)
            if direction > 0 or (direction == 0 and not contrast and has_any(sentence.padded, _EN_PRAISE)):
                return None  # it does go up somewhere, or is praised
    return evidence.text


_SHARP_DOWN_STEMS = ("degrad", "deteriorat", "declin", "drop", "hurt", "harm", "impair", "undermin", "worsen",
                     "collaps", "diminish", "fell", "fall", "weaken")  # a sure screen for EN_SHARP_DOWN


def _sharp_down_in_abstract(ctx: PaperContext) -> bool:
    """Whether the abstract has a word of EN_SHARP_DOWN at all (once per paper: most have none)."""
    found: bool = ctx.memo("claims.sharp_down", lambda: any(stem in lowered_abstract(ctx) for stem in
                                                            _SHARP_DOWN_STEMS))
    return found


def concept_disagreement(ctx: PaperContext, near: str, strict: str, zh: int, *, praise_ok: bool = True,
                         verb_at: int = -1, while_keeping: bool = False, purpose: bool = False) -> str | None:
    """For the words around one direction word of a clause no number aligns (``near`` reaches over 和/与,
    ``strict`` does not), the telltale pairings of a flipped direction: a good quantity going down (降低性能)
    or a cost going up (提高计算成本) where the abstract sentences about it say only the other way, or praise
    it without a direction word ("achieving remarkable performance"); a cost going up right after "while
    keeping" something (``while_keeping``) or one the abstract never names, where its own sentences never let a
    cost go up (checker.analysis.worse). Where the word states an aim (``purpose``: 为提升...), the opening sentence,
    which states the paper's aim too, is evidence as well. Returns that abstract sentence."""
    cost, strict = _cost_reading(near, strict, verb_at)
    if cost is None:
        return None  # "检测幻觉的准确性": a good quantity about a cost, too tangled to read
    if cost != (zh > 0):
        return None  # a good quantity going up or a cost going down: what papers usually say
    wanted = tuple(key for pattern, keys_ in (lx.COST_CONCEPTS if cost else lx.CHANGE_CONCEPTS)
                   if pattern.search(strict if cost else near) for key in keys_)
    if not wanted:
        return None
    same, other = _direction_keys(cost, wanted)
    reading = _read_abstract(ctx, wanted, same, other, cost=cost, praise_ok=praise_ok, purpose=purpose)
    if reading is None:
        return None  # the abstract does say this way somewhere
    if reading.problem_of_others:
        return _against_problem_statement(ctx, reading, cost=cost, praise_ok=praise_ok)
    if reading.evidence is None and cost and zh > 0 and (while_keeping or (
            not reading.named and strict[verb_at : verb_at + 2] in _ZH_PLAIN_UP and ends_with_cost(strict))):
        # "在保持性能的同时显著增加了数据需求": a gain would cut the cost; "显著提高了交通仿真的使用门槛" of a cost
        # the abstract never names, where its own sentences only gain (not "加快了生成时间", which shortens it, nor
        # "增强了时间衰减奖励机制", whose head noun is no cost)
        return cost_rise_disagreement(ctx, wanted)
    if reading.evidence is None and reading.positive is None and not cost and praise_ok:
        # A good quantity going down the abstract never states about it, where nothing of the paper's own gets
        # worse, weaker or lower at all ("用于降低视频语言理解能力")
        return worse_disagreement(ctx, EN_WEAKER, costs_apart=True)
    return reading.evidence or reading.positive


def _cost_reading(near: str, strict: str, verb_at: int) -> tuple[bool | None, str]:
    """Whether the word moves a cost (True), a good quantity (False) or cannot be told (None), with the words it
    was read in: ``strict``, or ``near`` where 和 joins two modifiers of one cost."""
    cost = about_cost(strict, verb_at)
    if cost is False and ends_with_cost(near) and not any(pattern.search(near) for pattern, _ in lx.CHANGE_CONCEPTS):
        # "增加种族和性别职业刻板印象": 和 joins two modifiers of one cost (not "增强的身份保持和高效内存利用")
        return True, near
    return cost, strict


def _direction_keys(cost: bool, wanted: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The word starts that say the quantity went the clause's way (``same``) and the other way (``other``)."""
    same, other = (_EN_COST_UP, lx.EN_DOWN) if cost else (_EN_GOOD_DOWN, lx.EN_UP)
    # "recovers missing data more accurately": a comparative of the quantity itself says which way it went; of a
    # cost the other way round ("requires less memory", "with minimal time cost").
    if cost:
        same += _comparatives("more", wanted)
        other += tuple(key for word in _EN_SMALL for key in _comparatives(word, wanted))
    else:
        same += _comparatives("less", wanted) + _comparatives("low", wanted)
        other += _comparatives("more", wanted)
    return same, other


@dataclass
class _Reading:
    """What the abstract sentences naming the quantity say about it."""

    evidence: str | None = None  # the first finding that says the other way
    evidence_is_own: bool = False  # that finding is past the opening, about the paper's own work
    positive: str | None = None  # the first finding that praises the quantity without a direction word
    problem_of_others: bool = False  # a problem statement of the opening says the clause's way
    named: bool = False  # some sentence names the quantity at all


def _read_abstract(ctx: PaperContext, wanted: tuple[str, ...], same: tuple[str, ...], other: tuple[str, ...], *,
                   cost: bool, praise_ok: bool, purpose: bool) -> _Reading | None:
    """The abstract sentences naming the quantity, read for the clause's way and the other; None where one of
    them, not about other methods nor a problem statement, says the clause's way."""
    reading = _Reading()
    opening = opening_count(ctx)
    for position, sentence in enumerate(abstract_sentences(ctx)):
        if not has_any(sentence.padded, wanted):
            continue
        reading.named = True
        says_same, says_other = _says(sentence, wanted, same, other)
        if says_same and not says_other and not others_work(sentence.padded):
            if not _problem_statement(sentence, position, opening):
                return None  # the abstract does say this way somewhere (not of other methods: "Traditional MIL
                # approaches ... struggle ..., limiting their robustness")
            reading.problem_of_others = True
        if reading.evidence is None and not says_same and (position or purpose) and _states_a_finding(sentence):
            if says_other:
                reading.evidence, reading.evidence_is_own = sentence.text, position >= opening
            elif praise_ok and not cost and reading.positive is None and has_any(sentence.padded, _EN_PRAISE):
                reading.positive = sentence.text  # "achieving remarkable performance": good, with no direction word
    return reading


def _says(sentence: Piece, wanted: tuple[str, ...], same: tuple[str, ...], other: tuple[str, ...]
          ) -> tuple[bool, bool]:
    """Whether the sentence says the quantity went the clause's way, and the other way. "reduces latency and
    improves throughput": the word nearest the concept decides, and a word in another part of the sentence is
    about something else ("improves fidelity ..., reduces ...")."""
    says_same, says_other = has_any(sentence.padded, same), has_any(sentence.padded, other)
    if says_same:
        nearest = segment_direction(sentence.text, wanted, same, other)
        return nearest < 0, nearest > 0
    return says_same, says_other


def _states_a_finding(sentence: Piece) -> bool:
    """Not a hedged sentence ("may be needed to achieve better performance"), unless it hedges the paper's own
    result ("Our results indicate ... the potential to enhance accuracy"), nor one about other work ("Recently,
    ... has emerged to improve reasoning performance"). (The opening sentence states no finding either: the
    caller skips it unless the clause states an aim.)"""
    hedged = has_any(sentence.padded, lx.EN_SOFT) and not has_any(sentence.padded, _EN_OWN_RESULT)
    return not hedged and not is_background(sentence.padded)


def _against_problem_statement(ctx: PaperContext, reading: _Reading, *, cost: bool, praise_ok: bool) -> str | None:
    """The clause may restate the problem the opening describes ("they struggle with ... understanding"): only
    the paper's own finding the other way outweighs it ("show that our approach consistently outperforms")."""
    if reading.evidence_is_own:
        return reading.evidence
    if cost or not praise_ok:
        return None
    # Only the problem names the quantity ("suffers from high memory usage and low throughput"), never the
    # paper's own sentences: the work lowers it only where one of them says something got worse.
    return worse_disagreement(ctx, EN_WEAKER, costs_apart=True)


def _comparatives(word: str, wanted: tuple[str, ...]) -> tuple[str, ...]:
    """' more accura' for the key ' accura' ("more accurately", "less robust")."""
    return tuple(f" {word}{key}" for key in wanted)


def _problem_statement(sentence: Piece, position: int, opening: int) -> bool:
    """A sentence before the paper's own work that is about other work ("Nonetheless, they struggle with
    high-level conceptual understanding"), or one anywhere that says existing work does it ("we observe that
    existing models ... impair performance")."""
    text = sentence.padded
    return (position < opening and has_any(text, lx.EN_PROBLEM_OPENING)) or has_any(text, _EN_EXISTING)
