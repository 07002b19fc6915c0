"""Evidence spans: the clause around a summary number, the sentence around an abstract number."""

from __future__ import annotations

import re
from bisect import bisect_right

_CLAUSE_END = re.compile(r"[，。；;！？!?\n]|[.,](?=\s|$)")
_SENTENCE_END = re.compile(r"[.!?;]\s+")  # ends as (?<=[.!?;])\s+ does; opens with a class, so it scans fast
_MAX_SPAN = 200
_SPACE = ord(" ")
# For ``sentence_starts``: sentence marks -> ".", white space (as ``\s`` reads it) -> " ", anything else -> "x".
_SENTENCE_MASK = bytes(
    ord(".") if chr(byte) in ".!?;" else ord(" ") if chr(byte).isspace() else ord("x") for byte in range(256)
)


def clause_around(text: str, start: int, end: int) -> str:
    """The clause of ``text`` that holds [start, end): '在FBP数据集上，<this part>，...'."""
    left = 0
    for match in _CLAUSE_END.finditer(text, 0, start):
        left = match.end()
    following = _CLAUSE_END.search(text, end)
    right = following.start() if following else len(text)
    clause = text[left:right].strip()
    return clause if len(clause) <= _MAX_SPAN else text[max(left, start - 80):min(right, end + 80)].strip()


def sentence_starts(text: str) -> list[int]:
    """Where the sentences of ``text`` start: 0, then the end of each ``_SENTENCE_END`` match.

    ASCII text (nearly every abstract) is read from a mask with ``bytes.find``, much faster than the regex
    scan: a match is a sentence mark followed by white space, and runs to the end of that white space.
    """
    if not text.isascii():
        return [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
    mask = text.encode("ascii").translate(_SENTENCE_MASK)
    size = len(mask)
    starts = [0]
    mark = mask.find(b".")
    while mark >= 0:
        end = mark + 1
        while end < size and mask[end] == _SPACE:
            end += 1
        if end > mark + 1:
            starts.append(end)
        mark = mask.find(b".", end)
    return starts


def sentence_around(text: str, starts: list[int], position: int) -> str:
    """The sentence of ``text`` that holds ``position``, given ``sentence_starts(text)``."""
    index = bisect_right(starts, position) - 1
    begin = starts[max(index, 0)]
    finish = starts[index + 1] if index + 1 < len(starts) else len(text)
    sentence = text[begin:finish].strip()
    if len(sentence) <= _MAX_SPAN:
        return sentence
    return text[max(begin, position - 100):min(finish, position + 100)].strip()
