"""Which writing systems a text uses: counts of Han, Latin, kana and Hangul characters."""

from __future__ import annotations

import re
from typing import NamedTuple

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]+")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
# LaTeX commands, URLs and code-like tokens are not prose in any language.
_NOT_PROSE = re.compile(r"\\[A-Za-z]+|https?://\S+|\$[^$]*\$")


class ScriptCounts(NamedTuple):  # a tuple: built five times per paper, a frozen dataclass costs more
    han: int
    kana: int
    hangul: int
    latin: int


def _count(pattern: re.Pattern[str], text: str) -> int:
    return len("".join(pattern.findall(text)))


_KANA_OR_HANGUL = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_PROSE_SCREEN = ("\\", "://", "$")


def script_counts(text: str) -> ScriptCounts:
    prose = _NOT_PROSE.sub(" ", text) if any(key in text for key in _PROSE_SCREEN) else text
    latin = _count(_LATIN, prose)
    if prose.isascii():  # an English block: no other script to count
        return ScriptCounts(han=0, kana=0, hangul=0, latin=latin)
    rare = _KANA_OR_HANGUL.search(prose) is not None  # kana and Hangul are rare: count them only if present
    return ScriptCounts(
        han=_count(_HAN, prose),
        kana=_count(_KANA, prose) if rare else 0,
        hangul=_count(_HANGUL, prose) if rare else 0,
        latin=latin,
    )


def dominant_script_language(counts: ScriptCounts) -> str | None:
    """The language the scripts point to: ko, ja, zh, or 'latin' (a Latin-script language); None if no letters."""
    if counts.hangul > 5 and counts.hangul >= counts.han:
        return "ko"
    if counts.kana > 3:
        return "ja"
    if counts.han >= 3 and counts.han >= 0.1 * counts.latin:
        return "zh"
    if counts.latin >= 3:
        return "latin"
    if counts.han:
        return "zh"
    return None
