"""Fast ``finditer`` for patterns that open with an assertion (a lookahead or lookbehind).

Python's ``re`` only skips ahead quickly when a pattern starts with a character class; a pattern that
starts with ``(?=[...])(?<!...)`` is tried at every position of the text, which costs most of the
extraction time on long abstracts. ``scan`` finds candidate positions with a ``screen`` that starts
with a class (so the engine skips ahead in C), then tries the full pattern only there. The screen must
match at every position where the pattern can start; the matches are then exactly ``finditer``'s.
``scan_at`` takes the candidate positions from the caller instead, for callers that find them faster
still (``bytes.find`` on a mask of the text: see ``checker.numbers.english``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def scan(pattern: re.Pattern[str], screen: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a pattern whose matches are never empty."""
    found: list[re.Match[str]] = []
    search = screen.search
    match = pattern.match
    position = 0
    while (hit := search(text, position)) is not None:
        start = hit.start()
        matched = match(text, start)  # lookbehinds still see the text before ``start``
        if matched is None:
            position = start + 1
        else:
            found.append(matched)
            position = matched.end()
    return found


def scan_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` when ``starts`` (ascending) holds every position where a match can start.

    The caller finds the candidates faster than a regular expression can (``str.find``, ``bytes.translate``);
    matches never overlap, so a candidate inside the previous match is skipped, as ``finditer`` would.
    """
    found: list[re.Match[str]] = []
    match = pattern.match
    position = 0
    for start in starts:
        if start < position:
            continue
        matched = match(text, start)
        if matched is not None:
            found.append(matched)
            position = matched.end()
    return found
