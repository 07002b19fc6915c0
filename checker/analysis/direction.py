"""Which way a clause and the abstract say a quantity went (C101): the Chinese direction patterns, the abstract
look-ups the rule repeats, and the readings that need no concept of what went up or down.

Those readings compare a clause with the abstract on a number both bound (超过 vs "below"), on a named reference
both compare with (低于行业阈值 vs "exceeding industry thresholds"), and on a change both deny. Each returns the
two directions and the abstract sentence, or None; the rule (checker/rules/claims/c101_direction_flipped.py)
words the finding. The evidence for a clause no number aligns is read in ``checker.analysis.direction_evidence``.

Positions: ``sentence_at`` finds the abstract sentence (as checker.analysis.align.sentences splits it) holding
a position of the lower-cased abstract, by counting the characters that are not white space; ``clause_at``
finds the clause of a block holding a position, cut at checker.text.sentences.CLAUSE_SPLIT as
checker.analysis.align.clauses cuts it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from checker.analysis import lexicon as lx
from checker.analysis.align import Piece, clause_terms, numbers_in
from checker.analysis.bounds import scaled_bound
from checker.analysis.comparative import (
    EN_COMPARISON_STEMS,
    ZH_COMPARISON_SCREEN,
    chinese_comparisons,
    english_comparisons,
)
from checker.analysis.context import PaperContext
from checker.analysis.decline import denied_changes
from checker.analysis.keys import has_any, keys, padded
from checker.analysis.objects import CONJUNCTION
from checker.analysis.per_paper import abstract_sentences, aligned, last_sentence
from checker.analysis.valence import (
    NUMBER_WORDS,
    bounded_somewhere,
    chinese_bound,
    english_bound,
    strong_first,
)
from checker.text.sentences import CLAUSE_SPLIT


def direction(up: bool, down: bool) -> int:
    """1 for up only, -1 for down only, 0 for both or neither."""
    return 0 if up == down else (1 if up else -1)


# 改善/恶化 and 优于/劣于 carry a verdict (better, worse), not a direction.
ZH_GOOD_OR_BAD = re.compile(r"改善|改进|恶化|优于|劣于")
# "在不损失精度的情况下降低计算负载": the 下 of 情况下 (条件下, 前提下) starts no 下降.
ZH_UP_OR_DOWN = re.compile(f"{lx.ZH_UP.pattern}|{lx.ZH_DOWN.pattern}".replace("下降", "下(?<![况件提]下)降"))
# "实现了1.3到1.5倍的提升": a nominal 提升 (an improvement) of a cost is a verdict, not a direction.
ZH_IMPROVEMENT = re.compile(r"(?<=的)(?:提升|提高|改善|改进)")
# "在保持强大分割性能的同时", "在不牺牲精度的情况下" right before a direction word: what follows is the gain.
ZH_WHILE_KEEPING = re.compile(r"(?:保持|维持|不损失|不牺牲|不降低)[^，。；]{0,20}?(?:的?同时|情况下|前提下)[^，。；]{0,6}$")
# "为提升公众AI素养提供了...工具", "以减少幻觉": the word states the paper's aim, which the opening sentence states
# too ("the need for accessible ways to support public understanding and literacy"); not 可以/难以/作为/成为.
ZH_PURPOSE = re.compile(r"(?:(?<![作成因认行])为了?|(?<![可难所足予得加])以|用于|旨在)(?:有效|进一步|更好地|显著)?$")
ZH_SMALLER_CHANGE = re.compile(r"得?[更较最]?[少小]")
ZH_COST_LOOSE = re.compile(re.sub(r"\(\?<!抗.\)", "", lx.ZH_COST.pattern))  # a sure screen: no cost word at all
# "但在测试集上出现显著性能下降": a contrast reports a weakness, which praise elsewhere does not contradict.
ZH_CONTRAST = re.compile(r"但|然而|却|不过|(?<![从进因继])而")  # 从而/进而 ("thereby") contrast nothing
ZH_WEAKEN = re.compile(r"削弱|恶化")


def lowered_abstract(ctx: PaperContext) -> str:
    lowered: str = ctx.memo("claims.lowered", lambda: ctx.abstract.lower())
    return lowered


def sentence_at(ctx: PaperContext, position: int) -> str:
    """The abstract sentence holding a position of the lower-cased abstract (sentences are whitespace-normalized,
    so they are found by counting characters that are not whitespace)."""
    lowered = lowered_abstract(ctx)
    wanted = len("".join(lowered[:position].split()))
    seen = 0
    for sentence in abstract_sentences(ctx):
        seen += len("".join(sentence.text.split()))
        if seen > wanted:
            return sentence.text
    return last_sentence(ctx)


def clause_at(text: str, at: int) -> str:
    """The clause of a block (as checker.analysis.align.clauses splits it) holding the character at ``at``."""
    start = max((match.end() for match in CLAUSE_SPLIT.finditer(text, 0, at)), default=0)
    stop = CLAUSE_SPLIT.search(text, at)
    return text[start : stop.start() if stop else len(text)].strip()


def aligned_weak_number(ctx: PaperContext, clause: str, numbers: list[str]) -> Piece | None:
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


class BoundConflict(NamedTuple):
    said: int  # the clause's bound on the number: 1 at least, -1 at most
    source: int  # the abstract's
    number: str  # as the clause writes it
    sentence: str  # the abstract sentence


# The bound words valence.chinese_bound reads next to a number, grouped by first character (a fast screen).
_ZH_BOUND = re.compile(r"超过?|高于|多于|大于|至[少多]|逾|低于|少于|小于|不[到足]|以[上下内]")


def bound_conflict(ctx: PaperContext, block: str, clause: str) -> BoundConflict | None:
    """A number bounded from below in the clause and from above in the abstract sentence sharing it, or the
    reverse ("低于98.36%" against "exceeding 98.36%"); a number written at another scale is paired through
    checker.analysis.bounds ("低于1.16亿" against "over 116M")."""
    if not _ZH_BOUND.search(clause):
        return None
    bounded = [number for number in numbers_in(clause) if chinese_bound(clause, number)]
    if not bounded or not any(bounded_somewhere(lowered_abstract(ctx), number) for number in bounded):
        scaled = scaled_bound(ctx, block, clause) if bounded else None  # "低于1.16亿" against "over 116M"
        if scaled and scaled.source and scaled.source != scaled.said:
            return BoundConflict(scaled.said, scaled.source, scaled.number, scaled.sentence)
        return None  # no number bounded on both sides: no need to split the abstract
    sentence = aligned(ctx, clause, by_number=True)
    if sentence is None and all(len(number) == 1 for number in bounded):
        sentence = aligned_weak_number(ctx, clause, bounded)
    if sentence is None:
        return None
    for number in strong_first(numbers_in(clause), clause):  # a number may be spelled out there
        said, source = chinese_bound(clause, number), english_bound(sentence.text, number)
        if said and source and said != source:
            return BoundConflict(said, source, number, sentence.text)
    return None


def comparison_conflict(ctx: PaperContext, text: str) -> tuple[int, str, str] | None:
    """The first thing a block puts above a named reference where the abstract puts it only below, or the reverse,
    with no number ("检测能力低于行业监控阈值" against "exceeding industry monitoring thresholds"): (the block's
    direction, its clause, the abstract sentence). No abstract sentence may compare it the block's way."""
    if not ZH_COMPARISON_SCREEN.search(text):
        return None
    for said, names, at in chinese_comparisons(text):  # most compare with a number or name no reference
        lowered = lowered_abstract(ctx)
        if not any(name in lowered for name in names) or not any(w in lowered for w in EN_COMPARISON_STEMS):
            continue
        found = english_comparisons(lowered, names)
        if not found or any(source == said for source, _ in found):
            continue
        return said, clause_at(text, at), sentence_at(ctx, found[0][1])
    return None


# A change a clause denies ("虽未提升生产力或质量", "测试性能并未提高", "且不增加可训练参数数量").
# It opens on a character class, which the regex engine scans for fast (an alternation there costs ten times more).
ZH_DENIED = re.compile(r"[不未没](?:(?<=不)(?<![而从]不)(?![仅断同])|(?<=未)(?<!未未)(?!来)|(?<=没)有)"
                       r"(?:有效|显著|明显|必然|一定|会)?(降低|减少|下降|削弱|恶化|提高|提升|增加|增强|改善)")
_ZH_DENIAL_ADVERB = "并也均都"  # 并未, 也不, 均未: part of the denial, not a conjunction
_ZH_DENIED_VERDICT = frozenset({"恶化", "改善"})


def denied_conflict(ctx: PaperContext, clause: str) -> tuple[int, str] | None:
    """For a clause denying a change one way where the abstract denies it only the other way, of the same
    quantity ("虽未下降生产力或质量" against "no condition yielded productivity or quality gains"): (the way the
    clause denies, the abstract sentence). With both denied, the words compare as they stand, whatever the
    quantity; better/worse words only of a quantity that is no cost."""
    match = ZH_DENIED.search(clause)
    if match is None or ZH_DENIED.search(clause, match.end()):
        return None  # one denial per clause, or it is too tangled to read
    word = match.group(1)
    said = 1 if lx.ZH_UP.fullmatch(word) else -1
    # what is denied stands before the word up to a conjunction ("训练损失降低但测试性能并未提高") or after it
    start = match.start() - (match.start() > 0 and clause[match.start() - 1] in _ZH_DENIAL_ADVERB)
    around = (CONJUNCTION.split(clause[max(0, start - 12) : start])[-1]
              + CONJUNCTION.split(clause[match.end() : match.end() + 12])[0])
    cost = lx.ZH_COST.search(around) is not None
    if cost and word in _ZH_DENIED_VERDICT:
        return None
    wanted = tuple(key for pattern, keys_ in (*lx.CHANGE_CONCEPTS, *lx.COST_CONCEPTS) if pattern.search(around)
                   for key in keys_)
    if not wanted:
        return None
    about = [(source, at) for source, verdict, text, at in _denied_in_abstract(ctx)
             if not (cost and verdict) and has_any(padded(text), wanted)]
    if about and all(source != said for source, _ in about):
        return said, sentence_at(ctx, about[0][1])
    return None


def _denied_in_abstract(ctx: PaperContext) -> list[tuple[int, bool, str, int]]:
    found: list[tuple[int, bool, str, int]] = ctx.memo("claims.denied", lambda: denied_changes(ctx.abstract))
    return found
