"""Evidence spans: the clause around a summary number, the sentence around an abstract number.

The sentences are the short pieces of ``checker.text.sentences`` (cut at ";" too, whatever follows the mark):
evidence for one number should be short.
"""

from __future__ import annotations

import re

from checker.text import sentences
from checker.text.sentences import PIECE_END as _SENTENCE_END  # noqa: F401  (tests compare the fast path with it)

_CLAUSE_END = re.compile(r"[，。；;！？!?\n]|[.,](?=\s|$)")
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
    """Where the sentences of ``text`` start, as ``checker.text.sentences.sentence_starts(text, pieces=True)``."""
    return sentences.sentence_starts(text, pieces=True)


def sentence_around(text: str, starts: list[int], position: int) -> str:
    """The sentence of ``text`` that holds ``position``, given ``sentence_starts(text)``."""
    sentence = sentences.span_at(text, starts, position)
    if len(sentence.text) <= _MAX_SPAN:
        return sentence.text
    return text[max(sentence.start, position - 100):min(sentence.end, position + 100)].strip()
