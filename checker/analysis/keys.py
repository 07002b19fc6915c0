"""Fast keyword tests on English text: lower-cased, punctuation turned into spaces, hyphens dropped.

Regex alternations with IGNORECASE cost hundreds of microseconds per abstract; plain substring tests on a
padded text cost one or two. A key " signific" matches words that start with it; " may " the word only.
"""

from __future__ import annotations

import string

_TABLE: dict[int, str | None] = {
    ord(c): " " for c in string.punctuation + string.whitespace + "\u2019\u2018\u201c\u201d\u2013\u2014\u00a0"
}
_TABLE[ord("-")] = None
_TABLE[ord("\u2010")] = None


def padded(text: str) -> str:
    """' words of the text '; 'State-of-the-art, 2x' -> ' stateoftheart  2x '."""
    return f" {text.lower().translate(_TABLE)} "


def keys(*words: str) -> tuple[str, ...]:
    """Turn 'signific*' into a prefix key ' signific' and 'may' into a word key ' may '."""
    out = []
    for word in words:
        word = word.lower().replace("-", "")
        out.append(f" {word[:-1]}" if word.endswith("*") else f" {word} ")
    return tuple(out)


def raw_keys(*words: str) -> tuple[str, ...]:
    """The words of ``keys`` for lower-cased text that is not padded (punctuation stays): a one-word key keeps
    its spaces (' we ' is not 'were'), a phrase or a prefix is found anywhere ('this paper', 'propos')."""
    out = []
    for word in words:
        word = word.lower()
        out.append(word[:-1] if word.endswith("*") else word if " " in word else f" {word} ")
    return tuple(out)


def first_key(text: str, wanted: tuple[str, ...]) -> str | None:
    """The first key (in list order) found in a padded text, stripped; None if none is."""
    for key in wanted:
        if key in text:
            return key.strip()
    return None


def has_any(text: str, wanted: tuple[str, ...]) -> bool:
    return any(key in text for key in wanted)
