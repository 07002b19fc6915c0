"""Evidence spans: the clause around a summary number, the sentence around an abstract number."""

from __future__ import annotations

import re
from bisect import bisect_right

_CLAUSE_END = re.compile(r"[，。；;！？!?\n]|[.,](?=\s|$)")
_SENTENCE_END = re.compile(r"[.!?;]\s+")  # ends as (?<=[.!?;])\s+ does; opens with a class, so it scans fast
_MAX_SPAN = 200


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
    return [0, *(m.end() for m in _SENTENCE_END.finditer(text))]


def sentence_around(text: str, starts: list[int], position: int) -> str:
    """The sentence of ``text`` that holds ``position``, given ``sentence_starts(text)``."""
    index = bisect_right(starts, position) - 1
    begin = starts[max(index, 0)]
    finish = starts[index + 1] if index + 1 < len(starts) else len(text)
    sentence = text[begin:finish].strip()
    if len(sentence) <= _MAX_SPAN:
        return sentence
    return text[max(begin, position - 100):min(finish, position + 100)].strip()
