"""C101 direction-flipped: a change word of a block says the opposite of the abstract (提高 vs "reduces")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis import lexicon as lx
from checker.analysis.align import CLAUSE_SPLIT, Piece, clause_terms, numbers_in
from checker.analysis.bounds import scaled_bound
from checker.analysis.clauses import (
    CLAIM_BLOCKS,
    ZH_OTHERS_BEFORE,
    chinese_paper,
    digit_clauses,
    is_background,
    own_sentences,
    triggered,
)
from checker.analysis.comparative import (
    EN_COMPARISON_STEMS,
    ZH_COMPARISON_SCREEN,
    chinese_comparisons,
    english_comparisons,
)
from checker.analysis.context import PaperContext
from checker.analysis.decline import (
    EN_SHARP_DOWN,
    denied_changes,
    finding_of_decline,
    others_work,
    segment_direction,
)
from checker.analysis.keys import has_any, keys, padded
from checker.analysis.objects import (
    CONJUNCTION,
    ZH_ANY_CONCEPT,
    about_cost,
    chinese_term,
    ends_with_cost,
    object_after,
)
from checker.analysis.per_paper import (
    abstract_sentences,
    aligned,
    last_sentence,
)
from checker.analysis.valence import (
    NUMBER_WORDS,
    bounded_somewhere,
    chinese_bound,
    chinese_reading,
    chinese_word,
    disagree,
    english_bound,
    english_reading,
    strong_first,
)
from checker.analysis.worse import EN_WEAKER, cost_rise_disagreement, worse_disagreement
from checker.model import Category, Severity
from checker.rules.registry import Hit, paper_rule


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
    (checker.analysis.valence: 改善/恶化 and improvement/degrades carry their verdict); a number bounded from
    below on one side and from above on the other (超过 vs "below") is an error too. A clause no number
    aligns is read one direction word at a time: a good quantity going down or a cost going up (精度/accuracy,
    效率/efficiency, 成本/cost ...) where the part of an abstract sentence naming it says only the other way
    or praises it ("achieving remarkable performance"), and no part says this way except of other methods;
    opening, hedged and background sentences are no evidence; 削弱 of an "X-enhanced" compound too: a warning.
    Where the abstract never names the quantity, its own sentences that only gain, cut a cost or acclaim the work
    are the evidence (checker.analysis.worse), as for a cost going up "while keeping" something (在保持...的同时);
    a bound on a number at another scale (1.16亿 and "116M") is read through checker.analysis.bounds; a change
    denied one way (且不减少参数) where the abstract denies it the other way ("without increasing ... parameters").
    Example (2503.13724, flipped as the mutation harness does): "推理速度降低了56倍" against "we increase
    inference speed by a factor of $56$"; (2512.20651) "显著下降长期对话中的知识保真度" against "It
    significantly improves knowledge fidelity and retrieval efficiency".
    """
    if not chinese_paper(ctx):
        return
    yield from _bound_hits(ctx)
    yield from _comparison_hits(ctx)
    yield from _denied_hits(ctx)
    for block, clause in triggered(ctx, _ZH_ANY_DIRECTION, CLAIM_BLOCKS):
        if lx.ZH_NOT_A_FINDING.search(clause):
            # "提出的Universum削弱分类器有效解决了...挑战": a name reversed ("Universum-enhanced classifiers") is
            # wrong however the clause is framed
            at = clause.find("削弱")
            evidence = _enhanced_compound(ctx, clause[:at]) if at > 0 else None
            if evidence is not None:
                yield Hit("the summary says down; the abstract says up about the same thing", block, clause,
                          evidence, confidence=0.5, severity=Severity.warning)
            continue
        zh = _direction(bool(lx.ZH_UP.search(clause)), bool(lx.ZH_DOWN.search(clause)))
        if not zh and lx.ZH_WORSE.search(clause):
            zh = -1
        sentence = aligned(ctx, clause, by_number=True)
        if sentence is None:  # names alone align too loosely here
            yield from _concept_hits(ctx, block, clause, zh)
            continue
        if lx.ZH_WORSE.search(clause):
            # "+7.4 dB ... in PSNR compared to state of the art methods": an improvement is better too
            better = has_any(sentence.padded, lx.EN_BETTER) or (
                has_any(sentence.padded, lx.EN_UP) and not has_any(sentence.padded, lx.EN_COST))
            if better and not has_any(sentence.padded, lx.EN_WORSE):
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
    for block, clause in digit_clauses(ctx):
        if block not in CLAIM_BLOCKS or not _ZH_BOUND.search(clause):
            continue
        bounded = [number for number in numbers_in(clause) if chinese_bound(clause, number)]
        if not bounded or not any(bounded_somewhere(_lowered_abstract(ctx), number) for number in bounded):
            scaled = scaled_bound(ctx, block, clause) if bounded else None  # "低于1.16亿" against "over 116M"
            if scaled and scaled.source and scaled.source != scaled.said:
                yield Hit(f"the summary says {_BOUND[scaled.said]} {scaled.number} where the abstract says "
                          f"{_BOUND[scaled.source]}", block, clause, scaled.sentence, confidence=0.7)
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


# A change a clause denies ("虽未提升生产力或质量", "测试性能并未提高", "且不增加可训练参数数量").
# It opens on a character class, which the regex engine scans for fast (an alternation there costs ten times more).
_ZH_DENIED = re.compile(r"[不未没](?:(?<=不)(?<![而从]不)(?![仅断同])|(?<=未)(?<!未未)(?!来)|(?<=没)有)"
                        r"(?:有效|显著|明显|必然|一定|会)?(降低|减少|下降|削弱|恶化|提高|提升|增加|增强|改善)")
_ZH_DENIAL_ADVERB = "并也均都"  # 并未, 也不, 均未: part of the denial, not a conjunction
_ZH_DENIED_VERDICT = frozenset({"恶化", "改善"})


def _denied_hits(ctx: PaperContext) -> Iterator[Hit]:
    """A clause denying a change one way where the abstract denies it only the other way, of the same quantity
    ("虽未下降生产力或质量" against "no condition yielded productivity or quality gains"): with both denied, the
    words compare as they stand, whatever the quantity; better/worse words only of a quantity that is no cost."""
    for block, clause in triggered(ctx, _ZH_DENIED, CLAIM_BLOCKS):
        match = _ZH_DENIED.search(clause)
        if match is None or _ZH_DENIED.search(clause, match.end()):
            continue  # one denial per clause, or it is too tangled to read
        word = match.group(1)
        said = 1 if lx.ZH_UP.fullmatch(word) else -1
        # what is denied stands before the word up to a conjunction ("训练损失降低但测试性能并未提高") or after it
        start = match.start() - (match.start() > 0 and clause[match.start() - 1] in _ZH_DENIAL_ADVERB)
        around = (CONJUNCTION.split(clause[max(0, start - 12) : start])[-1]
                  + CONJUNCTION.split(clause[match.end() : match.end() + 12])[0])
        cost = lx.ZH_COST.search(around) is not None
        if cost and word in _ZH_DENIED_VERDICT:
            continue
        wanted = tuple(key for pattern, keys_ in (*lx.CHANGE_CONCEPTS, *lx.COST_CONCEPTS) if pattern.search(around)
                       for key in keys_)
        if not wanted:
            continue
        about = [(source, at) for source, verdict, text, at in _denied_in_abstract(ctx)
                 if not (cost and verdict) and has_any(padded(text), wanted)]
        if about and all(source != said for source, _ in about):
            yield Hit(f"the summary denies a change {'up' if said > 0 else 'down'}; the abstract denies it "
                      f"{'down' if said > 0 else 'up'}", block, clause, _sentence_at(ctx, about[0][1]),
                      confidence=0.5, severity=Severity.warning)


def _denied_in_abstract(ctx: PaperContext) -> list[tuple[int, bool, str, int]]:
    found: list[tuple[int, bool, str, int]] = ctx.memo("claims.denied", lambda: denied_changes(ctx.abstract))
    return found


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
    """The clause of a block (as checker.analysis.align.clauses splits it) holding the character at ``at``."""
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
    if verdict is None or (verdict is False and concepts and len(_ZH_UP_OR_DOWN.findall(clause)) > 1):
        if concepts:
            # With the number read alike on both sides, the clause's other direction words are about something
            # else and read word by word ("GSNR显著下降重建性能：相较基线方法最高提升4.3 dB PSNR").
            agreed = chinese_word(clause, number) if verdict is False else None
            zh = _direction(bool(lx.ZH_UP.search(clause)), bool(lx.ZH_DOWN.search(clause)))
            yield from _concept_hits(ctx, block, clause, zh, skip=agreed.start() if agreed else -1)
    elif verdict and said and source:
        yield Hit(f"the summary says {_SAID[said[:2]]} where the abstract says {_SAID[source[:2]]}", block, clause,
                  sentence.text, confidence=0.7)


def _concept_hits(ctx: PaperContext, block: str, clause: str, zh: int, skip: int = -1) -> Iterator[Hit]:
    """The warning for a clause no number aligns, read one direction word at a time ("降低参数量并下降物理合理性"
    holds a usual and a flipped claim); the word at ``skip`` was read at a number already."""
    if lx.ZH_WORSE.search(clause):  # "在加速比和稀疏度上劣于现有方法": 劣于 decides, whatever 加速 says
        evidence = worse_disagreement(ctx)
        if evidence is not None:
            yield Hit("the summary says down; the abstract says up about the same thing", block, clause, evidence,
                      confidence=0.5, severity=Severity.warning)
        return
    words = list(_ZH_UP_OR_DOWN.finditer(clause))
    costly = _ZH_COST_LOOSE.search(clause) is not None
    for position, word in enumerate(words):
        if word.start() == skip:
            continue
        up = lx.ZH_UP.fullmatch(word.group()) is not None
        if costly and _ZH_GOOD_OR_BAD.fullmatch(word.group()):
            continue  # "改善音素错误率" lowers it: a verdict, not a direction
        if costly and _ZH_IMPROVEMENT.match(clause, word.start()):
            continue
        if _ZH_SMALLER_CHANGE.match(clause, word.end()):
            continue  # "比现有方法性能下降更少": a smaller change than others', good news either way
        if up and not costly:
            # A good quantity going up: what papers usually say, wrong only where the paper's own findings say
            # it went down ("语义线索显著提高LLMs在简单任务上的表现" against "we show that semantic cues can
            # significantly deteriorate reasoning models' performance").
            evidence = None if block not in _FINDING_BLOCKS else _usual_claim_contradicted(
                ctx, clause, clause[max(0, word.start() - 8) : word.end() + 24], word.start())
            if evidence is not None:
                yield Hit("the summary says up; the abstract's findings say down about the same thing", block,
                          clause, evidence, confidence=0.5, severity=Severity.warning)
                return
            continue
        start = max(words[position - 1].end() if position else 0, word.start() - 20)
        end = min(words[position + 1].start() if position + 1 < len(words) else len(clause), word.end() + 32)
        # Its object ends at a conjunction: in "降低延迟并提高吞吐量" 延迟 is not what goes up; a noun conjunction
        # after the word joins its objects ("降低了RocksDB和BlobDB的性能").
        before = CONJUNCTION.split(clause[start : word.start()])[-1]
        after = object_after(clause[word.end() : end])
        strict = CONJUNCTION.split(after)[0]  # a cost goes up right after the word ("增强的X和高效内存利用")
        evidence = None
        if word.group() == "削弱":  # the compound or phrase it reverses is the most telling evidence
            evidence = _enhanced_compound(ctx, clause[: word.start()])  # "AI削弱评估" for "AI-enhanced assessment"
            if evidence is None:  # "削弱的语义保持能力" for "enhanced semantic preservation"
                evidence = _enhanced_phrase(ctx, clause[word.end() : word.end() + 12])
        if evidence is None:
            evidence = _concept_disagreement(ctx, before + word.group() + after, before + word.group() + strict,
                                             1 if up else -1, praise_ok=_ZH_CONTRAST.search(clause) is None,
                                             verb_at=len(before),
                                             while_keeping=_ZH_WHILE_KEEPING.search(clause, 0, word.start()) is not None,
                                             purpose=_ZH_PURPOSE.search(clause, 0, word.start()) is not None)
        if evidence is None and _ZH_WEAKEN.fullmatch(word.group()) and not _ZH_CONTRAST.search(clause):
            evidence = worse_disagreement(ctx, EN_WEAKER)  # "知识图谱削弱的RAG": nothing in it is weaker
        if evidence is not None:
            said, source = ("up", "down") if up else ("down", "up")
            yield Hit(f"the summary says {said}; the abstract says {source} about the same thing", block,
                      clause, evidence, confidence=0.5, severity=Severity.warning)
            return


# "在不损失精度的情况下降低计算负载": the 下 of 情况下 (条件下, 前提下) starts no 下降.
_ZH_UP_OR_DOWN = re.compile(f"{lx.ZH_UP.pattern}|{lx.ZH_DOWN.pattern}".replace("下降", "下(?<![况件提]下)降"))
# "实现了1.3到1.5倍的提升": a nominal 提升 (an improvement) of a cost is a verdict, not a direction.
_ZH_IMPROVEMENT = re.compile(r"(?<=的)(?:提升|提高|改善|改进)")
# "在保持强大分割性能的同时", "在不牺牲精度的情况下" right before a direction word: what follows is the gain.
_ZH_WHILE_KEEPING = re.compile(r"(?:保持|维持|不损失|不牺牲|不降低)[^，。；]{0,20}?(?:的?同时|情况下|前提下)[^，。；]{0,6}$")
# "为提升公众AI素养提供了...工具", "以减少幻觉": the word states the paper's aim, which the opening sentence states
# too ("the need for accessible ways to support public understanding and literacy"); not 可以/难以/作为/成为.
_ZH_PURPOSE = re.compile(r"(?:(?<![作成因认行])为了?|(?<![可难所足予得加])以|用于|旨在)(?:有效|进一步|更好地|显著)?$")
_ZH_SMALLER_CHANGE = re.compile(r"得?[更较最]?[少小]")
_ZH_COST_LOOSE = re.compile(re.sub(r"\(\?<!抗.\)", "", lx.ZH_COST.pattern))  # a sure screen: no cost word at all
# "但在测试集上出现显著性能下降": a contrast reports a weakness, which praise elsewhere does not contradict.
_ZH_CONTRAST = re.compile(r"但|然而|却|不过|(?<![从进因继])而")  # 从而/进而 ("thereby") contrast nothing


_LATIN_BEFORE = re.compile(r"([A-Za-z][A-Za-z0-9]*)[\s-]*$")


def _enhanced_compound(ctx: PaperContext, before: str) -> str | None:
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


_WEAKER_NEAR = 20  # how far from the term a word saying it is weaker must stand


def _term_positions(lowered: str, term: str) -> list[int]:
    found, at = [], lowered.find(term)
    while at >= 0:
        found.append(at)
        at = lowered.find(term, at + 1)
    return found


_ZH_WEAKEN = re.compile(r"削弱|恶化")
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


_FINDING_BLOCKS = frozenset({"result", "conclusion"})  # where a summary restates the paper's findings


def _usual_claim_contradicted(ctx: PaperContext, clause: str, after: str, at: int) -> str | None:
    """For a good quantity going up in a clause (named in ``after``, the words around the up word at ``at``), the
    paper's own finding that it went down: an abstract sentence past the proposal whose part naming it says down,
    not of other methods, not hedged or negated, where no sentence says it went up or praises it. A clause that
    turns on a contrast (但) before the word is read only against a finding that turns the same way ("robust
    performance in ... but noticeable degradation in ..."), whatever praise the rest of the abstract holds."""
    contrast = _ZH_CONTRAST.search(clause)
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
    found: bool = ctx.memo("claims.sharp_down", lambda: any(stem in _lowered_abstract(ctx) for stem in
                                                            _SHARP_DOWN_STEMS))
    return found


# "improved Phoneme Error Rates" lowers them: only a plain up word says a cost went up.
_EN_COST_UP = tuple(key for key in lx.EN_UP if key not in lx.EN_AMBIGUOUS_UP)


def _concept_disagreement(ctx: PaperContext, near: str, strict: str, zh: int, *, praise_ok: bool = True,
                          verb_at: int = -1, while_keeping: bool = False, purpose: bool = False) -> str | None:
    """For the words around one direction word of a clause no number aligns (``near`` reaches over 和/与,
    ``strict`` does not), the telltale pairings of a flipped direction: a good quantity going down (降低性能)
    or a cost going up (提高计算成本) where the abstract sentences about it say only the other way, or praise
    it without a direction word ("achieving remarkable performance"); a cost going up right after "while
    keeping" something (``while_keeping``) or one the abstract never names, where its own sentences never let a
    cost go up (checker.analysis.worse). Where the word states an aim (``purpose``: 为提升...), the opening sentence,
    which states the paper's aim too, is evidence as well. Returns that abstract sentence."""
    cost = about_cost(strict, verb_at)
    if cost is False and ends_with_cost(near) and not any(pattern.search(near) for pattern, _ in lx.CHANGE_CONCEPTS):
        # "增加种族和性别职业刻板印象": 和 joins two modifiers of one cost (not "增强的身份保持和高效内存利用")
        cost, strict = True, near
    if cost is None:
        return None  # "检测幻觉的准确性": a good quantity about a cost, too tangled to read
    if cost != (zh > 0):
        return None  # a good quantity going up or a cost going down: what papers usually say
    wanted = tuple(key for pattern, keys in (lx.COST_CONCEPTS if cost else lx.CHANGE_CONCEPTS)
                   if pattern.search(strict if cost else near) for key in keys)
    if not wanted:
        return None
    same, other = (_EN_COST_UP, lx.EN_DOWN) if cost else (_EN_GOOD_DOWN, lx.EN_UP)
    # "recovers missing data more accurately": a comparative of the quantity itself says which way it went; of a
    # cost the other way round ("requires less memory", "with minimal time cost").
    if cost:
        same += _comparatives("more", wanted)
        other += tuple(key for word in _EN_SMALL for key in _comparatives(word, wanted))
    else:
        same += _comparatives("less", wanted) + _comparatives("low", wanted)
        other += _comparatives("more", wanted)
    evidence: str | None = None
    positive: str | None = None
    problem_of_others = False
    opening = _opening_count(ctx)
    evidence_is_own = False
    named = False
    for position, sentence in enumerate(abstract_sentences(ctx)):
        if not has_any(sentence.padded, wanted):
            continue
        named = True
        says_same, says_other = has_any(sentence.padded, same), has_any(sentence.padded, other)
        if says_same:  # "reduces latency and improves throughput": the word nearest the concept decides, and a
            # word in another part of the sentence is about something else ("improves fidelity ..., reduces ...")
            nearest = segment_direction(sentence.text, wanted, same, other)
            says_same, says_other = nearest < 0, nearest > 0
        if says_same and not says_other and not others_work(sentence.padded):
            if not _problem_statement(sentence, position, opening):
                return None  # the abstract does say this way somewhere (not of other methods: "Traditional MIL
                # approaches ... struggle ..., limiting their robustness")
            problem_of_others = True
        # The opening sentence, hedged ones ("may be needed to achieve better performance") unless they hedge
        # the paper's own result ("Our results indicate ... the potential to enhance accuracy"), and those about
        # other work ("Recently, ... has emerged to improve reasoning performance") state no finding.
        hedged = has_any(sentence.padded, lx.EN_SOFT) and not has_any(sentence.padded, _EN_OWN_RESULT)
        if (evidence is None and not says_same and (position or purpose) and not hedged
                and not is_background(sentence.padded)):
            if says_other:
                evidence, evidence_is_own = sentence.text, position >= opening
            elif praise_ok and not cost and positive is None and has_any(sentence.padded, _EN_PRAISE):
                positive = sentence.text  # "achieving remarkable performance": good, with no direction word
    if problem_of_others:
        # The clause may restate the problem the opening describes ("they struggle with ... understanding"): only
        # the paper's own finding the other way outweighs it ("show that our approach consistently outperforms").
        if evidence_is_own:
            return evidence
        if cost or not praise_ok:
            return None
        # Only the problem names the quantity ("suffers from high memory usage and low throughput"), never the
        # paper's own sentences: the work lowers it only where one of them says something got worse.
        return worse_disagreement(ctx, EN_WEAKER, costs_apart=True)
    if evidence is None and cost and zh > 0 and (while_keeping or (
            not named and strict[verb_at : verb_at + 2] in _ZH_PLAIN_UP and ends_with_cost(strict))):
        # "在保持性能的同时显著增加了数据需求": a gain would cut the cost; "显著提高了交通仿真的使用门槛" of a cost
        # the abstract never names, where its own sentences only gain (not "加快了生成时间", which shortens it, nor
        # "增强了时间衰减奖励机制", whose head noun is no cost)
        return cost_rise_disagreement(ctx, wanted)
    if evidence is None and positive is None and not cost and praise_ok:
        # A good quantity going down the abstract never states about it, where nothing of the paper's own gets
        # worse, weaker or lower at all ("用于降低视频语言理解能力")
        return worse_disagreement(ctx, EN_WEAKER, costs_apart=True)
    return evidence or positive


_ZH_PLAIN_UP = frozenset({"增加", "提高", "提升"})  # verbs that make a cost more, not faster (加快) or stronger
_EN_SMALL = ("less", "lower", "minimal", "negligible", "marginal", "low")  # of a cost: it went or stays down


def _comparatives(word: str, wanted: tuple[str, ...]) -> tuple[str, ...]:
    """' more accura' for the key ' accura' ("more accurately", "less robust")."""
    return tuple(f" {word}{key}" for key in wanted)


def _problem_statement(sentence: Piece, position: int, opening: int) -> bool:
    """A sentence before the paper's own work that is about other work ("Nonetheless, they struggle with
    high-level conceptual understanding"), or one anywhere that says existing work does it ("we observe that
    existing models ... impair performance")."""
    text = sentence.padded
    return (position < opening and has_any(text, lx.EN_PROBLEM_OPENING)) or has_any(text, _EN_EXISTING)


_EN_EXISTING = keys("existing", "prior work*", "previous work*", "prior method*", "previous method*")


def _opening_count(ctx: PaperContext) -> int:
    """How many abstract sentences come before the first about the paper's own work."""
    return len(abstract_sentences(ctx)) - len(own_sentences(ctx))
