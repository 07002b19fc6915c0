"""A clause is negated (未能/无法/并非...) where the abstract sentence it restates is not.

## What it catches
In a Chinese digest, a clause of the TL;DR, Method, Result or Conclusion with a negation (未能, 并未, 并非, 无法,
不能, 没有, 不会, 尚未, 不提高 ...):
- paired with an abstract sentence by a shared number (not the digits of a name: "x86-64" pairs nothing),
  where that sentence has no negation ("not only" never counts; a "without" only when the clause says
  something is absent);
- otherwise, when the word the negation lands on (提高, 有效, 克服, 缓解 ...) is stated in the abstract and negated
  nowhere (a "without" counts only next to it, and for 并未表明 only a negation just before "show"), quoting
  that sentence;
- failing that, a denial (未能/无法/并未 ...) where the abstract sentence sharing a Latin name with the clause,
  and every sentence naming it, is free of negation, or where the paper's own sentences negate nothing at all
  (then no sentence is quoted, unless the aligner confidently finds the one the clause restates).

Severity (checker.analysis.restatement): a finding keeps the rule's severity only where the bilingual aligner
confidently puts the clause on the very sentence it quotes and both state one quantity; every other finding
is info, with a lower confidence (no real negation was seen in 163 hand-labelled papers).

## Why it matters
A negation turns the paper's claim into its opposite: the reader is told the method fails where the paper
says it works. Nothing in the summary itself gives the error away.

## Example
Example (2503.13710, negated as the mutation harness does): "该方法...未能提高视觉保真度" against
"Experiments ... demonstrate improved visual fidelity with our method".

## Stays quiet on
Negations of a harm (不会降低性能), of what other work cannot do (传统方法无法解决), conditions (在没有...的情况下),
causes and concessions (因/即使/尚) or a hypothesis (可能...并未提高). Also: statements of absence (没有明确证据
表明), a negation inside a 为 phrase no verb has closed (为无法获取真实数据的研究提供), "不能/无法" alone (too weak a
claim to look up), a claim the abstract itself negates somewhere, one only the opening's problem statement
denies (unless a finding of the paper's own states it), the Motivation block, and digests not in Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from checker.analysis import lexicon as lx
from checker.analysis.align import clause_terms
from checker.analysis.clauses import (
    CLAIM_BLOCKS,
    EN_NEGATION_NOT_WITHOUT,
    EN_WITHOUT,
    NEGATION_AFTER,
    NEGATION_BEFORE,
    ZH_OTHERS_BEFORE,
    chinese_paper,
    is_background,
    key_positions,
    own_sentences,
    triggered,
)
from checker.analysis.context import PaperContext
from checker.analysis.keys import has_any, keys
from checker.analysis.own_work import opening_count
from checker.analysis.per_paper import (
    abstract_sentences,
    aligned,
)
from checker.analysis.restatement import grade, shares_a_number
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec


def negation_mismatch(ctx: PaperContext) -> Iterator[Hit]:
    for hit in _hits(ctx):
        # A negated claim is looked up in the whole abstract, so a sentence other than the one the clause
        # restates may hold it: such a finding stays, at info.
        severity, confidence, evidence, _ = grade(ctx, hit.summary_span or "", hit.abstract_span)
        yield replace(hit, severity=severity, confidence=confidence, abstract_span=evidence)


def _hits(ctx: PaperContext) -> Iterator[Hit]:
    if not chinese_paper(ctx):
        return
    for block, clause in triggered(ctx, lx.ZH_NEGATION, CLAIM_BLOCKS):
        if _negated_harm(clause) or _ZH_WITHOUT.search(clause):
            continue
        sentence = aligned(ctx, clause, by_number=True)
        if sentence is not None and not shares_a_number(clause, sentence.text):
            sentence = None  # paired by the digits of a name ("x86-64" in both): not the sentence it restates
        if sentence is not None:
            # "achieves a 93% effective plan reuse rate ... without using the reuse mechanism": a "without" or a
            # "limited" elsewhere in the sentence negates nothing of the result.
            negators = EN_NEGATION_NOT_WITHOUT + (EN_WITHOUT if lx.ZH_ABSENT.search(clause) else ())
            if not has_any(sentence.padded.replace(_NOT_ONLY, " "), negators):
                yield Hit("the summary negates what the abstract states", block, clause, sentence.text,
                          confidence=0.7)
            continue
        evidence = _stated_positively(ctx, clause)
        if evidence is not None:
            yield Hit("the summary negates what the abstract states", block, clause, evidence or None, confidence=0.5,
                      severity=Severity.warning)


def _stated_positively(ctx: PaperContext, clause: str) -> str | None:
    """For a negated clause no number aligns: the abstract sentence that states the negated claim (improve,
    outperform, achieve, ...) without a negation near it, when no sentence with that claim is negated there.
    When no sentence states the claim, an abstract that negates nothing at all is evidence too (a finding
    the paper never denies), unless the clause is a concession or a consequence (即使/但/导致/尚 ...): then ""
    (no sentence to quote)."""
    negated = lx.ZH_NEGATION.search(clause)
    if negated is None or _others_before(clause, negated.start()):
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
        opening, others_denied = opening_count(ctx), False
        for position, sentence in enumerate(abstract_sentences(ctx)):
            if has_any(sentence.padded, wanted):
                if _negated(sentence.padded, wanted, near_only=shown):
                    if position < opening and has_any(sentence.padded, lx.EN_PROBLEM_OPENING):
                        others_denied = True  # the problem of other work ("This approach may fail to capture")
                        continue
                    return None
                if evidence is None and not is_background(sentence.padded):
                    evidence = sentence.text  # not one about others' work
                    stated_as_finding = has_any(sentence.padded, _EN_OWN_FINDING)
        if others_denied and evidence is not None and not stated_as_finding:
            return None  # the clause may restate that problem; only a finding of the paper's own outweighs it
    if (evidence is not None or _ZH_NOT_A_CLAIM_BEFORE.search(clause, 0, negated.start())
            or _beneficiary_before(clause, negated.start()) or not _ZH_DENIAL.match(negated.group())):
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
        return None if is_background(named.padded) else named.text
    if any(_broadly_negated(sentence.padded) for sentence in own_sentences(ctx)):
        return None
    # No sentence states the claim: quote none rather than an arbitrary one (the last may be a link); the
    # sentence the clause restates is quoted instead where the aligner is confident (restatement.grade).
    return ""


# "在没有结构先验的情况下能够泛化", "在完全未观察到的盆地中": "without", "unseen", not a negated claim (在 the
# preposition, not the 在 of 潜在, 存在, 在线).
_ZH_WITHOUT = re.compile(
    r"(?<![潜存现所实内外正])在(?![线于])[^，。；]{0,4}(?:没有|无|不(?![同断])|未(?!来))|(?:没有|无|不(?![同断]))[^，。；]{0,24}情况下")
# A negation after these is a concession, a cause, a caveat or a beneficiary (即使...无法获取, 因兼容性问题无法
# 应用, 尚不能断言, 为...无法获取真实数据的研究提供).
_ZH_NOT_A_CLAIM_BEFORE = re.compile(r"当|即使|但|导致|因为|由于|因(?![果素])|尚|虽|难以|仍|若|如果|否则|除非")
# Negators that deny an ability or a result; 没有/不会/未被 mostly say something is absent ("没有内部共振").
_ZH_DENIAL = re.compile(r"未能|无法|不能|并未|并非|未$|不$")
_ZH_SHOWN = re.compile(r"表明|证明|显示|证实|验证")
_ZH_CAUSE_BEFORE = re.compile(r"因为|由于|即使|虽")
# "没有明确证据表明", "没有一种方法能够": a statement of absence, not a denied claim.
_ZH_ABSENCE = re.compile(r"没有(?:明确|足够|一种|任何|单一|证据|统一)")
_NOT_ONLY = " not only "


def _broadly_negated(padded_text: str, *, strong_only: bool = False) -> bool:
    """Any negation in a sentence but "not only" and "without" ("without manual annotations" denies no claim);
    with ``strong_only``, only not/no/cannot/fail ... (not "poor", "limited", "struggle")."""
    text = padded_text.replace(_NOT_ONLY, " ")
    if strong_only:
        return has_any(text, EN_NEGATION_NOT_WITHOUT)
    return has_any(text, _EN_BROAD_NEGATION) or has_any(text, _EN_NEGATIVE_FINDING)


_EN_BROAD_NEGATION = tuple(key for key in lx.EN_NEGATION if key not in EN_WITHOUT)


def _negated_harm(clause: str) -> bool:
    """A negated harm ("不会降低性能"), which asserts something good; a denied cut of a cost ("无法有效减少运行
    时长", "不能显著降低...采用门槛") is a denied claim instead."""
    for match in lx.ZH_NEGATED_HARM.finditer(clause):
        if match.group(1) not in lx.ZH_CUT or not lx.ZH_COST.search(clause, match.end(1), match.end(1) + _OBJECT):
            return True
    return False


_OBJECT = 12  # how far after a direction word its object (a cost or not) is looked for


# 为 opens a beneficiary ("为无法获取真实数据的研究提供") until its verb closes it: a negation after 提供 is in
# the object ("为神经符号推理提供了无法有效的统一框架"). 作为/成为/定义为 ... are "as", no beneficiary.
_ZH_FOR = re.compile(r"(?<![作成视认义称即更较分因化行])为(?![了止])")
_ZH_FOR_CLOSED = re.compile(r"提供|带来|开辟|奠定|铺平|指明|打下|创造")


def _beneficiary_before(clause: str, end: int) -> bool:
    """Whether the negation at ``end`` stands inside a 为 phrase that no verb has closed yet."""
    opened = [match.end() for match in _ZH_FOR.finditer(clause, 0, end)]
    return bool(opened) and _ZH_FOR_CLOSED.search(clause, opened[-1], end) is None


# "相比现有方法显著未能提升", "与传统方法相比": a named reference of a comparison, not the subject.
_ZH_COMPARED = re.compile(r"比|与|较|优于|超过|超越|高于|低于")
_COMPARED_NEAR = 3


def _others_before(clause: str, end: int) -> bool:
    """Whether other work (传统/现有 ...) or a hedge (可能) stands before ``end`` as the subject, not as the
    reference a comparison names."""
    return any(_ZH_COMPARED.search(clause, max(0, match.start() - _COMPARED_NEAR), match.start()) is None
               and not (match.group() == "其他" and _ZH_MORE_OF.match(clause, max(0, match.start() - 1)))
               for match in ZH_OTHERS_BEFORE.finditer(clause, 0, end))


_ZH_MORE_OF = re.compile(r"[个种些项类及和与]")  # "三个其他流行数据集": more datasets, not other work


# A sentence of the opening about other work names it; its negation is that work's problem.
_EN_OWN_FINDING = keys("we", "our", "show*", "demonstrat*", "results", "experiments", "find*", "found", "achiev*",
                       "outperform*")


_EN_NEGATIVE_FINDING = keys("poor*", "unable", "incapable", "insufficient*", "inadequate*", "absence")


def _negated(text: str, wanted: tuple[str, ...], *, near_only: bool = False) -> bool:
    """A strong negation anywhere in the sentence but "not only" (just before a claim word when ``near_only``), or
    a "without" shortly before or after a claim word ("without improving"); a "without" elsewhere ("improves
    ... without retraining") negates nothing."""
    text = text.replace(_NOT_ONLY, " ")
    claims = key_positions(text, wanted)
    if near_only:  # "does not show", "fail to demonstrate"; "indicating that not all ..." shows something
        return any(0 <= claim - at <= NEGATION_BEFORE for claim in claims
                   for at in key_positions(text, EN_NEGATION_NOT_WITHOUT + EN_WITHOUT))
    if has_any(text, EN_NEGATION_NOT_WITHOUT):
        return True
    return any(-NEGATION_AFTER <= claim - at <= NEGATION_BEFORE
               for claim in claims for at in key_positions(text, EN_WITHOUT))


RULE = RuleSpec(
    id="C102",
    name="negation-mismatch",
    category=Category.mismatched_claim,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=negation_mismatch,
    needs=Needs.ABSTRACT,
)
