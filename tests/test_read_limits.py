"""The readers' limits and error boundaries, in process: JSON depth and number size, lone surrogates, field and
line caps, exact field lines, file names, folders that cannot be listed or searched, special files, link loops.

The same inputs go through the command line in tests/test_hostile_inputs.py.
"""

from __future__ import annotations

import glob
import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from checker.engine.audit import check_paper, hit_line
from checker.model import InputProblem, printable_path
from checker.read import discover_sources, limits, read_digest
from checker.read.discover import _Walk
from checker.read.jsonl import iter_records
from checker.read.text import bounded_lines, decode_cut_line
from checker.rules.registry import Hit, all_rules

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "tests" / "fixtures" / "ci" / "2025-09-16_AI_enhanced_Chinese.jsonl"


def _lines() -> list[str]:
    return GOOD.read_text(encoding="utf-8").splitlines()


def _records(path: Path) -> tuple[list[tuple[int, dict[str, Any]]], list[InputProblem]]:
    problems: list[InputProblem] = []
    return list(iter_records(path, problems.append)), problems


# --- JSON within limits -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, message", [
    ("[" * 1000 + "]" * 1000, "nested deeper than 32"),  # RecursionError inside the decoder
    ("[" * 100_000 + "]" * 100_000, "nested deeper than 32"),
    ("[" * 40 + "]" * 40, "nested deeper than 32"),  # parses, but past the limit
    ('{"n": ' + "9" * 5000 + "}", "a number of 5000 digits"),  # ValueError of int() past 4,300 digits
    ('{"n": -' + "9" * 101 + "}", "a number of 101 digits"),
])
def test_json_past_the_limits_is_one_error(text: str, message: str) -> None:
    with pytest.raises(limits.JsonLimitError, match=message):
        limits.loads(text)


def test_json_within_the_limits_reads_as_json_loads() -> None:
    for line in _lines():
        assert limits.loads(line) == json.loads(line)
    assert limits.loads("[" * 32 + "]" * 32) == json.loads("[" * 32 + "]" * 32)
    assert limits.loads('{"n": ' + "9" * 100 + ', "x": NaN}')["n"] == int("9" * 100)
    with pytest.raises(limits.JsonLimitError, match="Infinity is not a JSON number"):
        limits.loads('{"count": Infinity}', constants=False)
    with pytest.raises(json.JSONDecodeError, match="BOM"):
        limits.loads('\ufeff{"a": 1}')


def test_lone_surrogates_become_replacement_characters() -> None:
    value = json.loads('{"a\\udc80": ["x\\ud800y", "\\ud83d\\ude00", 1]}')
    fixed, count = limits.replace_surrogates(value)
    assert fixed == {"a\ufffd": ["x\ufffdy", "\U0001F600", 1]} and count == 2
    assert limits.may_hold_surrogates('"\\uD83D"') and not limits.may_hold_surrogates('"\\u4e2d"')


def test_fields_are_cut_to_the_cap_but_unread_fields_are_left() -> None:
    record = {"title": "t" * 30, "summary": ["1"] * 20, "authors": ["a"] * 50, "AI": {"tldr": "x" * 40, "n": 3}}
    fixed, cut = limits.cap_fields(record, ("title", "summary"), limit=25)
    assert fixed["title"] == "t" * 25 and fixed["summary"] == ", ".join(["1"] * 20)[:25]
    assert fixed["authors"] == record["authors"] and fixed["AI"] == {"tldr": "x" * 25, "n": 3}
    assert cut == [("title", 30), ("summary", 58), ("AI.tldr", 40)]


# --- JSONL records: each its own error boundary --------------------------------------------------------------

def _jsonl_with(tmp_path: Path, bad: str) -> Path:
    lines = _lines()
    path = tmp_path / "2025-09-17_AI_enhanced_Chinese.jsonl"
    path.write_text("\n".join([lines[0], bad, lines[1]]) + "\n", encoding="utf-8")
    return path


def _bad_record(field: str, raw_value: str) -> str:
    record = json.loads(_lines()[2])
    record["AI"][field] = "@@"
    return json.dumps(record, ensure_ascii=False).replace('"@@"', raw_value)


@pytest.mark.parametrize("raw_value, code, kept", [
    ('"a \\ud800 b"', "bad-encoding", True),
    ("[" * 1000 + "]" * 1000, "json-limit", False),
    ("9" * 5000, "json-limit", False),
    ('"' + "长" * 30_000 + '"', "field-too-long", True),
])
def test_a_bad_record_is_one_problem_and_the_next_is_read(tmp_path: Path, raw_value: str, code: str,
                                                          kept: bool) -> None:
    records, problems = _records(_jsonl_with(tmp_path, _bad_record("result", raw_value)))
    assert [(p.code, p.line) for p in problems] == [(code, 2)]
    assert [line for line, _ in records] == ([1, 2, 3] if kept else [1, 3])
    if kept:
        result = records[1][1]["AI"]["result"]
        assert "\ud800" not in result and len(result) <= limits.MAX_FIELD_CHARS
        result.encode("utf-8")


def test_whatever_breaks_in_a_record_is_one_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The record boundary holds for faults no limit foresaw (here a decoder that raises MemoryError's kin)."""
    real = limits.loads

    def loads(text: str, constants: bool = True) -> Any:
        if "2509.10541" in text:
            raise OverflowError("simulated")
        return real(text, constants)

    monkeypatch.setattr(limits, "loads", loads)
    records, problems = _records(GOOD)
    line = next(n for n, text in enumerate(_lines(), start=1) if "2509.10541" in text)
    assert len(records) == 14 and [(p.code, p.line) for p in problems] == [("bad-record", line)]
    assert problems[0].message == "record cannot be read (OverflowError); skipped"


def test_a_line_past_the_jsonl_cap_is_skipped_without_being_held(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.read.jsonl as jsonl

    limit = max(len(line.encode()) for line in _lines()[:2]) + 1
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", limit)
    path = _jsonl_with(tmp_path, _bad_record("result", '"' + "x" * limit + '"'))
    records, problems = _records(path)
    assert [line for line, _ in records] == [1, 3]
    assert [(p.code, p.line) for p in problems] == [("line-too-long", 2)] and "bytes; skipped" in problems[0].message


def test_bounded_lines_keep_at_most_the_limit_and_count_every_byte() -> None:
    data = b"short\n" + b"y" * 50 + b"\n" + b"z" * 3_000_000 + b"\nlast"
    lines = list(bounded_lines(io.BytesIO(data), 10))
    assert lines == [(b"short\n", 6), (b"y" * 10, 51), (b"z" * 10, 3_000_001), (b"last", 4)]
    assert sum(size for _, size in lines) == len(data)
    assert decode_cut_line("ab中".encode()[:4]) == ("ab", True)  # the split character is dropped, not reported
    assert decode_cut_line(b"\xffab") == ("\ufffdab", False)


# --- Markdown: line and field caps, exact field lines ----------------------------------------------------------

HEADING = "### [1] [A title](https://arxiv.org/abs/2509.99998)"


def _markdown(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "2025-09-18.md"
    path.write_text(f"{HEADING}\n\n{body}", encoding="utf-8")
    return path


def test_a_long_markdown_line_is_cut_once_and_the_next_paper_is_read(tmp_path: Path) -> None:
    body = ("TL;DR: 摘要。\n\n<details>\nAbstract: " + "We improve it by 12%. " * 20_000 + "\n</details>\n\n"
            "### [2] [Next](https://arxiv.org/abs/2509.99997)\n\nTL;DR: 第二篇。\n")
    digest = read_digest(_markdown(tmp_path, body))
    assert [p.arxiv_id for p in digest.papers] == ["2509.99998", "2509.99997"]
    assert [(p.code, p.line) for p in digest.problems] == [("line-too-long", 6)]
    assert len(digest.papers[0].abstract or "") == limits.MAX_FIELD_CHARS
    assert digest.papers[1].block_text("tldr") == "第二篇。"


def test_a_field_of_many_lines_is_cut_at_the_cap_and_reported_once(tmp_path: Path) -> None:
    body = "TL;DR: start\n" + "more words of the summary\n" * 2000 + "\n<details>\nMethod: ok\n</details>\n"
    digest = read_digest(_markdown(tmp_path, body))
    lines_in = (limits.MAX_FIELD_CHARS - len("start")) // 26 + 1  # "\n" and 25 characters each
    assert [(p.code, p.line) for p in digest.problems] == [("field-too-long", 3 + lines_in)]
    assert limits.MAX_FIELD_CHARS - 26 < len(digest.papers[0].block_text("tldr")) <= limits.MAX_FIELD_CHARS
    assert digest.papers[0].block_text("method") == "ok"


def test_a_long_title_is_cut(tmp_path: Path) -> None:
    path = tmp_path / "2025-09-18.md"
    path.write_text(f"### [1] [{'T' * 30_000}](https://arxiv.org/abs/2509.99998)\n\nTL;DR: x\n", encoding="utf-8")
    digest = read_digest(path)
    assert len(digest.papers[0].title) == limits.MAX_FIELD_CHARS
    assert [(p.code, p.line) for p in digest.problems] == [("field-too-long", 1)]


def test_a_field_whose_text_starts_below_its_label_is_on_the_text_line(tmp_path: Path) -> None:
    """The label alone on its line, the text below: the block starts on the text's line, so that a finding in
    its second line is on the file's line of it (the reader strips the blank start)."""
    body = "TL;DR: 摘要。\n\n<details>\nResult:\n\n准确率为 90%。\n速度提升 37.5%。\n</details>\n"
    paper = read_digest(_markdown(tmp_path, body)).papers[0]
    assert paper.block("result").line == 8
    assert hit_line(paper, Hit(message="m", block="result", summary_span="速度提升 37.5%")) == 9


def test_a_finding_after_a_newline_in_a_jsonl_block_is_on_the_records_line(tmp_path: Path) -> None:
    record = json.loads(_lines()[2])
    record["AI"]["result"] = "第一行。\n第二行。\n准确率达到97.3%。"
    path = tmp_path / "2025-09-17_AI_enhanced_Chinese.jsonl"
    path.write_text("\n".join([_lines()[0], json.dumps(record, ensure_ascii=False), _lines()[3]]) + "\n",
                    encoding="utf-8")
    paper = read_digest(path).papers[1]
    findings = [f for f in check_paper(paper, "zh", all_rules()) if f.rule == "N101"]
    assert findings and paper.line == 2
    assert findings[0].line == 2  # not 4, the string's third line read as if it were a file line


# --- Discovery: names, folders, special files, globs ------------------------------------------------------------

def test_a_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/x\xff_2025-09-17_AI_enhanced_Chinese.jsonl"
    try:
        with open(name, "wb") as handle:
            handle.write(GOOD.read_bytes())
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    discovery = discover_sources([str(tmp_path)])
    assert [s.date for s in discovery.sources] == ["2025-09-17"]
    problem = InputProblem(path=str(discovery.sources[0].path), code="c", message="m")
    assert problem.path.endswith("/x\\xff_2025-09-17_AI_enhanced_Chinese.jsonl")
    assert printable_path("a\udcffb\ud800") == "a\\xffb\\ud800" and printable_path("中文") == "中文"


def test_an_empty_folder_is_not_a_missing_one(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# nothing\n", encoding="utf-8")
    discovery = discover_sources([str(tmp_path), str(tmp_path / "gone")])
    assert [(p.code, p.message) for p in discovery.problems] == [
        ("not-found", "no digest files in this folder (dated .jsonl or .md files)"),
        ("not-found", "no such file, folder or match")]


def _deny_listing(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make ``folder`` unlistable, as for a user without its read permission (the tests may run as root,
    whom permissions do not stop)."""
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if os.path.abspath(path) == str(folder):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unlistable_folder_is_one_problem_and_the_rest_is_read(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(GOOD, tmp_path / GOOD.name)
    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(GOOD, locked / "2025-09-22_AI_enhanced_Chinese.jsonl")
    _deny_listing(monkeypatch, locked)
    discovery = discover_sources([str(tmp_path), f"{tmp_path}/**/*.jsonl"])
    assert [s.path.name for s in discovery.sources] == [GOOD.name]
    assert [(p.path, p.severity.value, p.message) for p in discovery.problems] == [
        (str(locked), "warning", "cannot list folder: Permission denied")] * 2


def test_a_file_in_an_unsearchable_folder_is_one_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(GOOD, tmp_path / GOOD.name)
    locked = tmp_path / "locked"
    locked.mkdir()
    inside = locked / "2025-09-22_AI_enhanced_Chinese.jsonl"
    shutil.copy(GOOD, inside)
    walk = _Walk()
    real = walk.candidate

    def candidate(path: str, entry: os.DirEntry[str] | None = None) -> bool:
        if Path(path).parent == locked:  # what the stat of a file in a folder without x raises
            walk.problems.append(InputProblem(path=path, code="unreadable", message="cannot read: Permission denied"))
            return False
        return real(path, entry)

    monkeypatch.setattr(walk, "candidate", candidate)
    assert walk.folder(tmp_path) == [tmp_path / GOOD.name]
    assert [p.message for p in walk.problems] == ["cannot read: Permission denied"]
    real_is_dir = Path.is_dir

    def is_dir(self: Path) -> bool:
        if self.parent == locked:
            raise PermissionError(13, "Permission denied")
        return real_is_dir(self)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    discovery = discover_sources([str(inside), str(tmp_path / GOOD.name)])
    assert [s.path.name for s in discovery.sources] == [GOOD.name]
    assert [(p.code, p.message) for p in discovery.problems] == [("unreadable", "cannot read: Permission denied")]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root is not stopped by permissions")
def test_real_permissions(tmp_path: Path) -> None:
    shutil.copy(GOOD, tmp_path / GOOD.name)
    for name, mode in (("unsearchable", 0o600), ("unlistable", 0o300)):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(GOOD, folder / "2025-09-22_AI_enhanced_Chinese.jsonl")
        folder.chmod(mode)
    try:
        discovery = discover_sources([str(tmp_path), str(tmp_path / "unsearchable" / "2025-09-22_AI_enhanced_Chinese.jsonl")])
    finally:
        for name in ("unsearchable", "unlistable"):
            (tmp_path / name).chmod(0o700)
    assert [s.path.name for s in discovery.sources] == [GOOD.name]
    assert sorted(p.message for p in discovery.problems) == [
        "cannot list folder: Permission denied", "cannot read: Permission denied", "cannot read: Permission denied"]


def test_special_files_are_refused_or_read_as_streams(tmp_path: Path) -> None:
    shutil.copy(GOOD, tmp_path / GOOD.name)
    fifo = tmp_path / "2025-09-17_AI_enhanced_Chinese.jsonl"
    os.mkfifo(fifo)
    discovery = discover_sources([str(tmp_path)])
    assert [(p.severity.value, p.message) for p in discovery.problems] == [("warning", "a FIFO, not read")]
    named = discover_sources([str(fifo)])  # no writer: read as empty at once, never waiting for one
    assert [p.message for p in named.sources[0].problems] == [
        "empty: nothing was written to this FIFO or device (or it had no writer)"]


def test_a_fifo_with_a_writer_is_read_once_into_a_private_copy(tmp_path: Path) -> None:
    fifo = tmp_path / "2025-09-17_AI_enhanced_Chinese.jsonl"
    os.mkfifo(fifo)
    data = GOOD.read_bytes()
    assert len(data) < 65536  # all of it fits in the pipe: the writer never waits for the reader
    keep = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, so that the writer can open and leave
    try:
        writer = os.open(fifo, os.O_WRONLY)
        os.write(writer, data)
        os.close(writer)
        source = discover_sources([str(fifo)]).sources[0]
    finally:
        os.close(keep)
    papers = list(source.iter_papers())
    assert len(papers) == 15 and len(list(source.iter_papers())) == 15  # read twice: from the copy
    assert source.path == fifo and source.read_path is not None and source.problems == []


def _tree_with_loops(root: Path) -> Path:
    shutil.copy(GOOD, root / GOOD.name)
    (root / "sub" / "deeper").mkdir(parents=True)
    shutil.copy(GOOD, root / "sub" / "deeper" / "2025-09-18_AI_enhanced_Chinese.jsonl")
    (root / ".hidden").mkdir()
    shutil.copy(GOOD, root / ".hidden" / "2025-09-19_AI_enhanced_Chinese.jsonl")
    return root


def test_globs_match_as_glob_glob_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _tree_with_loops(tmp_path)
    (root / "elsewhere").mkdir()
    os.symlink("../sub", root / "elsewhere" / "linked")  # a link, but no loop: glob.glob follows it
    monkeypatch.chdir(tmp_path)
    for pattern in ("**/*.jsonl", f"{root}/**/*.jsonl", "sub/*/*.jsonl", "**", "*", "s?b/**", "[se]*/**/*.jsonl",
                    ".hidden/*", f"{root}//sub/**/*.jsonl", "**/", "nothing/*"):
        mine = sorted(p for p in _Walk().glob(pattern) if os.path.isfile(p))  # the caller keeps only files
        assert mine == sorted(p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p)), pattern


def test_a_glob_through_link_loops_ends(tmp_path: Path) -> None:
    root = _tree_with_loops(tmp_path)
    os.symlink("..", root / "sub" / "up")
    os.symlink(".", root / "self")
    os.symlink(str(root), root / "sub" / "deeper" / "top")
    walk = _Walk()
    found = sorted(walk.glob(f"{root}/**/*.jsonl"))
    assert found == [f"{root}/{GOOD.name}", f"{root}/sub/deeper/2025-09-18_AI_enhanced_Chinese.jsonl"]
    assert walk.problems == []
    assert len(discover_sources([f"{root}/**/*.jsonl"]).sources) == 2


def test_a_dash_is_standard_input() -> None:
    from checker.read.discover import _expand

    assert _expand("-", _Walk()) == ([Path("/dev/stdin")], None)
