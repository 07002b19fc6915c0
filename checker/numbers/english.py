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
    SPAN,
    UPPER,
    WORD,
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
    rf"(?:(?P<aunit>%)?\s*(?P<sep>-|to|~)\s*(?P<b>{_NUM}))?"
    r"(?P<scale>\s*(?:thousand|million|billion|trillion)\b|[KkMBT](?![A-Za-z0-9]))?"
    r"(?P<unit>\s*(?:%|percent(?:age)?[\s-]+points?|per\s?cent|percent|pp\b|p\.p\.|points?\b)"
    r"|\s*(?:×|x(?![A-Za-z0-9]))(?!\s*\d)|\s*times\b|-?fold\b)?"
)
# Where a quantity can start (see checker.numbers.scan); ASCII text takes the faster ``_ascii_quantity_starts``.
_QUANTITY_SCREEN = re.compile(r"[-+±.\d](?<![A-Za-z0-9_.@/^\-].)")
_DIGIT_MASK = bytes(0x30 if 0x30 <= byte <= 0x39 else 0x20 for byte in range(256))  # digits -> "0", the rest -> " "
_NOT_BEFORE_QUANTITY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.@/^-")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}
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
_PHRASE_WORDS = frozenset({b"third", b"thirds", b"quarter", b"quarters", b"dozen", b"magnitude"})
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
_LOWER_BEFORE = "over|more than|greater than|above|exceeding|exceeds|at least|beyond|>|≥|>="
_UPPER_BEFORE = "up to|at most|less than|fewer than|under|below|within|<|≤|<="
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
    scale_word = (scale_word or "").strip()
    scale = _SCALES.get(scale_word.lower() if len(scale_word) > 1 else scale_word, 1.0)
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


def _lower_same_length(text: str) -> str:
    """``text.lower()``, except characters whose lower case is longer ("İ" -> "i̇") stay as they are, so that
    positions in the result are positions in ``text``."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def english_number_words(text: str) -> list[Quantity]:
    """Quantities written in words: "ten benchmarks", "three million", "twenty-five", "doubles", "half"."""
    out = []
    for match in _number_word_matches(_lower_same_length(text)):  # spans index ``text``
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
        elif not _not_a_quantity(text, match, groups):
            found.extend(_from_match(text, match, groups))
    if words:
        found.extend(english_number_words(text))
    found.sort(key=SPAN)
    return found
