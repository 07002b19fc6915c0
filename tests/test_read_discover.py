"""Turning files, folders and globs into digests: one day checked once, dropped papers from the raw crawl."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import DW, MY, XM, CliResult, findings_of

from checker.model import DigestFormat
from checker.read import discover_sources

Cli = Callable[..., CliResult]
FixturePath = Callable[[str], Path]


@pytest.fixture
def day_0521(fixture_path: FixturePath) -> Path:
    """A day folder holding both files of the day: the AI JSONL and its Markdown."""
    return fixture_path("day-2026-05-21")


@pytest.fixture
def ai_0521(fixture_path: FixturePath) -> Path:
    return fixture_path(f"day-2026-05-21/{DW}2026-05-21_AI_enhanced_Chinese.jsonl")


@pytest.fixture
def md_0521(fixture_path: FixturePath) -> Path:
    return fixture_path(f"day-2026-05-21/{DW}2026-05-21.md")


DROPPED_IDS = ["2602.20162", "2602.20328"]  # raw records 4 and 5 of the dropped/ pair


def test_a_day_with_jsonl_and_markdown_is_checked_once_from_the_jsonl(day_0521: Path, ai_0521: Path,
                                                                      md_0521: Path) -> None:
    discovery = discover_sources([str(day_0521)])
    assert len(discovery.sources) == 1
    chosen = discovery.sources[0]
    assert chosen.path.name == ai_0521.name
    assert chosen.format is DigestFormat.jsonl
    assert [p.name for p in chosen.skipped_duplicates] == [md_0521.name]


def test_naming_both_files_of_a_day_does_not_double_count(day_0521: Path, ai_0521: Path, md_0521: Path,
                                                          cli: Cli) -> None:
    report = cli("audit", md_0521, ai_0521, day_0521, "-f", "json", "--exit-zero").json()
    assert len(report["digests"]) == 1
    assert report["digests"][0]["papers_total"] == 3
    assert report["summary"]["papers"] == 3


def test_glob_expands_and_keeps_one_file_per_day(md_0521: Path, digests_dir: Path) -> None:
    discovery = discover_sources([str(digests_dir / "day-*" / "*.md")])
    names = sorted(s.path.name for s in discovery.sources)
    # each .md stands alone here: no JSONL of the day was given
    assert names == sorted([f"{XM}2025-06-06.md", f"{XM}2025-06-23.md", f"{MY}2026-02-24.md", md_0521.name])


def test_readme_and_manifest_in_a_folder_are_ignored(tmp_path: Path, ai_0521: Path) -> None:
    shutil.copy(ai_0521, tmp_path / ai_0521.name)
    (tmp_path / "README.md").write_text("# Real digests\n\n| file | what |\n|---|---|\n", encoding="utf-8")
    (tmp_path / "manifest.json").write_text('{"files": []}\n', encoding="utf-8")
    (tmp_path / "notes.md").write_text("### [1] [Not a digest](https://example.org)\n", encoding="utf-8")
    discovery = discover_sources([str(tmp_path)])
    assert [s.path.name for s in discovery.sources] == [ai_0521.name]
    assert discovery.problems == []


def test_a_missing_path_is_a_problem_not_a_crash(tmp_path: Path, ai_0521: Path) -> None:
    discovery = discover_sources([str(tmp_path / "nope.jsonl"), str(ai_0521)])
    assert [s.path.name for s in discovery.sources] == [ai_0521.name]
    assert [p.code for p in discovery.problems] == ["not-found"]


def test_raw_crawl_beside_the_ai_file_reports_dropped_papers(digests_dir: Path, cli: Cli) -> None:
    """Real records: the raw crawl holds 5 papers, the AI file summarized 3 of them."""
    folder = digests_dir / "dropped"
    discovery = discover_sources([str(folder)])
    assert len(discovery.sources) == 1
    assert discovery.sources[0].format is DigestFormat.jsonl
    report = cli("audit", folder, "-f", "json", "--exit-zero").json()
    digest = report["digests"][0]
    assert digest["papers_total"] == 3
    assert digest["papers_dropped"] == 2
    dropped = [p for p in digest["papers"] if p["dropped"]]
    assert [p["arxiv_id"] for p in dropped] == DROPPED_IDS
    for paper in dropped:
        assert [(f["rule"], f["category"], f["block"]) for f in paper["findings"]] == [("O101", "omission", None)]
        assert "paper dropped from digest" in paper["findings"][0]["message"]
        # the line is in the raw crawl, not in the checked file: the message names it
        assert f"{MY}2026-02-25.jsonl (line " in paper["findings"][0]["message"]
    kept = {p["arxiv_id"] for p in digest["papers"] if not p["dropped"]}
    assert not any(f["rule"] == "O101" for p in digest["papers"] if p["arxiv_id"] in kept for f in p["findings"])


def test_given_the_ai_file_alone_the_raw_crawl_beside_it_is_still_used(cli: Cli,
                                                                       fixture_path: FixturePath) -> None:
    report = cli("audit", fixture_path(f"dropped/{MY}2026-02-25_AI_enhanced_Chinese.jsonl"), "-f", "json",
                     "--exit-zero", "--select", "O101").json()
    assert len(findings_of(report)) == 2


def test_whole_day_failure_empty_ai_file_and_raw_crawl(digests_dir: Path, cli: Cli) -> None:
    """MYZhangwww 2026-02-24: a raw crawl, a 0-byte AI file and a Markdown with an empty TOC."""
    result = cli("audit", digests_dir / "day-2026-02-24", "-f", "json")
    report = result.json()
    assert len(report["digests"]) == 1
    digest = report["digests"][0]
    assert digest["path"].endswith("2026-02-24_AI_enhanced_Chinese.jsonl")
    assert digest["papers_total"] == 0
    assert [p["code"] for p in digest["problems"]] == ["no-papers"]
    assert digest["problems"][0]["message"] == "empty file: the AI step wrote no summary for this day"
    # 6 raw records, 5 unique ids: every one is a dropped paper, reported once
    assert digest["papers_dropped"] == 5
    assert {f["rule"] for f in findings_of(report)} == {"O101"}
    assert len(findings_of(report)) == 5
    assert result.exit_code == 1  # the empty AI file is an error
    assert "no-papers" in result.stderr


def test_an_empty_ai_file_does_not_hide_the_markdown_of_the_day(tmp_path: Path, ai_0521: Path, md_0521: Path,
                                                                cli: Cli) -> None:
    shutil.copy(md_0521, tmp_path / md_0521.name)
    (tmp_path / ai_0521.name).write_bytes(b"")
    discovery = discover_sources([str(tmp_path)])
    assert [s.path.name for s in discovery.sources] == [md_0521.name]
    report = cli("audit", tmp_path, "-f", "json", "--exit-zero").json()
    assert report["digests"][0]["papers_total"] == 3
