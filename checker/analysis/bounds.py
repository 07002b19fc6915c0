"""A bound on a number the summary writes at another scale than the abstract ("低于1.16亿" for "over 116M"):
the normalized quantities of checker.numbers pair the two, and checker.analysis.valence reads each side's bound
(C101)."""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from checker.analysis.context import PaperContext
from checker.analysis.per_paper import number_view
from checker.analysis.valence import chinese_bound, english_bound

# A Chinese number with a scale character right after it: only these are written at another scale.
_ZH_SCALED = re.compile(r"(\d+(?:\.\d+)?)[万亿]")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


class ScaledBound(NamedTuple):
    said: int  # 1: at least, -1: at most
    source: int
    number: str  # as the summary writes it
    sentence: str  # the abstract sentence with the same quantity


def scaled_bound(ctx: PaperContext, block: str, clause: str) -> ScaledBound | None:
    """The first number of a clause written with 万/亿 and bounded there whose value an abstract quantity has,
    with the bound that abstract sentence puts on it (0 where it puts none)."""
    view = None
    for match in _ZH_SCALED.finditer(clause):
        said = chinese_bound(clause, match.group(1))
        if not said:
            continue
        view = view or number_view(ctx)
        values = {q.value for b in view.blocks if b.name == block for q in b.quantities if q.text == match.group()}
        for quantity in view.abstract_quantities:
            if not any(math.isclose(quantity.value, value, rel_tol=1e-9) for value in values):
                continue
            digits = _DIGITS.match(quantity.text)
            if digits is None:
                continue
            start = max((at for at in view.starts if at <= quantity.start), default=0)
            stop = min((at for at in view.starts if at > quantity.start), default=len(view.abstract))
            sentence = view.abstract[start:stop].strip()
            return ScaledBound(said, english_bound(sentence, digits.group()), match.group(), sentence)
    return None
