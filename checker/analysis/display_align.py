"""Each summary sentence beside its English evidence, and the marks to highlight (numbers, names, spans).

Alignment is lexical and cheap: a summary sentence is matched to the abstract sentence sharing the
most numbers (weight 3) and Latin names or terms (weight 1). No match means the abstract has no
sentence with any shared number or name, which is itself worth a look. Used by the HTML report and
the spot-check view; never by the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.text.sentences import block_sentences, english_sentences
from checker.text.stopwords import COMMON_WORDS

# A number with its unit, not the digit of a name such as 3D or A100.
NUMBER = re.compile(r"(?<![A-Za-z\d.])\d+(?:[.,]\d+)*(?:\s?%|倍|万|亿|×|[kKMBx](?![A-Za-z]))?(?![A-Za-z\d])")
MAX_FLAG = 80  # a finding's span longer than this (a whole sentence) is shown by its numbers, not flagged
NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Aligned:
    summary: str
    evidence: str | None
    score: int


def summary_sentences(text: str) -> list[str]:
    """Sentences of a (Chinese or English) summary block, punctuation kept."""
    return [sentence.text for sentence in block_sentences(text)]


def abstract_sentences(text: str) -> list[str]:
    """Sentences of the abstract, white space collapsed."""
    return [sentence.text for sentence in english_sentences(" ".join(text.split()))]


def _numbers(text: str) -> set[str]:
    return {re.sub(r"[^\d.]", "", m.group(0)).rstrip(".") for m in NUMBER.finditer(text)} - {""}


def _names(text: str) -> set[str]:
    return {w.lower() for w in NAME.findall(text) if len(w) > 1 and w.lower() not in COMMON_WORDS}


def align(summary_text: str, abstract: str) -> list[Aligned]:
    """Every sentence of ``summary_text`` with the best-matching abstract sentence (or None)."""
    evidence = [(s, _numbers(s), _names(s)) for s in abstract_sentences(abstract)] if abstract else []
    aligned = []
    for sentence in summary_sentences(summary_text):
        numbers, names = _numbers(sentence), _names(sentence)
        best, best_score = None, 0
        for candidate, cand_numbers, cand_names in evidence:
            score = 3 * len(numbers & cand_numbers) + len(names & cand_names)
            if score > best_score:
                best, best_score = candidate, score
        aligned.append(Aligned(sentence, best, best_score))
    return aligned


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 4):start].rstrip()
    return (not before and start <= 4) or (bool(before) and before[-1] in ".!?:")


def marks(text: str, spans: list[str] | tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """``text`` cut into (piece, kind) with kind '' (plain), 'num', 'name' or 'flag' (a finding's span)."""
    if not text:
        return []
    kinds = [""] * len(text)
    # Names after numbers: a model name such as GPT-4.1 stays one name.
    for match in NUMBER.finditer(text):
        kinds[match.start():match.end()] = ["num"] * (match.end() - match.start())
    # In Chinese text every Latin word is a name or term; in English ones only capitalised words, and
    # not a capitalised first word of a sentence.
    in_chinese = _HAN.search(text) is not None
    for match in NAME.finditer(text):
        word = match.group(0)
        if len(word) < 2 or word.lower() in COMMON_WORDS:
            continue
        if not in_chinese and (word.islower() or (word.istitle() and _starts_sentence(text, match.start()))):
            continue
        kinds[match.start():match.end()] = ["name"] * (match.end() - match.start())
    for span in spans:
        if not span or len(span) < 2 or len(span) > MAX_FLAG:
            continue
        start = text.find(span)
        while start >= 0:
            kinds[start:start + len(span)] = ["flag"] * len(span)
            start = text.find(span, start + len(span))
    pieces: list[tuple[str, str]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or kinds[i] != kinds[start]:
            pieces.append((text[start:i], kinds[start]))
            start = i
    return pieces
