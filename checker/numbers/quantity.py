"""The Quantity model: one number read from a text, normalized to a value, a kind and a precision."""

from __future__ import annotations

import re
from operator import attrgetter
from typing import Literal, NamedTuple

Kind = Literal["percent", "points", "multiplier", "count", "plain"]

# Qualifiers a quantity may carry (read from the words around it).
APPROX = "approx"  # about, approximately, ~, 约, 近, 左右
LOWER = "lower"  # over, more than, at least, 超过, 以上: the true value is at least this
UPPER = "upper"  # up to, under, less than, 最多, 不到: the true value is at most this
DOWN = "down"  # a decrease: -36.8%, reduces by, 降低
RANGE = "range"  # an endpoint of a range: 3.3-7.1%, between 3 and 5
WORD = "word"  # written in words: ten, 十个, 三成
FRACTION = "fraction"  # 1/10, 5/8: often a spin, an exponent or a bound in the text around it

# Confidence levels written by convention (95% CI, 90% CL): not results, unless another value is written.
CONVENTIONAL_LEVELS: frozenset[str] = frozenset({"68", "90", "95", "99", "99.7", "99.9"})
MEASURED_KINDS: frozenset[str] = frozenset({"percent", "points", "multiplier"})


class Quantity(NamedTuple):
    """A number as written: ``value`` is normalized (22.6万 -> 226000.0, 13B -> 1.3e10), always >= 0.

    ``resolution`` is the step of the last digit shown (0.026 -> 0.001, 22.6万 -> 1000), so a reader
    can tell which values round to it. ``start``/``end`` index the text the extractor was given.
    A named tuple rather than a frozen dataclass: a paper builds a few dozen, and a tuple is built three
    times faster (immutable and compared by value all the same).
    """

    value: float
    kind: Kind
    resolution: float
    text: str
    start: int
    end: int
    qualifiers: frozenset[str] = frozenset()

    @property
    def is_integer(self) -> bool:
        return self.resolution >= 1 and self.value == int(self.value)

    @property
    def is_measured(self) -> bool:
        """A measured result: a percentage, a multiplier, a decimal or a large count."""
        return self.kind in MEASURED_KINDS or not self.is_integer or self.value >= 1000

    def show(self) -> str:
        """The number as written; a long run of digits (a power of ten written out) in scientific form."""
        text = self.text.strip()
        if len(text) > _LONGEST_SHOWN and _ONLY_DIGITS.fullmatch(text):
            return f"{self.value:.6g}"
        return text


_LONGEST_SHOWN = 15  # digits: 10^{30} written out is shown as 1e+30
_ONLY_DIGITS = re.compile(r"[\d.]+")
SPAN = attrgetter("start", "end")  # the sort key of quantities in text order

_DIGITS_RE = re.compile(r"\d+(?:\.\d+)?")
_SEPARATORS = re.compile(r"[,\s\u2009\u202f\u00a0]")
_POINT_OR_COMMA = frozenset(".,")
_DIGITS_AND_POINTS = bytes(byte if chr(byte) in "0123456789." else ord(" ") for byte in range(256))


def parse_number(digits: str) -> tuple[float, int]:
    """'1,234.50' -> (1234.5, 2): the value and how many decimals are shown."""
    if digits.isdecimal():
        return float(digits), 0  # the common case: no separator, no point
    plain = _SEPARATORS.sub("", digits)
    decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
    return float(plain), decimals


def resolution_of(decimals: int, scale: float) -> float:
    return (10.0 ** -decimals) * scale


def digit_tokens(text: str) -> frozenset[str]:
    """Every run of digits in a text, thousands separators removed, names included ('Qwen2.5-7B' -> 2.5, 7)."""
    text = text.replace(",", "")
    if not text.isascii():
        return frozenset(m.lstrip("0") or "0" for m in _DIGITS_RE.findall(text))
    # _DIGITS_RE only spans digits and points, so it finds the same runs in each stretch of them: ASCII text
    # is cut into those stretches by bytes.split (fast), and only the few holding a point are searched.
    tokens = set()
    for stretch in set(text.encode("ascii").translate(_DIGITS_AND_POINTS).split()):
        if stretch.isdigit():
            tokens.add(stretch.decode("ascii").lstrip("0") or "0")
        elif stretch.strip(b"."):  # not only points (the end of a sentence)
            tokens.update(m.lstrip("0") or "0" for m in _DIGITS_RE.findall(stretch.decode("ascii")))
    return frozenset(tokens)


def canonical_digits(text: str) -> str:
    """The digits of a number as a token comparable with ``digit_tokens`` ('1,309' -> '1309')."""
    match = _DIGITS_RE.match(text)
    if match is not None:
        after = text[match.end():match.end() + 1]
        if after not in _POINT_OR_COMMA and not after.isspace():  # nothing that removing separators would join on (1,309; 3. 5)
            return match.group(0).lstrip("0") or "0"  # the common case
    match = _DIGITS_RE.search(_SEPARATORS.sub("", text))
    return (match.group(0).lstrip("0") or "0") if match else ""
