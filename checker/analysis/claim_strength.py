"""Overstatement as one comparison: a summary clause that carries a cue of a claim attribute (显著, 有效解决,
首次, 最先进, 证明 ...) against the abstract sentence(s) it restates, and against the paper's own-work sentences.

An attribute (``overstatement_lexicon.Attribute``) names the Chinese cue of a strong claim, the clause contexts
where the cue makes no claim (a purpose, a noun, a negation), and the English wording that licenses the claim.
``compare`` finds every clause with a cue and reads both sides:

- the clause is aligned (``checker.analysis.bilingual``) to the abstract sentence or adjacent pair it restates;
  only a ``confident`` alignment counts as the clause's source;
- ``here``: the source licenses the cue (None where there is no confident source);
- ``anywhere``: some sentence of the abstract licenses it (background sentences count for the Motivation block
  only, which restates them; for the other blocks, the sentences about the paper's own work).

A rule turns a ``Comparison`` into a finding: the inflated attribute, the clause and the abstract sentence. A
confident source without the licence, in an abstract that licenses the cue nowhere, is the strongest evidence;
an unaligned clause in such an abstract is weaker (paper-level licensing only).

Cost: the cue is searched in the joined blocks once per attribute; only clauses with a cue are aligned, and each
clause is aligned once per paper whatever the attributes that ask (memoized on the PaperContext).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from checker.analysis import hedges as hd
from checker.analysis.align import Piece
from checker.analysis.bilingual import Unit, clause_units, prepare, rank_clause
from checker.analysis.clauses import chinese_paper, is_background, joined_blocks, own_sentences
from checker.analysis.context import PaperContext
from checker.analysis.overstatement_lexicon import Attribute
from checker.analysis.per_paper import abstract_sentences, block_clauses


@dataclass(frozen=True)
class Source:
    """The abstract sentence(s) a clause restates, and whether the alignment is confident (a non-confident
    pick is a guess, shown as evidence only)."""

    piece: Piece
    confident: bool
    background: bool  # every sentence of it comes before the paper's own work
    matched: frozenset[str]  # the (normalised) words of the sentence(s) the clause matched

    @property
    def text(self) -> str:
        return self.piece.text


class Comparison:
    """A clause with a cue of ``attribute`` and what the abstract says about it. The paper-level licence is read
    at once; the clause's source (an alignment, the costly part) only when a rule asks for it."""

    __slots__ = ("_ctx", "_attribute", "block", "clause", "cue", "licence")

    def __init__(self, ctx: PaperContext, attribute: Attribute, block: str, clause: str, cue: str,
                 licence: str | None) -> None:
        self._ctx = ctx
        self._attribute = attribute
        self.block = block
        self.clause = clause
        self.cue = cue  # the cue as the clause writes it
        self.licence = licence  # the first abstract sentence that licenses the cue, if any

    @property
    def attribute(self) -> str:
        return self._attribute.name

    @property
    def anywhere(self) -> bool:
        """Some sentence of the abstract licenses the cue (own-work ones; for the Motivation block, any)."""
        return self.licence is not None

    @property
    def source(self) -> Source | None:
        """The abstract sentence(s) the clause restates, confident or not (memoized per clause)."""
        return source_of(self._ctx, self.clause)

    @property
    def aligned(self) -> bool:
        source = self.source
        return source is not None and source.confident

    @property
    def here(self) -> bool | None:
        """The confident source licenses the cue; None without a confident source."""
        source = self.source
        if source is None or not source.confident:
            return None
        return self._attribute.licenses(source.piece)

    @property
    def evidence(self) -> str:
        """The abstract span a finding shows: the confident source; else the first own-work sentence that makes
        the attribute's weaker claim ("To address this, we propose ...", "X improves Y"); else the aligner's
        guess, the licensing sentence, or ''."""
        source = self.source
        if source is not None and source.confident:
            return source.text
        weaker = self._attribute.weaker
        if weaker is not None:
            pieces = own_sentences(self._ctx) or abstract_sentences(self._ctx)
            found = next((p.text for p in pieces if weaker.search(p.padded)), None)
            if found is not None:
                return found
        return source.text if source is not None else self.licence or ""


def source_of(ctx: PaperContext, clause: str, units: list[Unit] | None = None) -> Source | None:
    """The abstract sentence(s) the clause restates (bilingual aligner), memoized per clause; ``units``: the
    clause's units (``bilingual.clause_units``) when the caller has them already."""
    key = f"claims.source.{clause}"
    found: Source | None = ctx.memo(key, lambda: _align(ctx, clause, units))
    return found


def _align(ctx: PaperContext, clause: str, units: list[Unit] | None) -> Source | None:
    pieces = abstract_sentences(ctx)
    if not pieces:
        return None
    prepared = prepare(tuple(p.text for p in pieces))
    alignment = prepared.align(units if units is not None else clause_units(clause))
    if alignment is None:
        return None
    chosen = [pieces[i] for i in alignment.indices]
    own_from = len(pieces) - len(own_sentences(ctx))
    piece = chosen[0] if len(chosen) == 1 else Piece(" ".join(p.text for p in chosen))
    return Source(piece, alignment.confident, all(i < own_from for i in alignment.indices),
                  frozenset(alignment.matched))


def _licensing_sentence(ctx: PaperContext, attribute: Attribute, block: str) -> str | None:
    """The first abstract sentence that licenses the attribute (own-work sentences, and the opening ones too
    for the Motivation block or where no sentence turns to the paper's own work), memoized per attribute."""
    scope = "all" if block == "motivation" else "own"

    def compute() -> str | None:
        # An abstract that never turns to its own work ("This survey examines ...") is all its own.
        pieces = (scope == "own" and own_sentences(ctx)) or abstract_sentences(ctx)
        return next((p.text for p in pieces if attribute.licenses(p)), None)

    found: str | None = ctx.memo(f"claims.licence.{attribute.name}.{scope}", compute)
    return found


def compare(ctx: PaperContext, attribute: Attribute,
            keep: Callable[[str, str, re.Match[str]], bool] | None = None) -> list[Comparison]:
    """Every clause of a Chinese digest with a cue of ``attribute`` that makes a claim, compared with the
    abstract; ``keep(block, clause, cue)`` may drop a clause before it is aligned."""
    if not chinese_paper(ctx):
        return []
    joined = joined_blocks(ctx)
    if not attribute.may_hold(joined) or not attribute.cue.search(joined):
        return []
    found: list[Comparison] = []
    seen: set[tuple[str, str]] = set()
    for block, text in ctx.content_blocks():
        if block not in attribute.blocks or not attribute.may_hold(text) or not attribute.cue.search(text):
            continue
        for clause in block_clauses(ctx, block, text):
            cue = attribute.claim_cue(clause)
            if cue is None or (block, clause) in seen or (keep is not None and not keep(block, clause, cue)):
                continue
            seen.add((block, clause))
            found.append(Comparison(ctx, attribute, block, clause, cue.group(0),
                                    _licensing_sentence(ctx, attribute, block)))
    return found


# --- Certainty: a finding the abstract hedges, restated as a fact -------------------------------------------------
CERTAINTY_BLOCKS = ("tldr", "result", "conclusion")
_RARE = 2  # a word of at most this many abstract sentences
_MIN_INSIDE = 3  # words of the hedged part an unconfident guess must match
GUESS_SHARE = 0.8  # an unconfident guess scores at least this share of the best candidate
_MIN_CLAUSE = 8  # characters: shorter clauses are fragments ("超越类别边界", "指导未来研究")


@dataclass(frozen=True)
class HedgeDrop:
    """A clause that restates the part of an abstract sentence a hedge governs, without the hedge."""

    block: str
    clause: str
    hedge: str  # the abstract's hedge ("suggest", "may", "potential for")
    sentence: str  # the hedged abstract sentence
    raised: str | None  # a word of the clause that states certainty (证明, 揭示, 发现 ...), if any
    inside: int  # sentence words the clause matches inside what the hedge governs
    outside: int  # and elsewhere (the rest of the sentence, the other sentence of a pair)
    confident: bool  # the alignment is confident (else the aligner's best guess, with a clear inside match)


def hedge_drops(ctx: PaperContext) -> list[HedgeDrop]:
    """The clauses of the TL;DR, Result and Conclusion that restate a hedged finding of the paper's own work
    ("These findings suggest that X", "Y may Z") as a plain fact, memoized.

    Only papers whose abstract hedges a finding (``hedges.hedged_findings``) are read; a clause counts when it
    keeps no hedge of its own (可能, 表明, 潜在 ...; 可/能 against a modal one), is aligned to the hedged sentence
    (confidently, or as a close guess when it says 证明/揭示/发现), and matches more of its words in the hedged
    part than elsewhere."""
    result: list[HedgeDrop] = ctx.memo("claims.hedge_drops", lambda: _hedge_drops(ctx))
    return result


def _hedge_drops(ctx: PaperContext) -> list[HedgeDrop]:
    if not chinese_paper(ctx):
        return []
    parts = hd.hedged_findings(ctx.abstract, is_background)
    if not parts:
        return []
    # The words a hedge governs that few abstract sentences share: a clause that matches none of them cannot
    # restate a hedged part better than the rest of the abstract, and is not aligned at all.
    prepared = prepare(tuple(p.text for p in abstract_sentences(ctx)))
    hedged_words = frozenset(word for part in parts for word in part.scope_words
                             if prepared.df.get(word, 0) <= _RARE)
    found: list[HedgeDrop] = []
    for block, text in ctx.content_blocks():
        if block not in CERTAINTY_BLOCKS:
            continue
        for clause in block_clauses(ctx, block, text):
            if len(clause) < _MIN_CLAUSE or hd.ZH_HEDGED.search(clause) or hd.ZH_NOT_FINDING.search(clause):
                continue
            units = clause_units(clause)
            if not any(unit.words & hedged_words for unit in units):
                continue
            source = source_of(ctx, clause, units)
            if source is None:
                continue
            if source.confident:
                drop = _dropped_in(block, clause, source.text, source.matched, parts, confident=True)
            elif hd.ZH_CERTAIN.search(clause):  # without a confident source, only a clause that says 证明/揭示/发现
                drop = _dropped_in_guess(ctx, block, clause, parts)
            else:
                continue
            if drop is not None:
                found.append(drop)
    return found


def _dropped_in(block: str, clause: str, text: str, matched: frozenset[str] | tuple[str, ...],
                parts: list[hd.HedgedPart], *, confident: bool) -> HedgeDrop | None:
    """The hedged part that ``text`` (the clause's source) holds, when the clause restates it: more matched words
    inside the hedged part than outside it, and two or more (a confident source), or twice as many and
    MIN_INSIDE or more (a guess)."""
    for part in parts:
        if part.sentence not in text and text not in part.sentence:
            continue
        if part.modal and hd.ZH_CAN.search(clause):
            continue
        scope = part.scope_words
        inside = len(scope.intersection(matched))
        outside = len(matched) - inside  # the rest of the sentence, and the other sentence of a pair
        if inside > outside and inside >= 2 if confident else inside >= _MIN_INSIDE and inside > 2 * outside:
            raised = hd.ZH_CERTAIN.search(clause)
            return HedgeDrop(block, clause, part.hedge, part.sentence, raised.group(0) if raised else None,
                             inside, outside, confident)
    return None


def _dropped_in_guess(ctx: PaperContext, block: str, clause: str, parts: list[hd.HedgedPart]) -> HedgeDrop | None:
    """Without a confident alignment: the candidate sentence of the aligner that holds a hedged part, when it
    scores nearly as well as the best candidate (``GUESS_SHARE``) and the clause clearly restates its hedged
    part."""
    texts = [p.text for p in abstract_sentences(ctx)]
    ranked = rank_clause(clause, texts)
    if not ranked:
        return None
    for candidate in ranked:
        if candidate.score < GUESS_SHARE * ranked[0].score:
            break
        text = " ".join(texts[i] for i in candidate.indices)
        drop = _dropped_in(block, clause, text, candidate.matched, parts, confident=False)
        if drop is not None:
            return drop
    return None

