"""What a digest's file name says: its day, its configured language, raw crawl or AI output."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_NAME_RE = re.compile(
    r"^(?P<prefix>.*?)(?P<date>\d{4}-\d{2}-\d{2})(?P<ai>_AI_enhanced_(?P<lang>[A-Za-z]+))?"
    r"\.(?P<ext>jsonl|md|markdown|json)$",
    re.IGNORECASE,
)

LANGUAGE_CODES: dict[str, str] = {
    "chinese": "zh",
    "english": "en",
    "japanese": "ja",
    "korean": "ko",
}


@dataclass(frozen=True)
class FileName:
    date: str | None
    language: str | None  # ISO code from the _AI_enhanced_<Language> suffix
    is_ai: bool  # the name carries _AI_enhanced_
    prefix: str  # what comes before the date, e.g. the source repo in a collected corpus
    day_key: str | None  # folder + prefix + date: files of the same day share it


def parse_file_name(path: Path) -> FileName:
    match = _NAME_RE.match(path.name)
    if not match:
        return FileName(date=None, language=None, is_ai=False, prefix="", day_key=None)
    lang_name = (match.group("lang") or "").lower()
    language = LANGUAGE_CODES.get(lang_name, lang_name[:2] or None) if lang_name else None
    day_key = f"{path.parent}/{match.group('prefix')}{match.group('date')}"
    return FileName(
        date=match.group("date"),
        language=language,
        is_ai=bool(match.group("ai")),
        prefix=match.group("prefix"),
        day_key=day_key,
    )


def raw_crawl_path(ai_path: Path) -> Path | None:
    """The raw crawl ``DATE.jsonl`` that sits beside an ``DATE_AI_enhanced_X.jsonl`` file."""
    match = _NAME_RE.match(ai_path.name)
    if not match or not match.group("ai"):
        return None
    return ai_path.with_name(f"{match.group('prefix')}{match.group('date')}.jsonl")
