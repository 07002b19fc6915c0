"""Per-paper analysis shared by the claim rules, memoized on the PaperContext so each is done once."""

from __future__ import annotations

import re

from checker.analysis.align import Piece, align, clauses, sentences
from checker.analysis.context import PaperContext
from checker.analysis.entities import SourceIndex
from checker.analysis.keys import padded
from checker.numbers import NumberView


def abstract_sentences(ctx: PaperContext) -> list[Piece]:
    result: list[Piece] = ctx.memo("claims.sentences", lambda: sentences(ctx.abstract))
    return result


def padded_abstract(ctx: PaperContext) -> str:
    result: str = ctx.memo("claims.padded", lambda: padded(ctx.abstract))
    return result


def block_clauses(ctx: PaperContext, block: str, text: str) -> list[str]:
    result: list[str] = ctx.memo(f"claims.clauses.{block}", lambda: clauses(text))
    return result


def source_index(ctx: PaperContext) -> SourceIndex:
    result: SourceIndex = ctx.memo("claims.source", lambda: SourceIndex(f"{ctx.paper.title}\n{ctx.abstract}"))
    return result


_DIGIT = re.compile(r"\d")


def aligned(ctx: PaperContext, clause: str, *, weak_ok: bool = False, by_number: bool = False) -> Piece | None:
    if by_number and not _DIGIT.search(clause):
        return None  # checked before the abstract is split into sentences, which costs more
    return align(clause, abstract_sentences(ctx), weak_ok=weak_ok, by_number=by_number)


def first_sentence_with(ctx: PaperContext, wanted: tuple[str, ...]) -> str | None:
    """The first abstract sentence holding one of the padded-text keys."""
    for sentence in abstract_sentences(ctx):
        if any(key in sentence.padded for key in wanted):
            return sentence.text
    return None


def last_sentence(ctx: PaperContext) -> str:
    found = abstract_sentences(ctx)
    return found[-1].text if found else ""


def number_view(ctx: PaperContext) -> NumberView:
    view: NumberView = ctx.memo("numbers", lambda: NumberView(ctx.abstract, ctx.paper.title, ctx.content_blocks(),
                                                               ctx.language))
    return view
