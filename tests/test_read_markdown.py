"""The Markdown reader on real snippets: M1 standard, M2 early, M3 extended fork, M4 degenerate files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import DW, MY, XM

from checker.model import BLOCK_NAMES, DigestFormat, Paper
from checker.read import read_digest

FixturePath = Callable[[str], Path]


@pytest.fixture
def m1(fixture_path: FixturePath) -> Path:
    return fixture_path(f"day-2026-05-21/{DW}2026-05-21.md")


@pytest.fixture
def m1_nulls(fixture_path: FixturePath) -> Path:
    return fixture_path(f"day-2025-06-06/{XM}2025-06-06.md")


@pytest.fixture
def m2(fixture_path: FixturePath) -> Path:
    return fixture_path("m2/zzhaozeng__daily-arXiv-ai-enhanced__2025-03-19.md")


@pytest.fixture
def m3_alone(fixture_path: FixturePath) -> Path:
    return fixture_path(f"m3-alone/{XM}2025-06-23.md")


@pytest.fixture
def m3_with_jsonl(fixture_path: FixturePath) -> Path:
    return fixture_path(f"day-2025-06-23/{XM}2025-06-23.md")


def _by_id(papers: list[Paper]) -> dict[str, Paper]:
    return {p.arxiv_id: p for p in papers}


def _line_of(path: Path, prefix: str) -> int:
    """1-based number of the first line of the fixture that starts with ``prefix``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(prefix))


def test_m1_reads_index_title_and_the_line_of_the_paper_and_each_block(m1: Path) -> None:
    digest = read_digest(m1)
    assert digest.format is DigestFormat.markdown
    assert [(p.arxiv_id, p.index) for p in digest.papers] == [
        ("2605.20209", 222), ("2605.20274", 223), ("2605.20460", 225)]
    paper = digest.papers[1]
    assert paper.title == "PolycubeNet: A Dual-latent Diffusion Model for Polycube-Based Hexahedral Mesh Generation"
    assert paper.line == _line_of(m1, "### [223]")
    assert paper.block("tldr").line == paper.line + 5  # "TL;DR:" five lines below the heading
    for name, label in (("motivation", "Motivation:"), ("method", "Method:"), ("result", "Result:"),
                        ("conclusion", "Conclusion:")):
        block = paper.block(name)
        assert block.line is not None
        text = m1.read_text(encoding="utf-8").splitlines()[block.line - 1]
        assert text.startswith(label), (name, text)
    assert paper.abstract_line is not None and paper.abstract is not None
    assert paper.abstract.startswith("Hexahedral meshes are widely used in sim")
    assert paper.abstract_line == _line_of(m1, "Abstract: Hexahedral")
    assert paper.block_text("tldr").startswith("本文提出PolycubeNet")


def test_m1_placeholders_rendered_verbatim(m1: Path) -> None:
    failed = read_digest(m1).papers[0]
    assert [failed.block_text(n) for n in BLOCK_NAMES] == [
        "Summary generation failed", "Motivation analysis unavailable", "Method extraction failed",
        "Result analysis unavailable", "Conclusion extraction failed"]


def test_m1_literal_none_is_a_missing_block_and_blocks_match_the_jsonl(m1_nulls: Path,
                                                                       fixture_path: FixturePath) -> None:
    md = _by_id(read_digest(m1_nulls).papers)
    jsonl = _by_id(read_digest(fixture_path(
        f"day-2025-06-06/{XM}2025-06-06_AI_enhanced_Chinese.jsonl")).papers)
    assert "Conclusion: None" in m1_nulls.read_text(encoding="utf-8")
    assert md["2506.04390"].block("conclusion").text is None
    assert md["2506.04390"].block("conclusion").line is not None  # the "Conclusion: None" line is located
    assert set(md) == set(jsonl)
    for arxiv_id, paper in md.items():
        for name in BLOCK_NAMES:
            assert paper.block_text(name) == jsonl[arxiv_id].block_text(name), (arxiv_id, name)


def test_m1_hard_wrapped_abstract_is_read_to_the_end_of_details(m1_nulls: Path,
                                                                fixture_path: FixturePath) -> None:
    paper = _by_id(read_digest(m1_nulls).papers)["2506.04390"]
    assert paper.abstract is not None
    assert paper.abstract.count("\n") >= 10  # hard wraps kept, every line of it read
    jsonl = _by_id(read_digest(fixture_path(
        f"day-2025-06-06/{XM}2025-06-06_AI_enhanced_Chinese.jsonl")).papers)
    assert paper.abstract == jsonl["2506.04390"].abstract


def test_m2_early_layout_without_index_reads_task_as_tldr(m2: Path) -> None:
    digest = read_digest(m2)
    assert digest.format is DigestFormat.markdown_early
    assert [p.arxiv_id for p in digest.papers] == ["2503.13531"] * 3 + ["2503.13756", "2503.13906"]
    assert [p.index for p in digest.papers] == [1, 2, 3, 4, 5]  # no index in the file: position
    first = digest.papers[0]
    assert first.block_text("tldr").startswith("使用Stable Diffusion分析500年西方绘画")
    assert first.block("tldr").line == _line_of(m2, "Task:")
    assert first.block_text("motivation").startswith("探索多模态生成AI")
    assert first.abstract is not None and first.abstract.startswith("The rise of multimodal generative AI")
    assert first.abstract.endswith(".")  # the hard-wrapped abstract is read up to </details>
    copied = digest.papers[4]
    assert copied.block_text("method").startswith("We propose Hyper-HRNet")


def test_m3_extended_layout_reads_bold_labels_and_extra_fields(m3_alone: Path) -> None:
    digest = read_digest(m3_alone)
    assert digest.format is DigestFormat.markdown_extended
    papers = _by_id(digest.papers)
    assert len(papers) == 5
    building = papers["2506.15718"]
    assert building.index == 499
    assert building.block_text("tldr").startswith("该研究提出了BuildingBRep-11K数据集")
    assert building.block_text("conclusion").startswith("BuildingBRep-11K数据集是可学习的")
    assert building.extra["keywords"].startswith("建筑B-rep")
    assert building.extra["translation"].startswith("随着人工智能的兴起")
    assert "$\x08f \times$" in building.extra["translation"]  # raw control characters are kept
    assert papers["2506.16808"].block_text("result") == "Not mentioned in abstract"
    # a multi-line block continues over the next lines
    assert "\n" in papers["2506.16257"].block_text("tldr")


def test_m3_without_jsonl_has_no_english_abstract(m3_alone: Path) -> None:
    assert all(p.abstract is None for p in read_digest(m3_alone).papers)


def test_m3_takes_abstracts_from_the_same_day_jsonl_beside_it(m3_with_jsonl: Path,
                                                              fixture_path: FixturePath) -> None:
    md = _by_id(read_digest(m3_with_jsonl).papers)
    jsonl = _by_id(read_digest(fixture_path(
        f"day-2025-06-23/{XM}2025-06-23_AI_enhanced_Chinese.jsonl")).papers)
    assert set(md) == set(jsonl)
    for arxiv_id, paper in md.items():
        assert paper.abstract is not None
        assert paper.abstract == jsonl[arxiv_id].abstract


@pytest.mark.parametrize(("name", "reason"), [
    (f"{XM}2025-06-09.md", "README template"),
    (f"{XM}2025-06-18.md", "no new papers"),
    (f"{MY}2026-02-24.md", "table of contents but no papers"),
])
def test_m4_degenerate_files_are_a_clear_problem(name: str, reason: str, fixture_path: FixturePath) -> None:
    digest = read_digest(fixture_path(f"m4/{name}"))
    assert digest.format is DigestFormat.markdown_degenerate
    assert digest.papers == []
    assert len(digest.problems) == 1
    problem = digest.problems[0]
    assert problem.code == "no-papers"
    assert problem.severity.value == "error"
    assert reason in problem.message


@pytest.mark.parametrize(("relative", "language"), [
    ("ja/KAFKA2306__daily-arXiv-ai-enhanced__2025-11-20.md", "ja"),
    ("en/Alice-Shimada__hepstoday-en__2026-03-12.md", "en"),
    (f"day-2025-06-06/{XM}2025-06-06.md", "zh"),
])
def test_markdown_language_comes_from_the_same_day_ai_file(relative: str, language: str,
                                                           fixture_path: FixturePath) -> None:
    assert read_digest(fixture_path(relative)).language == language
