"""Detecting a digest's format from its content (the file name only breaks ties)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.model import DigestFormat
from checker.read.limits import loads

_INDEXED_HEADING = re.compile(r"^###\s+\[\d+\]\s+\[", re.MULTILINE)
_PLAIN_HEADING = re.compile(r"^###\s+\[[^\]]*\]\(https?://", re.MULTILINE)
_EXTENDED_MARKERS = ("> **TL;DR:**", "**Motivation:**", "# AI-Enhanced arXiv Daily")


@dataclass(frozen=True)
class Detected:
    format: DigestFormat
    reason: str | None = None  # for degenerate files: what the file holds instead of papers


def detect_format(head: str, suffix: str) -> Detected:
    stripped = head.lstrip("\ufeff \t\r\n")
    if not stripped:
        return Detected(DigestFormat.jsonl if suffix == ".jsonl" else DigestFormat.markdown_degenerate, "empty file")
    if stripped.startswith("{") or _has_json_object_line(stripped):
        return Detected(_jsonl_kind(stripped))
    if _INDEXED_HEADING.search(head):
        if any(marker in head for marker in _EXTENDED_MARKERS):
            return Detected(DigestFormat.markdown_extended)
        return Detected(DigestFormat.markdown)
    if _PLAIN_HEADING.search(head):
        return Detected(DigestFormat.markdown_early)
    if suffix == ".jsonl":
        return Detected(DigestFormat.unknown, "not JSON Lines: the first line is not a JSON object")
    return Detected(DigestFormat.markdown_degenerate, _degenerate_reason(head))


def _has_json_object_line(head: str) -> bool:
    """A broken first line (merge marker, cut record) must not hide the JSON records after it."""
    for line in head.splitlines()[1:20]:
        text = line.strip()
        if text.startswith("{") and text.endswith("}"):
            try:
                if isinstance(loads(text), dict):
                    return True
            except ValueError:  # broken JSON, or past the limits
                continue
    return False


def _jsonl_kind(head: str) -> DigestFormat:
    """AI JSONL if any of the first records carries an ``AI`` object, else a raw crawl."""
    for line in head.splitlines()[:20]:
        try:
            record = loads(line)
        except ValueError:  # broken JSON, or past the limits
            continue
        if isinstance(record, dict) and "AI" in record:
            return DigestFormat.jsonl
        if isinstance(record, dict) and "summary" in record:
            return DigestFormat.jsonl_raw
    return DigestFormat.jsonl


def _degenerate_reason(head: str) -> str:
    if "{readme_content}" in head or ("# How to use" in head and "crawl" in head):
        return "the file holds the repository README template instead of a digest"
    if "没有找到新论文" in head or "no new papers" in head.lower():
        return "the digest says no new papers were found"
    if "Table of Contents" in head or "目录" in head:
        return "the digest has a table of contents but no papers"
    return "no paper entries found (expected '### [N] [Title](https://arxiv.org/abs/ID)' headings)"
