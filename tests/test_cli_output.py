"""The command line as a user meets it (ruff is the model): -V, colour only on a terminal and never with
NO_COLOR, --quiet, --statistics, a progress bar on a terminal, standard input as '-', an empty folder, -o
everywhere, the formats each command accepts, and a spot check that names its candidates when ambiguous.

These run the real entry point in subprocesses (the terminal is a pseudo-terminal where one matters).
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CI = ROOT / "tests" / "fixtures" / "ci"
SEP = CI / "2025-09-16_AI_enhanced_Chinese.jsonl"  # 15 papers: errors, warnings and info findings
MAY = CI / "2026-05-21_AI_enhanced_Chinese.jsonl"  # 12 papers, 5 errors
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("GITHUB_") and k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    return {**env, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color", **extra}


def digest_check(*args: str | Path, stdin: bytes | None = None, cwd: Path = ROOT,
                 **env: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "checker", *map(str, args)], cwd=cwd, input=stdin,
                          capture_output=True, timeout=120, env=_env(**env))
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8", "replace"),
                                       done.stderr.decode("utf-8", "replace"))


def on_terminal(*args: str | Path, stdout_tty: bool = True, stderr_tty: bool = False,
                **env: str) -> tuple[int, str, str]:
    """Run with stdout and/or stderr on a pseudo-terminal; (exit code, stdout, stderr) as bytes decoded."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "checker", *map(str, args)], cwd=ROOT, env=_env(**env),
                               stdin=subprocess.DEVNULL,
                               stdout=follower if stdout_tty else subprocess.PIPE,
                               stderr=follower if stderr_tty else subprocess.PIPE)
    os.close(follower)
    terminal = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            terminal += chunk
        elif process.poll() is not None:
            break
    os.close(leader)
    out, err = process.communicate(timeout=60)
    piped = (out or err or b"").decode("utf-8", "replace")
    shown = terminal.decode("utf-8", "replace").replace("\r\n", "\n")
    return (process.returncode, shown, piped) if stdout_tty else (process.returncode, piped, shown)


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(flag: str) -> None:
    from checker import __version__

    done = digest_check(flag)
    assert (done.returncode, done.stdout) == (0, f"digest-check {__version__}\n")


# ---------------------------------------------------------------- colour


def test_colour_on_a_terminal_and_none_in_a_pipe() -> None:
    code, shown, _ = on_terminal("audit", SEP, COLUMNS="80")  # titles fit the terminal; 80 columns in a pipe
    assert code == 1 and ANSI.search(shown)
    assert "\x1b[1;31merror\x1b[0m" in shown  # severities in their colour
    piped = digest_check("audit", SEP)
    assert piped.returncode == 1 and "\x1b" not in piped.stdout + piped.stderr
    assert ANSI.sub("", shown).strip() == piped.stdout.strip()  # the same text, without the codes


def test_no_color_wins_on_a_terminal_and_over_force_color() -> None:
    _, shown, _ = on_terminal("audit", SEP, NO_COLOR="1")
    assert "\x1b" not in shown and "F302 prompt-leak" in shown
    forced = digest_check("audit", SEP, FORCE_COLOR="1")
    assert ANSI.search(forced.stdout)
    both = digest_check("audit", SEP, FORCE_COLOR="1", NO_COLOR="1")
    assert "\x1b" not in both.stdout


def test_no_colour_in_a_file_even_on_a_terminal(tmp_path: Path) -> None:
    code, shown, _ = on_terminal("audit", SEP, "-o", tmp_path / "out.txt")
    assert code == 1 and shown == ""
    assert "\x1b" not in (tmp_path / "out.txt").read_text(encoding="utf-8")


# ---------------------------------------------------------------- progress


def test_a_progress_bar_with_a_total_on_a_terminal_only() -> None:
    code, _, bar = on_terminal("audit", SEP, MAY, "-f", "json", stdout_tty=False, stderr_tty=True)
    assert code == 1
    bar = ANSI.sub("", bar)
    assert re.search(r"\d+/27 papers", bar) and "eta" in bar  # the total is known before the first paper
    piped = digest_check("audit", SEP, MAY, "-f", "json")
    assert piped.stderr == ""  # nothing in a pipe, a file or a CI log
    quiet = on_terminal("audit", SEP, "-f", "json", "--quiet", stdout_tty=False, stderr_tty=True)
    assert "papers" not in quiet[2]


def test_report_shows_progress_on_a_terminal(tmp_path: Path) -> None:
    code, _, bar = on_terminal("report", SEP, "-o", tmp_path / "r", stdout_tty=False, stderr_tty=True)
    assert code == 0 and re.search(r"\d+/15 papers", ANSI.sub("", bar))


# ---------------------------------------------------------------- listing options


def test_quiet_prints_only_findings_at_the_fail_on_severity() -> None:
    full = digest_check("audit", SEP)
    quiet = digest_check("audit", SEP, "--quiet")
    assert quiet.returncode == full.returncode == 1
    assert "warning" in full.stdout and "info" in full.stdout
    lines = quiet.stdout.splitlines()
    assert lines[0] == "tests/fixtures/ci/2025-09-16_AI_enhanced_Chinese.jsonl: 15 papers (jsonl, zh)"
    findings = [line for line in lines if re.match(r"\s+\d+: ", line)]
    assert findings and all(" error " in line for line in findings)
    assert "papers in 1 digest" not in quiet.stdout and quiet.stderr == ""  # no totals, no notes
    warnings = digest_check("audit", SEP, "-q", "--fail-on", "warning")
    assert " warning " in warnings.stdout and " info " not in warnings.stdout
    clean = digest_check("audit", SEP, "-q", "--select", "O301,C110")  # info only: nothing at error
    assert (clean.returncode, clean.stdout) == (0, "")


def test_statistics_count_findings_per_rule() -> None:
    done = digest_check("audit", SEP, MAY, "--statistics")
    rows = [line.split("\t") for line in done.stdout.splitlines()]
    assert done.returncode == 1 and rows[0][:2] == ["6", "F103"] and rows[0][3] == "6 errors"
    counts = [int(row[0]) for row in rows]
    assert counts == sorted(counts, reverse=True)
    report = json.loads(digest_check("audit", SEP, MAY, "-f", "json").stdout)
    assert {row[1]: int(row[0]) for row in rows} == report["summary"]["by_rule"]
    as_json = json.loads(digest_check("audit", SEP, MAY, "--statistics", "-f", "json").stdout)
    assert as_json[0] == {"rule": "F103", "name": "paper-not-summarized", "count": 6, "severity": {"error": 6}}
    refused = digest_check("audit", SEP, "--statistics", "-f", "sarif")
    assert refused.returncode == 2 and refused.stderr == "digest-check: --statistics writes text or json, not sarif\n"


def test_titles_are_cut_at_a_word_boundary_in_the_listing() -> None:
    done = digest_check("audit", SEP)
    titles = [line for line in done.stdout.splitlines() if re.match(r"  \[\d+\] ", line)]
    assert titles and all(len(line) <= 80 for line in titles)
    cut = [line for line in titles if line.endswith("…")]
    record = {json.loads(line)["id"]: json.loads(line)["title"] for line in SEP.read_text().splitlines()}
    for line in cut:
        arxiv_id, shown = line.split(" ", 4)[3], line.split(" ", 4)[4][:-1]
        full = record[arxiv_id]
        assert full.startswith(shown) and full[len(shown)] in " ,:;", (shown, full)  # never mid-word


# ---------------------------------------------------------------- inputs


def test_standard_input_is_read_and_shown_as_stdin() -> None:
    data = SEP.read_bytes()
    as_json = digest_check("audit", "-", "-f", "json", stdin=data)
    digest = json.loads(as_json.stdout)["digests"][0]
    assert as_json.returncode == 1 and (digest["path"], digest["papers_total"]) == ("<stdin>", 15)
    text = digest_check("audit", "-", stdin=data)
    assert text.stdout.startswith("<stdin>: 15 papers (jsonl, zh)\n") and "/dev/stdin" not in text.stdout
    broken = digest_check("audit", "-", "-f", "json", stdin=data + b"{broken\n")
    assert "<stdin>:16: error[" in broken.stderr and "/proc/" not in broken.stderr
    both = digest_check("audit", "-", SEP, "-f", "json", stdin=MAY.read_bytes())
    assert sorted(d["papers_total"] for d in json.loads(both.stdout)["digests"]) == [12, 15]


@pytest.mark.parametrize("command", ["audit", "report"])
def test_standard_input_given_twice_is_refused_with_one_line(command: str) -> None:
    done = digest_check(command, "-", "-", stdin=SEP.read_bytes())
    assert done.returncode == 2
    assert done.stderr == "digest-check: '-' (standard input) given more than once: it can be read only once\n"


def test_report_reads_standard_input(tmp_path: Path) -> None:
    done = digest_check("report", "-", "-o", tmp_path / "r", stdin=SEP.read_bytes())
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    assert [d["path"] for d in report["digests"]] == ["<stdin>"]


@pytest.mark.parametrize("command", ["audit", "report"])
def test_an_empty_folder_says_there_are_no_digest_files(command: str, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = digest_check(command, "empty", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "empty: error[not-found] no digest files in this folder (dated .jsonl or .md files)\n"


# ---------------------------------------------------------------- -o everywhere


def test_output_option_everywhere(tmp_path: Path) -> None:
    assert digest_check("audit", SEP, "-f", "json", "-o", tmp_path / "a.json").stdout == ""
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["summary"]["papers"] == 15
    assert digest_check("rules", "-f", "json", "-o", tmp_path / "rules.json").returncode == 0
    assert json.loads((tmp_path / "rules.json").read_text(encoding="utf-8"))[0]["id"]
    view = digest_check("paper", "2509.11570", SEP, "-o", tmp_path / "paper.txt", "--width", "120")
    assert view.returncode in (0, 1) and view.stdout == ""
    assert "2509.11570" in (tmp_path / "paper.txt").read_text(encoding="utf-8")
    record = json.loads(SEP.read_text(encoding="utf-8").splitlines()[0])
    (tmp_path / "abstract.txt").write_text(record["summary"], encoding="utf-8")
    (tmp_path / "summary.json").write_text(json.dumps(record["AI"], ensure_ascii=False), encoding="utf-8")
    pair = digest_check("check", "--abstract", tmp_path / "abstract.txt", "--summary", tmp_path / "summary.json",
                        "-f", "json", "-o", tmp_path / "check.json")
    assert pair.stdout == "" and json.loads((tmp_path / "check.json").read_text(encoding="utf-8"))["arxiv_id"]


@pytest.mark.parametrize("option", ["-o", "--output", "--out"])
def test_report_takes_output_and_its_old_name(option: str, tmp_path: Path) -> None:
    done = digest_check("report", SEP, option, tmp_path / "r")
    assert done.returncode == 0, done.stderr
    assert {p.name for p in (tmp_path / "r").iterdir()} >= {"index.html", "report.md", "report.json"}


def test_report_help_shows_output_not_the_old_name() -> None:
    shown = digest_check("report", "--help", COLUMNS="200").stdout
    assert "--output" in shown and "-o" in shown and "--out " not in shown


# ---------------------------------------------------------------- formats per command


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github"])
def test_paper_and_check_take_only_text_or_json(fmt: str, tmp_path: Path) -> None:
    paper = digest_check("paper", "1", SEP, "-f", fmt)
    assert paper.returncode == 2 and "'text', 'json'" in paper.stderr and paper.stdout == ""
    check = digest_check("check", "--abstract", "x", "--summary", "y", "-f", fmt)
    assert check.returncode == 2 and "'text', 'json'" in check.stderr


def test_audit_refuses_a_format_it_does_not_have() -> None:
    done = digest_check("audit", SEP, "-f", "html")
    assert done.returncode == 2 and "'html' is not one of" in done.stderr


# ---------------------------------------------------------------- paper: ambiguity


def test_paper_names_the_candidates_of_an_ambiguous_index(tmp_path: Path) -> None:
    done = digest_check("paper", "3", CI)
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[0] == "digest-check: '3' matches a paper in each of 2 digests; name one of them:"
    assert lines[1].startswith("  tests/fixtures/ci/2025-09-16_AI_enhanced_Chinese.jsonl [3] 2509.11003 ")
    assert lines[2].startswith("  tests/fixtures/ci/2026-05-21_AI_enhanced_Chinese.jsonl [3] 2605.20290 ")
    one = digest_check("paper", "3", SEP, "-f", "json")
    assert json.loads(one.stdout)["arxiv_id"] == "2509.11003"


def test_paper_names_the_digests_of_a_paper_listed_twice(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(SEP, folder / SEP.name)
    shutil.copy(SEP, folder / "2025-09-17_AI_enhanced_Chinese.jsonl")  # the same paper on the next day
    done = digest_check("paper", "2509.11570", folder)
    assert done.returncode == 2 and "matches a paper in each of 2 digests" in done.stderr
    assert "2025-09-16_AI_enhanced_Chinese.jsonl [15] 2509.11570" in done.stderr
    assert "2025-09-17_AI_enhanced_Chinese.jsonl [15] 2509.11570" in done.stderr
