"""Latin-script names in Chinese text (models, datasets, metrics, acronyms) and whether an abstract has them."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from itertools import filterfalse

# A name: a Latin token, possibly joined by hyphens, dots or underscores (GPT-4o, Qwen2.5-7B, Chain-of-Thought).
_NAME = re.compile(r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*")
_SEPARATORS = re.compile(r"[-_.\s/]+")
_INITIAL_WORDS = re.compile(r"[A-Za-z]+")
_STOP_INITIAL = frozenset("of for the a an and to in on with from by via".split())
# Lower-case text to ASCII letters and digits only (squeezed), or to words split at punctuation (tokens).
_ASCII_OTHER = [chr(c) for c in range(128) if not chr(c).isalnum()]
_SQUEEZE = str.maketrans("", "", "".join(_ASCII_OTHER))
_TOKENIZE = str.maketrans({c: (None if c in "-_" else " ") for c in _ASCII_OTHER})
# The same, but splitting at hyphens too: "COCO-pretrained", "GRU-based" and "PLS-complete" hold COCO, GRU, PLS.
_TOKENIZE_PARTS = str.maketrans({c: " " for c in _ASCII_OTHER})
# A LaTeX sub- or superscript glued to a name: CO$_2$, EFO$_1$, H$_{2}$O are CO2, EFO1, H2O.
_LATEX_SCRIPT = re.compile(r"(?<=[A-Za-z])\$?[_^]\{?([A-Za-z0-9]+)\}?\$?")
# Ordinary lower-case words joined to a name ("EFT-predicted", "PMT-based", "multi-Higgs"): not part of it.
_PLAIN_WORD = re.compile(r"[a-z]+")
# Plain or capitalized words only, joined by hyphens: an eponym (Levi-Civita, Reissner-Nordström) or a phrase
# (multi-Higgs, Chain-of-Thought), a capitalized word as far as names go.
_WORD_PART = re.compile(r"[A-Z]?[a-z]+")
_DROP_SEPARATORS = str.maketrans("", "", "-_.")


@lru_cache(maxsize=65536)  # the same names (LLM, GPT-4o, ImageNet) come back paper after paper
def normalize(name: str) -> str:
    """Case-, hyphen- and plural-insensitive key: 'Chain-of-Thought' and 'chain of thoughts' meet."""
    key = name.lower().translate(_SQUEEZE)
    return key[:-1] if len(key) > 3 and key.endswith("s") else key


@lru_cache(maxsize=1)
def generic_terms() -> frozenset[str]:
    """The allowlist of generic terms (checker/data/generic_terms.txt)."""
    text = resources.files("checker").joinpath("data/generic_terms.txt").read_text(encoding="utf-8")
    return frozenset(normalize(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=65536)
def is_name_like(token: str) -> bool:
    """A token that reads as a name rather than an English word: a capital or a digit after the first letter
    (GPT-4o, ImageNet, BLEU, LoRA); plain and capitalized words (pipeline, Transformer) are not names."""
    rest = token[1:].translate(_DROP_SEPARATORS)
    if "-" in token and all(_WORD_PART.fullmatch(part) for part in token.split("-")):
        return False  # words joined, each plain or capitalized: an eponym (Levi-Civita), a phrase (multi-Higgs)
    return bool(rest) and (rest != rest.lower() or (token[0].isalpha() and not rest.isalpha()))


def latin_names(text: str, *, name_like_only: bool = False) -> list[str]:
    """Latin-script names of a text, in order of appearance, without repeats (by normalized key)."""
    seen: set[str] = set()
    names: list[str] = []
    tokens = _NAME.findall(text)
    # Plain lower-case words are never names; dropping them first keeps the Python loop short.
    for token in filterfalse(str.islower, tokens) if name_like_only else tokens:
        if name_like_only and not is_name_like(token):
            continue
        key = normalize(token)
        if key and key not in seen:
            seen.add(key)
            names.append(token)
    return names


def name_tokens(text: str) -> set[str]:
    """Every name-like token of a text, all spellings kept (latin_names keeps the first of each key)."""
    return {token for token in filterfalse(str.islower, _NAME.findall(text)) if is_name_like(token)}


_QUANTITY = re.compile(r"\d+(?:\.\d+)?[A-Za-z]{0,3}")  # 7B, 400M, 5dB, 30fps: sizes and units, not names


# An acronym, maybe hyphenated or numbered: CoT, cLFV, RLHF, D-MPNN, SD3 (letters, then an optional number).
_ACRONYM = re.compile(r"([A-Za-z]{2,6})(\d+(?:\.\d+)?)?")
_CAMEL_PART = re.compile(r"[A-Z][a-z]*")


def _acronym_parts(name: str) -> tuple[str, str | None] | None:
    """The letters and number of an acronym: three to six letters with two capitals (CoT, cLFV, RLHF, D-MPNN),
    or two when a number follows (SD3); None for anything else."""
    match = _ACRONYM.fullmatch(name.replace("-", ""))
    if match is None or sum(c.isupper() for c in match.group(1)) < 2:
        return None
    letters, number = match.groups()
    return (letters, number) if len(letters) >= 3 or number else None


def is_quantity(token: str) -> bool:
    """7B, 400M, 5dB, and ranges of them (7B-70B)."""
    return _QUANTITY.fullmatch(token) is not None or (
        "-" in token and all(_QUANTITY.fullmatch(part) for part in token.split("-")))


class SourceIndex:
    """The abstract and title, prepared for name look-ups with C-level string operations only."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lowered = text.lower()
        self.squeezed = self._lowered.translate(_SQUEEZE)
        self._tokens: frozenset[str] | None = None
        self._more_tokens: frozenset[str] | None = None
        self._initials: tuple[str, str] | None = None
        self._words: list[str] | None = None

    def _has_token(self, key: str) -> bool:
        if self._tokens is None:
            self._tokens = frozenset(self._lowered.translate(_TOKENIZE).split())
        if key in self._tokens or f"{key}s" in self._tokens:
            return True
        if self._more_tokens is None:  # rarely needed: the parts of hyphenated words, LaTeX scripts undone
            unscripted = _LATEX_SCRIPT.sub(r"\1", self._lowered) if "_" in self._lowered or "^" in self._lowered \
                else self._lowered
            self._more_tokens = frozenset(unscripted.translate(_TOKENIZE).split()) | frozenset(
                self._lowered.translate(_TOKENIZE_PARTS).split())
        return key in self._more_tokens or f"{key}s" in self._more_tokens

    def _source_words(self) -> list[str]:
        if self._words is None:
            self._words = [w.lower() for w in _INITIAL_WORDS.findall(self.text)]
        return self._words

    def _acronym_spelled_out(self, key: str) -> bool:
        if self._initials is None:
            words = self._source_words()
            self._initials = ("".join(w[0] for w in words if w not in _STOP_INITIAL), "".join(w[0] for w in words))
        return any(key in initials for initials in self._initials)

    def _camel_spelled_out(self, letters: str) -> bool:
        """ViT for "Vision Transformers", LoRA for "Low-Rank Adaptation": each capital and the small letters after
        it begin one word, in a row."""
        parts = [p.lower() for p in _CAMEL_PART.findall(letters)]
        if len(parts) < 2 or "".join(parts) != letters.lower():
            return False
        words = [w for w in self._source_words() if w not in _STOP_INITIAL]
        return any(all(words[i + k].startswith(part) for k, part in enumerate(parts))
                   for i in range(len(words) - len(parts) + 1) if words[i].startswith(parts[0]))

    def _spelled_out(self, name: str) -> bool:
        """An acronym the source writes out (RLHF, D-MPNN, ViT), with its number when it has one (SD3 for
        "Stable Diffusion 3")."""
        parts = _acronym_parts(name)
        if parts is None:
            return False
        letters, number = parts
        if number is not None and not self._has_token(number):
            return False
        if self._acronym_spelled_out(normalize(letters) if number is None else letters.lower()):
            return True
        singular = letters[:-1] if letters.endswith("s") else letters  # ViTs; but CLs is C, L: not camel case
        return singular != singular.upper() and self._camel_spelled_out(singular)

    def _glued(self, name: str) -> bool:
        """The name ends a longer source name: GAN in "TripleGAN", XNet in "MoiréXNet"."""
        if not name[:1].isupper():
            return False
        start = self.text.find(name, 1)
        while start > 0:
            end = start + len(name)
            if self.text[start - 1].islower() and (end == len(self.text) or not self.text[end].isalnum()):
                return True
            start = self.text.find(name, start + 1)
        return False

    def has(self, name: str) -> bool:
        key = normalize(name)
        if not key:
            return True
        if key in self.squeezed and (len(key) >= 5 or self._has_token(key)):
            return True
        if self._spelled_out(name) or (key in self.squeezed and self._glued(name)):
            return True
        # A compound whose every part is in the source ("LLaMA-2-7B" when the abstract says "LLaMA 2 7B").
        pieces = [p for p in _SEPARATORS.split(name) if p]
        if len(pieces) < 2:
            return False
        if all(self._has_token(normalize(p)) for p in pieces) or is_quantity(name):
            return True
        # A name joined to ordinary words ("EFT-predicted", "GR-like"): the name itself must be in the source,
        # unless it is as short as the names the rule never reports.
        head = [p for p in pieces if not _PLAIN_WORD.fullmatch(p)]
        return 0 < len(head) < len(pieces) and (len(normalize("".join(head))) <= 2 or self.has("-".join(head)))
