"""显著/大幅/明显 qualify a change the abstract never calls significant, substantial or large.

## What it catches
In a Chinese digest, each clause where 显著/大幅/明显 stands within eight characters before a change or a comparison
(提高, 降低, 优于, 超过, 优势, 效果, 性能 ...), when nothing in the abstract sizes a result: no intensity word
(significantly, substantial, dramatic, considerable, large, notable, remarkable, much, noticeable ...) about a
result, no multiplier ("4 times", "2.5x", "-fold") and no change of 20% or more. The evidence is the abstract
sentence aligned with the clause, else the first that says something went up. An intensity word licenses only
where it sizes a result: "face significant challenges" or "has attracted significant attention" size the
problem (2512.20996: "显著降低了交通仿真的使用门槛" is flagged).

## Why it matters
The adverb is the summary's own verdict, and readers take it for the paper's (or for statistical
significance): a modest gain reads as a large one.

## Example
Example (2509.11178): "还显著提升了隐写图像和恢复图像的质量" against "but also enhance the quality of both
the stego and recovery images".

## Stays quiet on
Any abstract that sizes some result (one license covers every clause of the paper); "显著的提升空间" (room for
improvement, no claim); 显著性 (significance) on its own; 显著 not followed by a change; "large" in model names
(large language model, large-scale ...) counts neither way; digests not in Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis import hedges as hd
from checker.analysis import lexicon as lx
from checker.analysis.clauses import chinese_paper, evidence_for, matching_clauses
from checker.analysis.context import PaperContext
from checker.analysis.per_paper import padded_abstract
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec

_CHANGE_AFTER = re.compile(rf"{lx.ZH_UP.pattern}|{lx.ZH_DOWN.pattern}|优于|超过|超越|高于|低于|优势|效果|进步|增益|领先|突破|性能")


def unlicensed_intensifier(ctx: PaperContext) -> Iterator[Hit]:
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


RULE = RuleSpec(
    id="C103",
    name="unlicensed-intensifier",
    category=Category.mismatched_claim,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=unlicensed_intensifier,
    needs=Needs.ABSTRACT,
)
