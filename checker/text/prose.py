"""English prose inside other text: runs of English words, and what the abstract says verbatim."""

from __future__ import annotations

import re

from checker.text.stopwords import STOPWORDS  # also read from here by the language and F104 rules

_WORD = r"[A-Za-z][A-Za-z'\-]*"
# Words separated only by spaces and light punctuation: a stretch of English prose.
ENGLISH_RUN = re.compile(rf"{_WORD}(?:[ \t]*[,;:()\"']?[ \t]+[,;:(\"']?{_WORD}|-{_WORD}|[ \t]*[,;:]+[ \t]*{_WORD})+")
_WORD_RE = re.compile(_WORD)


def english_runs(text: str, min_words: int = 8, min_stopwords: int = 3) -> list[str]:
    """Stretches of at least ``min_words`` English words that read as prose (several function words)."""
    runs = []
    for match in ENGLISH_RUN.finditer(text):
        words = _WORD_RE.findall(match.group(0))
        if len(words) >= min_words and sum(w.lower() in STOPWORDS for w in words) >= min_stopwords:
            runs.append(match.group(0))
    return runs


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(text)]


def ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}
