"""Text primitives, layer 2: what any reader of a digest's text needs, about no rule and no paper.

Public API (one copy of each; the modules say what they own):

- ``checker.text.sentences``: sentences and clauses with their offsets, ``Span(start, end, text)``.
  ``english_sentences(text)`` (an abstract), ``sentence_starts(text, pieces=False)`` (the fast scan both use;
  ``pieces`` also ends at ";" for short evidence spans), ``span_at(text, starts, position)``,
  ``spans_between(text, starts)``, ``block_sentences(text)`` (a summary block, Chinese or English),
  ``clauses(text)`` and ``clause_at(text, position)`` (a Chinese block), ``CLAUSE_SPLIT``. The "." of an
  abbreviation (``ABBREVIATIONS``: et al., e.g., vs., Fig. ...) or of initials ends no sentence.
- ``checker.text.stopwords``: ``STOPWORDS`` (function words) and ``COMMON_WORDS`` (those and the words every
  abstract uses, which align nothing).
- ``checker.text.prose``: English prose inside other text: ``english_runs(text)``, ``words(text)``,
  ``ngrams(tokens, n)``.
- ``checker.text.scripts``: which writing systems a text uses: ``script_counts(text) -> ScriptCounts``,
  ``dominant_script_language(counts)``.
- ``checker.text.placeholders``: the generator's fallback strings: ``PLACEHOLDERS``, ``is_placeholder(text)``.
- ``checker.text.alternation``: ``grouped_alternation(words)``, one fast regex alternation for many words.

Imports only the standard library: no other unit of checker/.
"""

from checker.text.alternation import grouped_alternation
from checker.text.placeholders import PLACEHOLDERS, is_placeholder
from checker.text.prose import english_runs, ngrams, words
from checker.text.scripts import ScriptCounts, dominant_script_language, script_counts
from checker.text.sentences import (
    ABBREVIATIONS,
    CLAUSE_SPLIT,
    Span,
    block_sentences,
    clause_at,
    clauses,
    english_sentences,
    sentence_starts,
    span_at,
    spans_between,
)
from checker.text.stopwords import COMMON_WORDS, STOPWORDS

__all__ = [
    "ABBREVIATIONS",
    "CLAUSE_SPLIT",
    "COMMON_WORDS",
    "PLACEHOLDERS",
    "STOPWORDS",
    "ScriptCounts",
    "Span",
    "block_sentences",
    "clause_at",
    "clauses",
    "dominant_script_language",
    "english_runs",
    "english_sentences",
    "grouped_alternation",
    "is_placeholder",
    "ngrams",
    "script_counts",
    "sentence_starts",
    "span_at",
    "spans_between",
    "words",
]
