"""Decoding raw bytes and cleaning field values as the generator wrote them."""

from __future__ import annotations

NULL_LITERALS = frozenset({"none", "null", "nan"})


def decode_line(raw: bytes) -> tuple[str, bool]:
    """Decode one line as UTF-8; returns (text, ok). Bad bytes become U+FFFD, never an exception.

    A byte-order mark (editors on Windows write one) is dropped: ``json.loads`` rejects it.
    """
    try:
        return raw.decode("utf-8").removeprefix("\ufeff"), True
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace").removeprefix("\ufeff"), False


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
