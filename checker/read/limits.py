"""Input limits, and JSON decoding that keeps to them: no single record can kill or stall a run.

A value past a limit is never an exception that escapes the reader. A JSON record nested too deep or
holding a number too long is skipped (:class:`JsonLimitError`); a field too long is cut; a lone surrogate
(``"\\ud800"``, half of a cut emoji) becomes U+FFFD, so that no later encode (hashing, the JSON and SARIF
writers, the terminal) meets a character UTF-8 cannot hold. The reader reports each as one input problem.

The limits sit far above real digests: the longest field of the real corpus is an abstract of 1,920
characters (arXiv's own cap), the deepest record three levels, the longest number 4 digits.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_JSON_DEPTH = 32  # objects and arrays inside each other; a record is 3 deep (record, AI, list)
MAX_NUMBER_DIGITS = 100  # digits of a JSON integer; Python itself refuses past 4,300 and is slow before
MAX_FIELD_CHARS = 20_000  # characters of one field (title, abstract, block); more is cut
MAX_JSONL_LINE_BYTES = 8 * 1024 * 1024  # a longer JSONL line is skipped, never held in memory whole
MAX_MARKDOWN_LINE_BYTES = 4 * MAX_FIELD_CHARS  # a longer Markdown line is cut (4: UTF-8 bytes of a character)
MAX_STREAM_BYTES = 1024 * 1024 * 1024  # what is read of a FIFO or standard input

_SURROGATE = re.compile("[\ud800-\udfff]")
# A JSON string escape of a surrogate (either half): only then can a decoded string hold a lone one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class JsonLimitError(ValueError):
    """A JSON text past one of the limits (nesting, number length); the message says which."""


def _parse_int(digits: str) -> int:
    if len(digits) > MAX_NUMBER_DIGITS and len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise JsonLimitError(f"a number of {len(digits.lstrip('-'))} digits (limit {MAX_NUMBER_DIGITS})")
    return int(digits)


def _no_constant(name: str) -> Any:
    raise JsonLimitError(f"{name} is not a JSON number")


_DECODER = json.JSONDecoder(parse_int=_parse_int)
_STRICT_DECODER = json.JSONDecoder(parse_int=_parse_int, parse_constant=_no_constant)


def loads(text: str, constants: bool = True) -> Any:
    """``json.loads`` within the limits: raises ``json.JSONDecodeError`` or :class:`JsonLimitError`.

    ``constants=False`` refuses ``NaN``, ``Infinity`` and ``-Infinity`` (Python's extensions of JSON) too.
    Lone surrogates are kept: see :func:`replace_surrogates`.
    """
    if text.startswith("\ufeff"):  # as json.loads says it
        raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
    try:
        value = (_DECODER if constants else _STRICT_DECODER).decode(text)
    except RecursionError:
        raise JsonLimitError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels") from None
    # Counting brackets is fast; only a text with many of them can be nested too deep.
    if text.count("[") + text.count("{") > MAX_JSON_DEPTH and _depth_over(value, MAX_JSON_DEPTH):
        raise JsonLimitError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    return value


def _depth_over(value: Any, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def may_hold_surrogates(text: str) -> bool:
    """Whether the JSON text has a surrogate escape (a fast test before :func:`replace_surrogates`)."""
    return _SURROGATE_ESCAPE.search(text) is not None


def replace_surrogates(value: Any) -> tuple[Any, int]:
    """The decoded JSON value with every lone surrogate (in keys and strings) replaced by U+FFFD, and
    how many strings held one. Pairs were joined by the decoder, so any surrogate left is lone."""
    count = 0

    def fix(item: Any) -> Any:
        nonlocal count
        if isinstance(item, str):
            fixed, found = _SURROGATE.subn("\ufffd", item)
            count += bool(found)
            return fixed
        if isinstance(item, dict):
            return {fix(key): fix(child) for key, child in item.items()}
        if isinstance(item, list):
            return [fix(child) for child in item]
        return item

    return fix(value), count


def cap_fields(record: dict[str, Any], keys: tuple[str, ...],
               limit: int = MAX_FIELD_CHARS) -> tuple[dict[str, Any], list[tuple[str, int]]]:
    """The record with its fields ``keys`` and every field of its ``AI`` object cut to ``limit`` characters of
    text, and (name, length) of each field cut. A list or object is cut as the text the reader makes of it
    (items joined by ", "); fields the reader never looks at (authors...) are left alone."""
    cut: list[tuple[str, int]] = []

    def capped(name: str, value: Any) -> Any:
        if isinstance(value, str):
            text = value
        elif isinstance(value, list):
            text = ", ".join(item if isinstance(item, str) else str(item) for item in value if item is not None)
        elif isinstance(value, dict):
            text = str(value)
        else:
            return value
        if len(text) <= limit:
            return value
        cut.append((name, len(text)))
        return text[:limit]

    fixed = dict(record)
    for key in keys:
        if key in fixed:
            fixed[key] = capped(key, fixed[key])
    ai = fixed.get("AI")
    if isinstance(ai, dict):
        fixed["AI"] = {key: capped(f"AI.{key}", value) for key, value in ai.items()}
    return fixed, cut
