"""Alignment of Chinese summary clauses to English abstract sentences by shared numbers and Latin terms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.analysis.keys import padded
from checker.text import sentences as split
from checker.text.stopwords import COMMON_WORDS

NUMBER = re.compile(r"(?<![A-Za-z\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![A-Za-z\d.])\d+(?:\.\d+)?")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[A-Za-z]")
_TERM = re.compile(r"[a-z][a-z0-9]+")


def normalize_number(token: str) -> str:
    """'1,000' -> '1000', '12.30' -> '12.3', '5.0' -> '5'."""
    value = token.replace(",", "")
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    return value


def numbers_in(text: str) -> frozenset[str]:
    return frozenset(normalize_number(m) for m in NUMBER.findall(text))


def clause_terms(text: str) -> frozenset[str]:
    """Latin words of a Chinese clause as they appear in a padded English text (lower case, no hyphens)."""
    return frozenset(t for t in _TERM.findall(padded(text)) if t not in COMMON_WORDS)


@dataclass
class Piece:
    """A clause or sentence; numbers, terms and the padded form are computed when first asked for."""

    text: str
    _numbers: frozenset[str] | None = field(default=None, repr=False)
    _padded: str | None = field(default=None, repr=False)

    @property
    def numbers(self) -> frozenset[str]:
        if self._numbers is None:
            self._numbers = numbers_in(self.text) if _DIGIT.search(self.text) else frozenset()
        return self._numbers

    @property
    def padded(self) -> str:
        if self._padded is None:
            self._padded = padded(self.text)
        return self._padded


def clauses(text: str) -> list[str]:
    """The clauses of a Chinese block (``checker.text.sentences.clauses``), stripped, non-empty."""
    return [clause.text for clause in split.clauses(text)]


def sentences(abstract: str) -> list[Piece]:
    """The abstract's sentences (``checker.text.sentences.english_sentences``), white space collapsed."""
    return [Piece(" ".join(sentence.text.split())) for sentence in split.english_sentences(abstract)]


def _number_weight(number: str) -> int:
    # Single digits ("3 benchmarks") are common and weak; decimals and longer numbers are strong.
    return 3 if len(number) >= 2 or "." in number else 1


def overlap(numbers: frozenset[str], terms: frozenset[str], sentence: Piece) -> tuple[int, int]:
    """(strong number matches, score) of a clause's numbers and terms against a sentence."""
    strong = score = 0
    if numbers:
        for number in numbers & sentence.numbers:
            weight = _number_weight(number)
            strong += weight == 3
            score += weight
    if terms:
        text = sentence.padded
        score += 2 * sum(f" {term} " in text for term in terms)
    return strong, score


def align(clause: str, abstract_sentences: list[Piece], *, weak_ok: bool = False,
          by_number: bool = False) -> Piece | None:
    """The abstract sentence sharing the most numbers and terms with the clause (first wins ties), or
    None when none shares one strong number or two Latin terms (any overlap when ``weak_ok``; a strong
    number only when ``by_number``)."""
    numbers = numbers_in(clause) if _DIGIT.search(clause) else frozenset()
    if by_number and not numbers:
        return None
    terms = clause_terms(clause) if _LETTER.search(clause) else frozenset()
    if not numbers and not terms:
        return None
    best: Piece | None = None
    best_key = (0, 0)
    for sentence in abstract_sentences:
        key = overlap(numbers, terms, sentence)
        if key > best_key:
            best, best_key = sentence, key
    if best is None or (by_number and best_key[0] == 0):
        return None
    if not weak_ok and best_key[0] == 0 and best_key[1] < 4:
        return None
    return best
