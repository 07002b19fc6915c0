"""Hostile inputs, each beside a good real digest, through the real command line (subprocesses).

Every run must end on its own (well under 60 s: no hang), exit 0, 1 or 2, print no traceback, and still
report the good digest; the hostile file is one problem line. The runs are started together and checked
one per test, so that the file costs a few seconds, not one process start after another.
Standard output is encoded strictly (PYTHONIOENCODING), as on a terminal or CI runner whose locale is not C:
a character UTF-8 cannot hold (a lone surrogate) would fail the write, not slip through.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "tests" / "fixtures" / "ci" / "2025-09-16_AI_enhanced_Chinese.jsonl"  # 15 papers, with findings
OTHER = ROOT / "tests" / "fixtures" / "ci" / "2026-05-21_AI_enhanced_Chinese.jsonl"
HOSTILE = "2025-09-17_AI_enhanced_Chinese.jsonl"  # the hostile file's name, another day than the good one
TIMEOUT = 60


@dataclass
class Run:
    args: list[str]
    stdin: bytes | None = None
    env: dict[str, str] = field(default_factory=dict)
    returncode: int | None = None
    stdout: str = ""
    stderr: str = ""
    seconds: float = 0.0

    def report(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.stdout)
        return data

    def problems(self) -> list[dict[str, Any]]:
        report = self.report()
        return report["problems"] + [p for d in report["digests"] for p in d["problems"]]


def _good_lines() -> list[str]:
    return GOOD.read_text(encoding="utf-8").splitlines()


def _record_with(field: str, raw_json_value: str) -> str:
    """The good digest's first record with one field's value replaced by raw JSON text."""
    record = json.loads(_good_lines()[0])
    record["id"] = "2509.99999"
    placeholder = "@@VALUE@@"
    if field.startswith("AI."):
        record["AI"][field[3:]] = placeholder
    else:
        record[field] = placeholder
    return json.dumps(record, ensure_ascii=False).replace(f'"{placeholder}"', raw_json_value)


def _hostile_jsonl(folder: Path, bad_line: str) -> None:
    """A hostile JSONL beside the good one: a good record, the bad line, another good record."""
    lines = _good_lines()
    (folder / HOSTILE).write_text("\n".join([lines[1], bad_line, lines[2]]) + "\n", encoding="utf-8")


def _folder(base: Path, name: str) -> Path:
    folder = base / name
    folder.mkdir()
    shutil.copy(GOOD, folder / GOOD.name)
    return folder


def _audit(*args: str | Path, fmt: str = "json") -> list[str]:
    return ["audit", *map(str, args), "-f", fmt, "--no-progress", "--jobs", "1"]


def _surrogate_block(base: Path) -> Run:
    folder = _folder(base, "surrogate-block")
    _hostile_jsonl(folder, _record_with("AI.result", r'"提升了 \ud800 个百分点"'))
    return Run(_audit(folder))


def _surrogate_title_text(base: Path) -> Run:
    folder = _folder(base, "surrogate-title")
    _hostile_jsonl(folder, _record_with("title", r'"A cut emoji \ud83d"'))
    return Run(_audit(folder, fmt="text"))


def _deep_nesting(base: Path) -> Run:
    folder = _folder(base, "deep")
    _hostile_jsonl(folder, _record_with("AI.tldr", "[" * 1000 + "]" * 1000))
    return Run(_audit(folder))


def _huge_integer(base: Path) -> Run:
    folder = _folder(base, "integer")
    _hostile_jsonl(folder, _record_with("AI.result", "9" * 5000))
    return Run(_audit(folder))


def _long_markdown_line(base: Path) -> Run:
    folder = _folder(base, "markdown-line")
    heading = "### [1] [A long abstract](https://arxiv.org/abs/2509.99998)"
    text = f"{heading}\n\nTL;DR: 方法提升了 12%。\n\n<details>\nAbstract: {'We improve it by 12%. ' * 60_000}\n</details>\n"
    (folder / "2025-09-18.md").write_text(text, encoding="utf-8")
    return Run(_audit(folder))


def _non_utf8_name(fmt: str) -> Callable[[Path], Run]:
    def build(base: Path) -> Run:
        folder = _folder(base, f"name-{fmt}")
        name = os.fsencode(folder) + b"/x\xff_2025-09-17_AI_enhanced_Chinese.jsonl"
        try:
            with open(name, "wb") as handle:
                handle.write(OTHER.read_bytes() + b"{broken\n")
        except OSError:
            pytest.skip("the file system refuses names that are not UTF-8")
        return Run(_audit(folder, fmt=fmt))
    return build


def _fifo_in_folder(base: Path) -> Run:
    folder = _folder(base, "fifo-folder")
    os.mkfifo(folder / HOSTILE)
    return Run(_audit(folder))


def _fifo_named(base: Path) -> Run:
    folder = _folder(base, "fifo-named")
    os.mkfifo(folder / HOSTILE)  # nobody writes to it: reading must not wait for a writer
    return Run(_audit(folder / GOOD.name, folder / HOSTILE))


def _dev_stdin(base: Path) -> Run:
    folder = _folder(base, "stdin")
    return Run(_audit(folder / GOOD.name, "/dev/stdin"), stdin=OTHER.read_bytes())


def _symlink_loop_glob(base: Path) -> Run:
    folder = _folder(base, "loop")
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")
    os.symlink(".", folder / "self")
    return Run(_audit(f"{folder}/**/*.jsonl"))


def _empty_folder(base: Path) -> Run:
    folder = _folder(base, "empty")
    (folder / "nothing").mkdir()
    return Run(_audit(folder / GOOD.name, folder / "nothing"))


def _baseline(kind: str) -> Callable[[Path], Run]:
    entry = '{"fingerprint": "0123456789abcdef0123456789abcdef", "rule": "N101", "arxiv_id": "2509.1", ' \
            '"block": "result", "span": "x", "count": COUNT}'
    counts = {"infinity": "Infinity", "integer": "9" * 5000, "deep": "[" * 1000 + "]" * 1000, "type": '"many"'}

    def build(base: Path) -> Run:
        folder = _folder(base, f"baseline-{kind}")
        bad = folder / "baseline.json"
        entries = entry.replace("COUNT", counts[kind])
        bad.write_text(f'{{"tool": "digest-check", "version": 1, "entries": [{entries}]}}', encoding="utf-8")
        return Run(_audit(folder, "--baseline", bad))
    return build


# A title and a summary that try every way out of a line: a newline then a workflow command, a CR (the runner
# splits lines on it too), ESC sequences (screen clear, window title, colour), the C1 CSI, the legacy "##["
# marker (found anywhere in a line), a bidi override and a Unicode line separator.
INJECTED = "A title\n::add-mask::SECRET \x1b[2J\x1b]0;pwned\x07 ##[error]legacy \u202eevil\u2028next \x9b31m"
INJECTED_TLDR = ("LLMs can generate QNP abstractions for GP problems.\n::add-mask::SPAN \x1b[31mred\r::warning::cr "
                 "##[add-mask]x")
INJECTED_NAME = b"x\n::add-mask::NAME \x1b[1m_2025-09-18_AI_enhanced_Chinese.jsonl"
ANNOTATION = re.compile(r"^::(error|warning|notice) file=[^,:]+(,line=\d+)?,title=[^:]*::")


def _injected(base: Path, name: str) -> Path:
    """A folder with the good digest and a hostile one whose records carry the injections, and a digest whose
    file name carries one; returns the folder."""
    folder = _folder(base, name)
    record = json.loads(_good_lines()[0])
    record.update(id="2509.99999", title=INJECTED)
    record["AI"]["tldr"] = INJECTED_TLDR
    (folder / HOSTILE).write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    try:
        with open(os.fsencode(folder) + b"/" + INJECTED_NAME, "wb") as handle:
            handle.write(GOOD.read_bytes())
    except OSError:
        pass  # a file system that refuses such a name: the records still carry the injections
    return folder


def _named_too(folder: Path) -> list[str]:
    name = os.fsencode(folder) + b"/" + INJECTED_NAME
    return [os.fsdecode(name)] if os.path.exists(name) else []


def _inject(fmt: str) -> Callable[[Path], Run]:
    def build(base: Path) -> Run:
        folder = _injected(base, f"inject-{fmt}")
        return Run(_audit(folder, *_named_too(folder), fmt=fmt))
    return build


def _inject_quiet(base: Path) -> Run:
    folder = _injected(base, "inject-quiet")
    return Run([*_audit(folder, *_named_too(folder), fmt="text"), "--quiet", "--fail-on", "info"])


def _inject_paper(base: Path) -> Run:
    folder = _injected(base, "inject-paper")
    return Run(["paper", "2509.99999", str(folder / HOSTILE), "--width", "100"])


def _inject_check(base: Path) -> Run:
    folder = _injected(base, "inject-check")
    (folder / "abstract.txt").write_text(INJECTED, encoding="utf-8")
    (folder / "summary.json").write_text(json.dumps({"tldr": INJECTED_TLDR, "result": INJECTED}), encoding="utf-8")
    return Run(["check", "--abstract", str(folder / "abstract.txt"), "--summary", str(folder / "summary.json")])


def _inject_job_summary(base: Path) -> Run:
    folder = _injected(base, "inject-summary")
    return Run(_audit(folder, *_named_too(folder), fmt="github"),
               env={"GITHUB_STEP_SUMMARY": str(folder / "summary.md")})


INJECTION_CASES = {
    **{f"inject-{fmt}": _inject(fmt) for fmt in ("text", "github", "junit", "sarif", "json")},
    "inject-quiet": _inject_quiet,
    "inject-paper": _inject_paper,
    "inject-check": _inject_check,
    "inject-job-summary": _inject_job_summary,
}


CASES: dict[str, Callable[[Path], Run]] = {
    "surrogate-block": _surrogate_block,
    "surrogate-title-text": _surrogate_title_text,
    "deep-nesting": _deep_nesting,
    "huge-integer": _huge_integer,
    "long-markdown-line": _long_markdown_line,
    "fifo-in-folder": _fifo_in_folder,
    "fifo-named": _fifo_named,
    "dev-stdin": _dev_stdin,
    "symlink-loop-glob": _symlink_loop_glob,
    "empty-folder": _empty_folder,
    **{f"non-utf8-name-{fmt}": _non_utf8_name(fmt) for fmt in ("json", "text", "github", "sarif", "junit")},
    **{f"baseline-{kind}": _baseline(kind) for kind in ("infinity", "integer", "deep", "type")},
    **INJECTION_CASES,
}


def _execute(run: Run, cwd: Path) -> Run:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "NO_COLOR": "1"}
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        env.pop(name, None)
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "checker", *run.args], cwd=cwd, input=run.stdin,
                              capture_output=True, timeout=TIMEOUT, env={**env, **run.env, "PYTHONPATH": str(ROOT)})
    except subprocess.TimeoutExpired:
        run.returncode, run.seconds = None, TIMEOUT
        return run
    run.seconds = time.monotonic() - started
    run.returncode = done.returncode
    run.stdout = done.stdout.decode("utf-8", errors="replace")
    run.stderr = done.stderr.decode("utf-8", errors="replace")
    return run


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run | str]:
    """Every case run at once (a few at a time): name -> its finished run, or why it was skipped."""
    base = tmp_path_factory.mktemp("hostile")
    built: dict[str, Run | str] = {}
    for name, build in CASES.items():
        try:
            built[name] = build(base)
        except pytest.skip.Exception as skip:
            built[name] = str(skip)
    with ThreadPoolExecutor(max_workers=min(8, max(2, os.cpu_count() or 2))) as pool:
        for run in [r for r in built.values() if isinstance(r, Run)]:
            pool.submit(_execute, run, base)
    return built


@pytest.fixture(params=list(CASES))
def run(request: pytest.FixtureRequest, runs: dict[str, Run | str]) -> Run:
    result = runs[request.param]
    if isinstance(result, str):
        pytest.skip(result)
    return result


def test_ends_in_time_with_a_known_exit_and_no_traceback(run: Run) -> None:
    assert run.returncode is not None, f"no end within {TIMEOUT} s: {run.args}"
    assert run.returncode in (0, 1, 2), run.stderr[-2000:]
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert run.seconds < 30


def _good_digest(run: Run) -> dict[str, Any]:
    digests = [d for d in run.report()["digests"] if d["path"].endswith(GOOD.name)]
    assert len(digests) == 1, [d["path"] for d in run.report()["digests"]]
    return digests[0]


def _hostile_problems(run: Run, code: str) -> list[dict[str, Any]]:
    return [p for p in run.problems() if p["code"] == code]


@pytest.mark.parametrize("name, code, papers", [
    ("surrogate-block", "bad-encoding", 3),  # the record is kept, its surrogate replaced
    ("deep-nesting", "json-limit", 2),  # the record is skipped, the two around it read
    ("huge-integer", "json-limit", 2),
])
def test_a_bad_record_is_one_problem_on_its_line_and_the_rest_is_checked(
        runs: dict[str, Run | str], name: str, code: str, papers: int) -> None:
    run = runs[name]
    assert isinstance(run, Run) and run.returncode == 1, run.stderr[-2000:]
    assert _good_digest(run)["papers_total"] == 15
    hostile = next(d for d in run.report()["digests"] if d["path"].endswith(HOSTILE))
    assert hostile["papers_total"] == papers
    assert [(p["code"], p["line"]) for p in hostile["problems"]] == [(code, 2)]
    assert run.stderr.count(f"{HOSTILE}:2: error[{code}]") == 1


def test_a_lone_surrogate_never_reaches_the_output(runs: dict[str, Run | str]) -> None:
    text = runs["surrogate-title-text"]
    assert isinstance(text, Run) and text.returncode == 1, text.stderr[-2000:]
    assert f"{GOOD.name}: 15 papers (jsonl" in text.stdout and f"{HOSTILE}:2: error[bad-encoding]" in text.stderr


def test_a_markdown_line_past_the_cap_is_cut_and_reported_once(runs: dict[str, Run | str]) -> None:
    run = runs["long-markdown-line"]
    assert isinstance(run, Run) and run.returncode == 1, run.stderr[-2000:]
    assert _good_digest(run)["papers_total"] == 15
    assert [p["code"] for p in _hostile_problems(run, "line-too-long")] == ["line-too-long"]
    assert not _hostile_problems(run, "field-too-long")  # the cut line is the one problem of its field


@pytest.mark.parametrize("fmt", ["json", "text", "github", "sarif", "junit"])
def test_a_file_name_that_is_not_utf8_is_shown_escaped(runs: dict[str, Run | str], fmt: str) -> None:
    run = runs[f"non-utf8-name-{fmt}"]
    if isinstance(run, str):
        pytest.skip(run)
    assert run.returncode == 1, run.stderr[-2000:]
    assert "x\\xff_2025-09-17" in run.stderr  # the broken last line's problem
    if fmt == "json":
        assert sorted(d["papers_total"] for d in run.report()["digests"]) == [12, 15]
        assert any(d["path"].endswith("x\\xff_2025-09-17_AI_enhanced_Chinese.jsonl") for d in run.report()["digests"])


def test_a_fifo_is_refused_in_a_folder_and_read_as_empty_without_a_writer(runs: dict[str, Run | str]) -> None:
    folder = runs["fifo-in-folder"]
    assert isinstance(folder, Run) and folder.returncode == 1
    assert _good_digest(folder)["papers_total"] == 15
    assert [(p["severity"], p["message"]) for p in folder.report()["problems"]] == [("warning", "a FIFO, not read")]
    named = runs["fifo-named"]
    assert isinstance(named, Run) and named.returncode == 1
    assert _good_digest(named)["papers_total"] == 15
    assert [p["code"] for p in named.problems()] == ["no-papers"]


def test_dev_stdin_is_read_as_a_stream(runs: dict[str, Run | str]) -> None:
    run = runs["dev-stdin"]
    assert isinstance(run, Run) and run.returncode == 1, run.stderr[-2000:]
    assert sorted((d["path"].rsplit("/", 1)[-1], d["papers_total"]) for d in run.report()["digests"]) == [
        (GOOD.name, 15), ("stdin", 12)]


def test_a_glob_through_symlink_loops_ends_with_each_file_once(runs: dict[str, Run | str]) -> None:
    run = runs["symlink-loop-glob"]
    assert isinstance(run, Run) and run.returncode == 1, run.stderr[-2000:]
    assert len(run.report()["digests"]) == 1 and _good_digest(run)["papers_total"] == 15


def test_an_empty_folder_says_so(runs: dict[str, Run | str]) -> None:
    run = runs["empty-folder"]
    assert isinstance(run, Run) and run.returncode == 1
    assert _good_digest(run)["papers_total"] == 15
    assert [(p["code"], p["message"]) for p in run.report()["problems"]] == [
        ("not-found", "no digest files in this folder (dated .jsonl or .md files)")]


@pytest.mark.parametrize("kind", ["infinity", "integer", "deep", "type"])
def test_a_corrupt_baseline_exits_2_with_one_line(runs: dict[str, Run | str], kind: str) -> None:
    run = runs[f"baseline-{kind}"]
    assert isinstance(run, Run) and run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1 and run.stderr.startswith("digest-check: baseline ")


@pytest.mark.parametrize("name", list(INJECTION_CASES))
def test_no_printed_line_starts_a_workflow_command_or_carries_an_escape(runs: dict[str, Run | str],
                                                                        name: str) -> None:
    """Titles, spans and file names that hold a newline (or CR) and a workflow command, ESC sequences, the
    legacy ##[ marker: in every output and on stderr, no line starts with '::' but a real annotation, no ESC,
    C1 control or ##[ is printed, and the injected text is still shown, escaped."""
    run = runs[name]
    assert isinstance(run, Run) and run.returncode in (0, 1), run.stderr[-2000:]
    for stream in (run.stdout, run.stderr):
        for line in re.split(r"\r\n|\r|\n", stream):
            if line.lstrip().startswith("::"):
                assert name in ("inject-github", "inject-job-summary") and ANNOTATION.match(line), line
        assert "\x1b" not in stream and "\x9b" not in stream and "##[" not in stream
        assert "\u202e" not in stream and "\u2028" not in stream
    shown = run.stdout + run.stderr
    assert "add-mask" in shown  # the text is there, made harmless
    if name in ("inject-text", "inject-quiet", "inject-paper", "inject-junit", "inject-check"):
        assert "\\x1b" in shown  # ESC written as an escape


def test_the_job_summary_of_an_injected_run_is_written_and_escaped(runs: dict[str, Run | str]) -> None:
    run = runs["inject-job-summary"]
    assert isinstance(run, Run) and run.returncode == 1
    summary = Path(run.env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8")
    assert "2509.99999" in summary and "\x1b" not in summary
    assert not any(line.lstrip().startswith("::") for line in summary.splitlines())
