"""The writers stream: a paper at a time, a bounded number of things kept, the same bytes as the whole-report
layouts they replace, and nothing that can make them raise or print what a terminal or CI runner acts on."""

from __future__ import annotations

import io
import json
import random
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

import checker.render.common as common
from checker.engine.audit import AuditOptions, audit
from checker.engine.baseline import fingerprint
from checker.model import AuditReport, Category, DigestReport, Finding, PaperReport, Severity, summarize
from checker.read.discover import discover_sources
from checker.render.common import (
    SafeWriter,
    SortedSpool,
    Tally,
    guard_lines,
    json_safe,
    printable,
    ranked_findings,
    shorten,
    write_report,
)
from checker.render.github import GithubWriter, render_github
from checker.render.json_report import JsonWriter, render_json
from checker.render.junit import JunitWriter, render_junit
from checker.render.markdown import MarkdownSummary, append_job_summary, escape_cell, render_markdown
from checker.render.sarif import SarifWriter, render_sarif
from checker.render.text import StatisticsWriter, TextWriter
from checker.rules.registry import all_rules

INPUTS = ["tests/fixtures/digests", "tests/fixtures/ci", "examples/seed-digest.md"]


@pytest.fixture(scope="module")
def report(repo_root: Path) -> AuditReport:
    """Every fixture digest: about 170 papers, 100+ findings of many rules, input problems, a dropped paper."""
    sources = discover_sources([str(repo_root / p) for p in INPUTS]).sources
    return audit(sources, AuditOptions(rules=all_rules(), jobs=1))


def test_the_json_stream_is_the_pydantic_dump(report: AuditReport) -> None:
    assert render_json(report) == report.model_dump_json(indent=2) + "\n"
    empty = AuditReport()
    assert render_json(empty) == empty.model_dump_json(indent=2) + "\n"


def test_sarif_is_ranked_numbered_and_laid_out_as_json_dumps(report: AuditReport) -> None:
    text = render_sarif(report)
    sarif = json.loads(text)
    assert text == json.dumps(sarif, ensure_ascii=False, indent=1) + "\n"
    results = sarif["runs"][0]["results"]
    rows = ranked_findings(report)
    assert len(results) == len(rows) > 100
    seen: dict[str, int] = {}
    for result, (_, arxiv_id, finding) in zip(results, rows, strict=True):
        key = fingerprint(finding, arxiv_id)
        seen[key] = seen.get(key, 0) + 1
        assert (result["ruleId"], result["properties"]["arxivId"]) == (finding.rule, arxiv_id)
        assert result["partialFingerprints"] == {"digestCheck/v1": key, "primaryLocationLineHash": f"{key}:{seen[key]}"}
    assert any(count > 1 for count in seen.values())  # a repeated fingerprint was numbered


def test_sarif_spilled_to_disk_is_the_same(report: AuditReport, monkeypatch: pytest.MonkeyPatch) -> None:
    in_memory = render_sarif(report)
    original = SortedSpool.__init__

    def tiny(self: SortedSpool[object], memory_items: int = 0) -> None:
        original(self, memory_items=7)

    monkeypatch.setattr(SortedSpool, "__init__", tiny)
    assert render_sarif(report) == in_memory


def test_junit_is_laid_out_as_elementtree_indents_it(report: AuditReport) -> None:
    text = render_junit(report)
    head, _, body = text.partition("\n")
    assert head == '<?xml version="1.0" encoding="UTF-8"?>'
    root = ET.fromstring(body)
    ET.indent(root, space=" ")
    assert body == ET.tostring(root, encoding="unicode") + "\n"
    assert int(root.get("tests") or 0) > 150 and int(root.get("failures") or 0) > 30
    assert int(root.get("errors") or 0) == sum(len(d.problems) for d in report.digests) > 0


def _markdown_the_old_way(report: AuditReport, max_bytes: int) -> list[str]:
    """The findings rows the job summary held before it streamed: ranked, until the first that does not fit."""
    whole = render_markdown(report, max_bytes=10**9)
    rows = [line for line in whole.split("### Findings", 1)[1].splitlines() if line.startswith("| 🔴")
            or line.startswith("| 🟠") or line.startswith("| 🔵")]
    head = whole.split("### Findings", 1)[0]
    size = len(head.encode()) + sum(len(line.encode()) + 1 for line in [
        "### Findings", "", "| severity | where | paper | rule | block | message | summary | abstract |",
        "|---|---|---|---|---|---|---|---|"]) + 200
    shown = []
    for row in rows:
        if size + len(row.encode()) + 1 > max_bytes:
            break
        shown.append(row)
        size += len(row.encode()) + 1
    return shown


@pytest.mark.parametrize("max_bytes", [6_000, 9_000, 20_000, 10**9])
def test_the_job_summary_keeps_exactly_the_ranked_rows_that_fit(report: AuditReport, max_bytes: int) -> None:
    text = render_markdown(report, max_bytes=max_bytes)
    rows = [line for line in text.splitlines() if line[:3] in ("| 🔴", "| 🟠", "| 🔵")]
    assert rows == _markdown_the_old_way(report, max_bytes)
    assert len(text.encode()) <= max_bytes
    if max_bytes < 10**9:
        assert f"_{report.summary.findings - len(rows)} more finding(s) not shown" in text


def test_github_annotations_are_the_ten_best_per_level_in_rank_order(report: AuditReport) -> None:
    lines = render_github(report).splitlines()
    annotations = [line for line in lines if line.startswith("::") and "title=digest-check " not in line]
    expected, per_level = [], {Severity.error: 0, Severity.warning: 0, Severity.info: 0}
    for _, arxiv_id, finding in ranked_findings(report):
        if per_level[finding.severity] < 10:
            per_level[finding.severity] += 1
            expected.append((finding.rule, arxiv_id))
    assert [(line.split("title=")[1].split(" ")[0], line.split("title=")[1].split(" ")[2].split("::")[0])
            for line in annotations] == expected


def test_the_tally_counts_what_summarize_counts(report: AuditReport) -> None:
    tally = Tally(len(report.problems))
    for digest in report.digests:
        tally.digest(digest)
        for paper in digest.papers:
            tally.paper(paper)
    assert tally.summary() == summarize(report)
    assert tally.worst == report.worst_severity()


def test_the_sorted_spool_merges_its_runs_in_order() -> None:
    rng = random.Random(7)
    keys = [(rng.randrange(50), i) for i in range(5_000)]
    spool: SortedSpool[tuple[int, int]] = SortedSpool(memory_items=333)
    for key in keys:
        spool.add(key, {"value": key[1]})
    assert [(key, value["value"]) for key, value in spool] == [(key, key[1]) for key in sorted(keys)]
    spool.close()


# ---------------------------------------------------------------- what the text holds


def test_printable_escapes_what_a_terminal_acts_on() -> None:
    assert printable("plain 中文 text") == "plain 中文 text"
    assert printable("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert printable("csi\x9b31m del\x7f nul\x00") == "csi\\x9b31m del\\x7f nul\\x00"
    assert printable("line\nnext\rcr\ttab") == "line ⏎ next\\x0dcr\\x09tab"
    assert printable("bidi\u202eevil sep\u2028x \u2066iso") == "bidi\\u202eevil sep\\u2028x \\u2066iso"
    assert printable("cut \ud83d emoji") == "cut \\ud83d emoji"
    assert printable("##[add-mask]x") == "##\\[add-mask]x"


@pytest.mark.parametrize("text", ["::add-mask::x", "  ::error::x", "\t::warning::x", "\x1b[1m::notice::x",
                                  "ok\n::add-mask::y", "ok\r::add-mask::y", "\x1b[31m \x1b[0m::set-output::z"])
def test_no_guarded_line_starts_a_workflow_command(text: str) -> None:
    guarded = guard_lines(text)
    for line in guarded.replace("\r", "\n").split("\n"):
        plain = line.replace("\x1b[1m", "").replace("\x1b[31m", "").replace("\x1b[0m", "")
        assert not plain.lstrip().startswith("::"), guarded
    assert guard_lines("a :: b\nc::d") == "a :: b\nc::d"


def test_json_safe_keeps_the_data() -> None:
    data = {"t": "a\x9b ##[x \u2028 \u202e 中"}
    text = json_safe(json.dumps(data, ensure_ascii=False))
    assert json.loads(text) == data
    assert "##[" not in text and "\x9b" not in text and "\u202e" not in text


@pytest.mark.parametrize(("text", "width", "expected"), [
    ("Short title", 40, "Short title"),
    ("Situation Model of the Transport, Transport Emissions and Meteorological Conditions", 40,
     "Situation Model of the Transport…"),
    ("A title with a verylongwordthatwouldbecut", 30, "A title with a…"),
    ("Supercalifragilisticexpialidocious-network", 20, "Supercalifragilisti…"),
    ("一个很长的中文标题没有任何空格需要按宽度截断", 20, "一个很长的中文标题…"),
    ("two\n lines  of   title", 40, "two lines of title"),
])
def test_titles_are_cut_at_a_word_boundary(text: str, width: int, expected: str) -> None:
    assert shorten(text, width) == expected
    assert common.display_width(shorten(text, width)) <= width


# ---------------------------------------------------------------- the safety net


def _surrogate_report() -> AuditReport:
    finding = Finding(rule="F303", name="broken\ud800-text", category=Category.format, severity=Severity.error,
                      message="half \ud83d of an emoji", block="tldr", summary_span="摘要 \udc80", line=2)
    paper = PaperReport.model_construct(arxiv_id="2501.0000\ud800", index=1, title="A \ud83d title", line=2,
                                        dropped=False, findings=[finding])
    digest = DigestReport.model_construct(path="d\udcff.jsonl", format="jsonl", language="zh", date=None,
                                          papers_total=1, papers_dropped=0, skipped_same_day=[], problems=[],
                                          papers=[paper])
    report = AuditReport(digests=[digest])
    report.summary = summarize(report)
    return report


class _Strict(io.BytesIO):
    """A binary sink like a file: it holds bytes, so whatever reaches it was encoded already."""


WRITERS: dict[str, Callable[[SafeWriter], object]] = {
    "text": lambda out: TextWriter(out),
    "statistics": lambda out: StatisticsWriter(out),
    "json": JsonWriter,
    "github": GithubWriter,
    "sarif": SarifWriter,
    "junit": JunitWriter,
    "markdown": lambda out: MarkdownSummary(),
}


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_lone_surrogate_reaching_a_writer_is_written_escaped(name: str) -> None:
    sink = _Strict()
    writer = WRITERS[name](SafeWriter(sink))
    write_report(writer, _surrogate_report())  # type: ignore[arg-type]
    text = sink.getvalue().decode("utf-8")  # strict: the bytes are valid UTF-8
    if name == "markdown":
        assert isinstance(writer, MarkdownSummary)
        text = writer.render(_surrogate_report().summary)
        text.encode("utf-8")  # escape_cell escaped them
    if name != "statistics":
        assert "ud83d" in text or "\\ud83d" in text
    if name == "json":
        assert json.loads(text)["digests"][0]["papers"][0]["title"] == "A \ud83d title"


def test_the_job_summary_and_a_written_file_take_a_lone_surrogate(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    assert append_job_summary("## title \ud800\n")
    assert target.read_bytes() == b"## title \\ud800\n"
    common.write_text_file(tmp_path / "other.txt", "x\ud800")
    assert (tmp_path / "other.txt").read_bytes() == b"x\\ud800"
    assert escape_cell("a\ud800") == "a\\\\ud800"
