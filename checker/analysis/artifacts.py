"""Generator artifacts in block text: control characters left by broken escaping, and the words around a
match.

Shared by the format rules that quote a piece of a block (F301-F303) or scan the extra fields (F306).
"""

from __future__ import annotations

import re

CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # not \t or \n


def around(text: str, start: int, end: int, width: int = 30) -> str:
    """The match from ``start`` to ``end`` with ``width`` characters on each side: the span a finding quotes."""
    return text[max(0, start - width) : min(len(text), end + width)]
