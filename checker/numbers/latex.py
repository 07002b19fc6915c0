"""Turn the LaTeX that arXiv abstracts carry around numbers into plain text ($\\sim$40, 10^{-3}, \\%).

Powers of ten are written out exactly (10^{30} is a 1 and thirty zeros, never a float's 1000000000000000019884624838656);
Unicode hyphens (U+2010-U+2012, U+2043, U+FE63) become "-", so a name such as Name‐90K stays a name.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_SCIENTIFIC = re.compile(r"(?:(\d+(?:\.\d+)?)\s*(?:\\times|\\cdot|×|x)\s*)?10\s*\^\s*\{?\s*([-−]?\d+)\s*\}?")
_SCIENTIFIC_HINT = re.compile(r"10\s*\^")  # in every _SCIENTIFIC match; opens with a literal, so it is found fast
_FRAC = re.compile(r"\\[dt]?frac\s*\{?\s*(\d+)\s*\}?\s*\{?\s*(\d+)(?:\s*\})?")
# One pass for every other replacement: the matched token picks its replacement.
# A command may follow extra backslashes (a summary's JSON escaped twice: "\\\\text"); they go with it, and an
# escaped brace goes whole, so that cleaning a cleaned text changes nothing more.
_TOKENS = re.compile(
    r"\\+(?:%|(?:sim|approx|simeq|times|geqslant|leqslant|geqq|leqq|geq|ge|leq|le|gtrsim|lesssim|gt|lt|pm"
    r"|text(?:bf|it|rm)?|math(?:rm|bf|it)|rm|bf|it)(?![A-Za-z])"
    r"|[,;:! {}])|\{|\}|\$|-*(?:--|[–—−‐‑‒⁃﹣])[-–—−‐‑‒⁃﹣]*"  # each opens with a literal or a class: the engine skips ahead
)
_DASHES = "-–—−‐‑‒⁃﹣"
_TOKEN_REPLACEMENTS = {
    "\\%": "%", "\\sim": "~", "\\approx": "~", "\\simeq": "~", "\\times": "×", "\\geq": "≥", "\\ge": "≥",
    "\\leq": "≤", "\\le": "≤", "\\pm": "±",
    "\\geqslant": "≥", "\\leqslant": "≤", "\\geqq": "≥", "\\leqq": "≤", "\\gtrsim": "≳", "\\lesssim": "≲", "\\gt": ">",
    "\\lt": "<", "{": "", "}": "", "\\{": "", "\\}": "", "$": "", "–": "-", "—": "-",
    "−": "-", "‐": "-", "‑": "-", "‒": "-", "⁃": "-", "﹣": "-",
}


_FONT_COMMANDS = frozenset({"\\text", "\\textbf", "\\textit", "\\textrm", "\\mathrm", "\\mathbf", "\\mathit", "\\rm",
                            "\\bf", "\\it"})


def _replace_token(match: re.Match[str]) -> str:
    token = match.group(0)
    if token[0] == "\\":
        token = "\\" + token.lstrip("\\")
    if token in _TOKEN_REPLACEMENTS:
        return _TOKEN_REPLACEMENTS[token]
    if token in _FONT_COMMANDS and match.start() and match.string[match.start() - 1].isdigit():
        return ""  # $8.5\\mathrm{B}$ is 8.5B: the unit stays glued to its number
    # A run of dashes ("--", "——" in Chinese text, "–−") is one dash: cleaning twice must give what once gives.
    return "-" if token[0] in _DASHES else " "


_SCREEN = re.compile(r"[\\$^{–—−‐‑‒⁃﹣⁻⁰¹²³⁴⁵⁶⁷⁸⁹]")  # a character class: the scan is fast
_PYTHON_POWER = re.compile(r"10\*\*([-−]?\d+)")
_SUPERSCRIPT_CHAR = re.compile(r"[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]")
_DASH = re.compile(r"[–—−‐‑‒⁃﹣]")
_SUPERSCRIPT = re.compile(r"(?<=\d)([⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_FROM_SUPERSCRIPT = str.maketrans("⁺⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "+-0123456789")


_MAX_EXPONENT = 99  # beyond, the base is read as it stands (10^{999} is no number a summary restates)


def _format_scientific(match: re.Match[str]) -> str:
    """The power written out exactly, with the digits it shows: 2.50\\times10^{3} -> 2500, 10^{-3} -> 0.001.

    Decimal arithmetic, not float: 10.0 ** 30 printed in full is 1000000000000000019884624838656, which no
    summary writes; an exact text keeps the same number on both sides, however large."""
    mantissa = match.group(1) or "1"
    exponent = int(match.group(2).replace("−", "-"))
    if abs(exponent) > _MAX_EXPONENT:
        return match.group(0)
    try:
        return f"{Decimal(mantissa).scaleb(exponent):f}"
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        return match.group(0)


def clean_latex(text: str) -> str:
    """Plain-text numbers: '$\\sim$40\\%' -> '~40%', '$2\\times10^{-3}$' -> '0.002', '$8$--$16$' -> '8-16'.

    Idempotent: a removal can bring two pieces together ("-{–" gives "--"), so a changed text is cleaned again
    until nothing changes; spans of a cleaned text then mean the same whoever cleaned it how often."""
    for _ in range(_MAX_PASSES):
        cleaned = _clean_once(text)
        if cleaned == text:
            break
        text = cleaned
    return text


_MAX_PASSES = 6  # a real text settles in two


def _clean_once(text: str) -> str:
    if "*" in text and "**" in text:
        text = _PYTHON_POWER.sub(r"10^{\1}", text)  # 10**4, as some authors write it
    ascii_text = text.isascii()  # O(1); then only the ASCII characters of _SCREEN can occur (substring tests are fast)
    if ascii_text:
        if "\\" not in text and "$" not in text and "^" not in text and "{" not in text and "--" not in text:
            return text
    elif not _SCREEN.search(text) and "--" not in text:
        return text
    # The replacements below only write ASCII: an ASCII text has no superscript and no dash to look for.
    if not ascii_text and _SUPERSCRIPT_CHAR.search(text):
        text = _SUPERSCRIPT.sub(lambda m: "^{" + m.group(1).translate(_FROM_SUPERSCRIPT) + "}", text)
    if "^" in text and _SCIENTIFIC_HINT.search(text):  # O(n^2) has a caret but no power of ten to rewrite
        text = _SCIENTIFIC.sub(_format_scientific, text)
    if "\\" in text or "$" in text or "{" in text or "--" in text or (not ascii_text and _DASH.search(text)):
        if "frac" in text:
            text = _FRAC.sub(r"\1/\2", text)
        text = _TOKENS.sub(_replace_token, text)
    return text
