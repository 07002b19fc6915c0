"""Decoding raw bytes and cleaning field values as the generator wrote them."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

NULL_LITERALS = frozenset({"none", "null", "nan"})


def decode_line(raw: bytes) -> tuple[str, bool]:
    """Decode one line as UTF-8; returns (text, ok). Bad bytes become U+FFFD, never an exception.

    A byte-order mark (editors on Windows write one) is dropped: ``json.loads`` rejects it.
    """
    try:
        return raw.decode("utf-8").removeprefix("\ufeff"), True
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace").removeprefix("\ufeff"), False


def bounded_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[bytes, int]]:
    """Each line of the file (newline included) and its length in bytes, holding at most ``limit + 1``
    bytes of a line in memory: a longer line comes cut to its first ``limit`` bytes (the rest is read
    and dropped), with its full length, so that the caller can tell and report it."""
    readline = handle.readline
    while raw := readline(limit + 1):
        if len(raw) <= limit:
            yield raw, len(raw)
            continue
        size = len(raw)
        if not raw.endswith(b"\n"):
            while rest := readline(1 << 20):
                size += len(rest)
                if rest.endswith(b"\n"):
                    break
        yield raw[:limit], size


def decode_cut_line(raw: bytes) -> tuple[str, bool]:
    """:func:`decode_line` for a line cut at a byte limit: a character the cut split is dropped, not
    reported as bad bytes."""
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(raw).removeprefix("\ufeff"), True
    except UnicodeDecodeError:
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        return decoder.decode(raw).removeprefix("\ufeff"), False


def looks_binary(head: bytes) -> bool:
    """A NUL byte in the first kilobytes means this is not a text digest."""
    return b"\x00" in head[:8192]


def clean_value(value: object) -> str | None:
    """A field value as text: None for null, the literal ``None``, or blank; lists joined."""
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v is not None)
    elif not isinstance(value, str):
        value = str(value)
    text = value.strip()
    if not text or (len(text) <= 4 and text.lower() in NULL_LITERALS):  # no lower() of whole abstracts
        return None
    return text
