"""A field's standard notation that a summary may write without the abstract spelling it the same way (U101).

Issue 11: the unsupported-entity rule flagged a field's standard abbreviations (MET, M_Pl, ECMWF, Type IIB),
which are no invented names. Each test below recognises a class, never a list of one field's names:
- ``is_unit``: a unit of measurement with an SI prefix (GeV, keV, MHz, GPa, Mpc, TWh);
- ``is_roman``: a Roman numeral, with a one-letter variant (Type IIB, Phase III, Class IV);
- ``notation_keys``: LaTeX symbols of the abstract with their sub- and superscripts (M_{\\rm Pl} is M_Pl,
  E_T^{\\rm miss} is E_Tmiss), so a summary's plain spelling of the symbol is found;
- ``spelled_out``: an abbreviation whose expansion the abstract or title writes out, its letters in order
  in two or more consecutive words, each word giving its initial (in a two-word form one of them maybe one
  more letter): "European Centre for Medium-Range Weather Forecasts" for ECMWF, "quasinormal modes" for QNMs;
- ``defined_in_block``: an abbreviation the block itself defines ("non-standard interactions (NSI)") with an
  expansion whose words the abstract holds;
- ``transliterated``: a Latin name that CC-CEDICT gives as the gloss of a Chinese word of the block (PanGu for
  盘古, WuKong for 悟空), the same name in two scripts.
They are asked only about a name the abstract does not hold already, so they cost nothing on most papers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.analysis.bilingual_lexicon import HAN_RUN, lexicon

_SI_PREFIX = r"(?:Y|Z|E|P|T|G|M|k|h|da|d|c|m|µ|μ|u|n|p|f|a|z|y)"
_SI_UNIT = r"(?:eV|Hz|Pa|Wh|pc|Jy|Gy|Sv|Bq|Wb|Da|bar|ohm|Ohm|mol|cd|lm|lx|W|J|V|A|K|T|g|s|m|l|L|b|B|t)"
_UNIT = re.compile(rf"{_SI_PREFIX}?{_SI_UNIT}(?:/c2?|\^?-?[123])?")
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})[AB]?")
# A LaTeX symbol with scripts: the base letters, then _ or ^ and a script, maybe in \rm{...}, \mathrm{...}.
_SCRIPTED = re.compile(
    r"([A-Za-z]+)((?:\s*[_^]\s*\{?\s*(?:\\(?:rm|mathrm|text|textrm|mathit|it|bf|mathbf|mathcal)\s*\{?\s*)?"
    r"[A-Za-z0-9]+\}?\}?)+)")
_SCRIPT_LETTERS = re.compile(r"\\[A-Za-z]+|[^A-Za-z0-9]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_STOP = frozenset("of for the a an and to in on with from by via at as".split())
_CAMEL = re.compile(r"[A-Z][a-z]+|[a-z]+")


def is_unit(token: str) -> bool:
    """A unit with an SI prefix (GeV, keV, MHz, GPa, Mpc), or a bare one (eV, Hz)."""
    return _UNIT.fullmatch(token) is not None


def is_roman(token: str) -> bool:
    """A Roman numeral of I, V and X, maybe with a letter for a variant (IIB, IIA, III, IV)."""
    return len(token) >= 2 and _ROMAN.fullmatch(token) is not None


@lru_cache(maxsize=256)
def notation_keys(text: str) -> frozenset[str]:
    """The LaTeX symbols of a text with their scripts joined, lower-cased ("M_{\\rm Pl}" -> "mpl")."""
    if "_" not in text and "^" not in text:
        return frozenset()
    return frozenset((match.group(1) + _SCRIPT_LETTERS.sub("", match.group(2))).lower()
                     for match in _SCRIPTED.finditer(text))


def _letters(name: str) -> str | None:
    """An all-capital abbreviation's letters, lower-cased, without a plural s (QNMs -> qnm); None else."""
    core = name[:-1] if len(name) > 3 and name.endswith("s") else name  # QNMs; CATS keeps its S
    core = core.replace("-", "")
    if not 3 <= len(core) <= 8 or not core.isalpha() or not core.isupper():
        return None
    return core.lower()


def _matches(letters: str, words: list[str]) -> bool:
    """Whether the letters are spelled by these consecutive words (two at least): each word that is no stop
    word gives its initial; in a long form of two words, one may give one more letter, which in a hyphenated
    word must begin a part ("quantum chromodynamics" for QCD, "quasinormal modes" for QNM); stop words give
    nothing."""

    def fit(at: int, word_index: int, inner_left: int) -> bool:
        if word_index == len(words):
            return at == len(letters)
        word = words[word_index]
        if word in _STOP:
            return fit(at, word_index + 1, inner_left)
        if at == len(letters) or word[0] != letters[at]:
            return False
        if fit(at + 1, word_index + 1, inner_left):
            return True
        if not inner_left or at + 1 == len(letters):
            return False
        inner = [part[0] for part in word.split("-")[1:] if part] if "-" in word else list(word[1:])
        return letters[at + 1] in inner and fit(at + 2, word_index + 1, inner_left - 1)

    content = sum(word not in _STOP for word in words)
    return content >= 2 and fit(0, 0, 1 if content == 2 else 0)


@lru_cache(maxsize=64)
def _source_words(text: str) -> tuple[str, ...]:
    return tuple(word.lower().strip("'") for word in _WORD.findall(text))


def spelled_out(name: str, source: str) -> bool:
    """Whether the source (abstract and title) writes out the abbreviation: its letters in order over
    consecutive words starting at a word with its initial ("quantum chromodynamics" for QCD)."""
    letters = _letters(name)
    if letters is None:
        return False
    words = _source_words(source)
    longest = 2 * len(letters) + 2
    for start, word in enumerate(words):
        if word[0] != letters[0] or word in _STOP:
            continue
        for end in range(start + 1, min(len(words), start + longest) + 1):
            if words[end - 1] not in _STOP and _matches(letters, list(words[start:end])):
                return True
    return False


_DEFINED = re.compile(r"((?:[A-Za-z][\w'-]*[\s]+){0,8}[A-Za-z][\w'-]*)\s*[(（]\s*([A-Za-z][A-Za-z-]{1,9})\s*[)）]")


def defined_in_block(name: str, text: str, source: str) -> bool:
    """Whether the block defines the abbreviation itself ("non-standard interactions (NSI)") with words that the
    source holds, every one of them."""
    letters = _letters(name)
    if letters is None or name not in text:
        return False
    lowered = source.lower()
    for match in _DEFINED.finditer(text):
        if match.group(2) != name:
            continue
        words = [word.lower() for word in _WORD.findall(match.group(1))]
        for start in range(len(words)):
            tail = words[start:]
            if tail[0] not in _STOP and _matches(letters, tail):
                return all(word in _STOP or word in lowered for word in tail)
    return False


def transliterated(name: str, text: str) -> bool:
    """Whether the name is the CC-CEDICT gloss of a Chinese word of the text, whole or by its parts (PanGu for
    盘古, WuKong for 悟空, FengShui for 风水)."""
    if not HAN_RUN.search(text):
        return False
    wanted = name.lower()
    parts = [part.lower() for part in _CAMEL.findall(name)]
    lex = lexicon()
    for run in HAN_RUN.findall(text):
        for word in lex.segment(run):
            glosses = lex.glosses(word)
            if wanted in glosses or (len(parts) > 1 and all(part in glosses for part in parts)):
                return True
    return False
