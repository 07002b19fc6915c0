"""Fallback strings the generator writes when the LLM call failed, and what counts as one."""

from __future__ import annotations

import re

# Exact strings seen in real digests (enhance.py fallbacks and fork variants), compared casefolded.
PLACEHOLDERS: frozenset[str] = frozenset(
    s.casefold()
    for s in (
        "Summary generation failed",
        "Motivation analysis unavailable",
        "Method extraction failed",
        "Result analysis unavailable",
        "Conclusion extraction failed",
        "Processing failed",
        "Not mentioned in abstract",
        "Not mentioned in the abstract",
        "Not mentioned",
        "N/A",
        "NA",
        "TBD",
        "无",
        "无。",
        "暂无",
        "未提及",
        "未提及。",
        "未在摘要中提及",
        "未在摘要中提及。",
        "摘要中未提及",
        "摘要中未提及。",
        "不适用",
    )
)
_ERROR_PREFIX = re.compile(r"^\s*(error\b|\[error\]|failed to generate)", re.IGNORECASE)


def is_placeholder(text: str | None) -> bool:
    if text is None:
        return False
    if len(text) > 40 and not _ERROR_PREFIX.match(text):
        return False  # every known placeholder is short
    stripped = text.strip().rstrip(".。!！")
    return stripped.casefold() in PLACEHOLDERS or text.strip().casefold() in PLACEHOLDERS or bool(
        _ERROR_PREFIX.match(text)
    )
