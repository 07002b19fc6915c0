"""Quantities of English text (the arXiv abstract, English digests): digits, words, LaTeX, units, ranges.

Digits inside names (GPT-4o, ResNet-18, Llama-3-8B, F1, 2D), years, arXiv ids and references to
sections or figures are not quantities.
"""

from __future__ import annotations

import re

from checker.numbers.english_words import SCALES, english_number_words, proportions
from checker.numbers.latex import clean_latex
from checker.numbers.quantity import (
    APPROX,
    CONVENTIONAL_LEVELS,
    DOWN,
    FRACTION,
    LOWER,
    RANGE,
    SPAN,
    UPPER,
    Kind,
    Quantity,
    parse_number,
    resolution_of,
)
from checker.numbers.scan import scan, scan_at

# "7. 1%" is a decimal broken by the PDF-to-text step of some abstracts.
_NUM = r"\d+\.\s\d{1,2}(?=\s*%)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u2009\u202f\u00a0]\d{3})+(?![\d.,])|\d+(?:\.\d+)?|\.\d+"
_QUANTITY = re.compile(
    rf"(?=[-+±.\d])(?<![A-Za-z0-9_.@/^\-])(?P<sign>[-+±](?=\d))?(?P<a>{_NUM})"
    rf"(?:(?P<aunit>%|\s?×|x)?\s*(?P<sep>-|to|~)\s*(?P<b>{_NUM}))?"
    r"(?P<scale>(?:\s*|-)(?:thousand|million|billion|trillion)s?\b|\s*bn\b|[KkMBT](?![A-Za-z0-9]))?"
    r"(?P<unit>\s*(?:%|percent(?:age)?[\s-]+points?|per\s?cent|percent|pp\b|p\.p\.|points?\b)"
    r"|\s*(?:×|x(?![A-Za-z0-9]))(?!\s*\d)|\s*times\b|-?fold\b)?"
)
# Where a quantity can start (see checker.numbers.scan); ASCII text takes the faster ``_ascii_quantity_starts``.
_QUANTITY_SCREEN = re.compile(r"[-+±.\d](?<![A-Za-z0-9_.@/^\-].)")
_DIGIT_MASK = bytes(0x30 if 0x30 <= byte <= 0x39 else 0x20 for byte in range(256))  # digits -> "0", the rest -> " "
_NOT_BEFORE_QUANTITY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.@/^-")
def _ascii_quantity_starts(text: str) -> list[int]:
    """Every position of an ASCII text where ``_QUANTITY`` can match, found without a regex scan.

    A match opens on the first digit of a run of digits, or on the sign or point just before it (-3, +3, .5);
    the pattern's lookbehind rules out a digit, letter, point or hyphen before the opening, so those are dropped
    here. Digits are found with ``bytes.find`` (memchr) on a mask of the text: much faster than a class scan.
    """
    mask = text.encode("ascii").translate(_DIGIT_MASK)
    starts: list[int] = []
    digit = mask.find(b"0")
    while digit >= 0:
        if digit and text[digit - 1] in "-+.":
            sign = digit - 1
            if not sign or text[sign - 1] not in _NOT_BEFORE_QUANTITY:
                starts.append(sign)
        if not digit or text[digit - 1] not in _NOT_BEFORE_QUANTITY:
            starts.append(digit)
        after = mask.find(b" ", digit)
        if after < 0:
            break
        digit = mask.find(b"0", after)
    return starts

def _reversed(phrases: str) -> str:
    """``phrases`` (|-separated) reversed, as alternatives, the longest first."""
    return "|".join(sorted((re.escape(phrase[::-1]) for phrase in phrases.split("|")), key=len, reverse=True))


def _ending_with(phrases: str) -> re.Pattern[str]:
    """A pattern that matches, at position 0 of a *reversed* lowercased window, one of ``phrases`` (|-separated)
    followed by optional spaces: reading backwards from a number tries a single position, not every one."""
    return re.compile(r"\s*(?:" + _reversed(phrases) + r")(?![a-z])")


_REFERENCE_BEFORE = _ending_with(
    "section|sec.|figure|fig.|table|tab.|eq.|equation|appendix|theorem|lemma|chapter|version|v|arxiv|arxiv:"
    "|step|stage|phase|level|task|track|round|no.|top|top-|#|pass@|@|p=|p =|p<|p <|p>|p >|p≤|p ≤"
)
_APPROX_BEFORE = "approximately|approx.|about|around|roughly|nearly|almost|close to|~|≈|some"
_LOWER_BEFORE = "over|more than|greater than|above|exceeding|exceeds|at least|beyond|>|≥|>=|≳"
_UPPER_BEFORE = "up to|at most|less than|fewer than|under|below|within|<|≤|<=|≲"
# The three in one pattern, tried in this order (no phrase ends in a space, so each can only match after all the
# spaces: one attempt gives what three _ending_with patterns tried in turn would).
_QUALIFIER_BEFORE = re.compile(
    rf"\s*(?:(?P<approx>{_reversed(_APPROX_BEFORE)})(?![a-z])|(?P<lower>{_reversed(_LOWER_BEFORE)})(?![a-z])"
    rf"|(?P<upper>{_reversed(_UPPER_BEFORE)})(?![a-z]))"
)


def _kind(unit: str, integer: bool) -> Kind:
    unit = unit.strip().lower()
    if not unit:
        return "count" if integer else "plain"
    if "point" in unit or unit in ("pp", "p.p."):
        return "points"
    if unit.startswith(("%", "percent", "per")):
        return "percent"
    return "multiplier"


def _qualifiers(text: str, start: int, sign: str | None) -> frozenset[str]:
    found = []
    qualifier = _QUALIFIER_BEFORE.match(text[max(0, start - 24):start][::-1].lower())
    if qualifier is not None:
        found.append(APPROX if qualifier.group("approx") else LOWER if qualifier.group("lower") else UPPER)
    if sign == "-":
        found.append(DOWN)  # "reduces by 36.8%" is read as a claim (checker.analysis), not here
    return frozenset(found) if found else _NO_QUALIFIERS


_ID_OR_DATE = re.compile(r"\d{4}\.\d{4,5}|(?:19|20)\d\d\.(?:0?[1-9]|1[0-2])")
_CONVENTION = re.compile(r"\s*(?:CL\b|C\.L\.|confidence|credible|CI\b)", re.IGNORECASE)
_CAPS_NAME = re.compile(r"\b[A-Z]{2,}[A-Za-z]*[ -]$")  # ISO 9001, ISONORM 9242: an identifier
_LIST_MARKER = re.compile(r"(?:^|[\s;:,.(])$")
_NO_QUALIFIERS: frozenset[str] = frozenset()
_FRACTION_ONLY = frozenset({FRACTION})
# The groups of a _QUANTITY match, read once: sign, a, aunit, b, scale, unit.
_GROUPS = ("sign", "a", "aunit", "b", "scale", "unit")
Groups = tuple[str | None, str, str | None, str | None, str | None, str | None]


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2099


def _not_a_quantity(text: str, match: re.Match[str], groups: Groups) -> bool:
    """Names, identifiers, years, arXiv ids and references that the pattern cannot rule out alone."""
    _, a, _, b, scale, unit = groups
    start, end = match.span()
    if not unit and not scale:
        after = text[end:end + 2]
        first = after[:1]
        if first.isalpha() or (first == "." and after[1:2].isdigit()):
            return True  # 2D, 3rd, 48e, 1.2.3
        if _is_year(a) and (not b or _is_year(b)):
            return True  # a year
        if first == "/" or (a.isdigit() and _CAPS_NAME.search(text[max(0, start - 12):start])):
            return True  # 3/5, ISO 9001
        if first == ")" and a.isdigit() and int(a) <= 30 and _LIST_MARKER.search(text[max(0, start - 1):start]):
            return True  # (2), 3)
        if _ID_OR_DATE.fullmatch(a):
            return True  # an arXiv id, 2024.08
    elif unit and "%" in unit and a in CONVENTIONAL_LEVELS and _CONVENTION.match(text, end):
        return True  # 95% CL, 90% confidence interval: a convention, not a result
    return _REFERENCE_BEFORE.match(text[max(0, start - 12):start][::-1].lower()) is not None


def _from_match(text: str, match: re.Match[str], groups: Groups) -> list[Quantity]:
    sign, a, a_unit, b, scale_word, unit = groups
    scale_word = (scale_word or "").strip(" \t\n-")
    if len(scale_word) > 2 and scale_word[-1] in "sS":
        scale_word = scale_word[:-1]  # "1.2 millions"
    scale = SCALES.get(scale_word.lower() if len(scale_word) > 1 else scale_word, 1.0)
    unit = unit or ""
    qualifiers = _qualifiers(text, match.start(), sign)
    end = match.end()
    if not b:
        return [_quantity(a, a_unit or unit, scale, match.group(0), match.start("a"), end, qualifiers)]
    qualifiers = qualifiers | {RANGE}
    return [_quantity(a, a_unit or unit, scale, a + unit, match.start("a"), end, qualifiers),
            _quantity(b, unit, scale, b + unit, match.start("b"), end, qualifiers)]


def _quantity(digits: str, unit: str, scale: float, shown: str, start: int, end: int,
              qualifiers: frozenset[str]) -> Quantity:
    value, decimals = parse_number(digits)
    kind = _kind(unit, decimals == 0 and scale == 1.0 or (scale > 1 and value * scale == int(value * scale)))
    return Quantity(value * scale, kind, resolution_of(decimals, scale), shown, start, end, qualifiers)


# A number whose hyphen waits for the scale of a later one: "2- or 4-billion", "7-, 13- and 70-billion".
_SUSPENDED = re.compile(r"-(?:\s*,\s*\d+(?:\.\d+)?-)*\s*,?\s*(?:or|and|to)\s+\d+(?:\.\d+)?[\s-]?"
                        r"(?P<scale>thousand|million|billion|trillion|[KMB](?![A-Za-z0-9]))")
_FRACTION_TAIL = re.compile(r"/(\d+)(?![\d/.^]|\)\^)")
_ORDINAL_TAIL = re.compile(r"(?:st|nd|rd|th)\b")


def _fraction_or_ordinal(text: str, match: re.Match[str], digits: str) -> Quantity | None:
    """1/10 and 20th, read the same way as in Chinese blocks (1/10, 第20届); ``digits`` is a bare integer."""
    end = match.end()
    if text.startswith("/", end):
        tail = _FRACTION_TAIL.match(text, end)
        if tail and int(tail.group(1)) and not _is_year(digits):
            start = match.start()
            return Quantity(int(digits) / int(tail.group(1)), "plain", 0.001, text[start:tail.end()], start,
                            tail.end(), _FRACTION_ONLY)
    elif _ORDINAL_TAIL.match(text, end):
        start = match.start()
        return Quantity(float(digits), "count", 1.0, text[start:end + 2], start, end + 2)
    return None


def extract_english_quantities(text: str, *, words: bool = True) -> list[Quantity]:
    """Every quantity of an English text, in order; spans index ``clean_latex(text)``.

    ``words=False`` skips number words ("ten", "doubles"): callers that only need them as a fallback
    can ask ``english_number_words`` later.
    """
    return english_quantities_of_clean(clean_latex(text), words=words)


def english_quantities_of_clean(text: str, *, words: bool = True) -> list[Quantity]:
    """``extract_english_quantities`` for a text already cleaned by ``clean_latex`` (cleaning is idempotent)."""
    found: list[Quantity] = []
    ascii_text = text.isascii()
    matches = scan_at(_QUANTITY, text, _ascii_quantity_starts(text)) if ascii_text else scan(_QUANTITY, _QUANTITY_SCREEN, text)
    for match in matches:
        groups: Groups = match.group(*_GROUPS)  # type: ignore[assignment]
        _, a, _, b, scale, unit = groups
        special = None if unit or scale or b or not a.isdigit() else _fraction_or_ordinal(text, match, a)
        if special is not None:
            found.append(special)
        elif not unit and not scale and not b and text.startswith("-", match.end()) \
                and (suspended := _SUSPENDED.match(text, match.end())) is not None:
            # "2- or 4-billion-parameter": the scale of the last number is the scale of all
            found.extend(_from_match(text, match, (groups[0], a, None, None, suspended.group("scale"), None)))
        elif not _not_a_quantity(text, match, groups):
            found.extend(_from_match(text, match, groups))
    found.extend(proportions(text, digits=True))
    if words:
        found.extend(english_number_words(text))
    found.sort(key=SPAN)
    return found
