"""Numbers: read quantities from English and Chinese text and decide whether the abstract supports them.

A leaf: these modules import nothing of ``checker`` but each other and the text primitives below them
(``checker.text``: the one sentence splitter, the one stop-word list). Other layers use the names of
``__all__``, importable from ``checker.numbers`` itself:

Reading
- ``extract_english_quantities(text) -> list[Quantity]``: quantities of an English text (the abstract),
  LaTeX aware; spans index ``clean_latex(text)``. Number words and hyphenated scales ("seven-billion",
  "1.5-million", "2- or 4-billion"), spelled fractions ("one-sixth", "two fifths", "a tenth of").
- ``extract_chinese_quantities(text) -> list[Quantity]``: quantities of a Chinese (or Japanese) block;
  spans index ``normalize_chinese(text)`` (same length as the input unless it holds LaTeX). 万/亿, 百分之,
  N分之M, 成, numerals before a counter.
- ``english_number_words(text)``: only the quantities written in words ("ten", "threefold", "one-third").
- ``clean_latex(text)``: plain-text numbers; powers of ten written out exactly (10^{30} is a 1 and thirty
  zeros, not a float's digits), Unicode hyphens as "-".
- ``chinese_years(text)``: the years a Chinese text writes with 年.
- ``Quantity``: value (normalized, >= 0), kind (percent, points, multiplier, count, plain), resolution
  (the step of the last digit shown), text, start, end, qualifiers (``APPROX``, ``LOWER``, ``UPPER``,
  ``DOWN``, ``RANGE``, ``WORD``, ``FRACTION``); ``MEASURED_KINDS``.
- ``digit_tokens(text)``: the digits of a text *including* names; ``canonical_digits(text)``: one number's.

Names are not quantities: GPT-4o, Qwen2.5-3B, ResNet-18, x86-64, Name-90K, F1, 2D yield nothing.
``blank_names(text)`` hides them, ``name_sizes(text)`` reads the sizes they state (Name-90K -> 90,000),
``name_like(text, start)`` tells a summary number written as part of a name (Claude 3.5).

Matching
- ``supports(summary_q, abstract_q)``, ``find_support(summary_q, abstract_qs) -> Support``: the same number
  after normalization, rounding, a unit change or a qualifier's slack; ``compatible``: kinds that may show one
  number (a percentage is no count); ``same_value``, ``same_family``, ``closest``; ``find_derivation`` gives
  the ``Derivation`` (one operation on two abstract numbers) that reaches a summary number.
- ``NumberView(abstract, title, blocks, language)``: one paper read once, with ``BlockNumbers`` per block;
  ``support_of(quantity, view)``. The rules keep one view per paper in ``ctx.memo("numbers", ...)`` and reach it
  through ``checker.analysis.per_paper.number_view(ctx)``.

Evidence spans: ``clause_around(text, start, end)`` (a summary clause), ``sentence_around(text, starts,
position)`` (an abstract sentence, from ``NumberView.starts``). ``scan(pattern, screen, text)``: ``finditer`` for
a pattern that opens with an assertion, found fast through a screen that opens with a class.
"""

from checker.numbers.chinese import chinese_years, extract_chinese_quantities, normalize_chinese
from checker.numbers.english import extract_english_quantities
from checker.numbers.english_words import english_number_words
from checker.numbers.latex import clean_latex
from checker.numbers.match import (
    Derivation,
    Support,
    closest,
    compatible,
    find_derivation,
    find_support,
    same_family,
    same_value,
    supports,
)
from checker.numbers.names import blank_names, name_like, name_sizes
from checker.numbers.quantity import (
    APPROX,
    DOWN,
    FRACTION,
    LOWER,
    MEASURED_KINDS,
    RANGE,
    UPPER,
    WORD,
    Quantity,
    canonical_digits,
    digit_tokens,
)
from checker.numbers.scan import scan
from checker.numbers.text_spans import clause_around, sentence_around
from checker.numbers.view import BlockNumbers, NumberView, support_of

__all__ = [
    "APPROX",
    "DOWN",
    "FRACTION",
    "LOWER",
    "MEASURED_KINDS",
    "RANGE",
    "UPPER",
    "WORD",
    "BlockNumbers",
    "Derivation",
    "NumberView",
    "Quantity",
    "Support",
    "blank_names",
    "canonical_digits",
    "chinese_years",
    "clause_around",
    "clean_latex",
    "closest",
    "compatible",
    "digit_tokens",
    "english_number_words",
    "extract_chinese_quantities",
    "extract_english_quantities",
    "find_derivation",
    "find_support",
    "name_like",
    "name_sizes",
    "normalize_chinese",
    "same_family",
    "same_value",
    "scan",
    "sentence_around",
    "support_of",
    "supports",
]
