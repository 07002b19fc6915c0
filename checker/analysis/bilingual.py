"""Bilingual alignment: which English abstract sentence (or adjacent pair) a summary clause restates.

Owns the bilingual lexical score of a clause against an abstract's sentences and the calibrated
``confident`` flag on its best candidate. The dictionary and the segmentation are in ``bilingual_lexicon``
(CC-CEDICT, read lazily on the first alignment), the English normalisation in ``bilingual_words``. It decides
nothing about claims: a claim rule asks ``align_clause`` for the sentence to compare a clause with, and
compares only when ``confident`` is set. It does not split texts: the caller passes the abstract's sentences
(as ``align.sentences`` splits them) and one clause.

The score of a candidate is rarity-weighted evidence that the clause restates it:
- each unit of the clause (a CC-CEDICT headword found by segmentation, a Latin token, a number) is matched
  against the candidate's content words: a headword through its English glosses, a Latin token verbatim
  (case-insensitive, lightly stemmed), a number by value;
- a matched unit counts the IDF, over the abstract's sentences, of the rarest candidate word it matches, so
  a word that every sentence uses counts almost nothing; numbers and Latin tokens count double, and
  one-character headwords (often function words with many unrelated senses) a third;
- each candidate word is credited once, to the first unit that matched it.
Candidates are the single sentences and the pairs of adjacent sentences; a pair is kept only where it beats
both of its sentences by a quarter (the clause restates both halves).

``confident``: the best candidate explains at least MIN_COVERAGE of what the clause could score (every unit
matched to a word of one sentence only) and scores at least MIN_RATIO times the best candidate sharing no
sentence with it. Both were set on the labelled dev half only (bench/alignment_eval.py, which prints the
held-out figures too): there 40 of 101 labelled error clauses got a confident pick and 35 of those were
right, and 2 of the 101 clauses were confident against another paper's abstract. On the held-out half,
run once afterwards: 33 of 103 confident, 28 of them right; 4 of 103 confident against another abstract.

How a rule uses it:

    texts = [piece.text for piece in sentences(abstract)]      # checker/analysis/align.py
    found = align_clause(clause, texts)
    if found is None or not found.confident:
        return None                       # the clause's source is unknown: no claim finding on it
    source = " ".join(texts[i] for i in found.indices)          # compare the clause's claim with this

A non-confident pick is a guess (right about half the time on the dev half): never raise a warning or an
error on it. Before aligning, a rule should first check that the clause carries what it looks for (an
intensifier, a dropped hedge), so most clauses never pay for an alignment.

Cost (bench/alignment_eval.py --timing): the dictionary is read on the first alignment (about 15-25 ms);
preparing an abstract about 70 us once per paper; then about 25 us to segment a clause and 30 us to align it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from checker.analysis.bilingual_lexicon import HAN_RUN, lexicon
from checker.analysis.bilingual_words import STOPWORDS, WORD, content_words, stem

NUMBER_WEIGHT = 2.0
LATIN_WEIGHT = 2.0
SINGLE_HAN_WEIGHT = 1.0 / 3.0
PAIR_GAIN = 1.25
MIN_COVERAGE = 0.35
MIN_RATIO = 2.0

# A number: digits, with a decimal part or thousands separators, not inside a name: not part of a Latin
# token ("x86", "1K", "1.3B" are matched verbatim as tokens) nor hyphenated to one ("x86-64", "GPT-4"; the
# cost: the 8 of a range "6-8" is not read either).
_NUMBER = re.compile(r"(?<![A-Za-z\d.,])(?<![A-Za-z\d]-)\d+(?:[.,]\d+)*(?![A-Za-z\d]|[.,]\d)")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Unit:
    """One piece of evidence in a clause: its text, the English words it may match, its weight."""

    text: str
    words: frozenset[str]
    weight: float


@dataclass(frozen=True)
class Candidate:
    """A sentence (one index) or an adjacent pair (two) with its score and the sentence words matched."""

    indices: tuple[int, ...]
    score: float
    matched: tuple[str, ...]


@dataclass(frozen=True)
class Alignment:
    """The abstract sentence(s) a clause restates.

    ``indices``: 0-based positions in the sentences given, one or two adjacent; ``score``: the evidence;
    ``margin``: score minus that of the best candidate sharing no sentence with this one; ``coverage``: the
    share of the clause's possible score this candidate explains; ``confident``: whether a rule may rely on
    it; ``matched``: the (normalised) sentence words that matched, for display."""

    indices: tuple[int, ...]
    score: float
    margin: float
    coverage: float
    confident: bool
    matched: tuple[str, ...] = ()

    @property
    def index(self) -> int:
        """The first (or only) sentence."""
        return self.indices[0]


def _number_key(token: str) -> str:
    value = token.replace(",", "") if _THOUSANDS.fullmatch(token) else token
    if "." in value and "," not in value:
        value = value.rstrip("0").rstrip(".")
    return "#" + value


def numbers(text: str) -> list[str]:
    """The numbers of a text as keys ('#1000' for '1,000', '#5.5' for '5.50')."""
    return [_number_key(token) for token in _NUMBER.findall(text)] if _DIGIT.search(text) else []


def sentence_words(sentence: str) -> frozenset[str]:
    """The content words and numbers of an abstract sentence."""
    return frozenset(content_words(sentence)) | frozenset(numbers(sentence))


def dictionary_units(clause: str) -> list[Unit]:
    """The clause's Chinese units: CC-CEDICT headwords by forward maximum matching, with their glosses."""
    if not HAN_RUN.search(clause):
        return []
    lex = lexicon()
    units = []
    for word in lex.segment(clause):
        glosses = lex.glosses(word)
        if glosses:
            units.append(Unit(word, glosses, SINGLE_HAN_WEIGHT if len(word) == 1 else 1.0))
    return units


def latin_units(clause: str) -> list[Unit]:
    """The clause's numbers and Latin tokens (every word of an English clause)."""
    units = [Unit(key, frozenset((key,)), NUMBER_WEIGHT) for key in dict.fromkeys(numbers(clause))]
    for match in WORD.finditer(clause):
        word = match.group(0).lower()
        if word not in STOPWORDS and len(word) > 1:
            units.append(Unit(match.group(0), frozenset((stem(word),)), LATIN_WEIGHT))
    return units


def clause_units(clause: str, segment: Callable[[str], list[Unit]] = dictionary_units) -> list[Unit]:
    """Every unit of a clause; ``segment`` gives the Chinese ones (replaceable for comparisons)."""
    return latin_units(clause) + segment(clause)


class PreparedAbstract:
    """An abstract's sentences with their content words and the rarity (IDF) of each word among them."""

    def __init__(self, sentences: Sequence[str]) -> None:
        self.sentences = tuple(sentences)
        self.words = [sentence_words(s) for s in self.sentences]
        n = len(self.words)
        df: dict[str, int] = {}
        for words in self.words:
            for word in words:
                df[word] = df.get(word, 0) + 1
        self.df = df
        self._idf_of_df = [0.0] + [math.log((n + 1) / count) for count in range(1, n + 1)]
        self.top_idf = math.log(n + 1)  # a word of one sentence only

    def idf(self, word: str) -> float:
        """log((sentences + 1) / sentences holding the word); 0 for a word of no sentence."""
        return self._idf_of_df[self.df.get(word, 0)]

    def hits(self, units: Sequence[Unit]) -> list[tuple[float, list[tuple[float, str]]]]:
        """Per unit that matches some word of the abstract: its weight and those words with their IDF,
        rarest first."""
        df, idf_of_df = self.df, self._idf_of_df
        found = []
        for unit in units:
            words = [(idf_of_df[df[word]], word) for word in unit.words if word in df]
            if words:
                words.sort(reverse=True)
                found.append((unit.weight, words))
        return found

    def score(self, hits: list[tuple[float, list[tuple[float, str]]]],
              words: frozenset[str]) -> tuple[float, tuple[str, ...]]:
        """The evidence that the clause (its ``hits``) restates a text with these content words: each unit
        scores its rarest word there that no earlier unit took; and the words matched."""
        used: set[str] = set()
        total = 0.0
        for weight, options in hits:
            for value, word in options:
                if word in words and word not in used:
                    used.add(word)
                    total += weight * value
                    break
        return total, tuple(sorted(used))

    def candidates(self, units: Sequence[Unit], pairs: bool = True) -> list[Candidate]:
        """The sentences that a unit matches and (with ``pairs``) the adjacent pairs that beat both halves
        by PAIR_GAIN, best first (ties: earlier first)."""
        hits = self.hits(units)
        if not hits:
            return []
        singles = [Candidate((i,), *self.score(hits, words)) for i, words in enumerate(self.words)]
        found = [c for c in singles if c.score > 0]
        if pairs:
            for i in range(len(singles) - 1):
                left, right = singles[i].score, singles[i + 1].score
                if left > 0 and right > 0:
                    score, matched = self.score(hits, self.words[i] | self.words[i + 1])
                    if score > PAIR_GAIN * max(left, right):
                        found.append(Candidate((i, i + 1), score, matched))
        found.sort(key=lambda c: (-c.score, c.indices))
        return found

    def align(self, units: Sequence[Unit], pairs: bool = True) -> Alignment | None:
        ranked = self.candidates(units, pairs)
        if not ranked:
            return None
        best = ranked[0]
        rival = next((c.score for c in ranked[1:] if not set(c.indices) & set(best.indices)), 0.0)
        possible = sum(unit.weight for unit in units) * self.top_idf
        coverage = best.score / possible if possible else 0.0
        confident = coverage >= MIN_COVERAGE and best.score >= MIN_RATIO * rival
        return Alignment(best.indices, best.score, best.score - rival, coverage, confident, best.matched)


@lru_cache(maxsize=8)
def prepare(sentences: tuple[str, ...]) -> PreparedAbstract:
    """The prepared abstract, memoised: the clauses of one paper share it."""
    return PreparedAbstract(sentences)


def align_clause(clause: str, sentences: Sequence[str], *, pairs: bool = True) -> Alignment | None:
    """The abstract sentence (or adjacent pair) that ``clause`` restates; None when no sentence shares a
    dictionary gloss, Latin token or number with it. Rely on it only where ``confident`` is set."""
    return prepare(tuple(sentences)).align(clause_units(clause), pairs)


def rank_clause(clause: str, sentences: Sequence[str], *, pairs: bool = True) -> list[Candidate]:
    """Every candidate, best first (for evaluation and display)."""
    return prepare(tuple(sentences)).candidates(clause_units(clause), pairs)
