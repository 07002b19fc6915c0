"""The audit command: exit codes like ruff, rule selection, the JSON contract, the same report every run."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import DW, MY, XM, CliResult, findings_of

Cli = Callable[..., CliResult]
FixturePath = Callable[[str], Path]


@pytest.fixture
def j1(fixture_path: FixturePath) -> Path:
    """Errors: F103, F302, F202."""
    return fixture_path(f"j1/{DW}2025-09-16_AI_enhanced_Chinese.jsonl")


@pytest.fixture
def english(fixture_path: FixturePath) -> Path:
    return fixture_path("en/Alice-Shimada__hepstoday-en__2026-03-12_AI_enhanced_English.jsonl")


@pytest.fixture
def artifacts(fixture_path: FixturePath) -> Path:
    """One F305 warning."""
    return fixture_path(f"artifacts/{XM}2025-06-06_AI_enhanced_Chinese.jsonl")


@pytest.fixture
def severity_case(fixture_path: FixturePath) -> Path:
    return fixture_path(f"j1/{DW}2026-02-12_AI_enhanced_Chinese.jsonl")


def _rules_in(report: dict[str, Any]) -> set[str]:
    return {f["rule"] for f in findings_of(report)}


@pytest.mark.parametrize(("args", "code"), [
    ([], 1),  # default --fail-on error, j1 has errors
    (["--fail-on", "error"], 1),
    (["--fail-on", "never"], 0),
    (["--exit-zero"], 0),
    (["--select", "F305"], 0),  # no F305 finding in j1
])
def test_exit_codes_on_a_digest_with_errors(args: list[str], code: int, j1: Path, cli: Cli) -> None:
    assert cli("audit", j1, *args).exit_code == code


def test_fail_on_threshold_by_severity(artifacts: Path, severity_case: Path, cli: Cli) -> None:
    """artifacts holds exactly one warning (F305) with the format rules."""
    select = ["--select", "F"]
    assert cli("audit", artifacts, *select, "-f", "json").json()["summary"]["by_severity"] == {"warning": 1}
    assert cli("audit", artifacts, *select).exit_code == 0
    assert cli("audit", artifacts, *select, "--fail-on", "warning").exit_code == 1
    assert cli("audit", artifacts, *select, "--fail-on", "info").exit_code == 1
    assert cli("audit", artifacts, "--select", "F104", "--fail-on", "info").exit_code == 0
    info_only = cli("audit", severity_case, "--select", "F104", "-f", "json").json()
    assert info_only["summary"]["by_severity"] == {"info": 1}
    assert cli("audit", severity_case, "--select", "F104", "--fail-on", "warning").exit_code == 0
    assert cli("audit", severity_case, "--select", "F104", "--fail-on", "info").exit_code == 1


def test_clean_digest_exits_0(english: Path, cli: Cli) -> None:
    assert cli("audit", english, "--select", "F").exit_code == 0


@pytest.mark.parametrize(("option", "value", "expected"), [
    ("--select", "F302", {"F302"}),
    ("--select", "prompt-leak", {"F302"}),
    ("--select", "F3", {"F302"}),
    ("--select", "F302,F103", {"F302", "F103"}),
    ("--ignore", "F2", {"F103", "F302"}),
])
def test_select_and_ignore_by_id_prefix_and_name(option: str, value: str, expected: set[str], j1: Path,
                                                 cli: Cli) -> None:
    args = [option, value] if option == "--select" else ["--select", "F", option, value]
    report = cli("audit", j1, *args, "-f", "json", "--exit-zero").json()
    assert _rules_in(report) == expected


def test_unknown_rule_exits_2(j1: Path, cli: Cli) -> None:
    result = cli("audit", j1, "--select", "Z999")
    assert result.exit_code == 2
    assert "unknown rule(s): Z999" in result.stderr
    assert cli("audit", j1, "--ignore", "no-such-rule").exit_code == 2


FINDING_KEYS = {"rule", "name", "category", "severity", "block", "message", "summary_span", "abstract_span",
                "line", "source", "confidence"}


def test_json_contract(j1: Path, cli: Cli) -> None:
    report = cli("audit", j1, "-f", "json", "--exit-zero").json()
    assert {"tool", "digests", "summary"} <= set(report)
    assert set(report["tool"]) == {"name", "version"} and report["tool"]["name"] == "digest-check"
    digest = report["digests"][0]
    assert {"path", "format", "language", "papers_total", "problems", "papers"} <= set(digest)
    assert (digest["format"], digest["language"], digest["papers_total"]) == ("jsonl", "zh", 4)
    assert len(digest["papers"]) == 4  # every paper appears
    for paper in digest["papers"]:
        assert {"arxiv_id", "index", "title", "line", "findings"} <= set(paper)
        for finding in paper["findings"]:
            assert set(finding) == FINDING_KEYS  # exactly the keys
            assert finding["category"] in {"hallucinated_number", "omission", "mismatched_claim",
                                           "unsupported_claim", "format"}
            assert finding["severity"] in {"error", "warning", "info"}
            assert finding["block"] in {None, "tldr", "motivation", "method", "result", "conclusion"}
            assert finding["source"] == "heuristic"
            assert 0.0 <= finding["confidence"] <= 1.0
    echo = next(p for p in digest["papers"] if p["arxiv_id"] == "2509.11570")
    leak = next(f for f in echo["findings"] if f["rule"] == "F302")
    assert (leak["name"], leak["block"], leak["line"]) == ("prompt-leak", "tldr", 4)


def test_clean_paper_has_an_empty_findings_list(english: Path, cli: Cli) -> None:
    report = cli("audit", english, "--select", "F", "-f", "json").json()
    papers = report["digests"][0]["papers"]
    assert len(papers) == 4 and all(p["findings"] == [] for p in papers)


def test_a_second_run_in_one_process_and_the_output_file_give_the_same_report(
        tmp_path: Path, j1: Path, cli: Cli, fixture_path: FixturePath) -> None:
    """Nothing a run leaves behind in the process changes the next one; --output writes what stdout shows.
    (Runs under other hash seeds, in fresh processes: tests/test_determinism.py.)"""
    args = ("audit", j1, fixture_path(f"day-2025-06-23/{XM}2025-06-23.md"),
            fixture_path(f"dropped/{MY}2026-02-25.jsonl"), "-f", "json", "--exit-zero")
    first, second = cli(*args), cli(*args)
    assert first.stdout == second.stdout and first.json()["summary"]["findings"] > 0
    out = tmp_path / "report.json"
    third = cli(*args, "--output", out)
    assert third.stdout == ""
    assert out.read_text(encoding="utf-8") == first.stdout
    dates = [d["date"] for d in first.json()["digests"]]
    assert dates == sorted(dates)  # days in date order, wherever their folders are


def test_digest_order_does_not_depend_on_the_folder(tmp_path: Path, j1: Path, cli: Cli) -> None:
    # An early day in a folder that sorts after the later day's folder still comes first.
    late_dir, early_dir = tmp_path / "a", tmp_path / "z"
    late_dir.mkdir()
    early_dir.mkdir()
    late = late_dir / j1.name
    late.write_bytes(j1.read_bytes())
    early = early_dir / j1.name.replace(j1.name[len(DW):len(DW) + 10], "2020-01-01")
    early.write_bytes(j1.read_bytes())
    report = cli("audit", late, early, "-f", "json", "--exit-zero").json()
    assert [Path(d["path"]).parent.name for d in report["digests"]] == ["z", "a"]


def test_text_report_groups_by_file_then_paper_with_relative_paths_and_totals(j1: Path, cli: Cli,
                                                                              repo_root: Path) -> None:
    result = cli("audit", j1, "--exit-zero")
    lines = result.stdout.splitlines()
    relative = j1.relative_to(repo_root).as_posix()
    assert lines[0] == f"{relative}: 4 papers (jsonl, zh)"  # the file once, relative to the workspace
    assert str(repo_root) not in result.stdout
    paper = lines.index("  [4] 2509.11570 Bhaasha, Bhasa, Zaban: A Survey for Low-Resourced Languages…")
    assert lines[paper + 1].startswith("    4: ") and " F302 prompt-leak [tldr] " in lines[paper + 1]
    assert lines[paper + 2] == "       summary:  单个单词的摘要"
    assert re.fullmatch(r"4 papers in 1 digest: 3 papers with findings \(\d with errors\); 5 findings: .+; "
                        r"no input problems", lines[-1])


def test_language_option_applies_when_the_name_does_not_say(tmp_path: Path, english: Path, cli: Cli) -> None:
    renamed = tmp_path / "digest.jsonl"
    renamed.write_bytes(english.read_bytes())
    as_chinese = cli("audit", renamed, "--select", "F201", "-f", "json", "--exit-zero").json()
    assert as_chinese["digests"][0]["language"] == "zh" and _rules_in(as_chinese) == {"F201"}
    as_english = cli("audit", renamed, "--select", "F201", "--language", "en", "-f", "json").json()
    assert as_english["digests"][0]["language"] == "en" and _rules_in(as_english) == set()


def test_seed_has_no_format_warning_or_error(seed_digest: Path, cli: Cli) -> None:
    report = cli("audit", seed_digest, "--select", "F", "-f", "json", "--exit-zero").json()
    bad = [(p["arxiv_id"], f["rule"]) for p in report["digests"][0]["papers"] for f in p["findings"]
           if f["severity"] != "info"]
    assert bad == []
    assert report["digests"][0]["papers_total"] == 88


def test_python_m_checker_help(repo_root: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "checker", "--help"], capture_output=True, text=True,
                            cwd=repo_root, check=False, timeout=60)
    assert result.returncode == 0
    assert "audit" in result.stdout and "rules" in result.stdout


def test_jobs_option_changes_nothing_in_the_report(monkeypatch: pytest.MonkeyPatch, cli: Cli,
                                                   fixture_path: FixturePath) -> None:
    """--jobs 1 (one process) and --jobs 2 (files shared out to workers) give the same JSON report."""
    import checker.engine.audit as engine

    monkeypatch.setattr(engine, "PARALLEL_FILES_MIN_BYTES", 0)  # the fixture days are small
    paths = [str(fixture_path(name)) for name in ("day-2025-06-06", "day-2025-06-23", "j1")]
    one = cli("audit", *paths, "-f", "json", "--fail-on", "never", "--jobs", "1")
    two = cli("audit", *paths, "-f", "json", "--fail-on", "never", "-j", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and one.json()["summary"]["papers"] > 10
    assert cli("audit", *paths, "--jobs", "-1").exit_code == 2
