"""Numbers: read quantities from English and Chinese text and decide whether the abstract supports them.

Public API (also used by the claim rules):

- ``extract_english_quantities(text) -> list[Quantity]``: quantities of an English text (the abstract),
  LaTeX aware; spans index ``clean_latex(text)``.
- ``extract_chinese_quantities(text) -> list[Quantity]``: quantities of a Chinese (or Japanese) block;
  spans index ``normalize_chinese(text)`` (same length as the input unless it holds LaTeX).
- ``Quantity``: value (normalized, >= 0), kind (percent, points, multiplier, count, plain), resolution
  (the step of the last digit shown), text, start, end, qualifiers (approx, lower, upper, down, range, word).
- ``english_number_words(text)``: only the quantities written in words ("ten", "threefold", "one-third").
- ``supports(summary_q, abstract_q)``, ``find_support(summary_q, abstract_qs) -> Support``: the matching.
- ``NumberView(abstract, title, blocks, language)`` (checker.numbers.view): one paper read once; the number
  rules keep it in ``ctx.memo("numbers", ...)``, reuse it through ``checker.rules.numbers.number_view(ctx)``.

Names are not quantities: GPT-4o, Qwen2.5-3B, ResNet-18, F1, 2D yield nothing; ``digit_tokens`` gives
the digits of a text *including* names, to compare them as names.
"""

from checker.numbers.chinese import extract_chinese_quantities, normalize_chinese
from checker.numbers.english import english_number_words, extract_english_quantities
from checker.numbers.latex import clean_latex
from checker.numbers.match import (
    Derivation,
    Support,
    closest,
    find_derivation,
    find_support,
    same_family,
    supports,
)
from checker.numbers.quantity import Quantity, canonical_digits, digit_tokens

__all__ = [
    "Derivation",
    "Quantity",
    "Support",
    "canonical_digits",
    "clean_latex",
    "closest",
    "digit_tokens",
    "english_number_words",
    "extract_chinese_quantities",
    "extract_english_quantities",
    "find_derivation",
    "find_support",
    "normalize_chinese",
    "same_family",
    "supports",
]
