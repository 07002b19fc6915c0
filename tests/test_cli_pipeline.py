"""The audit's pipeline in the CLI: the baseline applied a paper at a time as the whole-report function applies
it, and one stream fed to several writers at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli.pipeline import BaselineBuilder, BaselineFilter, Fanout, Filters, run_stream
from checker.engine.audit import AuditOptions, audit
from checker.engine.baseline import Baseline, apply_baseline
from checker.model import AuditReport
from checker.read.discover import discover_sources
from checker.render.common import TextOut
from checker.render.json_report import JsonWriter, render_json
from checker.render.text import TextWriter, render_text
from checker.rules.registry import all_rules

INPUTS = ["tests/fixtures/digests", "tests/fixtures/ci", "examples/seed-digest.md"]


@pytest.fixture(scope="module")
def report(repo_root: Path) -> AuditReport:
    sources = discover_sources([str(repo_root / p) for p in INPUTS]).sources
    return audit(sources, AuditOptions(rules=all_rules(), jobs=1))


def test_the_baseline_filter_suppresses_what_apply_baseline_suppresses(report: AuditReport) -> None:
    baseline = Baseline.from_report(report)
    keys = sorted(baseline.entries)
    for key in keys[::3]:
        del baseline.entries[key]  # new findings
    for key in keys[1::4]:
        if key in baseline.entries:
            baseline.entries[key].count += 1  # one more than there is: matched, so not stale
    baseline.entries["0" * 32] = baseline.entries[keys[1]].__class__("0" * 32, "N101", "2501.00001", "", "gone")
    streamed = report.model_copy(deep=True)
    whole = report.model_copy(deep=True)
    expected = apply_baseline(whole, baseline)
    filtered = BaselineFilter(baseline)
    for digest in streamed.digests:
        for paper in digest.papers:
            filtered(paper)
    result = filtered.result()
    assert (result.suppressed, [e.fingerprint for e in result.stale]) == (
        expected.suppressed, [e.fingerprint for e in expected.stale])
    assert streamed.model_dump() == {**whole.model_dump(), "summary": streamed.summary.model_dump()}


def test_run_stream_feeds_several_writers_once(report: AuditReport) -> None:
    json_out, text_out = TextOut(), TextOut()
    stream = ((d.model_copy(update={"papers": []}), iter(d.papers)) for d in report.digests)

    tally = run_stream(stream, report.problems, Fanout(JsonWriter(json_out), TextWriter(text_out)), Filters(),
                       echo_problems=False)
    assert tally.summary() == report.summary
    assert json_out.text == render_json(report) and text_out.text == render_text(report)


def test_the_baseline_builder_writes_what_from_report_writes(report: AuditReport) -> None:
    builder = BaselineBuilder()
    for digest in report.digests:
        header = digest.model_copy(update={"papers": []})
        for paper in digest.papers:
            builder(header, paper)
    assert builder.baseline.to_json() == Baseline.from_report(report).to_json()
    assert builder.findings == report.summary.findings


def test_an_output_file_takes_a_lone_surrogate(tmp_path: Path) -> None:
    from checker.cli.app import _write
    from checker.cli.pipeline import open_output

    _write("out \udc80\n", tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_bytes() == b"out \\udc80\n"
    writer, close = open_output(tmp_path / "deep" / "folder" / "report.txt")
    writer.write("half \ud83d of an emoji\n")
    close()
    assert (tmp_path / "deep" / "folder" / "report.txt").read_bytes() == b"half \\ud83d of an emoji\n"
