"""Sentences and clauses with their offsets: the one place that decides where a sentence of an English abstract,
a sentence of a summary block or a clause of a Chinese block starts and ends.

Every piece is a ``Span(start, end, text)`` with ``text == source[start:end]`` and no white space at either end.

English (abstracts), two granularities of one rule:

- a **sentence** ends at ".", "!" or "?" followed by white space and a sentence opener (a capital, a digit, an
  opening bracket or quote, "$" or "\\" of LaTeX), or, with no white space, between a lower-case word and a
  capitalised one ("patterns.In addition", as some abstracts are crawled): ``sentence_starts(text)``,
  ``english_sentences(text)``;
- a **piece** is shorter: it also ends at ";" and whatever follows the white space (the evidence span around
  a number): ``sentence_starts(text, pieces=True)``.

Neither ends at the "." of an abbreviation ("et al.", "e.g.", "i.e.", "vs.", "Fig.", "Eq.", "Sec.", "approx.",
"a.k.a.", ``ABBREVIATIONS``) or of initials ("C. Y. Chan", "P. infestans"); decimals and versions (3.5, v1.2)
have no white space after their ".", so they end nothing either. bench/sentence_splitters.py measures the rule
against pysbd and syntok on the corpus.

``span_at(text, starts, position)`` is the sentence (or piece) holding a position. Pure-ASCII text (nearly every
abstract) is scanned from a byte mask with ``bytes.find``, several times faster than the regex.

Summary blocks:

- ``block_sentences(text)``: the sentences of a block, marks kept; a Chinese (or Japanese) block ends them at
  。！？；!?; and line breaks, a block without CJK script is English and split as above;
- ``clauses(text)``: the clauses of a Chinese block, cut at ，。；！？;!? and line breaks, and at "," unless three
  digits follow (1,000); ``clause_at(text, position)`` is the one holding a position.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple


class Span(NamedTuple):
    """A sentence or clause of ``source``: ``text == source[start:end]``, stripped."""

    start: int
    end: int
    text: str


def _stripped(text: str, start: int, end: int) -> Span | None:
    """The span [start, end) of ``text`` without its white space at either end; None when nothing is left."""
    piece = text[start:end]
    inner = piece.strip()
    if not inner:
        return None
    begin = start + len(piece) - len(piece.lstrip())
    return Span(begin, begin + len(inner), inner)


def spans_between(text: str, starts: list[int]) -> list[Span]:
    """The non-empty spans of ``text`` between consecutive ``starts`` (the first start is 0)."""
    found = []
    for index, begin in enumerate(starts):
        finish = starts[index + 1] if index + 1 < len(starts) else len(text)
        span = _stripped(text, begin, finish)
        if span is not None:
            found.append(span)
    return found


# ---------------------------------------------------------------------------------------------------------------
# English

SENTENCE_OPENERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789([\"'$\\"
_OPENER = frozenset(SENTENCE_OPENERS)
# A sentence end: the mark, then white space up to the opener; or, with no white space, a mark between a
# lower-case word and a capitalised one ("patterns.In addition", as crawled). A leading character class keeps
# the scan fast.
SENTENCE_END = re.compile(r"[.!?](?:\s+(?=[A-Z0-9(\[\"'$\\])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]))")
# A piece end: the mark, then white space, whatever follows; or a sentence end without white space.
PIECE_END = re.compile(r"[.!?;](?:\s+|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]))")

_SPACE = ord(" ")
_DOT = ord(".")


def _mask(marks: str) -> bytes:
    """Byte table for ``bytes.translate``: marks -> ".", white space (as ``\\s`` reads it) -> " ", else "x"."""
    return bytes(_DOT if chr(byte) in marks else _SPACE if chr(byte).isspace() else ord("x") for byte in range(256))


_SENTENCE_MASK = _mask(".!?")
_PIECE_MASK = _mask(".!?;")

# A "." that ends an abbreviation ends no sentence: "et al.", "e.g.", "vs.", "Fig. 3", "approx. 50%". Compared as
# written (case matters for the titles and the capitalised references: "20 ms." and "5 sec." end sentences).
ABBREVIATIONS = frozenset(
    "e.g E.g i.e I.e cf Cf vs Vs viz resp approx Approx avg fig Fig Figs eq Eq Eqs Eqn Sec Sect Secs Tab Ref Refs "
    "Thm Alg Dr Mr Mrs Ms Prof".split()
)
# Letters with inner dots ("a.k.a", "w.r.t", "U.S", "Ph.D") are abbreviations too.
_DOTTED = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")
_OPENING = "([{\"'"  # may stand before an abbreviation: "(e.g. ...", '"Dr. ...'
_LONGEST = 8  # no abbreviation (nor "et al") is longer: a longer word before the "." is read no further


def _ends_abbreviation(text: str, dot: int) -> bool:
    """Whether the "." at ``dot`` ends an abbreviation or an initial rather than a sentence (a whole word: "20 ms."
    and "3,447ms." end sentences).

    Initials are capitals in a row ("Stephanie C. Y. Chan") or before a lower-case word ("P. infestans"); a lone
    capital before a capital ends its sentence ("trained on Python and R. We ...").
    """
    if not text[dot - 1 : dot].isalpha():
        return False  # "(2020).", "by 3.", "(LLMs).": every abbreviation ends in a letter
    window = text[max(0, dot - _LONGEST) : dot]
    before = window.rsplit(None, 1)
    if len(before[-1]) == len(window) and dot > _LONGEST:
        return False  # a long word
    word = before[-1].lstrip(_OPENING)
    if word in ABBREVIATIONS:
        return True
    if word == "al":  # "et al."
        return len(before) == 2 and before[0].endswith("et") and (
            len(before[0]) == 2 or not before[0][-3].isalnum())
    if "." in word:
        return _DOTTED.fullmatch(word) is not None
    if len(word) == 1 and "A" <= word <= "Z":
        following = text[dot + 1 : dot + 4].lstrip()
        return following[:1].islower() or (following[1:2] == "." and following[:1].isupper()) or (
            len(before) == 2 and before[0].endswith(".") and len(before[0]) >= 2 and before[0][-2].isupper()
            and (len(before[0]) == 2 or not before[0][-3].isalnum()))
    return False


def sentence_starts(text: str, *, pieces: bool = False) -> list[int]:
    """Where the sentences (or, with ``pieces``, the pieces) of an English text start: 0, then after the white
    space that follows each end.

    ASCII text is read from a mask with ``bytes.find``: an end is a mark followed by white space (and, for a
    sentence, an opener), and the next sentence starts after that white space.
    """
    if not text.isascii():
        pattern = PIECE_END if pieces else SENTENCE_END
        return [0, *(m.end() for m in pattern.finditer(text)
                     if text[m.start()] != "." or not _ends_abbreviation(text, m.start()))]
    mask = text.encode("ascii").translate(_PIECE_MASK if pieces else _SENTENCE_MASK)
    size = len(mask)
    starts = [0]
    mark = mask.find(b".")
    while mark >= 0:
        end = mark + 1
        while end < size and mask[end] == _SPACE:
            end += 1
        if end > mark + 1:
            found = pieces or (end < size and text[end] in _OPENER)
        else:  # no white space: "patterns.In addition" (a lower-case word, the mark, a capitalised word)
            before, after = text[mark - 2 : mark], text[end : end + 2]
            found = (mark >= 2 and text[mark] != ";" and before.isalpha() and before.islower() and len(after) == 2
                     and after[0].isupper() and after[1].islower())
        if found and (text[mark] != "." or not _ends_abbreviation(text, mark)):
            starts.append(end)
        mark = mask.find(b".", end)
    return starts


def english_sentences(text: str) -> list[Span]:
    """The sentences of an English text (an abstract), as written (line breaks kept)."""
    return spans_between(text, sentence_starts(text))


def span_at(text: str, starts: list[int], position: int) -> Span:
    """The sentence of ``text`` holding ``position``, given ``sentence_starts(text)`` (white space between two
    sentences belongs to the first); the whole span, even when only white space (then text is empty)."""
    index = max(bisect_right(starts, position) - 1, 0)
    begin = starts[index]
    finish = starts[index + 1] if index + 1 < len(starts) else len(text)
    return _stripped(text, begin, finish) or Span(begin, begin, "")


# ---------------------------------------------------------------------------------------------------------------
# Summary blocks

_CJK = re.compile(r"[\u4e00-\u9fff\u3040-\u30ff]")
_BLOCK_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*")
CLAUSE_SPLIT = re.compile(r"[，。；！？;!?\n]|,(?!\d{3})")


def block_sentences(text: str) -> list[Span]:
    """The sentences of a summary block, end marks kept: at 。！？；!?; and line breaks in a block with CJK
    script, as ``english_sentences`` in one without."""
    if not _CJK.search(text):
        return english_sentences(text)
    found = []
    for match in _BLOCK_SENTENCE.finditer(text):
        span = _stripped(text, match.start(), match.end())
        if span is not None:
            found.append(span)
    return found


def clauses(text: str) -> list[Span]:
    """The clauses of a Chinese block, without the punctuation that cuts them."""
    found = []
    start = 0
    for match in CLAUSE_SPLIT.finditer(text):
        span = _stripped(text, start, match.start())
        if span is not None:
            found.append(span)
        start = match.end()
    span = _stripped(text, start, len(text))
    if span is not None:
        found.append(span)
    return found


def clause_at(text: str, position: int) -> Span:
    """The clause of a Chinese block holding the character at ``position`` (as ``clauses`` cuts them)."""
    start = max((match.end() for match in CLAUSE_SPLIT.finditer(text, 0, position)), default=0)
    stop = CLAUSE_SPLIT.search(text, position)
    return _stripped(text, start, stop.start() if stop else len(text)) or Span(start, start, "")
