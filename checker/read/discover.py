"""Turning the paths a user gives (files, folders, globs) into digests, one per day."""

from __future__ import annotations

import glob
from dataclasses import dataclass, field
from pathlib import Path

from checker.model import DigestFormat, InputProblem
from checker.read.naming import parse_file_name
from checker.read.source import DigestSource, open_source

DIGEST_SUFFIXES = (".jsonl", ".md", ".markdown")


@dataclass
class Discovery:
    sources: list[DigestSource] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)  # paths that matched nothing


def _expand(arg: str) -> tuple[list[Path], bool]:
    """Files named by one argument, and whether they came from a folder or glob (vs. named)."""
    path = Path(arg)
    if path.is_dir():
        found = [p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DIGEST_SUFFIXES]
        return sorted(p for p in found if parse_file_name(p).date is not None), True
    if path.exists():
        return [path], False
    if any(ch in arg for ch in "*?["):
        matches = [Path(p) for p in glob.glob(arg, recursive=True)]
        return sorted(p for p in matches if p.is_file()), True
    return [], False


def _preference(source: DigestSource) -> float:
    """Lower is better: the AI JSONL holds the abstracts and the exact AI text.

    An empty AI JSONL loses to a Markdown with papers, but beats a degenerate one (it finds the raw crawl).
    """
    if source.format is DigestFormat.jsonl:
        return 2.5 if any(p.code == "no-papers" for p in source.problems) else 0
    if source.format in (DigestFormat.markdown, DigestFormat.markdown_early):
        return 1
    if source.format is DigestFormat.markdown_extended:
        return 2
    if source.format is DigestFormat.markdown_degenerate:
        return 3
    return 4


def discover_sources(args: list[str], default_language: str = "zh") -> Discovery:
    discovery = Discovery()
    files: list[Path] = []
    seen: set[Path] = set()
    for arg in args:
        expanded, _ = _expand(arg)
        if not expanded:
            discovery.problems.append(InputProblem(path=arg, code="not-found", message="no such file, folder or match"))
        for path in expanded:
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                files.append(path)
    groups: dict[str, list[DigestSource]] = {}
    sort_keys: dict[str, tuple[str, str, str]] = {}
    for path in files:
        name = parse_file_name(path)
        key = name.day_key or f"file:{path}"
        if key not in groups:
            groups[key] = []
            # Days in date order, whatever folder they sit in: the order must not depend on where
            # the digests were cloned. Undated files come last, by path.
            sort_keys[key] = (name.date or "9999", name.prefix if name.date else str(path), str(path.parent))
        groups[key].append(open_source(path, default_language))
    for key in sorted(groups, key=lambda k: sort_keys[k]):
        candidates = groups[key]
        if len(candidates) > 1:
            # A raw crawl is only the reference for dropped papers when an AI file of the day exists.
            ai_files = [c for c in candidates if c.format is not DigestFormat.jsonl_raw]
            if ai_files:
                candidates = ai_files
        chosen = min(candidates, key=lambda s: (_preference(s), str(s.path)))
        chosen.skipped_duplicates = sorted(c.path for c in groups[key] if c is not chosen and
                                           c.format is not DigestFormat.jsonl_raw)
        discovery.sources.append(chosen)
    return discovery
