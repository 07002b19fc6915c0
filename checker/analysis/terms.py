"""Salient terms of a text (Latin names, acronyms, numbers, topic concepts), used to tell which abstract a
summary is about."""

from __future__ import annotations

import re
from itertools import filterfalse

from checker.analysis.concepts import chinese_concepts, english_concepts

_LATIN_RUN = re.compile(r"[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*")
# Punctuation around a token in English prose ("-" and inner "." stay: GPT-4o, Qwen2.5).
_PUNCTUATION = "()[]{},;:!?\"'`/\\|<>=+*&^%$#@~.\u2019\u2018\u201c\u201d"
_COMMON = frozenset(
    "we our the this these that in to of for and on with by from it its as an is are at but however "
    "here finally first second third moreover furthermore specifically additionally existing while when "
    "although despite to experiments extensive results code llm llms ai a i 0 1 2 3 4 5 6 7 8 9".split() + [""]
)


def _salient(tokens: list[str]) -> frozenset[str]:
    """Tokens with a capital or a digit (names, acronyms, numbers), lower-cased, minus sentence openers.

    filterfalse/map keep the per-token work in C: this runs on every abstract of a digest."""
    terms = set(map(str.lower, filterfalse(str.islower, tokens)))
    terms.difference_update(_COMMON)
    return frozenset(terms)


def salient_terms(text: str) -> frozenset[str]:
    """Names, acronyms and numbers of a Chinese summary ("GPT-4o", "ImageNet", "12.5"), lower-cased, and its
    topic concepts ("~image" for 图像)."""
    return _salient(_LATIN_RUN.findall(text)) | chinese_concepts(text)


def salient_prose_terms(text: str) -> frozenset[str]:
    """The same as salient_terms for English prose, without a regex pass (it runs on every abstract): split at
    spaces, keep the tokens with a capital or a digit, strip their punctuation ("(Qwen2.5-7B)." -> qwen2.5-7b),
    plus the topic concepts ("~image" for "images")."""
    concepts = english_concepts(text)
    for glue in "(),;/":  # split "accuracy(95.2%)" and "A/B"; str.replace is far cheaper than translate
        text = text.replace(glue, " ")
    # Filter before hashing and stripping: punctuation is uncased, so stripping never changes str.islower, and
    # most tokens of prose are lower-case words that the C-level filter drops at once.
    terms = {token.strip(_PUNCTUATION).lower() for token in set(filterfalse(str.islower, text.split()))}
    terms.difference_update(_COMMON)
    return frozenset(terms) | concepts
