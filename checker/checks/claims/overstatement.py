"""C103-C108: overstatements: intensifiers, "first", SOTA, proof, and hedges the summary drops."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.claims.shared import (
    CLAIM_BLOCKS,
    chinese_paper,
    digit_clauses,
    evidence_for,
    matching_clauses,
    triggered,
)
from checker.checks.context import PaperContext
from checker.checks.registry import Hit, paper_rule
from checker.claims import lexicon as lx
from checker.claims.align import numbers_in
from checker.claims.english import first_key, has_any, padded
from checker.claims.view import (
    aligned,
    first_sentence_with,
    padded_abstract,
)
from checker.models import Category, Severity

_CHANGE_AFTER = re.compile(rf"{lx.ZH_UP.pattern}|{lx.ZH_DOWN.pattern}|优于|超过|超越|高于|低于|优势|效果|进步|增益|领先|突破|性能")


@paper_rule("C103", "unlicensed-intensifier", Category.mismatched_claim, Severity.warning, needs_abstract=True)
def unlicensed_intensifier(ctx: PaperContext) -> Iterator[Hit]:
    """显著/大幅/明显 qualify a change the abstract never calls significant, substantial or large.

    Example (2509.11178): "还显著提升了隐写图像和恢复图像的质量" against "but also enhance the quality of both
    the stego and recovery images".
    """
    if not chinese_paper(ctx):
        return
    for block, clause in matching_clauses(ctx, lx.ZH_INTENSIFIER, after=_CHANGE_AFTER):
        if _intensity_licensed(ctx):
            return
        if lx.ZH_NOT_INTENSIFIED_CLAIM.search(clause):
            continue
        yield Hit("显著/大幅/明显 where the abstract gives no such strength", block, clause,
                  evidence_for(ctx, clause, lx.EN_UP), confidence=0.6)


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
    if not chinese_paper(ctx):
        return
    for block, clause in matching_clauses(ctx, lx.ZH_FIRST):
        abstract = padded_abstract(ctx)
        if has_any(abstract, lx.EN_FIRST) or has_any(abstract, lx.EN_FIRST_PHRASES) or "first" in ctx.paper.title.lower():
            return
        yield Hit("a claim of being first that the abstract does not make", block, clause,
                  evidence_for(ctx, clause, tuple(f" {k}" for k in _PROPOSE_KEYS)), confidence=0.6)


@paper_rule("C105", "unlicensed-sota", Category.mismatched_claim, Severity.warning, needs_abstract=True)
def unlicensed_sota(ctx: PaperContext) -> Iterator[Hit]:
    """最先进/SOTA/领先 results the abstract does not claim (no state-of-the-art, best, outperform).

    Example (2506.16046, edited): "取得了最先进的性能" against an abstract that only says power capping "can
    improve energy efficiency by up to 25%".
    """
    if not chinese_paper(ctx):
        return
    seen: set[tuple[str, str]] = set()
    for pattern, after in ((lx.ZH_SOTA_STRONG, None), (lx.ZH_SOTA_WEAK, lx.ZH_SOTA_CONTEXT)):
        for block, clause in matching_clauses(ctx, pattern, after=after, window=6):
            if has_any(padded_abstract(ctx), lx.EN_SOTA):
                return
            if (block, clause) not in seen and not lx.ZH_SOTA_OF_OTHERS.search(clause):
                seen.add((block, clause))
                yield Hit("a state-of-the-art claim the abstract does not make", block, clause,
                          evidence_for(ctx, clause, lx.EN_UP), confidence=0.6)


@paper_rule("C106", "unlicensed-proof", Category.mismatched_claim, Severity.warning, needs_abstract=True)
def unlicensed_proof(ctx: PaperContext) -> Iterator[Hit]:
    """证明/证实 where the abstract neither proves nor demonstrates, and hedges (suggest, indicate, may).

    Example (2509.10663): "证实了它们在处理冲突信息中的关键作用" against "we investigate the preliminary claim
    that these neurons are involved in inhibiting context copying".
    """
    if not chinese_paper(ctx):
        return
    for block, clause in matching_clauses(ctx, lx.ZH_PROOF):
        if has_any(padded_abstract(ctx), lx.EN_PROOF) or not has_any(padded_abstract(ctx), lx.EN_SOFT):
            return  # 证明 restating "show" is loose wording; restating "suggest" or "may" is an overclaim
        yield Hit("证明/证实 where the abstract only suggests or indicates", block, clause,
                  first_sentence_with(ctx, lx.EN_SOFT) or evidence_for(ctx, clause, lx.EN_SOFT), confidence=0.6)


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
    if not chinese_paper(ctx):
        return
    flagged: set[str] = set()
    hedges: dict[str, str | None] = {}
    for block, clause in digit_clauses(ctx):
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
    if not chinese_paper(ctx) or not has_any(padded_abstract(ctx), _MODAL_HEDGE_STARTS):
        return  # an abstract that never hedges has no hedge to drop
    done: set[str] = set()
    for block, clause in triggered(ctx, _ZH_CLAIM, CLAIM_BLOCKS):
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
