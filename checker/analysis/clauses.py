"""What the claim rules share: which blocks make claims, clauses found by a pattern (memoized per paper), the
abstract's own-work and background sentences, negation windows."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis import lexicon as lx
from checker.analysis.align import Piece
from checker.analysis.context import PaperContext
from checker.analysis.keys import has_any, keys
from checker.analysis.per_paper import abstract_sentences, block_clauses

CLAIM_BLOCKS = frozenset({"tldr", "method", "result", "conclusion"})  # motivation describes others' work


def chinese_paper(ctx: PaperContext) -> bool:
    return ctx.language == "zh" and bool(ctx.abstract)


def triggered(ctx: PaperContext, pattern: re.Pattern[str], blocks: frozenset[str] | None = None
              ) -> Iterator[tuple[str, str]]:
    """(block, clause) of every clause where ``pattern`` matches; blocks without a match are never split, and
    a pattern found in no block costs one search of the joined blocks (most papers have no 首次 or 未能)."""
    if not pattern.search(joined_blocks(ctx)):
        return
    for block, text in ctx.content_blocks():
        if (blocks is None or block in blocks) and pattern.search(text):
            for clause in block_clauses(ctx, block, text):
                if pattern.search(clause):
                    yield block, clause


def digit_clauses(ctx: PaperContext) -> list[tuple[str, str]]:
    """(block, clause) of the clauses holding a digit, shared by the bound and number-hedge checks."""
    found: list[tuple[str, str]] = ctx.memo("claims.digit_clauses", lambda: list(triggered(ctx, HAS_DIGIT)))
    return found


def joined_blocks(ctx: PaperContext) -> str:
    joined: str = ctx.memo("claims.joined", lambda: "\n".join(text for _, text in ctx.content_blocks()))
    return joined


HAS_DIGIT = re.compile(r"\d")


def is_background(padded_sentence: str) -> bool:
    """A sentence about other work: "Recently, ...", "Researchers have ...", "... has emerged"; an opening word
    counts only at the start ("Expert validation by three AI safety researchers confirms ..." is a finding)."""
    return " emerged " in padded_sentence or has_any(padded_sentence[:40], EN_BACKGROUND)


NEGATION_BEFORE, NEGATION_AFTER = 40, 20  # how far a "without" may stand from the claim word it negates


EN_WITHOUT = keys("without")


EN_NEGATION_NOT_WITHOUT = tuple(key for key in lx.EN_STRONG_NEGATION if key not in EN_WITHOUT) + keys(
    "unlike", "incapable", "insufficient*", "absence", "absent")


ZH_OTHERS_BEFORE = re.compile(r"传统|现有|以往|仅靠|仅凭|仅用|基线|其他|既有|此前|先前|当前|线性|可能|或许")  # characters between a concept word and the direction word that is about it


def key_positions(text: str, wanted: tuple[str, ...]) -> list[int]:
    found = []
    for key in wanted:
        at = text.find(key)
        while at >= 0:
            found.append(at)
            at = text.find(key, at + 1)
    return found


def own_sentences(ctx: PaperContext) -> list[Piece]:
    """The abstract sentences from the first that says we/our/propose on: the opening ones set the scene
    ("Existing methods fail to ...")."""
    def compute() -> list[Piece]:
        found = abstract_sentences(ctx)
        start = next((i for i, s in enumerate(found) if has_any(s.padded, EN_OWN_WORK)), len(found))
        return found[start:]

    result: list[Piece] = ctx.memo("claims.own_sentences", compute)
    return result


EN_BACKGROUND = keys("recently", "researchers", "emerged", "traditionally", "conventionally")


# The words by which an abstract turns to the paper's own work; the sentences from the first that holds one on
# are its own (own_sentences). Padded-text keys here, raw-text keys for the hedge check (analysis/hedges.py).
OWN_WORK_WORDS = ("we", "our", "this paper", "this work", "this study", "propos*", "introduc*")
EN_OWN_WORK = keys(*OWN_WORK_WORDS)
