"""Format detection from content: every real layout, and what a degenerate file holds instead of papers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import DW, MY, ROOT, XM

from checker.model import DigestFormat
from checker.read.detect import detect_format

Head = Callable[[str], str]


@pytest.fixture
def head(fixture_path: Callable[[str], Path]) -> Head:
    """The first 64 KiB of a real digest snippet, what detection reads."""
    return lambda relative: fixture_path(relative).read_text(encoding="utf-8")[:65536]


@pytest.mark.parametrize(("relative", "expected"), [
    (f"j1/{DW}2025-09-16_AI_enhanced_Chinese.jsonl", DigestFormat.jsonl),
    (f"j1b/{MY}2026-02-25_AI_enhanced_Chinese.jsonl", DigestFormat.jsonl),
    (f"j2/{DW}2025-03-19_AI_enhanced_Chinese.jsonl", DigestFormat.jsonl),
    (f"day-2025-06-23/{XM}2025-06-23_AI_enhanced_Chinese.jsonl", DigestFormat.jsonl),
    (f"day-2026-02-24/{MY}2026-02-24.jsonl", DigestFormat.jsonl_raw),
    (f"day-2026-05-21/{DW}2026-05-21.md", DigestFormat.markdown),
    ("m2/zzhaozeng__daily-arXiv-ai-enhanced__2025-03-19.md", DigestFormat.markdown_early),
    (f"m3-alone/{XM}2025-06-23.md", DigestFormat.markdown_extended),
    (f"m4/{XM}2025-06-09.md", DigestFormat.markdown_degenerate),
    (f"m4/{XM}2025-06-18.md", DigestFormat.markdown_degenerate),
    (f"m4/{MY}2026-02-24.md", DigestFormat.markdown_degenerate),
])
def test_every_real_layout_is_detected_from_content(relative: str, expected: DigestFormat,
                                                    head: Head) -> None:
    suffix = "." + relative.rsplit(".", 1)[1]
    assert detect_format(head(relative), suffix).format is expected


def test_content_wins_over_the_suffix(head: Head) -> None:
    """A JSONL digest saved as .md is still JSONL; a Markdown digest saved as .jsonl is still Markdown."""
    jsonl = head(f"j1/{DW}2025-09-16_AI_enhanced_Chinese.jsonl")
    assert detect_format(jsonl, ".md").format is DigestFormat.jsonl
    assert detect_format(head(f"day-2026-05-21/{DW}2026-05-21.md"), ".jsonl").format is DigestFormat.markdown


def test_empty_and_non_json_files_say_why() -> None:
    empty = detect_format("", ".jsonl")
    assert empty.reason == "empty file"
    prose = detect_format("just some notes\nno papers here\n", ".jsonl")
    assert prose.format is DigestFormat.unknown
    assert prose.reason is not None and "not JSON Lines" in prose.reason


def test_degenerate_reasons_name_what_the_file_holds(head: Head) -> None:
    assert "README template" in (detect_format(head(f"m4/{XM}2025-06-09.md"), ".md").reason or "")
    assert "no new papers" in (detect_format(head(f"m4/{XM}2025-06-18.md"), ".md").reason or "")
    assert "table of contents" in (detect_format(head(f"m4/{MY}2026-02-24.md"), ".md").reason or "")


# --- The corpus check: the only test that reads ../shared/data (skipped where it is absent) ---------------

CORPUS = ROOT.parent / "shared" / "data" / "real"  # ../shared/data/real beside the repo
# file: (format, records, unique ids, papers with a placeholder block, papers with every block failed,
#        papers with a null/missing block), as ../shared/data/real/README.md and manifest.json count them.
# Markdown renders null as the literal "None": read back as missing, so the .md agrees with its JSONL.
EXPECTED: dict[str, tuple[str, int, int, int, int, int]] = {
    "Alice-Shimada__hepstoday-en__2026-03-12.md": ("markdown", 51, 51, 0, 0, 0),
    "Alice-Shimada__hepstoday-en__2026-03-12_AI_enhanced_English.jsonl": ("jsonl", 51, 51, 0, 0, 0),
    "KAFKA2306__daily-arXiv-ai-enhanced__2025-11-20.md": ("markdown", 5, 5, 0, 0, 0),
    "KAFKA2306__daily-arXiv-ai-enhanced__2025-11-20_AI_enhanced_Japanese.jsonl": ("jsonl", 5, 5, 0, 0, 0),
    f"{MY}2026-02-24.jsonl": ("jsonl-raw", 284, 281, 0, 0, 0),
    f"{MY}2026-02-24.md": ("markdown-degenerate", 0, 0, 0, 0, 0),
    f"{MY}2026-02-24_AI_enhanced_Chinese.jsonl": ("jsonl", 0, 0, 0, 0, 0),
    f"{MY}2026-02-25.md": ("markdown", 38, 38, 0, 0, 0),
    f"{MY}2026-02-25_AI_enhanced_Chinese.jsonl": ("jsonl", 38, 38, 0, 0, 0),
    f"{DW}2025-03-19_AI_enhanced_Chinese.jsonl": ("jsonl", 206, 172, 1, 1, 0),
    f"{DW}2025-09-16_AI_enhanced_Chinese.jsonl": ("jsonl", 288, 288, 1, 1, 0),
    f"{DW}2026-02-12_AI_enhanced_Chinese.jsonl": ("jsonl", 130, 130, 0, 0, 0),
    f"{DW}2026-05-21.md": ("markdown", 231, 231, 48, 48, 0),
    f"{DW}2026-05-21_AI_enhanced_Chinese.jsonl": ("jsonl", 231, 231, 48, 48, 0),
    f"{XM}2025-06-06.md": ("markdown", 625, 625, 13, 11, 75),
    f"{XM}2025-06-06_AI_enhanced_Chinese.jsonl": ("jsonl", 625, 625, 13, 11, 75),
    f"{XM}2025-06-09.md": ("markdown-degenerate", 0, 0, 0, 0, 0),
    f"{XM}2025-06-18.md": ("markdown-degenerate", 0, 0, 0, 0, 0),
    f"{XM}2025-06-18_AI_enhanced_Chinese.jsonl": ("jsonl", 0, 0, 0, 0, 0),
    f"{XM}2025-06-23.md": ("markdown-extended", 779, 779, 13, 0, 0),
    f"{XM}2025-06-23_AI_enhanced_Chinese.jsonl": ("jsonl", 779, 779, 13, 0, 0),
    "zzhaozeng__daily-arXiv-ai-enhanced__2025-03-19.md": ("markdown-early", 206, 172, 1, 1, 0),
    "zzhaozeng__daily-arXiv-ai-enhanced__2025-12-20.md": ("markdown", 72, 72, 42, 42, 0),
    "zzhaozeng__daily-arXiv-ai-enhanced__2025-12-20_AI_enhanced_Chinese.jsonl": ("jsonl", 72, 72, 42, 42, 0),
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the real corpus ../shared/data/real is not on this machine")
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_real_file_reads_with_the_readme_counts(name: str) -> None:
    from checker.model import BLOCK_NAMES, Paper
    from checker.read import read_digest
    from checker.read.jsonl import iter_records, read_raw_ids
    from checker.text.placeholders import is_placeholder

    path = CORPUS / name
    digest = read_digest(path)
    fmt, records, unique, placeholder, failed, null = EXPECTED[name]
    assert digest.format.value == fmt
    assert not [p for p in digest.problems if p.code not in ("no-papers", "raw-crawl")]
    if digest.format is DigestFormat.jsonl_raw:
        assert sum(1 for _ in iter_records(path, digest.problems.append)) == records
        assert len(read_raw_ids(path, digest.problems.append)) == unique
        return
    first: dict[str, Paper] = {}
    for paper in digest.papers:
        first.setdefault(paper.arxiv_id, paper)
    papers = list(first.values())
    assert (len(digest.papers), len(papers)) == (records, unique)
    assert sum(any(is_placeholder(p.block_text(n)) for n in BLOCK_NAMES) for p in papers) == placeholder
    assert sum(all(not p.block_text(n) or is_placeholder(p.block_text(n)) for n in BLOCK_NAMES)
               for p in papers) == failed
    assert sum(any(p.block(n).text is None for n in BLOCK_NAMES) for p in papers) == null
    if records == 0:
        assert [p.code for p in digest.problems] == ["no-papers"]  # said clearly, never "0 problems"
