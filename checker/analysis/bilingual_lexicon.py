"""The Chinese side of the bilingual aligner: the compiled CC-CEDICT index and segmentation over it.

The index (checker/data/cedict_glosses.tsv, CC BY-SA 4.0, built by scripts/build_cedict_index.py) maps each
simplified headword to the normalised English content words of its glosses, one line per first character.
It is read on first use only (``lexicon()``), so an audit that never asks for a bilingual alignment never
pays for it; reading it is one file read and one split of bytes (under 10 ms), and a character's line is
parsed the first time a clause holds that character.

A clause is segmented by forward maximum matching over the headwords: at each Han character the longest
headword starting there is taken (up to eight characters), and a character that starts none is skipped.
Measured against jieba and character bigrams in bench/alignment_eval.py: no less accurate, and no second
dictionary to load.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from checker.analysis.bilingual_words import NORMALISATION

INDEX = "data/cedict_glosses.tsv"
MAX_WORD = 8  # the longest headword the index keeps
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_EMPTY: dict[str, str] = {}


class Lexicon:
    """Headword -> its gloss words; a first character's entries are parsed when first asked for."""

    def __init__(self, lines: dict[str, bytes], size: int = 0) -> None:
        self._lines = lines  # first character -> its raw line
        self._parsed: dict[str, dict[str, str]] = {}
        self._glosses: dict[str, frozenset[str]] = {}
        self.size = size

    def entries(self, first: str) -> dict[str, str]:
        """The headwords starting with ``first``, each with its gloss words as one string."""
        found = self._parsed.get(first)
        if found is None:
            line = self._lines.get(first)
            if line is None:
                found = _EMPTY
            else:
                body = line.decode("utf-8").partition("\t")[2]
                found = dict(entry.split("=", 1) for entry in body.split(";"))
            self._parsed[first] = found
        return found

    def __contains__(self, headword: str) -> bool:
        return bool(headword) and headword in self.entries(headword[0])

    def glosses(self, headword: str) -> frozenset[str]:
        """The normalised English content words of a headword's glosses (empty if it is not one)."""
        found = self._glosses.get(headword)
        if found is None:
            line = self.entries(headword[0]).get(headword) if headword else None
            found = frozenset(line.split()) if line else frozenset()
            self._glosses[headword] = found
        return found

    def segment(self, text: str) -> list[str]:
        """The headwords of a text by forward maximum matching over its Han runs, in order."""
        words = []
        for run in HAN_RUN.findall(text):
            i, n = 0, len(run)
            while i < n:
                entries = self.entries(run[i])
                for j in range(min(n, i + MAX_WORD), i, -1):
                    if run[i:j] in entries:
                        words.append(run[i:j])
                        i = j
                        break
                else:
                    i += 1
        return words


def parse_index(data: bytes) -> Lexicon:
    """The index file's bytes as a Lexicon; the format is in scripts/build_cedict_index.py."""
    header, _, body = data.partition(b"\n")
    if f"normalisation={NORMALISATION}".encode() not in header:
        raise RuntimeError(f"{INDEX} was built with another normalisation ({header[-40:]!r}, want "
                           f"normalisation={NORMALISATION}): rerun scripts/build_cedict_index.py")
    size = re.search(rb"headwords=(\d+)", header)
    firsts, _, body = body.partition(b"\n")
    lines = body.rstrip(b"\n").split(b"\n")
    keys = firsts.decode("utf-8")
    if len(keys) != len(lines):
        raise RuntimeError(f"{INDEX}: {len(keys)} first characters but {len(lines)} lines")
    return Lexicon(dict(zip(keys, lines, strict=True)), int(size.group(1)) if size else 0)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The compiled CC-CEDICT index, read once per process on first use."""
    return parse_index((Path(__file__).resolve().parents[1] / INDEX).read_bytes())
