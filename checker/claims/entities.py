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


def _is_acronym(name: str) -> bool:
    """CoT, cLFV, RLHF: three to six letters, at least two of them capitals."""
    return 3 <= len(name) <= 6 and name.isalpha() and sum(c.isupper() for c in name) >= 2


def is_quantity(token: str) -> bool:
    return _QUANTITY.fullmatch(token) is not None


class SourceIndex:
    """The abstract and title, prepared for name look-ups with C-level string operations only."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lowered = text.lower()
        self.squeezed = self._lowered.translate(_SQUEEZE)
        self._tokens: frozenset[str] | None = None
        self._initials: tuple[str, str] | None = None

    def _has_token(self, key: str) -> bool:
        if self._tokens is None:
            self._tokens = frozenset(self._lowered.translate(_TOKENIZE).split())
        return key in self._tokens or f"{key}s" in self._tokens

    def _acronym_spelled_out(self, key: str) -> bool:
        if self._initials is None:
            words = [w.lower() for w in _INITIAL_WORDS.findall(self.text)]
            self._initials = ("".join(w[0] for w in words if w not in _STOP_INITIAL), "".join(w[0] for w in words))
        return any(key in initials for initials in self._initials)

    def has(self, name: str) -> bool:
        key = normalize(name)
        if not key:
            return True
        if key in self.squeezed and (len(key) >= 5 or self._has_token(key)):
            return True
        if _is_acronym(name) and self._acronym_spelled_out(key):
            return True
        # A compound whose every part is in the source ("LLaMA-2-7B" when the abstract says "LLaMA 2 7B").
        parts = [normalize(p) for p in _SEPARATORS.split(name) if p]
        return len(parts) > 1 and all(self._has_token(p) for p in parts)
