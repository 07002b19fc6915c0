"""Claim rules: flipped directions, negations, overstatements, foreign entities, misattached summaries."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.context import DigestContext, PaperContext
from checker.checks.registry import Hit, digest_rule, paper_rule
from checker.claims import lexicon as lx
from checker.claims.align import CLAUSE_SPLIT, Piece, clause_terms, numbers_in
from checker.claims.comparative import (
    EN_COMPARISON_STEMS,
    ZH_COMPARISON_SCREEN,
    chinese_comparisons,
    english_comparisons,
)
from checker.claims.english import first_key, has_any, keys, padded
from checker.claims.entities import (
    generic_terms,
    is_name_like,
    is_quantity,
    latin_names,
    name_tokens,
    normalize,
)
from checker.claims.misattached import misattached_pairs
from checker.claims.valence import (
    NUMBER_WORDS,
    bounded_somewhere,
    chinese_bound,
    chinese_reading,
    disagree,
    english_bound,
    english_reading,
    strong_first,
)
from checker.claims.view import (
    abstract_sentences,
    aligned,
    block_clauses,
    first_sentence_with,
    last_sentence,
    padded_abstract,
    source_index,
)
from checker.models import Category, Severity

CLAIM_BLOCKS = frozenset({"tldr", "method", "result", "conclusion"})  # motivation describes others' work
MISATTACHED_RULE_ID = "C109"


def _chinese(ctx: PaperContext) -> bool:
    return ctx.language == "zh" and bool(ctx.abstract)


def _triggered(ctx: PaperContext, pattern: re.Pattern[str], blocks: frozenset[str] | None = None
               ) -> Iterator[tuple[str, str]]:
    """(block, clause) of every clause where ``pattern`` matches; blocks without a match are never split, and
    a pattern found in no block costs one search of the joined blocks (most papers have no 首次 or 未能)."""
    if not pattern.search(_joined_blocks(ctx)):
        return
    for block, text in ctx.content_blocks():
        if (blocks is None or block in blocks) and pattern.search(text):
            for clause in block_clauses(ctx, block, text):
                if pattern.search(clause):
                    yield block, clause


def _digit_clauses(ctx: PaperContext) -> list[tuple[str, str]]:
    """(block, clause) of the clauses holding a digit, shared by the bound and number-hedge checks."""
    found: list[tuple[str, str]] = ctx.memo("claims.digit_clauses", lambda: list(_triggered(ctx, _HAS_DIGIT)))
    return found


def _joined_blocks(ctx: PaperContext) -> str:
    joined: str = ctx.memo("claims.joined", lambda: "\n".join(text for _, text in ctx.content_blocks()))
    return joined


def _direction(up: bool, down: bool) -> int:
    return 0 if up == down else (1 if up else -1)


_SAID = {(True, 1): "better", (True, -1): "worse", (False, 1): "up", (False, -1): "down"}
_ZH_GOOD_OR_BAD = re.compile(r"改善|改进|恶化|优于|劣于")
_ZH_ANY_DIRECTION = re.compile(f"{lx.ZH_UP.pattern}|{lx.ZH_DOWN.pattern}|{lx.ZH_WORSE.pattern}")


@paper_rule("C101", "direction-flipped", Category.mismatched_claim, Severity.error, needs_abstract=True)
def direction_flipped(ctx: PaperContext) -> Iterator[Hit]:
    """A clause says a quantity went up where the abstract sentence it restates says down, or the reverse.

    Clauses and sentences are aligned by shared numbers; both sides must name one direction only, and both
    or neither must be about a cost (error, latency, ...) that is better low: an error. Where a side names
    both ways, or the cost test cannot tell, each side is read at the direction word nearest the shared number
    (checker.claims.valence: 改善/恶化 and improvement/degrades carry their verdict); a number bounded from
    below on one side and from above on the other (超过 vs "below") is an error too. A clause no number
    aligns is read one direction word at a time: a good quantity going down or a cost going up (精度/accuracy,
    效率/efficiency, 成本/cost ...) where the part of an abstract sentence naming it says only the other way
    or praises it ("achieving remarkable performance"), and no part says this way except of other methods;
    opening, hedged and background sentences are no evidence; 削弱 of an "X-enhanced" compound too: a warning.
    Example (2503.13724, flipped as the mutation harness does): "推理速度降低了56倍" against "we increase
    inference speed by a factor of $56$"; (2512.20651) "显著下降长期对话中的知识保真度" against "It
    significantly improves knowledge fidelity and retrieval efficiency".
    """
    if not _chinese(ctx):
        return
    yield from _bound_hits(ctx)
    yield from _comparison_hits(ctx)
    for block, clause in _triggered(ctx, _ZH_ANY_DIRECTION, CLAIM_BLOCKS):
        if lx.ZH_NOT_A_FINDING.search(clause):
            continue
        zh = _direction(bool(lx.ZH_UP.search(clause)), bool(lx.ZH_DOWN.search(clause)))
        if not zh and lx.ZH_WORSE.search(clause):
            zh = -1
        sentence = aligned(ctx, clause, by_number=True)
        if sentence is None:  # names alone align too loosely here
            yield from _concept_hits(ctx, block, clause, zh)
            continue
        if lx.ZH_WORSE.search(clause):
            if has_any(sentence.padded, lx.EN_BETTER) and not has_any(sentence.padded, lx.EN_WORSE):
                yield Hit("the summary says worse where the abstract says better", block, clause, sentence.text,
                          confidence=0.7)
            continue
        en = _direction(has_any(sentence.padded, lx.EN_UP), has_any(sentence.padded, lx.EN_DOWN))
        if not en or not zh:
            # Both ways in one sentence ("2.4X improvement in NE gain and 3X reduction in data footprint") or
            # in the clause: read each at the direction word nearest the shared number.
            yield from _nearest_word_hits(ctx, block, clause, sentence)
            continue
        if en == zh:
            continue
        cost = bool(lx.ZH_COST.search(clause))
        if cost != has_any(sentence.padded, lx.EN_COST) or (cost and has_any(sentence.padded, lx.EN_AMBIGUOUS_UP)):
            # "error down" may restate "accuracy up", "improves latency" a shorter one: read both sides at the
            # word nearest the shared number instead ("相对恶化" against "relative improvement in WER").
            yield from _nearest_word_hits(ctx, block, clause, sentence, concepts=False)
            continue
        said, source = ("up", "down") if zh > 0 else ("down", "up")
        yield Hit(f"the summary says {said} where the abstract says {source}", block, clause, sentence.text,
                  confidence=0.7)


# The bound words valence.chinese_bound reads next to a number, grouped by first character (a fast screen).
_ZH_BOUND = re.compile(r"超过?|高于|多于|大于|至[少多]|逾|低于|少于|小于|不[到足]|以[上下内]")
_BOUND = {1: "at least", -1: "at most"}


def _bound_hits(ctx: PaperContext) -> Iterator[Hit]:
    """A number bounded from below on one side and from above on the other ("低于98.36%" against "exceeding
    98.36%"), in a clause and the abstract sentence that share it."""
    for block, clause in _digit_clauses(ctx):
        if block not in CLAIM_BLOCKS or not _ZH_BOUND.search(clause):
            continue
        bounded = [number for number in numbers_in(clause) if chinese_bound(clause, number)]
        if not bounded or not any(bounded_somewhere(_lowered_abstract(ctx), number) for number in bounded):
            continue  # no number bounded on both sides: no need to split the abstract
        sentence = aligned(ctx, clause, by_number=True)
        if sentence is None and all(len(number) == 1 for number in bounded):
            sentence = _aligned_weak_number(ctx, clause, bounded)
        if sentence is None:
            continue
        for number in strong_first(numbers_in(clause), clause):  # a number may be spelled out there
            said, source = chinese_bound(clause, number), english_bound(sentence.text, number)
            if said and source and said != source:
                yield Hit(f"the summary says {_BOUND[said]} {number} where the abstract says {_BOUND[source]}",
                          block, clause, sentence.text, confidence=0.7)
                break


def _comparison_hits(ctx: PaperContext) -> Iterator[Hit]:
    """A thing put above a named reference on one side and below it on the other, with no number ("检测能力低于
    行业监控阈值" against "exceeding industry monitoring thresholds"); no sentence may say it the clause's way."""
    for block, text in ctx.content_blocks():
        if block not in CLAIM_BLOCKS or not ZH_COMPARISON_SCREEN.search(text):
            continue
        for said, names, at in chinese_comparisons(text):  # most compare with a number or name no reference
            lowered = _lowered_abstract(ctx)
            if not any(name in lowered for name in names) or not any(w in lowered for w in EN_COMPARISON_STEMS):
                continue
            found = english_comparisons(lowered, names)
            if not found or any(source == said for source, _ in found):
                continue
            evidence = _sentence_at(ctx, found[0][1])
            said_word, source_word = ("above", "below") if said > 0 else ("below", "above")
            yield Hit(f"the summary says {said_word} where the abstract says {source_word}", block,
                      _clause_at(text, at), evidence, confidence=0.5, severity=Severity.warning)
            break


def _sentence_at(ctx: PaperContext, position: int) -> str:
    """The abstract sentence holding a position of the lower-cased abstract (sentences are whitespace-normalized,
    so they are found by counting characters that are not whitespace)."""
    lowered = _lowered_abstract(ctx)
    wanted = len("".join(lowered[:position].split()))
    seen = 0
    for sentence in abstract_sentences(ctx):
        seen += len("".join(sentence.text.split()))
        if seen > wanted:
            return sentence.text
    return last_sentence(ctx)


def _clause_at(text: str, at: int) -> str:
    """The clause of a block (as checker.claims.align.clauses splits it) holding the character at ``at``."""
    start = max((match.end() for match in CLAUSE_SPLIT.finditer(text, 0, at)), default=0)
    stop = CLAUSE_SPLIT.search(text, at)
    return text[start : stop.start() if stop else len(text)].strip()


def _aligned_weak_number(ctx: PaperContext, clause: str, numbers: list[str]) -> Piece | None:
    """The sentence sharing a bounded single-digit number and names with the clause ("SFTKey相比传统SFT平均准确率
    提升超过5%" and "SFTKey achieves an average accuracy improvement exceeding 5% over conventional SFT")."""
    sentence = aligned(ctx, clause)
    if sentence is not None and any(n in sentence.numbers for n in numbers):
        return sentence
    words = keys(*(NUMBER_WORDS[n] for n in numbers if n in NUMBER_WORDS))
    terms = clause_terms(clause) if words else frozenset()
    for sentence in abstract_sentences(ctx):  # "接受超过4个token" and "accepting over four tokens per step"
        if has_any(sentence.padded, words) and any(f" {term} " in sentence.padded for term in terms):
            return sentence
    return None


def _lowered_abstract(ctx: PaperContext) -> str:
    lowered: str = ctx.memo("claims.lowered", lambda: ctx.abstract.lower())
    return lowered


def _nearest_word_hits(ctx: PaperContext, block: str, clause: str, sentence: Piece, *, concepts: bool = True
                       ) -> Iterator[Hit]:
    """Both sides read at the direction word nearest each shared number (strong numbers first); when no number
    gives two comparable readings, the clause is read word by word against the abstract (``concepts``)."""
    verdict = said = source = None
    for number in strong_first(numbers_in(clause) & sentence.numbers, clause):
        said = chinese_reading(clause, number)
        source = english_reading(sentence.text, number) if said else None
        verdict = disagree(said, source) if said and source else None
        if verdict is not None:
            break
    if verdict is None:
        if concepts:
            zh = _direction(bool(lx.ZH_UP.search(clause)), bool(lx.ZH_DOWN.search(clause)))
            yield from _concept_hits(ctx, block, clause, zh)
    elif verdict and said and source:
        yield Hit(f"the summary says {_SAID[said[:2]]} where the abstract says {_SAID[source[:2]]}", block, clause,
                  sentence.text, confidence=0.7)


def _concept_hits(ctx: PaperContext, block: str, clause: str, zh: int) -> Iterator[Hit]:
    """The warning for a clause no number aligns, read one direction word at a time ("降低参数量并下降物理合理性"
    holds a usual and a flipped claim)."""
    if lx.ZH_WORSE.search(clause):  # "在加速比和稀疏度上劣于现有方法": 劣于 decides, whatever 加速 says
        evidence = _worse_disagreement(ctx)
        if evidence is not None:
            yield Hit("the summary says down; the abstract says up about the same thing", block, clause, evidence,
                      confidence=0.5, severity=Severity.warning)
        return
    words = list(_ZH_UP_OR_DOWN.finditer(clause))
    costly = _ZH_COST_LOOSE.search(clause) is not None
    for position, word in enumerate(words):
        up = lx.ZH_UP.fullmatch(word.group()) is not None
        if costly and _ZH_GOOD_OR_BAD.fullmatch(word.group()):
            continue  # "改善音素错误率" lowers it: a verdict, not a direction
        if up and not costly:
            # A good quantity going up: what papers usually say, wrong only where the paper's own findings say
            # it went down ("语义线索显著提高LLMs在简单任务上的表现" against "we show that semantic cues can
            # significantly deteriorate reasoning models' performance").
            evidence = None if block not in _FINDING_BLOCKS else _usual_claim_contradicted(
                ctx, clause, clause[max(0, word.start() - 8) : word.end() + 24])
            if evidence is not None:
                yield Hit("the summary says up; the abstract's findings say down about the same thing", block,
                          clause, evidence, confidence=0.5, severity=Severity.warning)
                return
            continue
        start = max(words[position - 1].end() if position else 0, word.start() - 20)
        end = min(words[position + 1].start() if position + 1 < len(words) else len(clause), word.end() + 32)
        # Its object ends at a conjunction: in "降低延迟并提高吞吐量" 延迟 is not what goes up; a noun conjunction
        # after the word joins its objects ("降低了RocksDB和BlobDB的性能").
        before = _CONJUNCTION.split(clause[start : word.start()])[-1]
        after = _CLAUSE_CONJUNCTION.split(clause[word.end() : end])[0]
        head = after.find("的", 0, 16) + 1
        if len(after) - head >= 2 and not _ZH_VERB.search(after, 0, head):  # not "增加不确定性是实现安全的..."
            after = after[head:]  # the head noun: "降低低相关性令牌的权重" lowers a weight
        strict = _CONJUNCTION.split(after)[0]  # a cost goes up right after the word ("增强的X和高效内存利用")
        evidence = _concept_disagreement(ctx, before + word.group() + after, before + word.group() + strict,
                                         1 if up else -1, praise_ok=_ZH_CONTRAST.search(clause) is None)
        if evidence is None and _ZH_WEAKEN.fullmatch(word.group()) and not _ZH_CONTRAST.search(clause):
            evidence = _worse_disagreement(ctx, _EN_WEAKER)  # "知识图谱削弱的RAG": nothing in it is weaker
        if evidence is None and word.group() == "削弱":
            evidence = _enhanced_compound(ctx, clause[: word.start()])  # "AI削弱评估" for "AI-enhanced assessment"
            if evidence is None:  # "削弱的语义保持能力" for "enhanced semantic preservation"
                evidence = _enhanced_phrase(ctx, clause[word.end() : word.end() + 12])
        if evidence is not None:
            said, source = ("up", "down") if up else ("down", "up")
            yield Hit(f"the summary says {said}; the abstract says {source} about the same thing", block,
                      clause, evidence, confidence=0.5, severity=Severity.warning)
            return


_ZH_UP_OR_DOWN = re.compile(f"{lx.ZH_UP.pattern}|{lx.ZH_DOWN.pattern}")
_ZH_VERB = re.compile(r"[是为使让将把]")
_ZH_COST_LOOSE = re.compile(lx.ZH_COST.pattern.replace("(?<!抗)", ""))  # a sure screen: no cost word at all
_CONJUNCTION = re.compile(r"并且?|而且?|且|同时|和|与|但|及|、")
# "但在测试集上出现显著性能下降": a contrast reports a weakness, which praise elsewhere does not contradict.
_ZH_CONTRAST = re.compile(r"但|然而|却|不过|(?<![从进因继])而")  # 从而/进而 ("thereby") contrast nothing
_CLAUSE_CONJUNCTION = re.compile(r"并且?|而且?|且|同时|但|、|方面|(?:和|与|及)(?=保持|维持|提高|提升|实现|增强|改善|确保|保证)")


_ZH_MODIFIER = {"语义": "semantic", "量子": "quantum", "认知": "cognitive", "检索": "retrieval", "知识": "knowledge", "推理": "reasoning",
                "记忆": "memory", "工具": "tool", "视觉": "vision", "语言": "language", "物理": "physics"}
_LATIN_BEFORE = re.compile(r"([A-Za-z][A-Za-z0-9]*)[\s-]*$")


def _enhanced_compound(ctx: PaperContext, before: str) -> str | None:
    """The abstract sentence with "<X>-enhanced" / "<X>-augmented" for the X right before a 削弱 ("AI削弱评估",
    "量子削弱系统"): a compound the summary turned into its opposite."""
    latin = _LATIN_BEFORE.search(before)
    term = latin.group(1).lower() if latin else _ZH_MODIFIER.get(before[-2:])
    if not term:
        return None
    compound = re.compile(rf"\b{re.escape(term)}[\s-](?:enhanced|augmented|enhancement|augmentation)\b")
    for sentence in abstract_sentences(ctx):
        if compound.search(sentence.text.lower()):
            return sentence.text
    return None


_LATIN_AFTER = re.compile(r"^的?\s*([A-Za-z][A-Za-z0-9]*)")


def _enhanced_phrase(ctx: PaperContext, after: str) -> str | None:
    """The abstract sentence with "enhanced <X>" / "improved <X>" for the X right after a 削弱, where no sentence
    says X is weakened."""
    latin = _LATIN_AFTER.search(after)
    start = 1 if after.startswith("的") else 0
    term = latin.group(1).lower() if latin else _ZH_MODIFIER.get(after[start : start + 2])
    if not term:
        return None
    phrase = re.compile(rf"\b(?:enhanced|improved|strengthened|augmented|stronger|better) {re.escape(term)}")
    found = None
    for sentence in abstract_sentences(ctx):
        lowered = sentence.text.lower()
        for at in _term_positions(lowered, term):
            if has_any(padded(lowered[max(0, at - _WEAKER_NEAR) : at + len(term) + _WEAKER_NEAR]), _EN_WEAKER):
                return None
        if found is None and phrase.search(lowered):
            found = sentence.text
    return found


_WEAKER_NEAR = 20  # how far from the term a word saying it is weaker must stand


def _term_positions(lowered: str, term: str) -> list[int]:
    found, at = [], lowered.find(term)
    while at >= 0:
        found.append(at)
        at = lowered.find(term, at + 1)
    return found


def _worse_disagreement(ctx: PaperContext, vetoes: tuple[str, ...] = lx.EN_WORSE) -> str | None:
    """劣于 (削弱, 恶化) where the abstract's own sentences (past its opening) never say worse (weaker, lower):
    the first of them that says better."""
    own = _own_sentences(ctx)
    if any(has_any(sentence.padded, vetoes) for sentence in own):
        return None
    for wanted in (lx.EN_BETTER, lx.EN_UP, _EN_STRONGER):
        for sentence in own:
            if has_any(sentence.padded, wanted) and not _background(sentence.padded):
                return sentence.text
    return None


_ZH_WEAKEN = re.compile(r"削弱|恶化")
# What may say a good quantity went down; "compress" and "save" name methods and costs ("improves LLM
# performance by compressing retrieved documents").
_EN_GOOD_DOWN = tuple(key for key in lx.EN_DOWN_BROAD if key not in (" compress", " sav"))
_EN_STRONGER = keys("stronger", "more closely", "more accurate*", "more robust*", "more reliabl*", "more effective*")
_EN_WEAKER = lx.EN_DOWN_BROAD + lx.EN_WORSE + keys("weak*", "undermin*", "impair*", "attenuat*", "risk*", "threat*")
_EN_PRAISE = keys("stateoftheart", "state of the art", "sota", "remarkabl*", "superior*", "excellent", "strong",
                  "stronger", "competitive", "robust", "effective*", "high", "higher", "best", "impressive",
                  "refin*", "advanc*", "promot*", "facilitat*", "ensur*", "achiev*", "deliver*", "maintain*",
                  "preserv*", "enabl*", "support*", "benefit*", "stabiliz*", "reliabl*")
_EN_OWN_RESULT = keys("our results", "our findings", "our experiments", "results indicate", "results suggest")
_EN_BACKGROUND = keys("recently", "researchers", "emerged", "traditionally", "conventionally")


def _background(padded_sentence: str) -> bool:
    """A sentence about other work: "Recently, ...", "Researchers have ...", "... has emerged"; an opening word
    counts only at the start ("Expert validation by three AI safety researchers confirms ..." is a finding)."""
    return " emerged " in padded_sentence or has_any(padded_sentence[:40], _EN_BACKGROUND)
_NEAR = 40
_MARGIN = 10  # how much nearer the other way's word must stand to count as the sentence's direction
_NEGATION_BEFORE, _NEGATION_AFTER = 40, 20  # how far a "without" may stand from the claim word it negates
_EN_WITHOUT = keys("without")
_EN_NEGATION_NOT_WITHOUT = tuple(key for key in lx.EN_STRONG_NEGATION if key not in _EN_WITHOUT) + keys(
    "unlike", "incapable", "insufficient*", "absence", "absent")
_ZH_OTHERS_BEFORE = re.compile(r"传统|现有|以往|仅靠|仅凭|仅用|基线|其他|既有|此前|先前|当前|线性|可能|或许")  # characters between a concept word and the direction word that is about it


def _positions(text: str, wanted: tuple[str, ...]) -> list[int]:
    found = []
    for key in wanted:
        at = text.find(key)
        while at >= 0:
            found.append(at)
            at = text.find(key, at + 1)
    return found


def _nearest_direction(text: str, wanted: tuple[str, ...], same: tuple[str, ...], other: tuple[str, ...]) -> int:
    """-1 when a ``same`` word stands about as near some mention of the concept in a sentence as any ``other``
    word ("as X increased, performance declined" is read as a decline), 1 when an ``other`` word stands
    clearly nearest every mention (within _NEAR characters), else 0."""
    same_at, other_at = _positions(text, same), _positions(text, other)
    verdict = 0
    for concept in _positions(text, wanted):
        to_same = min((abs(at - concept) for at in same_at), default=_NEAR + 1)
        to_other = min((abs(at - concept) for at in other_at), default=_NEAR + 1)
        if to_same <= min(to_other + _MARGIN, _NEAR):
            return -1
        if to_other <= _NEAR:
            verdict = 1
    return verdict


_SEGMENT = re.compile(r"[,;:()]| and | but | while | whereas ")


_EN_OTHERS_WORK = keys("traditional", "existing", "prior", "previous", "conventional")


def _others_work(padded_sentence: str) -> bool:
    """A sentence that opens on other methods ("Traditional MIL approaches ...", "Existing methods ...")."""
    return has_any(padded_sentence[:30], _EN_OTHERS_WORK)


_NEGATED_WORD = re.compile(r" (?:without|not|no|never) \w+")


def _segment_direction(text: str, wanted: tuple[str, ...], same: tuple[str, ...], other: tuple[str, ...]) -> int:
    """_nearest_direction, read in each part of the sentence (between commas, "and", "but") that names the
    concept: -1 when one says the ``same`` way, 1 when one says only the ``other`` way, else 0."""
    verdict = 0
    for segment in _SEGMENT.split(text):
        part = _NEGATED_WORD.sub(" ", padded(segment))  # "without compromising diversity" says no decrease
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
_EN_SHARP_DOWN = keys("degrade", "degrades", "degraded", "degrading", "deteriorate", "deteriorates", "deteriorated",
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


_FINDING_BLOCKS = frozenset({"result", "conclusion"})  # where a summary restates the paper's findings
_ZH_ANY_CONCEPT = re.compile("|".join(pattern.pattern for pattern, _ in lx.CONCEPTS))
_ZH_CONCEPT_AT_END = re.compile(f"(?:{_ZH_ANY_CONCEPT.pattern}).?$")


def _usual_claim_contradicted(ctx: PaperContext, clause: str, after: str) -> str | None:
    """For a good quantity going up in a clause (named in ``after``, the words around the up word), the paper's
    own finding that it went down: an abstract sentence past the proposal whose part naming it says down, not of
    other methods, not hedged or negated, where no sentence says it went up or praises it."""
    if (not _ZH_ANY_CONCEPT.search(after) or _ZH_CONTRAST.search(clause) or _ZH_OTHERS_BEFORE.search(clause)
            or not _sharp_down_in_abstract(ctx)):
        return None
    wanted = tuple(key for pattern, keys_ in lx.CONCEPTS if pattern.search(after) for key in keys_)
    evidence = next((sentence for sentence in _own_sentences(ctx)[1:] if _finding_of_decline(sentence, wanted)),
                    None)
    if evidence is None:
        return None
    for sentence in abstract_sentences(ctx):
        if sentence is not evidence and has_any(sentence.padded, wanted):
            direction = _segment_direction(sentence.text, wanted, _EN_SHARP_DOWN, lx.EN_UP)
            if direction > 0 or (direction == 0 and has_any(sentence.padded, _EN_PRAISE)):
                return None  # it does go up somewhere, or is praised
    return evidence.text


_SHARP_DOWN_STEMS = ("degrad", "deteriorat", "declin", "drop", "hurt", "harm", "impair", "undermin", "worsen",
                     "collaps", "diminish", "fell", "fall", "weaken")  # a sure screen for _EN_SHARP_DOWN


def _sharp_down_in_abstract(ctx: PaperContext) -> bool:
    """Whether the abstract has a word of _EN_SHARP_DOWN at all (once per paper: most have none)."""
    found: bool = ctx.memo("claims.sharp_down", lambda: any(stem in _lowered_abstract(ctx) for stem in
                                                            _SHARP_DOWN_STEMS))
    return found


def _finding_of_decline(sentence: Piece, wanted: tuple[str, ...]) -> bool:
    """A sentence of the paper's own that says the concept went down and nothing went up: "Through experiments
    with four LLMs we show that semantic cues can significantly deteriorate reasoning models' performance"."""
    text = sentence.padded
    return (has_any(text, wanted) and has_any(text, _EN_SHARP_DOWN) and not has_any(text, lx.EN_UP)
            and (has_any(text, _EN_FINDING_MARK) or not has_any(text[:8], _EN_DEICTIC))
            and not has_any(text, _EN_OTHERS_ANYWHERE) and not has_any(text, lx.EN_SOFT)
            and not _background(text) and not _negated_about(sentence.text, wanted)
            and _segment_direction(sentence.text, wanted, _EN_SHARP_DOWN, lx.EN_UP) < 0)


def _negated_about(text: str, wanted: tuple[str, ...]) -> bool:
    """Whether a part of the sentence naming the concept is negated ("fail to uphold ..., consequently
    undermining their legitimacy" is not: the failure is about something else)."""
    return any(has_any(part, lx.EN_NEGATION) for part in map(padded, _SEGMENT.split(text)) if has_any(part, wanted))


# "improved Phoneme Error Rates" lowers them: only a plain up word says a cost went up.
_EN_COST_UP = tuple(key for key in lx.EN_UP if key not in lx.EN_AMBIGUOUS_UP)


def _ends_with_cost(text: str) -> bool:
    return any(match.end() == len(text) for match in lx.ZH_COST.finditer(text))


def _about_cost(strict: str) -> bool | None:
    """Whether the object of a direction word is a cost; with a cost and a good quantity both named, the head
    noun ending the object decides ("风险预测模型性能" is a performance), else it is too tangled to read (None)."""
    costs = list(lx.ZH_COST.finditer(strict))
    if not costs:
        return False
    if not _ZH_ANY_CONCEPT.search(strict):
        return True
    head = _ZH_CONCEPT_AT_END.search(strict)
    if head and head.start() >= costs[-1].end() and not _ZH_ANY_CONCEPT.search(strict, costs[-1].start(),
                                                                               costs[-1].end()):
        return False
    return None


def _concept_disagreement(ctx: PaperContext, near: str, strict: str, zh: int, *, praise_ok: bool = True
                          ) -> str | None:
    """For the words around one direction word of a clause no number aligns (``near`` reaches over 和/与,
    ``strict`` does not), the telltale pairings of a flipped direction: a good quantity going down (降低性能)
    or a cost going up (提高计算成本) where the abstract sentences about it say only the other way, or praise
    it without a direction word ("achieving remarkable performance"). Returns that abstract sentence."""
    cost = _about_cost(strict)
    if cost is False and _ends_with_cost(near) and not any(pattern.search(near) for pattern, _ in lx.CONCEPTS):
        # "增加种族和性别职业刻板印象": 和 joins two modifiers of one cost (not "增强的身份保持和高效内存利用")
        cost, strict = True, near
    if cost is None:
        return None  # "检测幻觉的准确性": a good quantity about a cost, too tangled to read
    if cost != (zh > 0):
        return None  # a good quantity going up or a cost going down: what papers usually say
    wanted = tuple(key for pattern, keys in (lx.COST_CONCEPTS if cost else lx.CONCEPTS)
                   if pattern.search(strict if cost else near) for key in keys)
    if not wanted:
        return None
    same, other = (_EN_COST_UP, lx.EN_DOWN) if cost else (_EN_GOOD_DOWN, lx.EN_UP)
    evidence: str | None = None
    positive: str | None = None
    for position, sentence in enumerate(abstract_sentences(ctx)):
        if not has_any(sentence.padded, wanted):
            continue
        says_same, says_other = has_any(sentence.padded, same), has_any(sentence.padded, other)
        if says_same:  # "reduces latency and improves throughput": the word nearest the concept decides, and a
            # word in another part of the sentence is about something else ("improves fidelity ..., reduces ...")
            nearest = _segment_direction(sentence.text, wanted, same, other)
            says_same, says_other = nearest < 0, nearest > 0
        if says_same and not says_other and not _others_work(sentence.padded):
            return None  # the abstract does say this way somewhere (not of other methods: "Traditional MIL
            # approaches ... struggle ..., limiting their robustness")
        # The opening sentence, hedged ones ("may be needed to achieve better performance") unless they hedge
        # the paper's own result ("Our results indicate ... the potential to enhance accuracy"), and those about
        # other work ("Recently, ... has emerged to improve reasoning performance") state no finding.
        hedged = has_any(sentence.padded, lx.EN_SOFT) and not has_any(sentence.padded, _EN_OWN_RESULT)
        if evidence is None and not says_same and position and not hedged and not _background(sentence.padded):
            if says_other:
                evidence = sentence.text
            elif praise_ok and not cost and positive is None and has_any(sentence.padded, _EN_PRAISE):
                positive = sentence.text  # "achieving remarkable performance": good, with no direction word
    if evidence is None and positive is None and not cost and praise_ok:
        # A good quantity going down the abstract never states about it, where nothing of the paper's own gets
        # worse, weaker or lower at all ("用于降低视频语言理解能力")
        return _worse_disagreement(ctx, _EN_WEAKER)
    return evidence or positive


@paper_rule("C102", "negation-mismatch", Category.mismatched_claim, Severity.error, needs_abstract=True)
def negation_mismatch(ctx: PaperContext) -> Iterator[Hit]:
    """A clause is negated (未能/无法/并非...) where the abstract sentence it restates is not.

    Aligned by a shared number: an error. Otherwise the word the negation lands on (提高, 有效, 克服, 缓解 ...)
    is looked up in the abstract: stated there and negated nowhere (a "without" counts only next to it, and
    for 并未表明 only a negation just before "show"), a warning. Failing that, a denial (未能/无法/并未 ...)
    is a warning where the abstract sentence sharing a Latin name with the clause, and every sentence naming
    it, is free of negation, or where the paper's own sentences negate nothing at all. Negations of a harm
    (不会降低性能), of what other work cannot do (传统方法无法解决), conditions (在没有...的情况下), causes and
    concessions (因/即使/尚) or a hypothesis (可能...并未提高) stay quiet.
    Example (2503.13710, negated as the mutation harness does): "该方法...未能提高视觉保真度" against
    "Experiments ... demonstrate improved visual fidelity with our method".
    """
    if not _chinese(ctx):
        return
    for block, clause in _triggered(ctx, lx.ZH_NEGATION, CLAIM_BLOCKS):
        if lx.ZH_NEGATED_HARM.search(clause) or _ZH_WITHOUT.search(clause):
            continue
        sentence = aligned(ctx, clause, by_number=True)
        if sentence is not None:
            if not has_any(sentence.padded, lx.EN_NEGATION):
                yield Hit("the summary negates what the abstract states", block, clause, sentence.text,
                          confidence=0.7)
            continue
        evidence = _stated_positively(ctx, clause)
        if evidence is not None:
            yield Hit("the summary negates what the abstract states", block, clause, evidence, confidence=0.5,
                      severity=Severity.warning)


def _stated_positively(ctx: PaperContext, clause: str) -> str | None:
    """For a negated clause no number aligns: the abstract sentence that states the negated claim (improve,
    outperform, achieve, ...) without a negation near it, when no sentence with that claim is negated there.
    When no sentence states the claim, an abstract that negates nothing at all is evidence too (a finding
    the paper never denies), unless the clause is a concession or a consequence (即使/但/导致/尚 ...)."""
    negated = lx.ZH_NEGATION.search(clause)
    if negated is None or _ZH_OTHERS_BEFORE.search(clause, 0, negated.start()):
        return None  # "解决传统方法无法解决的问题", "可能导致...并未提高": what others cannot do, a hypothesis
    if _ZH_CAUSE_BEFORE.search(clause, 0, negated.start()) or _ZH_ABSENCE.match(clause, negated.start()):
        return None
    after = clause[negated.end() : negated.end() + 12]
    # "不能/无法" alone denies only "can": too weak a claim to look up ("并不能自动带来校准优势").
    wanted = tuple(key for pattern, keys in lx.NEGATED_CLAIMS[:-1] if pattern.search(after) for key in keys)
    # "并未表明" denies that something was shown: a negation elsewhere in "experiments show that X ... not Y" is
    # about what was shown, so only one next to the verb counts.
    shown = _ZH_SHOWN.match(after) is not None
    if shown:  # what was shown ("未能证明...泛化能力") is no claim of its own to look up
        wanted = tuple(key for pattern, keys in lx.NEGATED_CLAIMS if pattern.match(after) for key in keys)
    evidence: str | None = None
    if wanted:
        for sentence in abstract_sentences(ctx):
            if has_any(sentence.padded, wanted):
                if _negated(sentence.padded, wanted, near_only=shown):
                    return None
                if evidence is None and not _background(sentence.padded):
                    evidence = sentence.text  # not one about others' work
    if (evidence is not None or _ZH_NOT_A_CLAIM_BEFORE.search(clause, 0, negated.start())
            or not _ZH_DENIAL.match(negated.group())):
        return evidence
    named = aligned(ctx, clause, weak_ok=True)  # a Latin name in common ("TextReg ... 无法有效缓解")
    if named is not None:
        # Every sentence naming what the clause names must be free of negation ("LLMs fail to produce ...").
        terms = clause_terms(clause)
        if _broadly_negated(named.padded):
            return None
        for other in abstract_sentences(ctx):
            if any(f" {term} " in other.padded for term in terms) and _broadly_negated(other.padded,
                                                                                       strong_only=True):
                return None
        return None if _background(named.padded) else named.text
    if any(_broadly_negated(sentence.padded) for sentence in _own_sentences(ctx)):
        return None
    return first_sentence_with(ctx, _EN_FINDING) or last_sentence(ctx)


# "在没有结构先验的情况下能够泛化", "在完全未观察到的盆地中": "without", "unseen", not a negated claim (在 the
# preposition, not the 在 of 潜在, 存在, 在线).
_ZH_WITHOUT = re.compile(r"(?<![潜存现所实内外正])在(?![线于])[^，。；]{0,4}(?:没有|无|不|未)|(?:没有|无|不)[^，。；]{0,24}情况下")
# A negation after these is a concession, a cause, a caveat or a beneficiary (即使...无法获取, 因兼容性问题无法
# 应用, 尚不能断言, 为...无法获取真实数据的研究提供).
_ZH_NOT_A_CLAIM_BEFORE = re.compile(r"为|当|即使|但|导致|因为|由于|因(?![果素])|尚|虽|难以|仍|若|如果|否则|除非")
# Negators that deny an ability or a result; 没有/不会/未被 mostly say something is absent ("没有内部共振").
_ZH_DENIAL = re.compile(r"未能|无法|不能|并未|并非|未$|不$")
_ZH_SHOWN = re.compile(r"表明|证明|显示|证实|验证")
_ZH_CAUSE_BEFORE = re.compile(r"因为|由于|即使|虽")
# "没有明确证据表明", "没有一种方法能够": a statement of absence, not a denied claim.
_ZH_ABSENCE = re.compile(r"没有(?:明确|足够|一种|任何|单一|证据|统一)")
_EN_FINDING = keys("show*", "demonstrat*", "results", "experiments", "find*", "found")
_NOT_ONLY = " not only "


_EN_OWN_WORK = keys("we", "our", "this paper", "this work", "this study", "propos*", "introduc*")


def _own_sentences(ctx: PaperContext) -> list[Piece]:
    """The abstract sentences from the first that says we/our/propose on: the opening ones set the scene
    ("Existing methods fail to ...")."""
    def compute() -> list[Piece]:
        found = abstract_sentences(ctx)
        start = next((i for i, s in enumerate(found) if has_any(s.padded, _EN_OWN_WORK)), len(found))
        return found[start:]

    result: list[Piece] = ctx.memo("claims.own_sentences", compute)
    return result


def _broadly_negated(padded_text: str, *, strong_only: bool = False) -> bool:
    """Any negation in a sentence but "not only" and "without" ("without manual annotations" denies no claim);
    with ``strong_only``, only not/no/cannot/fail ... (not "poor", "limited", "struggle")."""
    text = padded_text.replace(_NOT_ONLY, " ")
    if strong_only:
        return has_any(text, _EN_NEGATION_NOT_WITHOUT)
    return has_any(text, _EN_BROAD_NEGATION) or has_any(text, _EN_NEGATIVE_FINDING)


_EN_BROAD_NEGATION = tuple(key for key in lx.EN_NEGATION if key not in _EN_WITHOUT)


_EN_NEGATIVE_FINDING = keys("poor*", "unable", "incapable", "insufficient*", "inadequate*", "absence")


def _unnegated_abstract(ctx: PaperContext) -> str:
    """The padded abstract without "not only", which negates nothing."""
    text: str = ctx.memo("claims.padded_unnegated", lambda: padded_abstract(ctx).replace(_NOT_ONLY, " "))
    return text


def _negated(text: str, wanted: tuple[str, ...], *, near_only: bool = False) -> bool:
    """A strong negation anywhere in the sentence but "not only" (just before a claim word when ``near_only``), or
    a "without" shortly before or after a claim word ("without improving"); a "without" elsewhere ("improves
    ... without retraining") negates nothing."""
    text = text.replace(_NOT_ONLY, " ")
    claims = _positions(text, wanted)
    if near_only:  # "does not show", "fail to demonstrate"; "indicating that not all ..." shows something
        return any(0 <= claim - at <= _NEGATION_BEFORE for claim in claims
                   for at in _positions(text, _EN_NEGATION_NOT_WITHOUT + _EN_WITHOUT))
    if has_any(text, _EN_NEGATION_NOT_WITHOUT):
        return True
    return any(-_NEGATION_AFTER <= claim - at <= _NEGATION_BEFORE
               for claim in claims for at in _positions(text, _EN_WITHOUT))


def _matching_clauses(ctx: PaperContext, pattern: re.Pattern[str], *, after: re.Pattern[str] | None = None,
                      window: int = 8) -> Iterator[tuple[str, str]]:
    """(block, clause) of each distinct clause where ``pattern`` matches (and, if given, ``after`` matches
    within ``window`` characters after it)."""
    done: set[tuple[str, str]] = set()
    for block, clause in _triggered(ctx, pattern):
        if (block, clause) in done:
            continue
        if after is None or any(after.search(clause, m.end(), m.end() + window) for m in pattern.finditer(clause)):
            done.add((block, clause))
            yield block, clause


def _evidence(ctx: PaperContext, clause: str, wanted: tuple[str, ...]) -> str:
    sentence = aligned(ctx, clause)
    if sentence is not None:
        return sentence.text
    return first_sentence_with(ctx, wanted) or last_sentence(ctx)


_CHANGE_AFTER = re.compile(rf"{lx.ZH_UP.pattern}|{lx.ZH_DOWN.pattern}|优于|超过|超越|高于|低于|优势|效果|进步|增益|领先|突破|性能")


@paper_rule("C103", "unlicensed-intensifier", Category.mismatched_claim, Severity.warning, needs_abstract=True)
def unlicensed_intensifier(ctx: PaperContext) -> Iterator[Hit]:
    """显著/大幅/明显 qualify a change the abstract never calls significant, substantial or large.

    Example (2509.11178): "还显著提升了隐写图像和恢复图像的质量" against "but also enhance the quality of both
    the stego and recovery images".
    """
    if not _chinese(ctx):
        return
    for block, clause in _matching_clauses(ctx, lx.ZH_INTENSIFIER, after=_CHANGE_AFTER):
        if _intensity_licensed(ctx):
            return
        if lx.ZH_NOT_INTENSIFIED_CLAIM.search(clause):
            continue
        yield Hit("显著/大幅/明显 where the abstract gives no such strength", block, clause,
                  _evidence(ctx, clause, lx.EN_UP), confidence=0.6)


def _intensity_licensed(ctx: PaperContext) -> bool:
    """The abstract calls something significant, substantial or large, or states a large effect."""
    def compute() -> bool:
        abstract = padded_abstract(ctx)
        for phrase in lx.NOT_INTENSITY:
            abstract = abstract.replace(phrase, " ")
        # Every large effect is written with a digit: most abstracts without one skip the costly search.
        if has_any(abstract, lx.EN_INTENSITY):
            return True
        # The costly forms of a large effect all hold a percentage of 20 or more; without one, only "4 times",
        # "2.5x" or "-fold" can license (same result as lx.EN_LARGE_EFFECT, several times faster).
        if _LARGE_PERCENT.search(ctx.abstract) is None:
            return _LARGE_FACTOR.search(ctx.abstract) is not None
        return lx.EN_LARGE_EFFECT.search(ctx.abstract) is not None

    licensed: bool = ctx.memo("claims.intensity_licensed", compute)
    return licensed


_LARGE_PERCENT = re.compile(r"(?:[2-9]\d|\d{3,})(?:\.\d+)?\s*(?:\\?%|percent)")
_LARGE_FACTOR = re.compile(r"\d+(?:\.\d+)?\s*(?:[x×]|times|-?fold)(?![A-Za-z])")  # EN_LARGE_EFFECT's first form
_PROPOSE_KEYS = ("propos", "introduc", "present")


@paper_rule("C104", "unlicensed-first", Category.mismatched_claim, Severity.warning, needs_abstract=True)
def unlicensed_first(ctx: PaperContext) -> Iterator[Hit]:
    """首次/第一个/首个 claim a first the abstract does not claim.

    Example (2602.10624): "DermFM-Zero：首个无需任务特定微调的皮肤病学视觉语言基础模型" against "Here, we
    introduce DermFM-Zero, a dermatology vision-language foundation model".
    """
    if not _chinese(ctx):
        return
    for block, clause in _matching_clauses(ctx, lx.ZH_FIRST):
        abstract = padded_abstract(ctx)
        if has_any(abstract, lx.EN_FIRST) or has_any(abstract, lx.EN_FIRST_PHRASES) or "first" in ctx.paper.title.lower():
            return
        yield Hit("a claim of being first that the abstract does not make", block, clause,
                  _evidence(ctx, clause, tuple(f" {k}" for k in _PROPOSE_KEYS)), confidence=0.6)


@paper_rule("C105", "unlicensed-sota", Category.mismatched_claim, Severity.warning, needs_abstract=True)
def unlicensed_sota(ctx: PaperContext) -> Iterator[Hit]:
    """最先进/SOTA/领先 results the abstract does not claim (no state-of-the-art, best, outperform).

    Example (2506.16046, edited): "取得了最先进的性能" against an abstract that only says power capping "can
    improve energy efficiency by up to 25%".
    """
    if not _chinese(ctx):
        return
    seen: set[tuple[str, str]] = set()
    for pattern, after in ((lx.ZH_SOTA_STRONG, None), (lx.ZH_SOTA_WEAK, lx.ZH_SOTA_CONTEXT)):
        for block, clause in _matching_clauses(ctx, pattern, after=after, window=6):
            if has_any(padded_abstract(ctx), lx.EN_SOTA):
                return
            if (block, clause) not in seen and not lx.ZH_SOTA_OF_OTHERS.search(clause):
                seen.add((block, clause))
                yield Hit("a state-of-the-art claim the abstract does not make", block, clause,
                          _evidence(ctx, clause, lx.EN_UP), confidence=0.6)


@paper_rule("C106", "unlicensed-proof", Category.mismatched_claim, Severity.warning, needs_abstract=True)
def unlicensed_proof(ctx: PaperContext) -> Iterator[Hit]:
    """证明/证实 where the abstract neither proves nor demonstrates, and hedges (suggest, indicate, may).

    Example (2509.10663): "证实了它们在处理冲突信息中的关键作用" against "we investigate the preliminary claim
    that these neurons are involved in inhibiting context copying".
    """
    if not _chinese(ctx):
        return
    for block, clause in _matching_clauses(ctx, lx.ZH_PROOF):
        if has_any(padded_abstract(ctx), lx.EN_PROOF) or not has_any(padded_abstract(ctx), lx.EN_SOFT):
            return  # 证明 restating "show" is loose wording; restating "suggest" or "may" is an overclaim
        yield Hit("证明/证实 where the abstract only suggests or indicates", block, clause,
                  first_sentence_with(ctx, lx.EN_SOFT) or _evidence(ctx, clause, lx.EN_SOFT), confidence=0.6)


_HAS_DIGIT = re.compile(r"\d")
def _abstract_hedge(abstract: str, number: str) -> str | None:
    """The hedge right before an occurrence of ``number`` in the abstract ("up to 30"), if any."""
    start = abstract.find(number)
    while start >= 0:
        end = start + len(number)
        whole = (start == 0 or not (abstract[start - 1].isdigit() or abstract[start - 1] == ".")) and (
            end == len(abstract) or not abstract[end].isdigit())
        if whole:
            hedge = lx.EN_NUMBER_HEDGE_BEFORE.search(abstract, max(0, start - 24), start)
            if hedge:
                return f"{hedge.group(0)}{number}"
        start = abstract.find(number, end)
    return None


def _hedge_of(ctx: PaperContext, hedges: dict[str, str | None], number: str) -> str | None:
    if number not in hedges:
        hedges[number] = _abstract_hedge(ctx.abstract, number)
    return hedges[number]


@paper_rule("C107", "dropped-number-hedge", Category.mismatched_claim, Severity.warning, needs_abstract=True)
def dropped_number_hedge(ctx: PaperContext) -> Iterator[Hit]:
    """A number hedged in the abstract (up to, about, nearly) is stated flat in the summary.

    Example (2506.15912): "将Whisper模型的语音转录速度提高1.6倍" against "achieve up to 1.6x runtime
    acceleration".
    """
    if not _chinese(ctx):
        return
    flagged: set[str] = set()
    hedges: dict[str, str | None] = {}
    for block, clause in _digit_clauses(ctx):
        if lx.ZH_NUMBER_HEDGE.search(clause):
            continue
        for number in sorted(numbers_in(clause) - flagged):
            if len(number) < 2 and "." not in number:
                continue
            hedge = _hedge_of(ctx, hedges, number)  # once per number: the same ones recur in several blocks
            if hedge is None:
                continue
            flagged.add(number)
            sentence = aligned(ctx, clause)
            yield Hit(f"the abstract hedges {number} ({hedge!r}); the summary states it flat", block,
                      clause, sentence.text if sentence else hedge, confidence=0.6)


_MODAL_HEDGE_STARTS = tuple(key.rstrip() for key in lx.EN_MODAL_HEDGE)  # looser than the keys: a sure screen
_ZH_CLAIM = re.compile(rf"{lx.ZH_UP.pattern}|{lx.ZH_DOWN.pattern}|证明|证实|实现|导致|使得|确保|保证")


@paper_rule("C108", "dropped-modal-hedge", Category.mismatched_claim, Severity.warning, needs_abstract=True)
def dropped_modal_hedge(ctx: PaperContext) -> Iterator[Hit]:
    """A claim the abstract hedges (may, could, suggest, potential) is stated as a fact.

    Only clauses aligned by a shared number are compared (names align too loosely); one finding per block.
    Example (2506.16046 with "can" turned into "may"): "将能效比传统节能系统配置提高高达25%" against "setting a
    simple power cap may improve energy efficiency by up to 25%".
    """
    if not _chinese(ctx) or not has_any(padded_abstract(ctx), _MODAL_HEDGE_STARTS):
        return  # an abstract that never hedges has no hedge to drop
    done: set[str] = set()
    for block, clause in _triggered(ctx, _ZH_CLAIM, CLAIM_BLOCKS):
        if block in done or lx.ZH_MODAL_HEDGE.search(clause):
            continue
        sentence = aligned(ctx, clause, by_number=True)
        if sentence is None:
            continue
        # The hedge must govern the claim: it comes before the shared number, not in a trailing remark.
        shared = [sentence.text.find(n) for n in numbers_in(clause) & sentence.numbers]
        before = sentence.text[: max(shared)] if shared else sentence.text
        hedge = first_key(padded(before), lx.EN_MODAL_HEDGE)
        if hedge is None:
            continue
        done.add(block)
        yield Hit(f"the abstract hedges this claim ({hedge!r}); the summary states it as fact", block,
                  clause, sentence.text, confidence=0.5)


_LATIN_LETTER = re.compile(r"[A-Za-z]")


@paper_rule("U101", "unsupported-entity", Category.unsupported_claim, Severity.warning, needs_abstract=True)
def unsupported_entity(ctx: PaperContext) -> Iterator[Hit]:
    """A Latin-script name (model, dataset, metric, acronym) in a block appears nowhere in the abstract or title.

    Matching ignores case, hyphens and a plural s; generic terms come from checker/data/generic_terms.txt.
    Example (2509.11662): the method block names "ViT", which the abstract and title never mention.
    """
    generic = generic_terms()
    if not _has_unsupported_name(ctx, generic):
        return  # most summaries: every name is in the abstract, found with one scan of all blocks
    reported: set[str] = set()
    for block, text in ctx.content_blocks():
        if not _LATIN_LETTER.search(text):
            continue
        for name in latin_names(text, name_like_only=True):
            key = normalize(name)
            if len(key) <= 2 or key in generic or key in reported or is_quantity(name) or name.islower():
                continue  # CT, F1, 7B, 5dB, sub-30: too short, a size or a unit, not a name
            if source_index(ctx).has(name):
                continue
            reported.add(key)
            yield Hit(f"{name} is not in the abstract or title", block, name, ctx.paper.title or None,
                      confidence=0.6)


def _has_unsupported_name(ctx: PaperContext, generic: frozenset[str]) -> bool:
    """Whether any block holds a name the rule would report (a screen over the joined blocks: same tests)."""
    joined = _joined_blocks(ctx)
    if not _LATIN_LETTER.search(joined):
        return False
    index = source_index(ctx)
    for name in name_tokens(joined):  # any order: only whether one exists
        key = normalize(name)
        if len(key) <= 2 or key in generic or is_quantity(name):
            continue
        if not index.has(name):
            return True
    return False


_NAME_AFTER_VERB = re.compile(
    r"(?:propose|introduce|present|develop|call|name|dub|term)(?:s|d|ed)?\s+(?:a |an |the )?(?:new |novel )?"
    r"([A-Za-z][A-Za-z0-9\-_.]*[A-Za-z0-9])"
)
_NAMING_VERBS = ("propose", "introduce", "present", "develop", "called", "named", "dubbed", "termed")
_TITLE_NAME = re.compile(r"\s*([A-Za-z][A-Za-z0-9\-_.]*[A-Za-z0-9])\s*:")
# "on GSM8K, MATH and HumanEval": the names after on/across/including/such as/using (a leading \s keeps the
# scan fast: Python's re skips ahead only when a pattern starts with a character class).
_RESULT_LIST = re.compile(
    r"\s(?:[Oo]n|[Aa]cross|[Ii]ncluding|as|namely|[Uu]sing|[Uu]sing the)\s+"
    r"([A-Z](?:[\w\-.]*\w)?(?:,?\s+(?:and\s+)?[A-Z][\w\-.]*\w){0,7})"
)
_BENCHMARK_KEYS = ("benchmark", "dataset", "evaluat", "experiment", "corpus", "corpora")


def _names_a_method(name: str) -> bool:
    """FlowRL, Cosmos-Transfer1, MAR; not "IoT-enabled", "Anchor-Centric" or "Multi-Center" (adjectives)."""
    parts = name.split("-")
    if len(parts) > 1 and (parts[-1].islower() or all(p[:1].isupper() and p[1:].islower() for p in parts)):
        return False
    return is_name_like(name)


def _method_name(ctx: PaperContext) -> str | None:
    def compute() -> str | None:
        title = _TITLE_NAME.match(ctx.paper.title)
        if title and _names_a_method(title.group(1)):
            return title.group(1)
        abstract = ctx.abstract
        for verb in _NAMING_VERBS:
            start = abstract.find(verb)
            while start >= 0:
                match = _NAME_AFTER_VERB.match(abstract, start)
                if match and is_name_like(match.group(1)) and normalize(match.group(1)) not in generic_terms():
                    return match.group(1)
                start = abstract.find(verb, start + len(verb))
        return None

    result: str | None = ctx.memo("claims.method_name", compute)
    return result


def _in_summary(ctx: PaperContext, name: str) -> bool:
    squeezed: str = ctx.memo("claims.summary_squeezed",
                             lambda: normalize(" ".join(t for _, t in ctx.content_blocks())))
    return normalize(name) in squeezed


@paper_rule("O301", "method-name-omitted", Category.omission, Severity.info, needs_abstract=True)
def method_name_omitted(ctx: PaperContext) -> Iterator[Hit]:
    """The proposed method's name (from the title's "Name:" or "we propose Name") is in no block.

    Example (2605.21076): the title names GradeLegal; no block does.
    """
    if not ctx.content_blocks():
        return
    name = _method_name(ctx)
    if name and not _in_summary(ctx, name):
        yield Hit(f"the proposed method {name} is not named in any block", None, None, name, confidence=0.5)


@paper_rule("O302", "benchmarks-omitted", Category.omission, Severity.info, needs_abstract=True)
def benchmarks_omitted(ctx: PaperContext) -> Iterator[Hit]:
    """None of the benchmarks or datasets the abstract reports results on is named in any block.

    Example (2605.20275): the abstract reports F1 "on SmartFallMM, WEDA-Fall, FallAllD, UMAFall, and UP-Fall";
    no block names any of them.
    """
    lowered = ctx.abstract.lower()
    if not ctx.content_blocks() or not any(key in lowered for key in _BENCHMARK_KEYS):
        return
    method = _method_name(ctx)
    generic = generic_terms()
    names: list[str] = []
    evidence = ""
    abstract = ctx.abstract
    for match in _RESULT_LIST.finditer(abstract):
        for name in latin_names(match.group(1), name_like_only=True):
            key = normalize(name)
            if key not in generic and name != method and name not in names and name[0].isalpha():
                names.append(name)
                if not evidence:
                    start = abstract.rfind(". ", 0, match.start()) + 2 if ". " in abstract[: match.start()] else 0
                    end = abstract.find(". ", match.end())
                    evidence = " ".join(abstract[start : end if end >= 0 else len(abstract)].split())
    if names and not any(_in_summary(ctx, name) for name in names):
        yield Hit(f"no block names the benchmarks the results are reported on ({', '.join(names[:5])})",
                  None, None, evidence, confidence=0.5)


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

