"""A spot check stays lean: it reads a digest only up to its paper, builds only that paper,
and the commands leave the modules they do not use unimported (no timing in these tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import DW, XM

from checker.read import read_digest
from checker.read import source as source_module
from checker.read.markdown import MarkdownEntry
from checker.read.source import DigestSource
from checker.render import spot

SEP = "ci/2025-09-16_AI_enhanced_Chinese.jsonl"  # under tests/fixtures
DIGESTS = [
    SEP,
    f"digests/j2/{DW}2025-03-19_AI_enhanced_Chinese.jsonl",  # early schema, duplicate ids
    "digests/m2/zzhaozeng__daily-arXiv-ai-enhanced__2025-03-19.md",  # Markdown without indexes
    f"digests/day-2026-05-21/{DW}2026-05-21.md",
    f"digests/day-2025-06-23/{XM}2025-06-23.md",  # extended layout: abstracts from the day's JSONL
]
ModulesAfter = Callable[..., set[str]]
DigestCheck = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def sep(fixtures_dir: Path) -> Path:
    """A real JSONL digest of 2025-09-16 (tests/fixtures/ci)."""
    return fixtures_dir / SEP


@pytest.mark.parametrize("relative", DIGESTS, ids=lambda r: r.rsplit("/", 1)[1])
def test_locate_builds_the_paper_a_full_read_builds(relative: str, fixtures_dir: Path) -> None:
    path = fixtures_dir / relative
    papers = read_digest(path).papers
    for paper in {0: papers[0], 1: papers[len(papers) // 2], 2: papers[-1]}.values():
        assert spot.locate(str(paper.index), [path]).paper == paper
        by_id = spot.locate(paper.arxiv_id, [path]).paper
        assert by_id == next(p for p in papers if p.arxiv_id == paper.arxiv_id)
    assert any(p.abstract for p in papers)


def _jsonl_with_broken_lines(tmp_path: Path, sep: Path) -> tuple[Path, list[str]]:
    """Three real records with a broken line before and after the second one."""
    lines = sep.read_text(encoding="utf-8").splitlines()[:3]
    ids = [json.loads(line)["id"] for line in lines]
    path = tmp_path / "2025-09-16_AI_enhanced_Chinese.jsonl"
    path.write_text("\n".join([lines[0], "{broken", lines[1], '{"cut": ', lines[2]]) + "\n", encoding="utf-8")
    return path, ids


def _problem_lines(monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    reported: list[int | None] = []
    original = DigestSource.report

    def spy(self: DigestSource, problem: object) -> None:
        reported.append(getattr(problem, "line", None))
        original(self, problem)  # type: ignore[arg-type]

    monkeypatch.setattr(DigestSource, "report", spy)
    return reported


@pytest.mark.parametrize("query", ["2", "id"])
def test_jsonl_reading_stops_at_the_paper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, query: str,
                                          sep: Path) -> None:
    path, ids = _jsonl_with_broken_lines(tmp_path, sep)
    reported = _problem_lines(monkeypatch)
    built: list[int] = []
    original = source_module.paper_from_record

    def counting(record: dict[str, object], arxiv_id: str, line: int, index: int) -> object:
        built.append(line)
        return original(record, arxiv_id, line, index)

    monkeypatch.setattr(source_module, "paper_from_record", counting)
    found = spot.locate(ids[1] if query == "id" else query, [path])
    assert found.paper.arxiv_id == ids[1] and found.paper.index == 2 and found.paper.line == 3
    assert reported == [2]  # the broken line before the paper was read; the one after it was not
    assert built == [3]  # only the paper shown became a model


def test_title_query_reads_the_whole_digest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            sep: Path) -> None:
    path, ids = _jsonl_with_broken_lines(tmp_path, sep)
    reported = _problem_lines(monkeypatch)
    title = json.loads(sep.read_text(encoding="utf-8").splitlines()[1])["title"]
    assert spot.locate(title[:40], [path]).paper.arxiv_id == ids[1]
    assert reported == [2, 4]  # a title may match again later: every line is read


def test_markdown_reading_stops_at_the_paper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             fixture_path: Callable[[str], Path]) -> None:
    source = fixture_path(f"day-2026-05-21/{DW}2026-05-21.md").read_bytes()
    headings = [i for i, line in enumerate(source.splitlines(keepends=True)) if line.startswith(b"### ")]
    assert len(headings) == 3
    lines = source.splitlines(keepends=True)
    lines.insert(headings[2] + 1, b"bad byte \xff after the next heading\n")
    path = tmp_path / "2026-05-21.md"
    path.write_bytes(b"".join(lines))
    second, third = [p.index for p in read_digest(path).papers][1:]
    reported = _problem_lines(monkeypatch)
    built: list[int] = []
    original = MarkdownEntry.to_paper

    def counting(self: MarkdownEntry, position: int) -> object:
        built.append(position)
        return original(self, position)

    monkeypatch.setattr(MarkdownEntry, "to_paper", counting)
    assert spot.locate(str(second), [path]).paper.index == second
    assert reported == [] and built == [2]  # the second entry, read up to the third heading only
    assert spot.locate(str(third), [path]).paper.index == third
    assert reported == [headings[2] + 2]  # the same bad line is reported once it is read


_LIST_MODULES = """
import json, sys
sys.argv = ["digest-check", *sys.argv[1:]]
from checker.cli.app import app
try:
    app()
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
"""
NEVER_WITHOUT_LLM = ["openai", "httpx", "tiktoken", "jsonschema", "checker.judge.runner", "checker.judge.settings",
                     "checker.judge.pricing", "multiprocessing", "concurrent.futures"]


@pytest.fixture
def modules_after(repo_root: Path) -> ModulesAfter:
    """The modules a fresh `digest-check *args` process has imported when it ends."""

    def run(*args: str) -> set[str]:
        done = subprocess.run([sys.executable, "-c", _LIST_MODULES, *args], cwd=repo_root, capture_output=True,
                              text=True, timeout=120)
        marker = done.stderr.rindex("MODULES ")
        return set(json.loads(done.stderr[marker + len("MODULES "):]))

    return run


def test_help_imports_no_checking_code(modules_after: ModulesAfter) -> None:
    loaded = modules_after("--help")
    assert "typer" in loaded
    assert not loaded & {"pydantic", "checker.model", "checker.engine.audit", "checker.rules", "checker.read",
                         "checker.render.report", "checker.render", *NEVER_WITHOUT_LLM}


def test_paper_imports_only_what_it_shows(sep: Path, modules_after: ModulesAfter) -> None:
    text = modules_after("paper", "3", str(sep))
    assert {"checker.engine.audit", "rich.console"} <= text
    renderers = {"checker.render.text", "checker.render.json_report", "checker.render.github", "checker.render.sarif",
                 "checker.render.junit", "checker.render.markdown"}
    assert not text & {*renderers, "checker.engine.baseline", "checker.cli.config", "rich.markdown", "rich.traceback",
                       *NEVER_WITHOUT_LLM}
    as_json = modules_after("paper", "3", str(sep), "--format", "json")
    assert "checker.engine.audit" in as_json and not any(m == "rich" or m.startswith("rich.") for m in as_json)


def test_audit_without_llm_imports_no_judge_or_view(sep: Path, modules_after: ModulesAfter) -> None:
    loaded = modules_after("audit", str(sep), "--format", "json", "--fail-on", "never")
    assert "checker.engine.audit" in loaded
    assert not loaded & {"rich", "checker.render.report", "checker.render.spot", *NEVER_WITHOUT_LLM}


@pytest.fixture
def digest_check(repo_root: Path) -> DigestCheck:
    """The real entry point (``main``), as `digest-check` runs it, output to pipes."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", "from checker.cli.app import main; main()", *args],
                              cwd=repo_root, capture_output=True, text=True, timeout=120)

    return run


def test_paper_from_main_keeps_exit_codes_and_the_whole_output(tmp_path: Path, sep: Path,
                                                               digest_check: DigestCheck,
                                                               fixtures_dir: Path) -> None:
    may = fixtures_dir / "ci" / "2026-05-21_AI_enhanced_Chinese.jsonl"
    flagged = digest_check("paper", "1", str(may), "--width", "140", "--select", "F103")
    assert flagged.returncode == 1 and "F103 paper-not-summarized" in flagged.stdout
    assert flagged.stdout.rstrip().endswith("flagged span")  # the last line of the view was flushed
    as_json = digest_check("paper", "2605.20209", str(may), "-f", "json", "--select", "F103")
    assert as_json.returncode == 1 and json.loads(as_json.stdout)["arxiv_id"] == "2605.20209"
    missing = digest_check("paper", "nothing like this", str(may))
    assert missing.returncode == 2 and missing.stderr == "digest-check: no paper 'nothing like this' in 1 digest(s)\n"
    record = json.loads(sep.read_text(encoding="utf-8").splitlines()[0])
    (tmp_path / "abstract.txt").write_text(record["summary"], encoding="utf-8")
    (tmp_path / "summary.json").write_text(json.dumps(record["AI"], ensure_ascii=False), encoding="utf-8")
    pair = digest_check("check", "--abstract", str(tmp_path / "abstract.txt"), "--summary",
                         str(tmp_path / "summary.json"), "-f", "json")
    assert pair.returncode in (0, 1) and json.loads(pair.stdout)["arxiv_id"] == "input"
