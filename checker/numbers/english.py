"""Quantities of English text (the arXiv abstract, English digests): digits, words, LaTeX, units, ranges.

Digits inside names (GPT-4o, ResNet-18, Llama-3-8B, F1, 2D), years, arXiv ids and references to
sections or figures are not quantities.
"""

from __future__ import annotations

import re

from checker.numbers.latex import clean_latex
from checker.numbers.quantity import (
    APPROX,
    CONVENTIONAL_LEVELS,
    DOWN,
    FRACTION,
    LOWER,
    RANGE,
    UPPER,
    WORD,
    Kind,
    Quantity,
    parse_number,
    resolution_of,
)
from checker.numbers.scan import scan

# "7. 1%" is a decimal broken by the PDF-to-text step of some abstracts.
_NUM = r"\d+\.\s\d{1,2}(?=\s*%)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u2009\u202f\u00a0]\d{3})+(?![\d.,])|\d+(?:\.\d+)?|\.\d+"
_QUANTITY = re.compile(
    rf"(?=[-+±.\d])(?<![A-Za-z0-9_.@/^\-])(?P<sign>[-+±](?=\d))?(?P<a>{_NUM})"
    rf"(?:(?P<aunit>%)?\s*(?P<sep>-|to|~)\s*(?P<b>{_NUM}))?"
    r"(?P<scale>\s*(?:thousand|million|billion|trillion)\b|[KkMBT](?![A-Za-z0-9]))?"
    r"(?P<unit>\s*(?:%|percent(?:age)?[\s-]+points?|per\s?cent|percent|pp\b|p\.p\.|points?\b)"
    r"|\s*(?:×|x(?![A-Za-z0-9]))(?!\s*\d)|\s*times\b|-?fold\b)?"
)
# Where a quantity can start (see checker.numbers.scan); the ASCII screen is the same on ASCII text.
_QUANTITY_SCREEN = re.compile(r"[-+±.\d](?<![A-Za-z0-9_.@/^\-].)")
_QUANTITY_SCREEN_ASCII = re.compile(r"[-+.0-9](?<![A-Za-z0-9_.@/^\-].)")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}
_UNITS = 20
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "a dozen": 12,
}
_MULTIPLIER_VALUES = {"twice": 2.0, "doubl": 2.0, "tripl": 3.0, "half": 0.5, "halv": 0.5, "an order of magnitude": 10.0}
_PARTS = {"one-third": 1 / 3, "one third": 1 / 3, "a third": 1 / 3, "two-thirds": 2 / 3, "two thirds": 2 / 3,
          "one-quarter": 0.25, "one quarter": 0.25, "a quarter": 0.25, "three-quarters": 0.75,
          "three quarters": 0.75}
# The lookahead lets the scan skip most positions; alternatives are grouped by their first letter.
_NUMBER_WORDS = re.compile(
    r"(?=[tfsenohad])\b(?:(?P<part>(?:one|two|a)[\s-]thirds?|(?:one|a|three)[\s-]quarters?)\b"
    r"|(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]?(?P<w2>one|two|three|four|five|six"
    r"|seven|eight|nine))?|(?P<w>t(?:wo|hree|en|welve|hirteen)|f(?:our|ive|ourteen|ifteen)|s(?:ix|even|ixteen|eventeen)"
    r"|e(?:ight|leven|ighteen)|n(?:ine|ineteen)|one|hundred|(?:a )?dozen))\b"
    r"(?P<scale>\s+(?:hundred|thousand|million|billion|trillion)\b)?(?P<unit>\s*(?:percent\b|-?fold\b|times\b))?"
    r"|(?P<fold>two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)fold\b"
    r"|(?P<mult>twice|doubl(?:es|ed|ing|e)|tripl(?:es|ed|ing|e)|halv(?:es|ed|ing|e)|half|an order of magnitude)\b)"
)

# Where a number word can start: a letter after a word boundary, then the rest of a number word's first
# letters (see checker.numbers.scan): "for" and "a task" are not tried.
_NUMBER_WORDS_SCREEN = re.compile(
    r"[tfsenohad](?<!\w.)(?:(?<=t)(?:wo|hr|hi|en|wel|wen|wic|rip|hou)|(?<=f)(?:ou|ort|iv|if)|(?<=s)(?:ix|even)"
    r"|(?<=e)(?:ig|lev)|(?<=n)ine|(?<=o)ne|(?<=h)(?:un|al)|(?<=d)(?:oz|oub)|(?<=a)(?:[\s-][tqd]|n o))"
)


def _ending_with(phrases: str) -> re.Pattern[str]:
    """A pattern that matches, at position 0 of a *reversed* lowercased window, one of ``phrases`` (|-separated)
    followed by optional spaces: reading backwards from a number tries a single position, not every one."""
    reversed_phrases = sorted((re.escape(phrase[::-1]) for phrase in phrases.split("|")), key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(reversed_phrases) + r")(?![a-z])")


_REFERENCE_BEFORE = _ending_with(
    "section|sec.|figure|fig.|table|tab.|eq.|equation|appendix|theorem|lemma|chapter|version|v|arxiv|arxiv:"
    "|step|stage|phase|level|task|track|round|no.|top|top-|#|pass@|@|p=|p =|p<|p <|p>|p >|p≤|p ≤"
)
_APPROX_BEFORE = _ending_with("approximately|approx.|about|around|roughly|nearly|almost|close to|~|≈|some")
_LOWER_BEFORE = _ending_with("over|more than|greater than|above|exceeding|exceeds|at least|beyond|>|≥|>=")
_UPPER_BEFORE = _ending_with("up to|at most|less than|fewer than|under|below|within|<|≤|<=")


def _kind(unit: str, integer: bool) -> Kind:
    unit = unit.strip().lower()
    if not unit:
        return "count" if integer else "plain"
    if "point" in unit or unit in ("pp", "p.p."):
        return "points"
    if unit.startswith(("%", "percent", "per")):
        return "percent"
    return "multiplier"


def _qualifiers(text: str, start: int, sign: str) -> frozenset[str]:
    backwards = text[max(0, start - 24):start][::-1].lower()
    found = set()
    if _APPROX_BEFORE.match(backwards):
        found.add(APPROX)
    elif _LOWER_BEFORE.match(backwards):
        found.add(LOWER)
    elif _UPPER_BEFORE.match(backwards):
        found.add(UPPER)
    if sign == "-":
        found.add(DOWN)  # "reduces by 36.8%" is read as a claim (checker.claims), not here
    return frozenset(found)


_ID_OR_DATE = re.compile(r"\d{4}\.\d{4,5}|(?:19|20)\d\d\.(?:0?[1-9]|1[0-2])")
_CONVENTION = re.compile(r"\s*(?:CL\b|C\.L\.|confidence|credible|CI\b)", re.IGNORECASE)
_CAPS_NAME = re.compile(r"\b[A-Z]{2,}[A-Za-z]*[ -]$")  # ISO 9001, ISONORM 9242: an identifier
_LIST_MARKER = re.compile(r"(?:^|[\s;:,.(])$")


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2099


def _not_a_quantity(text: str, match: re.Match[str]) -> bool:
    """Names, identifiers, years, arXiv ids and references that the pattern cannot rule out alone."""
    a = match.group("a")
    end = match.end()
    after = text[end:end + 2]
    if not match.group("unit") and not match.group("scale"):
        if after[:1].isalpha() or (after[:1] == "." and after[1:2].isdigit()):
            return True  # 2D, 3rd, 48e, 1.2.3
        if _is_year(a) and (not match.group("b") or _is_year(match.group("b"))):
            return True  # a year
        if after[:1] == "/" or (a.isdigit() and _CAPS_NAME.search(text[max(0, match.start() - 12):match.start()])):
            return True  # 3/5, ISO 9001
        if after[:1] == ")" and a.isdigit() and int(a) <= 30 and _LIST_MARKER.search(text[max(0, match.start() - 1):match.start()]):
            return True  # (2), 3)
    if _ID_OR_DATE.fullmatch(a) and not match.group("unit") and not match.group("scale"):
        return True  # an arXiv id, 2024.08
    if match.group("unit") and "%" in match.group("unit") and a in CONVENTIONAL_LEVELS and _CONVENTION.match(text, end):
        return True  # 95% CL, 90% confidence interval: a convention, not a result
    return _REFERENCE_BEFORE.match(text[max(0, match.start() - 12):match.start()][::-1].lower()) is not None


def _from_match(text: str, match: re.Match[str]) -> list[Quantity]:
    scale_word = (match.group("scale") or "").strip()
    scale = _SCALES.get(scale_word.lower() if len(scale_word) > 1 else scale_word, 1.0)
    unit = match.group("unit") or ""
    sign = match.group("sign") or ""
    qualifiers = _qualifiers(text, match.start(), sign)
    out = []
    numbers = [("a", match.group("a"))]
    if match.group("b"):
        numbers.append(("b", match.group("b")))
        qualifiers = qualifiers | {RANGE}
    for group, digits in numbers:
        value, decimals = parse_number(digits)
        own_unit = unit if group == "b" or not match.group("aunit") else match.group("aunit")
        kind = _kind(own_unit, decimals == 0 and scale == 1.0 or (scale > 1 and value * scale == int(value * scale)))
        out.append(Quantity(value=value * scale, kind=kind, resolution=resolution_of(decimals, scale),
                            text=match.group(0) if len(numbers) == 1 else digits + unit,
                            start=match.start(group), end=match.end(), qualifiers=qualifiers))
    return out


def english_number_words(text: str) -> list[Quantity]:
    """Quantities written in words: "ten benchmarks", "three million", "twenty-five", "doubles", "half"."""
    out = []
    for match in scan(_NUMBER_WORDS, _NUMBER_WORDS_SCREEN, text.lower()):  # same length: spans index ``text``
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
            part = _PARTS.get(match.group("part"))
            if part is None:  # "a thirds", "one thirds": not a fraction we can name
                continue
            out.append(Quantity(value=part, kind="plain", resolution=0.001,
                                text=text[match.start():match.end()], start=match.start(), end=match.end(),
                                qualifiers=frozenset({WORD, FRACTION})))
            continue
        value = float(_WORDS[match.group("tens") or match.group("w")])
        if match.group("w2"):
            value += _WORDS[match.group("w2")]
        scale_word = (match.group("scale") or "").strip()
        value *= _SCALES.get(scale_word, 100.0 if scale_word == "hundred" else 1.0)
        unit = match.group("unit") or ""
        if value == 1 and not scale_word and not unit:
            continue  # "one of the", "one-shot": not a count worth checking
        kind: Kind = _kind(unit, True) if unit else "count"
        out.append(Quantity(value=value, kind=kind, resolution=1.0, text=text[match.start():match.end()],
                            start=match.start(), end=match.end(), qualifiers=frozenset({WORD})))
    return out


_FRACTION_TAIL = re.compile(r"/(\d+)(?![\d/.^]|\)\^)")
_ORDINAL_TAIL = re.compile(r"(?:st|nd|rd|th)\b")


def _fraction_or_ordinal(text: str, match: re.Match[str]) -> Quantity | None:
    """1/10 and 20th, read the same way as in Chinese blocks (1/10, 第20届)."""
    if match.group("unit") or match.group("scale") or match.group("b") or not match.group("a").isdigit():
        return None
    end = match.end()
    if text.startswith("/", end):
        tail = _FRACTION_TAIL.match(text, end)
        if tail and int(tail.group(1)) and not _is_year(match.group("a")):
            return Quantity(value=int(match.group("a")) / int(tail.group(1)), kind="plain", resolution=0.001,
                            text=text[match.start():tail.end()], start=match.start(), end=tail.end(),
                            qualifiers=frozenset({FRACTION}))
    elif _ORDINAL_TAIL.match(text, end):
        return Quantity(value=float(match.group("a")), kind="count", resolution=1.0,
                        text=text[match.start():end + 2], start=match.start(), end=end + 2)
    return None


def extract_english_quantities(text: str, *, words: bool = True) -> list[Quantity]:
    """Every quantity of an English text, in order; spans index ``clean_latex(text)``.

    ``words=False`` skips number words ("ten", "doubles"): callers that only need them as a fallback
    can ask ``english_number_words`` later.
    """
    return english_quantities_of_clean(clean_latex(text), words=words)


def english_quantities_of_clean(text: str, *, words: bool = True) -> list[Quantity]:
    """``extract_english_quantities`` for a text that ``clean_latex`` leaves as it is (it is not cleaned again)."""
    found: list[Quantity] = []
    screen = _QUANTITY_SCREEN_ASCII if text.isascii() else _QUANTITY_SCREEN
    for match in scan(_QUANTITY, screen, text):
        special = _fraction_or_ordinal(text, match)
        if special is not None:
            found.append(special)
        elif not _not_a_quantity(text, match):
            found.extend(_from_match(text, match))
    if words:
        found.extend(english_number_words(text))
    found.sort(key=lambda q: (q.start, q.end))
    return found
