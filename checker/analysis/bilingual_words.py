"""English content words for the bilingual aligner: one normalisation shared by abstract sentences, Latin
words of a summary clause and the CC-CEDICT glosses of the compiled index (scripts/build_cedict_index.py).

A content word is lower-cased, stripped of a plural, -ing, -ed or -ly ending and a final e (``improves``,
``improved``, ``improving`` -> ``improv``), and is not a stop word. The normalisation is deliberately light:
both sides go through it, so it only has to be consistent, not linguistically right. Changing it changes
the words the index stores, so ``build_cedict_index.py`` must be rerun (``NORMALISATION`` is written into
the index and checked when it is loaded).
"""

from __future__ import annotations

import re

try:  # the project's unified stop-word list, where it exists (being split out of text/prose.py)
    from checker.text.stopwords import STOPWORDS as _BASE_STOPWORDS  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - depends on the tree
    from checker.text.prose import STOPWORDS as _BASE_STOPWORDS

# Bump when stem() or the stop words change: the compiled index records the value it was built with.
NORMALISATION = 1

# Function words beyond the base list, and the notation of CC-CEDICT glosses (sb, sth, abbr., lit., CL:,
# variant of ...): words that say nothing about a sentence's content. Not a list of topic words: which
# content words matter is left to the rarity weighting over the abstract.
_EXTRA_STOPWORDS = frozenset(
    "i me my you your he him his she her us them there here what who whom whose when where why how "
    "if then so do does did done doing being am very just about over under up down out off again further "
    "once only own same too s t don now one's oneself sb sth sb's sth's etc abbr lit fig cl pr tw "
    "variant old see also surname esp e g ie i.e usu archaic literary dialect slang onom interj "
    "particle classifier kangxi radical".split()
)
STOPWORDS: frozenset[str] = frozenset(_BASE_STOPWORDS) | _EXTRA_STOPWORDS

# A Latin token: letters and digits with at least one letter ("BERT", "x86", "1K"); a token with a digit is a
# name and is not stemmed.
_BRITISH = re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$")
WORD = re.compile(r"[a-zA-Z0-9]*[a-zA-Z][a-zA-Z0-9]*")


def stem(word: str) -> str:
    """A light, consistent normalisation of a lower-case English word."""
    n = len(word)
    if not word.isalpha():
        return word
    if "is" in word[-7:]:  # British spelling as American: optimise, optimised, optimisation -> optimiz...
        word = _BRITISH.sub(r"iz\1", word)
    if n > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif n > 5 and word.endswith("ing"):
        word = word[:-3]
    elif n > 4 and word.endswith("ed"):
        word = word[:-2]
    elif n > 5 and word.endswith("bly"):  # notably -> notabl, as notable
        word = word[:-1]
    elif (n > 5 and word.endswith("ly")) or (n > 4 and word.endswith(("sses", "shes", "ches", "xes"))):
        word = word[:-2]  # significantly -> significant; classes, approaches -> class, approach
    elif n > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


_STEMS: dict[str, str] = {}  # lower-case word -> its content word, "" for a stop word; bounded below
_STEMS_MAX = 200_000


def content_word(word: str) -> str:
    """The content word of a lower-case token ("" for a stop word or a single letter), memoised."""
    found = _STEMS.get(word)
    if found is None:
        found = "" if word in STOPWORDS or len(word) < 2 else stem(word)
        if len(_STEMS) < _STEMS_MAX:
            _STEMS[word] = found
    return found


def content_words(text: str) -> list[str]:
    """The normalised content words of an English text, in order, repeats kept."""
    found = []
    for word in WORD.findall(text.lower()):
        kept = _STEMS.get(word)
        if kept is None:
            kept = content_word(word)
        if kept:
            found.append(kept)
    return found
