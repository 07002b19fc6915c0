"""Whether a claim finding compares a clause with the abstract sentence the clause restates (C101, C102).

A direction or negation finding is only as good as the sentence it compares the clause with. Two kinds of
evidence say that the sentence is the one the clause restates:
- a confident bilingual alignment (checker.analysis.bilingual.align_clause(...).confident) onto it;
- a quantity both state exactly: a value with its unit (93.4%, 56倍 and "56x", 4.3 dB) or a decimal (0.87),
  never digits inside a name (the 64 of "x86-64", the 90 of "Name-90K", the 2.5 of "Qwen2.5").

``grade`` says what severity a finding comparing a clause with a sentence earns: both kinds of evidence (the
clause is aligned onto the very sentence the finding quotes, and they share a quantity) keep the rule's own
severity; anything less is info, with a lower confidence. An evidence sentence holding only a link ("Code is
available at https://...") is never quoted: the confidently aligned sentence is, or none.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from checker.analysis.bilingual import align_clause
from checker.analysis.context import PaperContext
from checker.analysis.per_paper import abstract_sentences
from checker.model import Severity

HIGH_CONFIDENCE = 0.8  # aligned onto the quoted sentence, and a quantity in common
SOME_CONFIDENCE = 0.45  # one of the two
LOW_CONFIDENCE = 0.25  # neither: the quoted sentence may be about something else

# A number that is no part of a name: not glued to a letter or a digit run before it ("x86", "Qwen2.5"), not
# hyphenated to a name ("x86-64", "GPT-4", "Name-90K"), not followed by letters that make it a name ("90K",
# "7B"), unless those letters are a unit read below.
_NUMBER = re.compile(r"(?<![A-Za-z\d.,_])(?<![A-Za-z\d]-)\d+(?:,\d{3})*(?:\.\d+)?")
_UNIT_AFTER = (
    # each: the unit's name, and what follows the number to say it (Chinese and English alike)
    ("%", re.compile(r"\s?(?:%|％|\\%|percent\b|per cent\b)")),
    ("pp", re.compile(r"\s?(?:个?百分点|pp\b|p\.p\.|percentage points?\b)")),
    ("x", re.compile(r"\s?(?:倍|×|\\times\b|x\b|X\b|-?fold\b|times\b)")),
    ("db", re.compile(r"\s?(?:dB\b|分贝)")),
    ("ms", re.compile(r"\s?(?:ms\b|毫秒)")),
    ("s", re.compile(r"\s?(?:s\b|sec(?:onds?)?\b|秒)")),
    ("h", re.compile(r"\s?(?:h\b|hours?\b|小时)")),
)
_FACTOR_BEFORE = re.compile(r"(?:factor of|by a factor|[×x]|\\times)\s*\$?\s*$")
_NAME_AFTER = re.compile(r"[A-Za-z]")
_URL = re.compile(r"https?://|www\.|github\.com|\.io/|\.org/|\.com/")


class Restated(NamedTuple):
    """The abstract sentence(s) a clause confidently restates: their text, joined, and their positions."""

    text: str
    indices: tuple[int, ...]


def _value(token: str) -> str:
    value = token.replace(",", "")
    return value.rstrip("0").rstrip(".") if "." in value else value


def quantities(text: str) -> frozenset[tuple[str, str]]:
    """(value, unit) of each number of a text that is no part of a name; the unit is "" where none is read.
    A decimal is also kept without its unit, so that "0.87" meets "0.87 F1"."""
    found: set[tuple[str, str]] = set()
    for match in _NUMBER.finditer(text):
        value, end = _value(match.group()), match.end()
        unit = next((name for name, pattern in _UNIT_AFTER if pattern.match(text, end)), "")
        if not unit and _FACTOR_BEFORE.search(text, max(0, match.start() - 16), match.start()):
            unit = "x"  # "by a factor of $56$", "×2.3"
        if not unit and _NAME_AFTER.match(text, end):
            continue  # "90K", "7B", "3D": a name or a size, not a quantity
        found.add((value, unit))
        if "." in value:
            found.add((value, ""))
    return frozenset(found)


def shared_quantity(clause: str, sentence: str) -> str | None:
    """A quantity the clause and the sentence both state exactly (a value with a unit, or a decimal), as
    "value unit"; None when they share none. A bare integer ("3 benchmarks", a year) is too weak to count."""
    common = quantities(clause) & quantities(sentence)
    strong = sorted((not unit, value, unit) for value, unit in common if unit or "." in value)
    return f"{strong[0][1]} {strong[0][2]}".strip() if strong else None  # one with a unit first


_NUMBER_WORD = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", re.IGNORECASE)
_WORD_VALUES = {word: str(value) for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}


def _values(text: str) -> set[str]:
    values = {value for value, _ in quantities(text)}
    values.update(_WORD_VALUES[word.lower()] for word in _NUMBER_WORD.findall(text))
    return values


def shares_a_number(clause: str, sentence: str) -> bool:
    """Whether the clause and the sentence share a number that is no part of a name, with or without a unit,
    spelled out or not ("4个token" and "four tokens"); the 64 of "x86-64" in both is no shared number."""
    return bool(_values(clause) & _values(sentence))


def restated(ctx: PaperContext, clause: str) -> Restated | None:
    """The abstract sentence (or adjacent pair) the clause restates, when the bilingual aligner is confident;
    None otherwise (memoized per clause: rules ask only for clauses they already found something in)."""

    def compute() -> Restated | None:
        texts = [piece.text for piece in abstract_sentences(ctx)]
        found = align_clause(clause, texts) if texts else None
        if found is None or not found.confident:
            return None
        return Restated(" ".join(texts[i] for i in found.indices), found.indices)

    result: Restated | None = ctx.memo(f"restated.{clause}", compute)
    return result


def _overlaps(restated_text: str, evidence: str) -> bool:
    return evidence in restated_text or restated_text in evidence or any(
        part and part in restated_text for part in evidence.split(" ... "))


def is_link_sentence(sentence: str) -> bool:
    """A sentence that gives a link (code, data, a project page): it restates no claim."""
    return _URL.search(sentence) is not None


class Grade(NamedTuple):
    """What a finding earns: its severity (None: the rule's own), its confidence and the sentence to quote."""

    severity: Severity | None
    confidence: float
    evidence: str | None
    elsewhere: bool = False  # the clause is confidently aligned onto another sentence than the one quoted


def grade(ctx: PaperContext, clause: str, evidence: str | None) -> Grade:
    """The severity a finding comparing ``clause`` with ``evidence`` earns: the rule's own where the clause is
    confidently aligned onto that sentence and both state one quantity; info otherwise. The quoted sentence
    becomes the aligned one where it was a link sentence or missing."""
    aligned = restated(ctx, clause) if clause else None
    quoted = evidence or ""
    if not quoted or is_link_sentence(quoted):
        quoted = aligned.text if aligned is not None and not is_link_sentence(aligned.text) else ""
    on_it = aligned is not None and bool(quoted) and _overlaps(aligned.text, quoted)
    quantity = shared_quantity(clause, quoted) if quoted else None
    if on_it and quantity is not None:
        return Grade(None, HIGH_CONFIDENCE, quoted)
    return Grade(Severity.info, SOME_CONFIDENCE if on_it or quantity is not None else LOW_CONFIDENCE, quoted or None,
                 elsewhere=aligned is not None and not on_it)
