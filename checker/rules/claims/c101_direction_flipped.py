"""A clause says a quantity went up where the abstract sentence it restates says down, or the reverse.

## What it catches
In a Chinese digest, a clause of the TL;DR, Method, Result or Conclusion whose direction word (提高/降低,
增加/减少, 超过/低于, 优于/劣于, 削弱 ...) disagrees with the abstract:
- Clauses and sentences are paired by shared numbers; both sides must name one direction only, and both or
  neither must be about a cost (error, latency, ...) that is better low. Where a side names both ways, or the
  cost test cannot tell, each side is read at the direction word nearest the shared number
  (checker.analysis.valence: 改善/恶化 and improvement/degrades carry their verdict); a number bounded from
  below on one side and from above on the other (超过 vs "below") disagrees too, also at another scale (1.16亿
  and "116M", checker.analysis.bounds).
- A thing put above a named reference on one side and below it on the other, with no number, and a change
  denied one way (且不减少参数) where the abstract denies it the other way ("without increasing ...
  parameters").
- A clause no number pairs is read one direction word at a time (checker.analysis.direction_evidence): a good
  quantity going down or a cost going up (精度/accuracy, 效率/efficiency, 成本/cost ...) where the part of an
  abstract sentence naming it says only the other way or praises it ("achieving remarkable performance"), and
  no part says this way except of other methods; 削弱 of an "X-enhanced" compound too. Where the abstract never
  names the quantity, its own sentences that only gain, cut a cost or acclaim the work are the evidence
  (checker.analysis.worse), as for a cost going up "while keeping" something (在保持...的同时).
- A good quantity going up in the Result or Conclusion where the paper's own findings say it went down
  ("semantic cues can significantly deteriorate ... performance") and no sentence says it went up or praises
  it.

Severity (checker.analysis.restatement): a finding keeps the rule's severity only where the bilingual aligner
confidently puts the clause on the very sentence it quotes and both state one quantity (56倍 and "a factor of
$56$"); every other finding is info, with a lower confidence. A pair made by the digits of a name ("x86-64",
"CIFAR-100" in both) or by a number, where the clause confidently restates another sentence, gives no
finding unless that sentence itself says the other way (then it is quoted).

## Why it matters
A flipped direction reverses the paper's finding while keeping its numbers and names, so the summary still
looks faithful: "推理速度降低了56倍" reports a 56x slowdown for a 56x speed-up.

## Example
Example (2503.13724, flipped as the mutation harness does): "推理速度降低了56倍" against "we increase
inference speed by a factor of $56$"; (2512.20651) "显著下降长期对话中的知识保真度" against "It
significantly improves knowledge fidelity and retrieval efficiency".

## Stays quiet on
Pairs made by the digits of a name, or by a number where the clause restates another sentence; what papers
usually say (a good quantity up, a cost down) unless the paper's own findings say otherwise; a
number read alike on both sides; opening, hedged and background sentences as evidence (no finding); problem
statements of the opening ("existing methods struggle ...") unless a finding of the paper's own says the other
way; a smaller change than others' (下降更少); a verdict on a cost (改善错误率, 的提升); clauses that state no
finding (a denial, 导致/造成, 可能/会, 随着, 梯度下降, a problem being addressed: 解决...问题), but for a reversed
compound; a quantity both good and a cost (检测幻觉的准确性); clauses with two denials; the Motivation block;
digests not in Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from checker.analysis import lexicon as lx
from checker.analysis.align import Piece, numbers_in
from checker.analysis.clauses import CLAIM_BLOCKS, chinese_paper, digit_clauses, triggered
from checker.analysis.context import PaperContext
from checker.analysis.direction import (
    ZH_COST_LOOSE,
    ZH_DENIED,
    ZH_GOOD_OR_BAD,
    ZH_IMPROVEMENT,
    ZH_SMALLER_CHANGE,
    ZH_UP_OR_DOWN,
    bound_conflict,
    comparison_conflict,
    denied_conflict,
    direction,
)
from checker.analysis.direction_evidence import enhanced_compound, usual_claim_contradicted, word_evidence
from checker.analysis.keys import has_any, padded
from checker.analysis.per_paper import aligned
from checker.analysis.restatement import grade, restated, shares_a_number
from checker.analysis.valence import chinese_reading, chinese_word, disagree, english_reading, strong_first
from checker.analysis.worse import worse_disagreement
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec

_SAID = {(True, 1): "better", (True, -1): "worse", (False, 1): "up", (False, -1): "down"}
_BOUND = {1: "at least", -1: "at most"}
_ZH_ANY_DIRECTION = re.compile(f"{lx.ZH_UP.pattern}|{lx.ZH_DOWN.pattern}|{lx.ZH_WORSE.pattern}")
_FINDING_BLOCKS = frozenset({"result", "conclusion"})  # where a summary restates the paper's findings
# The rule's own confidence in a reading, before restatement.grade weighs the evidence that the sentence
# compared is the one the clause restates: a sentence sharing a number, or a sentence naming the quantity.
_ON_A_SHARED_NUMBER = 0.7
_ON_THE_WORDS = 0.5


def direction_flipped(ctx: PaperContext) -> Iterator[Hit]:
    for hit in _hits(ctx):
        clause = hit.summary_span or ""
        severity, confidence, evidence, elsewhere = grade(ctx, clause, hit.abstract_span)
        paired_by_a_name = hit.confidence == _ON_A_SHARED_NUMBER and not shares_a_number(clause, evidence or "")
        if elsewhere or paired_by_a_name:
            # The clause restates another sentence than the one compared, or was paired with it by the digits
            # of a name ("x86-64" in both). Where the sentence it restates says the other way, that one is
            # quoted. Otherwise a pair made by a number was the wrong pair: no finding; a reading word by word
            # quotes a sentence naming the quantity, which the finding is about: it stays, at info.
            restated_text = _says_the_other_way(ctx, clause)
            if restated_text is not None:
                severity, confidence, evidence, _ = grade(ctx, clause, restated_text)
            elif hit.confidence == _ON_A_SHARED_NUMBER:
                continue
        yield replace(hit, severity=severity, confidence=confidence, abstract_span=evidence)


def _says_the_other_way(ctx: PaperContext, clause: str) -> str | None:
    """The sentence the clause confidently restates, where it names one direction only and the clause the other
    ("吞吐量下降高达10³倍" against "yielding up to 10^3x higher throughput")."""
    found = restated(ctx, clause)
    if found is None:
        return None
    text = padded(found.text)
    source = direction(has_any(text, lx.EN_UP), has_any(text, lx.EN_DOWN))
    if source > 0:
        return found.text if lx.ZH_DOWN.search(clause) or lx.ZH_WORSE.search(clause) else None
    return found.text if source < 0 and lx.ZH_UP.search(clause) else None


def _hits(ctx: PaperContext) -> Iterator[Hit]:
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
            evidence = enhanced_compound(ctx, clause[:at]) if at > 0 else None
            if evidence is not None:
                yield Hit("the summary says down; the abstract says up about the same thing", block, clause,
                          evidence, confidence=_ON_THE_WORDS)
            continue
        zh = direction(bool(lx.ZH_UP.search(clause)), bool(lx.ZH_DOWN.search(clause)))
        if not zh and lx.ZH_WORSE.search(clause):
            zh = -1
        sentence = aligned(ctx, clause, by_number=True)
        if sentence is None:  # names alone align too loosely here
            yield from _concept_hits(ctx, block, clause)
            continue
        if lx.ZH_WORSE.search(clause):
            # "+7.4 dB ... in PSNR compared to state of the art methods": an improvement is better too
            better = has_any(sentence.padded, lx.EN_BETTER) or (
                has_any(sentence.padded, lx.EN_UP) and not has_any(sentence.padded, lx.EN_COST))
            if better and not has_any(sentence.padded, lx.EN_WORSE):
                yield Hit("the summary says worse where the abstract says better", block, clause, sentence.text,
                          confidence=_ON_A_SHARED_NUMBER)
            continue
        en = direction(has_any(sentence.padded, lx.EN_UP), has_any(sentence.padded, lx.EN_DOWN))
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
                  confidence=_ON_A_SHARED_NUMBER)


def _bound_hits(ctx: PaperContext) -> Iterator[Hit]:
    """A number bounded from below on one side and from above on the other ("低于98.36%" against "exceeding
    98.36%"), in a clause and the abstract sentence that share it."""
    for block, clause in digit_clauses(ctx):
        if block not in CLAIM_BLOCKS:
            continue
        conflict = bound_conflict(ctx, block, clause)
        if conflict is not None:
            yield Hit(f"the summary says {_BOUND[conflict.said]} {conflict.number} where the abstract says "
                      f"{_BOUND[conflict.source]}", block, clause, conflict.sentence, confidence=_ON_A_SHARED_NUMBER)


def _comparison_hits(ctx: PaperContext) -> Iterator[Hit]:
    """A thing put above a named reference on one side and below it on the other, with no number ("检测能力低于
    行业监控阈值" against "exceeding industry monitoring thresholds"); no sentence may say it the clause's way."""
    for block, text in ctx.content_blocks():
        if block not in CLAIM_BLOCKS:
            continue
        found = comparison_conflict(ctx, text)
        if found is not None:
            said, clause, evidence = found
            said_word, source_word = ("above", "below") if said > 0 else ("below", "above")
            yield Hit(f"the summary says {said_word} where the abstract says {source_word}", block, clause,
                      evidence, confidence=_ON_THE_WORDS)


def _denied_hits(ctx: PaperContext) -> Iterator[Hit]:
    """A clause denying a change one way where the abstract denies it only the other way, of the same quantity
    ("虽未下降生产力或质量" against "no condition yielded productivity or quality gains")."""
    for block, clause in triggered(ctx, ZH_DENIED, CLAIM_BLOCKS):
        found = denied_conflict(ctx, clause)
        if found is not None:
            said, evidence = found
            yield Hit(f"the summary denies a change {'up' if said > 0 else 'down'}; the abstract denies it "
                      f"{'down' if said > 0 else 'up'}", block, clause, evidence,
                      confidence=_ON_THE_WORDS)


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
    if verdict is None or (verdict is False and concepts and len(ZH_UP_OR_DOWN.findall(clause)) > 1):
        if concepts:
            # With the number read alike on both sides, the clause's other direction words are about something
            # else and read word by word ("GSNR显著下降重建性能：相较基线方法最高提升4.3 dB PSNR").
            agreed = chinese_word(clause, number) if verdict is False else None
            yield from _concept_hits(ctx, block, clause, skip=agreed.start() if agreed else -1)
    elif verdict and said and source:
        yield Hit(f"the summary says {_SAID[said[:2]]} where the abstract says {_SAID[source[:2]]}", block, clause,
                  sentence.text, confidence=_ON_A_SHARED_NUMBER)


def _concept_hits(ctx: PaperContext, block: str, clause: str, skip: int = -1) -> Iterator[Hit]:
    """The warning for a clause no number aligns, read one direction word at a time ("降低参数量并下降物理合理性"
    holds a usual and a flipped claim); the word at ``skip`` was read at a number already."""
    if lx.ZH_WORSE.search(clause):  # "在加速比和稀疏度上劣于现有方法": 劣于 decides, whatever 加速 says
        evidence = worse_disagreement(ctx)
        if evidence is not None:
            yield Hit("the summary says down; the abstract says up about the same thing", block, clause, evidence,
                      confidence=_ON_THE_WORDS)
        return
    words = list(ZH_UP_OR_DOWN.finditer(clause))
    costly = ZH_COST_LOOSE.search(clause) is not None
    for position, word in enumerate(words):
        if word.start() == skip:
            continue
        up = lx.ZH_UP.fullmatch(word.group()) is not None
        if costly and (ZH_GOOD_OR_BAD.fullmatch(word.group()) or ZH_IMPROVEMENT.match(clause, word.start())):
            continue  # "改善音素错误率" lowers it, "的提升" of a cost: a verdict, not a direction
        if ZH_SMALLER_CHANGE.match(clause, word.end()):
            continue  # "比现有方法性能下降更少": a smaller change than others', good news either way
        if up and not costly:
            # A good quantity going up: what papers usually say, wrong only where the paper's own findings say
            # it went down ("语义线索显著提高LLMs在简单任务上的表现" against "we show that semantic cues can
            # significantly deteriorate reasoning models' performance").
            evidence = None if block not in _FINDING_BLOCKS else usual_claim_contradicted(
                ctx, clause, clause[max(0, word.start() - 8) : word.end() + 24], word.start())
            if evidence is not None:
                yield Hit("the summary says up; the abstract's findings say down about the same thing", block,
                          clause, evidence, confidence=_ON_THE_WORDS)
                return
            continue
        evidence = word_evidence(ctx, clause, words, position)
        if evidence is not None:
            said, source = ("up", "down") if up else ("down", "up")
            yield Hit(f"the summary says {said}; the abstract says {source} about the same thing", block,
                      clause, evidence, confidence=_ON_THE_WORDS)
            return


RULE = RuleSpec(
    id="C101",
    name="direction-flipped",
    category=Category.mismatched_claim,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=direction_flipped,
    needs=Needs.ABSTRACT,
)
