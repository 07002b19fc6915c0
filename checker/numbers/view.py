"""One paper's numbers, read once: the abstract's quantities, each block's, and lookups made on demand."""

from __future__ import annotations

from functools import cached_property

from checker.numbers.chinese import may_hold_quantity, normalize_and_extract, normalize_chinese
from checker.numbers.english import english_number_words, english_quantities_of_clean
from checker.numbers.latex import clean_latex
from checker.numbers.match import Support, find_support
from checker.numbers.names import blank_names, name_sizes
from checker.numbers.quantity import FRACTION, Quantity, canonical_digits, digit_tokens
from checker.numbers.text_spans import sentence_around, sentence_starts


class BlockNumbers:
    """One block's quantities; ``text`` is the normalized text their spans index.

    A Chinese block that cannot hold a quantity (``may_hold_quantity``) is normalized only when a rule asks
    for its text: most blocks, and only the year check may ask.
    """

    def __init__(self, name: str, raw: str, quantities: list[Quantity], text: str | None = None) -> None:
        self.name = name
        self.raw = raw  # as written: normalizing changes digits, signs and LaTeX only (a test for 年 can use it)
        self.quantities = quantities
        self._text = text

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = normalize_chinese(self.raw)  # what normalize_and_extract would have given
        return self._text

    @cached_property
    def tokens(self) -> frozenset[str]:
        """The digits of this block's quantities as written (names excluded: Qwen2.5 does not carry 2.5%)."""
        return frozenset(canonical_digits(self.text[q.start:q.end]) for q in self.quantities)


class NumberView:
    """What every number rule of one paper needs, computed once per paper (ctx.memo), the rest on demand."""

    def __init__(self, abstract: str, title: str, blocks: list[tuple[str, str]], language: str) -> None:
        self.abstract = clean_latex(abstract)  # abstract spans index this text
        self.abstract_quantities = english_quantities_of_clean(self.abstract, words=False)
        self._title = title
        english_blocks = language == "en"
        self.blocks: list[BlockNumbers] = []
        for name, text in blocks:
            if english_blocks:
                normalized = clean_latex(text)
                quantities = english_quantities_of_clean(normalized)
                self.blocks.append(BlockNumbers(name, text, quantities, normalized))
            elif may_hold_quantity(text):
                normalized, quantities = normalize_and_extract(text)
                self.blocks.append(BlockNumbers(name, text, quantities, normalized))
            else:
                self.blocks.append(BlockNumbers(name, text, []))

    @cached_property
    def starts(self) -> list[int]:
        return sentence_starts(self.abstract)

    @cached_property
    def abstract_tokens(self) -> frozenset[str]:
        """Digits of the abstract and the title, names included (Qwen2.5-7B gives 2.5 and 7)."""
        return digit_tokens(self.abstract + " " + self._title)

    @cached_property
    def free_tokens(self) -> frozenset[str]:
        """Digits the abstract and the title write outside names and outside the abstract's quantities: those the
        extraction does not read as a quantity (Section 3, top-5, (2), p < 0.05, a number of the title). A
        summary number with these digits is the abstract's, whatever its kind; digits inside a name (FP4,
        Qwen3-VL-8B) or of a quantity of another kind (6%) are not; the parts of a fraction (30/33) are counts."""
        text = blank_names(self.abstract)
        if self.abstract_quantities:
            pieces = []
            position = 0
            for quantity in self.abstract_quantities:
                if quantity.start >= position and FRACTION not in quantity.qualifiers:  # 30/33: 30 and 33 tasks
                    pieces.append(text[position:quantity.start])
                    position = quantity.end
            pieces.append(text[position:])
            text = " ".join(pieces)
        return digit_tokens(text + " " + blank_names(self._title))

    @cached_property
    def name_sizes(self) -> list[Quantity]:
        """Sizes the abstract's and the title's names state (Name-90K, Llama-3-8B): a summary count of that size
        restates them (9万, 80亿). Spans index the abstract, or the title after it and a space."""
        offset = len(self.abstract) + 1
        return [*name_sizes(self.abstract),
                *(q._replace(start=q.start + offset, end=q.end + offset) for q in name_sizes(self._title))]

    @cached_property
    def all_abstract_quantities(self) -> list[Quantity]:
        """The abstract's quantities with its number words ("ten benchmarks"), in order."""
        return sorted([*self.abstract_quantities, *english_number_words(self.abstract)], key=lambda q: (q.start, q.end))

    def sentence(self, quantity: Quantity | None) -> str | None:
        return sentence_around(self.abstract, self.starts, quantity.start) if quantity else None


def support_of(quantity: Quantity, view: NumberView) -> Support:
    """Digits first; number words of the abstract only when the digits do not back the quantity."""
    support = find_support(quantity, view.abstract_quantities)
    if support.status == "supported" or (quantity.value != int(quantity.value) and quantity.value != 0.5
                                         and FRACTION not in quantity.qualifiers):
        return support  # number words only say whole numbers, "half" and fractions such as "one-third"
    with_words = find_support(quantity, view.all_abstract_quantities)
    return with_words if with_words.status != "unsupported" or support.status == "unsupported" else support
