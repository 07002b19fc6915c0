"""The same input gives the same bytes whatever the hash seed: each run is a fresh `python -m checker` process
under its own PYTHONHASHSEED (0, 1, 12345 and a random one), so set and dict orders that hang on str hashes
differ from run to run, as they do between two users' runs. Two runs in one process share one seed and
cannot show this.

The input is every real digest snippet of the tests (tests/fixtures/digests, tests/fixtures/ci) and the seed
digest: 23 digests, 173 papers, about 100 findings of 20 rules, and 4 input problems. The runs of one test
are started together: the file takes about 6 s on two cores.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

SEEDS = ["0", "1", "12345", "random"]
# Relative to the repository root, where the processes run: the report holds the paths as given.
INPUTS = ["tests/fixtures/digests", "tests/fixtures/ci", "examples/seed-digest.md"]
AUDIT = ["audit", *INPUTS, "--fail-on", "never"]

# A process like `python -m checker`, but with the engine's threshold for worker processes set to 0, so that
# the small fixture digests are shared out to workers a file at a time, as a year of daily digests would be.
# Every task given to a process pool is counted on stderr, to show that workers did run.
WITH_WORKERS = """
import concurrent.futures, os, sys

import checker.engine.audit as engine

engine.PARALLEL_FILES_MIN_BYTES = 0


class CountedPool(concurrent.futures.ProcessPoolExecutor):
    def submit(self, fn, /, *args, **kwargs):
        os.write(2, b"pool-task\\n")
        return super().submit(fn, *args, **kwargs)


concurrent.futures.ProcessPoolExecutor = CountedPool
sys.argv = ["digest-check", *sys.argv[1:]]
from checker.cli.app import main

main()
"""
# One process per seed audits once and writes the report in every other format (the renderers the CLI's
# --format picks, and the Markdown of the GitHub job summary).
OTHER_FORMATS = ["text", "github", "sarif", "junit", "markdown"]
EVERY_FORMAT = """
import sys
from pathlib import Path

from checker.engine.audit import AuditOptions, audit
from checker.read.discover import discover_sources
from checker.render.github import render_github
from checker.render.junit import render_junit
from checker.render.markdown import render_markdown
from checker.render.sarif import render_sarif
from checker.render.text import render_text
from checker.rules.registry import all_rules

out = Path(sys.argv[1])
report = audit(discover_sources(sys.argv[2:]).sources, AuditOptions(rules=all_rules(), jobs=1))
out.mkdir()
for name, render in (("text", render_text), ("github", render_github), ("sarif", render_sarif),
                     ("junit", render_junit), ("markdown", render_markdown)):
    (out / name).write_text(render(report), encoding="utf-8")
"""


def _env(seed: str) -> dict[str, str]:
    # Not in GitHub Actions: no default format from there, no job summary appended to.
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env["PYTHONHASHSEED"] = seed
    return env


def _run_all(commands: dict[str, list[str]]) -> dict[str, subprocess.CompletedProcess[str]]:
    """Start every command at once (key: its seed), in the repository root, and wait for all of them."""
    started = {seed: subprocess.Popen(command, cwd=ROOT, env=_env(seed), stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, encoding="utf-8")
               for seed, command in commands.items()}
    done = {}
    for seed, process in started.items():
        stdout, stderr = process.communicate(timeout=120)
        done[seed] = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    return done


def _same_everywhere(runs: dict[str, str]) -> str:
    """The one output of every seed; a failure names the seed whose output differs, and from which line."""
    first_seed, first = next(iter(runs.items()))
    for seed, output in runs.items():
        if output != first:
            pairs = zip(first.splitlines() + [""], output.splitlines() + [""], strict=False)
            line = next(i for i, (a, b) in enumerate(pairs, 1) if a != b)
            pytest.fail(f"PYTHONHASHSEED={seed} differs from PYTHONHASHSEED={first_seed} from line {line}")
    return first


@pytest.fixture(scope="module")
def audits_in_one_process() -> dict[str, str]:
    """`python -m checker audit ... --jobs 1` under each seed: the JSON report on stdout."""
    runs = _run_all({seed: [sys.executable, "-m", "checker", *AUDIT, "--format", "json", "--jobs", "1"]
                     for seed in SEEDS})
    for seed, run in runs.items():
        assert run.returncode == 0, (seed, run.stderr)
    return {seed: run.stdout for seed, run in runs.items()}


def test_audit_json_is_byte_identical_under_every_hash_seed(audits_in_one_process: dict[str, str]) -> None:
    report = _same_everywhere(audits_in_one_process)
    # The runs had something to get wrong: findings of many rules, on many papers, and input problems.
    assert '"rule": "C103"' in report and '"rule": "O101"' in report and '"rule": "U101"' in report
    assert report.count('"arxiv_id"') > 150 and report.count('"rule"') > 80
    assert '"code": "no-papers"' in report


def test_audit_with_worker_processes_matches_one_process_under_every_hash_seed(
        audits_in_one_process: dict[str, str]) -> None:
    runs = _run_all({seed: [sys.executable, "-c", WITH_WORKERS, *AUDIT, "--format", "json", "--jobs", "2"]
                     for seed in SEEDS})
    for seed, run in runs.items():
        assert run.returncode == 0, (seed, run.stderr)
        assert run.stderr.count("pool-task") >= 10, f"PYTHONHASHSEED={seed}: no worker process ran"
    assert _same_everywhere({seed: run.stdout for seed, run in runs.items()}) == audits_in_one_process["0"]


def test_every_other_audit_format_is_byte_identical_under_every_hash_seed(tmp_path: Path) -> None:
    runs = _run_all({seed: [sys.executable, "-c", EVERY_FORMAT, str(tmp_path / seed), *INPUTS]
                     for seed in SEEDS})
    for seed, run in runs.items():
        assert run.returncode == 0, (seed, run.stderr)
    for output_format in OTHER_FORMATS:
        written = {seed: (tmp_path / seed / output_format).read_text(encoding="utf-8") for seed in SEEDS}
        output = _same_everywhere(written)
        assert "F103" in output and "2509.10541" in output, output_format  # a real finding in it


def test_report_files_are_byte_identical_under_every_hash_seed(tmp_path: Path) -> None:
    """`digest-check report` writes index.html, report.md and report.json: the same bytes for every seed (the
    folder it writes to is not in them)."""
    runs = _run_all({seed: [sys.executable, "-m", "checker", "report", *INPUTS, "--out", str(tmp_path / seed)]
                     for seed in SEEDS})
    for seed, run in runs.items():
        assert run.returncode == 0, (seed, run.stderr)
    for name in ("report.json", "report.md", "index.html"):
        written = {seed: (tmp_path / seed / name).read_bytes().decode("utf-8") for seed in SEEDS}
        content = _same_everywhere(written)
        assert "2509.11570" in content and "C103" in content, name  # a real paper and a real finding in each
