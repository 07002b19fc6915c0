"""English quantities written in words: "ten benchmarks", "three million", "seven-billion", "twenty-five",
"threefold", "doubles", "half", spelled fractions ("one-sixth", "two fifths", "a tenth of") and proportions
("one in three", "1 in 10").

The digits of English text are read by ``checker.numbers.english``, which adds these when asked.
"""

from __future__ import annotations

import re

from checker.numbers.quantity import APPROX, FRACTION, WORD, Kind, Quantity
from checker.numbers.scan import scan, scan_at

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9,
          "k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}
_FRACTION_ONLY = frozenset({FRACTION})
_WORD_FRACTION = frozenset({WORD, FRACTION})


def _word_kind(unit: str) -> Kind:
    unit = unit.strip().lower()
    if unit.startswith("percent"):
        return "percent"
    return "multiplier" if unit else "count"


_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "a dozen": 12,
}
_MULTIPLIER_VALUES = {"twice": 2.0, "doubl": 2.0, "tripl": 3.0, "half": 0.5, "halv": 0.5, "an order of magnitude": 10.0}
# Spelled fractions: a numerator word and an ordinal denominator ("one-sixth", "two fifths", "a tenth of").
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9}
_DENOMINATORS = {"third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
                 "tenth": 10, "twelfth": 12, "twentieth": 20, "hundredth": 100, "thousandth": 1000}
_ORDINAL_DENOMINATORS = frozenset({"fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "twelfth",
                                   "twentieth", "hundredth", "thousandth"})  # also ordinals: "a fifth model"
_OF_AFTER = re.compile(r"[\s-]+of\b")
# The lookahead lets the scan skip most positions; alternatives are grouped by their first letter.
_NUMBER_WORDS = re.compile(
    r"(?=[tfsenohad])\b(?:(?P<part>(?P<num>a|one|two|three|four|five|six|seven|eight|nine)[\s-]"
    r"(?P<den>third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twelfth|twentieth|hundredth|thousandth)"
    r"(?P<plural>s)?)\b"
    r"|(?P<ascale>an?[\s-](?:hundred|thousand|million|billion|trillion))\b"
    r"|(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]?(?P<w2>one|two|three|four|five|six"
    r"|seven|eight|nine))?|(?P<w>t(?:wo|hree|en|welve|hirteen)|f(?:our|ive|ourteen|ifteen)|s(?:ix|even|ixteen|eventeen)"
    r"|e(?:ight|leven|ighteen)|n(?:ine|ineteen)|one|hundred|(?:a )?dozen))\b"
    r"(?P<scale>(?:\s+|-)(?:hundred|thousand|million|billion|trillion)\b)?(?P<unit>\s*(?:percent\b|-?fold\b|times\b))?"
    r"|(?P<fold>two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)fold\b"
    r"|(?P<mult>twice|doubl(?:es|ed|ing|e)|tripl(?:es|ed|ing|e)|halv(?:es|ed|ing|e)|half|an order of magnitude)\b)"
)

# Where a number word can start: a letter after a word boundary, then the rest of a number word's first
# letters (see checker.numbers.scan): "for" and "a task" are not tried.
_NUMBER_WORDS_SCREEN = re.compile(
    r"[tfsenohad](?<!\w.)(?:(?<=t)(?:wo|hr|hi|en|wel|wen|wic|rip|hou)|(?<=f)(?:ou|ort|iv|if)|(?<=s)(?:ix|even)"
    r"|(?<=e)(?:ig|lev)|(?<=n)ine|(?<=o)ne|(?<=h)(?:un|al)|(?<=d)(?:oz|oub)|(?<=a)(?:[\s-][tqdfsenhmb]|n[\s-][ohtmb]))"
)


_UNITS_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# The word a number-word match opens with, as a whole token of letters (see ``_number_word_matches``).
_OPENING_WORDS = frozenset(
    word.encode()
    for word in (
        *_UNITS_WORDS, "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen", "hundred", *_TENS_WORDS, *(tens + units for tens in _TENS_WORDS for units in _UNITS_WORDS),
        *(f"{word}fold" for word in (*_UNITS_WORDS[1:], "ten", "hundred", "thousand")),
        "twice", "double", "doubles", "doubled", "doubling", "triple", "triples", "tripled", "tripling",
        "halve", "halves", "halved", "halving", "half",
    )
)
# Matches that open with "a", "an" or "one" before these words (a third, a dozen, an order of magnitude):
# rare, so a text holding one of them is scanned the slow way.
_PHRASE_WORDS = frozenset({b"third", b"thirds", b"quarter", b"quarters", b"dozen", b"magnitude", b"thousand",
                           b"million", b"billion", b"trillion",
                           *(word.encode() + plural for word in _ORDINAL_DENOMINATORS for plural in (b"", b"s"))})
_LETTERS_ONLY = bytes(byte if 0x61 <= byte <= 0x7A else 0x20 for byte in range(256))  # a-z kept, the rest -> " "


def _trie_pattern(words: list[str]) -> str:
    """An alternation of ``words`` factored by common prefixes (t(?:wo|en|...)): the engine tries a few
    letters per position instead of every word."""
    branches: dict[str, list[str]] = {}
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
    alternatives = [re.escape(first) + _trie_pattern(rests) for first, rests in sorted(branches.items())]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return f"(?:{body})?" if "" in words else body


# A whole word (between spaces of the _LETTERS_ONLY mask) that opens a number-word match, or a phrase word.
_NUMBER_WORD_IN_MASK = re.compile(
    (" (?:" + _trie_pattern(sorted(word.decode() for word in _OPENING_WORDS | _PHRASE_WORDS)) + ")(?= )").encode()
)


def _number_word_matches(lower: str) -> list[re.Match[str]]:
    """``_NUMBER_WORDS`` matches of a lowercased text: ``scan`` in general; for ASCII text, only where a
    whole word of the text opens a match (``_OPENING_WORDS``), found in a mask of its letters.

    The mask (letters kept, anything else a space) opens every word with a space, a literal that the regex
    engine skips to fast; padded with a space each side, a word at index ``i`` of the text is at ``i + 1``.
    """
    if not lower.isascii():
        return scan(_NUMBER_WORDS, _NUMBER_WORDS_SCREEN, lower)
    found = list(_NUMBER_WORD_IN_MASK.finditer(b" " + lower.encode("ascii").translate(_LETTERS_ONLY) + b" "))
    if not found:
        return []
    if any(match.group(0)[1:] in _PHRASE_WORDS for match in found):
        return scan(_NUMBER_WORDS, _NUMBER_WORDS_SCREEN, lower)
    return scan_at(_NUMBER_WORDS, lower, [match.start() for match in found])


def _lower_same_length(text: str) -> str:
    """``text.lower()``, except characters whose lower case is longer ("İ" -> "i̇") stay as they are, so that
    positions in the result are positions in ``text``."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def _fraction_value(lower_text: str, match: re.Match[str]) -> float | None:
    """The value of a spelled fraction ("one-sixth", "two fifths"), or None: a numerator of one takes a
    singular denominator and larger ones a plural; "a fifth", which is also an ordinal ("a fifth model"), is a
    fraction only before "of"."""
    numerator = _NUMERATORS[match.group("num")]
    denominator = match.group("den")
    if (numerator > 1) != bool(match.group("plural")):
        return None
    if match.group("num") == "a" and denominator in _ORDINAL_DENOMINATORS and not _OF_AFTER.match(lower_text, match.end()):
        return None
    return numerator / _DENOMINATORS[denominator]


# A proportion: "one in three metaphors", "two out of five", "1 in 10": a fraction, like 三分之一.
# Proportions are found from each " in " or " out of " of the text (str.find, much faster than a regex scan):
# the word before it and the one after, read by these patterns anchored there.
_NUMERATOR_BEFORE = re.compile(r"(?P<n>one|two|three|four|five|six|seven|eight|nine|\d+)$")
_DENOMINATOR_AFTER = re.compile(
    r"(?:every\s+)?(?P<d>two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a\s+hundred|hundred"
    r"|a\s+thousand|thousand|\d+)")
_LINKS = (" in ", " out of ")
_BEFORE_PROPORTION = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.,")
_AFTER_PROPORTION = _BEFORE_PROPORTION | {"%"}


def proportions(text: str, *, digits: bool) -> list[Quantity]:
    """Proportions of ``text`` ("one in three", "1 in 10") as fractions: in digits, or in words (``text`` then
    lower-cased)."""
    out = []
    for link in _LINKS:
        position = text.find(link)
        while position >= 0:
            before = _NUMERATOR_BEFORE.search(text, max(0, position - 6), position)
            after = _DENOMINATOR_AFTER.match(text, position + len(link))
            position = text.find(link, position + 1)
            if before is None or after is None:
                continue
            numerator, denominator = before.group("n"), after.group("d")
            start, end = before.start(), after.end()
            if numerator.isdigit() != digits or denominator.isdigit() != digits or (
                    start and text[start - 1] in _BEFORE_PROPORTION) or text[end:end + 1] in _AFTER_PROPORTION:
                continue  # mixed, or part of a longer word or number ("someone in three", "1 in 10.5")
            n = int(numerator) if digits else _WORDS[numerator]
            d = int(denominator) if digits else _WORDS.get(denominator.split()[-1], 0)
            if 0 < n < d:
                out.append(Quantity(n / d, "plain", 0.001, text[start:end], start, end,
                                    _FRACTION_ONLY if digits else _WORD_FRACTION))
    return out


def english_number_words(text: str) -> list[Quantity]:
    """Quantities written in words: "ten benchmarks", "three million", "twenty-five", "doubles", "half",
    "one in three"."""
    lower_text = _lower_same_length(text)
    out = [q._replace(text=text[q.start:q.end]) for q in proportions(lower_text, digits=False)]
    for match in _number_word_matches(lower_text):  # spans index ``text``
        if match.group("fold"):
            fold = match.group("fold")
            out.append(Quantity(value=float(_WORDS.get(fold, 1000)), kind="multiplier", resolution=1.0,
                                text=text[match.start():match.end()], start=match.start(), end=match.end(),
                                qualifiers=frozenset({WORD})))
            continue
        if match.group("mult"):
            word = match.group("mult")
            value = next((v for stem, v in _MULTIPLIER_VALUES.items() if word.startswith(stem)), 0.0)
            if not value:
                continue
            qualifiers = {WORD, APPROX} if value == 10.0 else {WORD}
            out.append(Quantity(value=value, kind="multiplier", resolution=1.0 if value >= 1 else 0.1,
                                text=match.group(0), start=match.start(), end=match.end(),
                                qualifiers=frozenset(qualifiers)))
            continue
        if match.group("part"):
            part = _fraction_value(lower_text, match)
            if part is None:  # "a thirds", "one thirds", "a fifth model": not a fraction
                continue
            out.append(Quantity(value=part, kind="plain", resolution=0.001,
                                text=text[match.start():match.end()], start=match.start(), end=match.end(),
                                qualifiers=frozenset({WORD, FRACTION})))
            continue
        if match.group("ascale"):  # "a million images"
            out.append(Quantity(value=SCALES.get(match.group("ascale")[2:].strip(" -"), 100.0), kind="count",
                                resolution=1.0, text=text[match.start():match.end()], start=match.start(),
                                end=match.end(), qualifiers=frozenset({WORD})))
            continue
        value = float(_WORDS[match.group("tens") or match.group("w")])
        if match.group("w2"):
            value += _WORDS[match.group("w2")]
        scale_word = (match.group("scale") or "").strip(" \t\n-")
        value *= SCALES.get(scale_word, 100.0 if scale_word == "hundred" else 1.0)
        unit = match.group("unit") or ""
        if value == 1 and not scale_word and not unit:
            continue  # "one of the", "one-shot": not a count worth checking
        kind = _word_kind(unit)
        out.append(Quantity(value=value, kind=kind, resolution=1.0, text=text[match.start():match.end()],
                            start=match.start(), end=match.end(), qualifiers=frozenset({WORD})))
    return out
