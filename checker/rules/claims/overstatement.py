"""C103-C108: overstatements: intensifiers, "first", SOTA, proof, and hedges the summary drops."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis import hedges as hd
from checker.analysis import lexicon as lx
from checker.analysis.align import numbers_in
from checker.analysis.clauses import (
    CLAIM_BLOCKS,
    chinese_paper,
    digit_clauses,
    evidence_for,
    is_background,
    matching_clauses,
    own_sentences,
    triggered,
)
from checker.analysis.context import PaperContext
from checker.analysis.keys import first_key, has_any, padded
from checker.analysis.per_paper import (
    aligned,
    block_clauses,
    first_sentence_with,
    padded_abstract,
)
from checker.model import Category, Severity
from checker.rules.registry import Hit, paper_rule

_CHANGE_AFTER = re.compile(rf"{lx.ZH_UP.pattern}|{lx.ZH_DOWN.pattern}|优于|超过|超越|高于|低于|优势|效果|进步|增益|领先|突破|性能")


@paper_rule("C103", "unlicensed-intensifier", Category.mismatched_claim, Severity.warning, needs_abstract=True)
def unlicensed_intensifier(ctx: PaperContext) -> Iterator[Hit]:
    """显著/大幅/明显 qualify a change the abstract never calls significant, substantial or large.

    An intensity word licenses only where it sizes a result: "face significant challenges" or "has attracted
    significant attention" size the problem (2512.20996: "显著降低了交通仿真的使用门槛" is flagged).

    Example (2509.11178): "还显著提升了隐写图像和恢复图像的质量" against "but also enhance the quality of both
    the stego and recovery images".
    """
    if not chinese_paper(ctx):
        return
    for block, clause in matching_clauses(ctx, hd.ZH_INTENSIFIER, after=_CHANGE_AFTER):
        if _intensity_licensed(ctx):
            return
        if lx.ZH_NOT_INTENSIFIED_CLAIM.search(clause):
            continue
        yield Hit("显著/大幅/明显 where the abstract gives no such strength", block, clause,
                  evidence_for(ctx, clause, lx.EN_UP), confidence=0.6)


def _intensity_licensed(ctx: PaperContext) -> bool:
    """The abstract calls a change or a comparison significant, substantial or large, or states a large effect."""
    def compute() -> bool:
        if _intensified_change(_without_model_sizes(padded_abstract(ctx))):
            return True
        # A large effect: "4 times", "2.5x", "-fold" (EN_LARGE_EFFECT's first form), or one of its percentage
        # forms, which all hold a percentage of 20 or more: searched only around each such percentage.
        if _LARGE_FACTOR.search(ctx.abstract) is not None:
            return True
        abstract = ctx.abstract.replace("$", "")  # "by about $50\\%$"
        return any(lx.EN_LARGE_EFFECT.search(abstract, max(0, m.start() - 80), m.end() + 40) is not None
                   for m in _LARGE_PERCENT.finditer(abstract))

    licensed: bool = ctx.memo("claims.intensity_licensed", compute)
    return licensed


def _without_model_sizes(padded_text: str) -> str:
    for phrase in lx.NOT_INTENSITY:
        padded_text = padded_text.replace(phrase, " ")
    return padded_text


_INTENSITY_KEYS = lx.EN_INTENSITY + hd.EN_INTENSITY_MORE


def _intensified_change(abstract: str) -> bool:
    """An intensity word about a result ("significantly improves", "a substantial gain"), not one that sizes a
    problem or the background ("face significant challenges", "attracted significant attention")."""
    for key in _INTENSITY_KEYS:
        at = abstract.find(key)
        while at >= 0:
            word_end = abstract.find(" ", at + len(key) - (1 if key.endswith(" ") else 0))
            following = abstract[word_end + 1: word_end + 16].lstrip()
            preceding = abstract[max(0, at - 12): at].rsplit(" ", 1)[-1]
            if not following.startswith(hd.EN_BACKGROUND_NOUNS) and preceding not in hd.EN_BACKGROUND_BEFORE:
                return True
            at = abstract.find(key, at + 1)
    return False




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
        while "." in number and end < len(abstract) and abstract[end] == "0":
            end += 1  # numbers_in wrote "1.30" as "1.3"
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

    A clause aligned by a shared number is flagged when a modal hedge stands before that number; a clause with no
    hedge of its own is flagged when it restates what a hedge of the paper's findings governs ("suggest that X")
    better than any other sentence of the paper's own work (see _hedged_findings_stated_flat). One per block.
    Example (2506.16046 with "can" turned into "may"): "将能效比传统节能系统配置提高高达25%" against "setting a
    simple power cap may improve energy efficiency by up to 25%".
    Example (2512.16030): "模型扩展和增强推理能力并不能自动带来校准优势" against "Our findings suggest that scaling
    and enhanced reasoning do not automatically confer calibration benefits".
    """
    if not chinese_paper(ctx):
        return
    abstract = padded_abstract(ctx)
    modal = has_any(abstract, _MODAL_HEDGE_STARTS)
    done: set[str] = set()
    if modal:
        yield from _modal_hedge_before_number(ctx, done)
    late = abstract[hd.findings_from(abstract):]
    if has_any(late, hd.EN_FINDING_HEDGE_STARTS if modal else hd.EN_FINDING_HEDGE_ONLY):
        yield from _hedged_findings_stated_flat(ctx, done)


def _modal_hedge_before_number(ctx: PaperContext, done: set[str]) -> Iterator[Hit]:
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


_FINDING_BLOCKS = ("result", "conclusion")
_MIN_SCORE = 2  # a number, a Latin term, or two shared content words or topics
_MIN_CLAUSE = 6  # characters: shorter clauses are fragments ("调整偏差后")


def _hedged_findings_stated_flat(ctx: PaperContext, done: set[str]) -> Iterator[Hit]:
    """A clause that restates what an abstract hedge governs ("These findings suggest that X" -> "X") and
    matches that part better than the rest of the sentence and every other sentence of the paper's own work.

    The clause keeps no hedge of its own (可能, 表明, 潜在 ...; 可/能 for a modal one), is not a fragment or a
    description of the method, and sits in a block that reports findings (result, conclusion)."""
    parts = hd.hedged_findings(ctx.abstract, is_background)
    if not parts:
        return
    others: list[hd.Text] | None = None
    for block, text in ctx.content_blocks():
        if block not in _FINDING_BLOCKS or block in done:
            continue
        for words in block_clauses(ctx, block, text):
            if len(words) < _MIN_CLAUSE or hd.ZH_HEDGED.search(words) or hd.ZH_NOT_FINDING.search(words):
                continue
            clause = hd.Clause(words)
            for part in parts:
                if part.modal and hd.ZH_CAN.search(words):
                    continue
                inside = hd.word_score(clause, part.scope)
                if inside + len(part.scope.topics) < _MIN_SCORE:
                    continue
                inside += len(clause.topics & part.scope.topics)
                if inside < _MIN_SCORE:
                    continue
                if others is None:
                    others = [hd.Text(s.padded, s.numbers) for s in own_sentences(ctx)]
                rivals = [part.rest] + [o for o, s in zip(others, own_sentences(ctx), strict=True)
                                        if s.text not in part.sentence and part.sentence not in s.text]
                if not any(hd.outscores(clause, inside, rival) for rival in rivals):
                    done.add(block)
                    yield Hit(f"the abstract hedges this finding ({part.hedge!r}); the summary states it as fact",
                              block, words, part.sentence, confidence=0.5)
                    break
            if block in done:
                break
