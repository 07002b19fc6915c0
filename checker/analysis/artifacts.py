"""Generator artifacts in block text: control characters left by broken escaping, the words around a match, and
whether an artefact is the paper's own text.

Shared by the format rules that quote a piece of a block (F301-F303) or scan the extra fields (F306); F302 asks
``in_reference`` before calling markup a leak.
"""

from __future__ import annotations

import re

CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # not \t or \n


def around(text: str, start: int, end: int, width: int = 30) -> str:
    """The match from ``start`` to ``end`` with ``width`` characters on each side: the span a finding quotes."""
    return text[max(0, start - width) : min(len(text), end + width)]


_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<\s*/\s*")  # a closing tag names the same tag as its opening one


def _normalized(text: str) -> str:
    return _TAG.sub("<", _SPACE.sub(" ", text.strip().lower()))


def in_reference(fragment: str, reference: str) -> bool:
    """Whether the paper's own text (abstract, title) holds ``fragment``: the same tag (``</think>`` and
    ``<think>`` alike), term or markup, compared without case or spacing. A format artefact the paper writes
    itself is its content, not a leak of the generator."""
    key = _normalized(fragment)
    return bool(key) and key in _normalized(reference)
