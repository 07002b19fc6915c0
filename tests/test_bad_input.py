"""Bad input never gives a traceback: one line naming file and line on stderr, the rest is still checked."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import DW, XM, CliResult

NAME = f"{DW}2025-09-16_AI_enhanced_Chinese.jsonl"
Audit = Callable[..., tuple[int, dict[str, object], str]]
Cli = Callable[..., CliResult]


@pytest.fixture
def source(fixture_path: Callable[[str], Path]) -> Path:
    """A real four-record digest, the one every test here breaks a copy of."""
    return fixture_path(f"j1/{NAME}")


@pytest.fixture
def real_lines(source: Path) -> list[str]:
    return source.read_text(encoding="utf-8").splitlines(keepends=True)


@pytest.fixture
def audit(cli: Cli) -> Audit:
    """Audit some paths to JSON: (exit code, report, stderr), never a traceback."""

    def run(*paths: Path | str) -> tuple[int, dict[str, object], str]:
        result = cli("audit", *paths, "-f", "json", "--fail-on", "never")
        assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
        return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else {}, result.stderr

    return run


def _digest(report: dict[str, object]) -> dict[str, object]:
    digests = report["digests"]
    assert isinstance(digests, list) and len(digests) == 1
    digest: dict[str, object] = digests[0]
    return digest


def _problems(report: dict[str, object]) -> list[tuple[str, int | None]]:
    problems = _digest(report)["problems"]
    assert isinstance(problems, list)
    return [(p["code"], p["line"]) for p in problems]


def test_broken_json_line_in_the_middle(tmp_path: Path, real_lines: list[str], audit: Audit) -> None:
    lines = real_lines
    lines[1] = lines[1][: len(lines[1]) // 2] + "\n"  # cut in half, as a crashed writer leaves it
    path = tmp_path / NAME
    path.write_text("".join(lines), encoding="utf-8")
    code, report, stderr = audit(path)
    assert code == 0
    assert _digest(report)["papers_total"] == 3  # the other three records are still checked
    assert _problems(report) == [("bad-json", 2)]
    error_lines = [line for line in stderr.splitlines() if "bad-json" in line]
    assert len(error_lines) == 1
    assert error_lines[0].startswith(f"{path}:2: error[bad-json] broken JSON")


def test_garbage_first_line_does_not_hide_the_records_after_it(tmp_path: Path, real_lines: list[str],
                                                                audit: Audit) -> None:
    path = tmp_path / NAME
    path.write_text("<<<<<<< HEAD merge marker\n" + "".join(real_lines), encoding="utf-8")
    code, report, _ = audit(path)
    assert _digest(report)["papers_total"] == 4
    assert _problems(report) == [("bad-json", 1)]


def test_utf8_bom_is_accepted(tmp_path: Path, source: Path, audit: Audit) -> None:
    path = tmp_path / NAME
    path.write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    code, report, _ = audit(path)
    assert _digest(report)["papers_total"] == 4
    assert _problems(report) == []


def test_invalid_utf8_bytes_are_replaced_and_reported(tmp_path: Path, real_lines: list[str],
                                                      audit: Audit) -> None:
    lines = [line.encode("utf-8") for line in real_lines]
    lines[2] = lines[2].replace(b"CAA-Policy", b"CAA-\xff\xfePolicy", 1)
    path = tmp_path / NAME
    path.write_bytes(b"".join(lines))
    code, report, stderr = audit(path)
    assert _digest(report)["papers_total"] == 4
    assert _problems(report) == [("bad-encoding", 3)]
    assert f"{path}:3:" in stderr


def test_record_without_id_and_non_object_lines_are_skipped(tmp_path: Path, real_lines: list[str],
                                                            audit: Audit) -> None:
    lines = real_lines
    record = json.loads(lines[0])
    for key in ("id", "abs", "pdf"):
        record.pop(key, None)
    lines[0] = json.dumps(record, ensure_ascii=False) + "\n"
    lines.insert(2, '["not", "an", "object"]\n')
    path = tmp_path / NAME
    path.write_text("".join(lines), encoding="utf-8")
    code, report, _ = audit(path)
    assert _digest(report)["papers_total"] == 3
    assert _problems(report) == [("missing-id", 1), ("bad-record", 3)]


def test_huge_line_is_skipped_not_loaded(tmp_path: Path, real_lines: list[str], audit: Audit) -> None:
    lines = real_lines
    record = json.loads(lines[0])
    record["summary"] = "x" * (9 * 1024 * 1024)
    lines[0] = json.dumps(record) + "\n"
    path = tmp_path / NAME
    path.write_text("".join(lines), encoding="utf-8")
    code, report, _ = audit(path)
    assert _digest(report)["papers_total"] == 3
    assert _problems(report) == [("line-too-long", 1)]


def test_empty_jsonl_file_is_a_problem_not_zero_problems(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / NAME
    path.write_bytes(b"")
    result = cli("audit", path, "-f", "json")
    report = json.loads(result.stdout)
    assert _problems(report) == [("no-papers", None)]
    assert report["summary"]["problems"] == 1
    assert result.exit_code == 1


def test_binary_file_alone_cannot_be_checked(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / NAME
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = cli("audit", path)
    assert result.exit_code == 2
    assert f"{path}:1: error[binary]" in result.stderr
    assert "Traceback" not in result.stderr


def test_binary_file_beside_a_good_one_does_not_stop_the_audit(tmp_path: Path, source: Path,
                                                               cli: Cli) -> None:
    bad = tmp_path / f"{DW}2025-01-01_AI_enhanced_Chinese.jsonl"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = cli("audit", bad, source, "-f", "json", "--fail-on", "never")
    report = json.loads(result.stdout)
    assert result.exit_code == 0
    assert [d["papers_total"] for d in report["digests"]] == [0, 4]
    assert "error[binary]" in result.stderr


def test_nonexistent_path_exits_2_with_one_line(tmp_path: Path, cli: Cli) -> None:
    missing = tmp_path / "2025-01-01_AI_enhanced_Chinese.jsonl"
    result = cli("audit", missing)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"{missing}: error[not-found] no such file, folder or match"]


@pytest.mark.parametrize("name", [f"{XM}2025-06-09.md", f"{XM}2025-06-18.md",
                                  "MYZhangwww__daily-arXiv-ai-enhanced__2026-02-24.md"])
def test_degenerate_markdown_is_reported_not_zero_problems(name: str, cli: Cli,
                                                           fixture_path: Callable[[str], Path]) -> None:
    result = cli("audit", fixture_path(f"m4/{name}"))
    assert result.exit_code == 1
    assert "no input problems" not in result.stdout
    assert result.stdout.rstrip().endswith("; 1 input problem")
    assert "error[no-papers]" in result.stderr


def test_directory_that_is_not_a_digest_folder(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "README.md").write_text("# nothing\n", encoding="utf-8")
    result = cli("audit", tmp_path)
    assert result.exit_code == 2
    assert "not-found" in result.stderr
