"""Digits inside names: GPT-4o, Qwen2.5-7B, x86-64, Name-90K, ResNet-18, COVID-19 are names, never quantities.

A name is a run of letters and digits joined by "-", "_", "." or "/" that opens with a letter and either puts a
digit right after a letter (Qwen2, x86, FP4, H100) or opens with a capitalised word that is no reference word
(GPT-4, ResNet-18, Name-90K; but "Top-5", "Task-2" and "top-5" are references, and "2D-to-3D" or "8-Calves"
open with a digit). The digits of a name support a summary number only where the summary writes it as a name
too (``name_like``: "Claude 3.5", "RTX 4090"); a size a name states (Name-90K, Llama-3-8B) supports a summary
count of that size (9万, 80亿).
"""

from __future__ import annotations

import re

from checker.numbers.quantity import Quantity
from checker.text.stopwords import COMMON_WORDS

# A token that opens with a letter: letters and digits, joined by -, _, . or / (a final "." ends a sentence).
_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-_./][A-Za-z0-9]+)*")
_LETTER_DIGIT = re.compile(r"[A-Za-z]\d")
# A digit right after a letter or a joiner: where a name holding digits can be (Qwen2, GPT-4, x86-64).
_GLUED_DIGIT = re.compile(r"(?<=[A-Za-z\-_./])\d")
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./")
_FIRST_WORD = re.compile(r"[A-Za-z]+")
# Words that a number after them refers to, rather than names (Section 3, Top-5, Task-2, Type-II).
_REFERENCE_WORDS = frozenset({
    "section", "sec", "figure", "fig", "table", "tab", "eq", "equation", "appendix", "theorem", "lemma", "chapter",
    "version", "step", "stage", "phase", "level", "task", "track", "round", "no", "top", "pass", "type", "class",
    "grade", "tier", "part", "layer", "order", "rank", "subtask", "sub", "day", "week", "year", "epoch",
})
# A size written in a name: the digits after a joiner, with a scale letter (Name-90K, Qwen2.5-7B, ViT-1B).
_NAME_SIZE = re.compile(r"(?<=[-_])(\d+(?:\.\d+)?)([KMBT])(?![A-Za-z0-9])")
_SIZE_SCALES = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}
# A number a summary writes as part of a name: right after a Latin word and one space (Claude 3.5, RTX 4090).
_LATIN_WORD_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9.\-]*) ?$")


def _is_name(token: str) -> bool:
    if not any(char.isdigit() for char in token):
        return False
    if _LETTER_DIGIT.search(token):
        return True
    first = _FIRST_WORD.match(token)
    word = first.group(0) if first else ""
    return word.lower() not in _REFERENCE_WORDS and any(char.isupper() for char in word)


def names(text: str) -> list[tuple[int, int]]:
    """The spans of the names in ``text`` that hold digits.

    Only the few digits glued to a letter or a joiner are looked at (a scan of every word of an abstract would
    cost more than the rest of the number reading): the token around each is the run of letters, digits and
    joiners holding it, and a name when it opens with a letter."""
    spans: list[tuple[int, int]] = []
    for digit in _GLUED_DIGIT.finditer(text):
        position = digit.start()
        if spans and position < spans[-1][1]:
            continue
        start = position
        while start and text[start - 1] in _TOKEN_CHARS:
            start -= 1
        while start <= position:  # the tokens finditer would find from here, up to the one holding the digit
            match = _TOKEN.match(text, start)
            if match is None:
                start += 1
            elif match.end() <= position:
                start = match.end()
            else:
                if _is_name(match.group(0).rstrip(".")):
                    spans.append(match.span())
                break
    return spans


def blank_names(text: str) -> str:
    """``text`` with the names that hold digits blanked out (same length, so spans still hold)."""
    if not _LETTER_DIGIT.search(text) and "-" not in text and "_" not in text and "." not in text:
        return text
    pieces = []
    position = 0
    for start, end in names(text):
        pieces.append(text[position:start])
        pieces.append(" " * (end - start))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def name_sizes(text: str) -> list[Quantity]:
    """Sizes written inside the names of ``text`` (Name-90K -> 90,000; Qwen2.5-7B -> 7e9), as counts."""
    found = []
    for start, end in names(text):
        for match in _NAME_SIZE.finditer(text, start, end):
            number, scale = match.group(1), _SIZE_SCALES[match.group(2)]
            decimals = len(number.split(".", 1)[1]) if "." in number else 0
            found.append(Quantity(float(number) * scale, "count", 10.0 ** -decimals * scale, match.group(0),
                                  match.start(), match.end()))
    return found


def name_like(text: str, start: int) -> bool:
    """Whether the number at ``start`` of a summary text is written as part of a name: after a Latin word that is
    not a lower-case or common word (Claude 3.5, RTX 4090, Track 3; not "reaches 85.3", "The 3 models")."""
    match = _LATIN_WORD_BEFORE.search(text, max(0, start - 24), start)
    if match is None:
        return False
    word = match.group(1)
    return not word.islower() and word.lower() not in COMMON_WORDS
