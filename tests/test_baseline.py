"""Baselines: round trip, line-independent fingerprints, stale entries, bad files."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli.app import app
from checker.engine.baseline import (
    Baseline,
    BaselineEntry,
    BaselineError,
    apply_baseline,
    fingerprint,
    normalize_span,
)
from checker.model import Category, Finding, Severity

DIGEST = Path(__file__).parent / "fixtures" / "ci" / "2026-05-21_AI_enhanced_Chinese.jsonl"


def _finding(span: str, line: int) -> Finding:
    return Finding(rule="N101", name="number-not-in-abstract", category=Category.hallucinated_number,
                   severity=Severity.error, block="result", message="m", summary_span=span, line=line)


def test_fingerprint_uses_rule_id_block_span_not_line() -> None:
    a = fingerprint(_finding("准确率 达到  93.5%", 3), "2509.10546v1")
    assert a == fingerprint(_finding("准确率 达到 93.5%", 90), "2509.10546v2")
    assert a != fingerprint(_finding("准确率达到94.5%", 3), "2509.10546")
    assert a != fingerprint(_finding("准确率 达到 93.5%", 3), "2509.10547")
    assert normalize_span(" ＡＢＣ\n def ") == "abc def"


def test_round_trip_suppresses_everything_then_only_new(tmp_path: Path) -> None:
    runner = CliRunner()
    baseline = tmp_path / "baseline.json"
    written = runner.invoke(app, ["audit", str(DIGEST), "--select", "F103", "--write-baseline", str(baseline), "-f", "json"])
    assert written.exit_code == 0, written.output
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["tool"] == "digest-check" and len(data["entries"]) == 5
    assert all("line" not in entry for entry in data["entries"])

    again = runner.invoke(app, ["audit", str(DIGEST), "--select", "F103", "--baseline", str(baseline), "-f", "json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["summary"]["findings"] == 0
    assert "5 suppressed by baseline" in again.stderr

    # Reorder the digest (lines move) and drop one failed paper: still matched; one entry is stale.
    moved = tmp_path / DIGEST.name
    lines = DIGEST.read_text(encoding="utf-8").splitlines(keepends=True)
    moved.write_text("".join(reversed(lines[1:])), encoding="utf-8")
    result = runner.invoke(app, ["audit", str(moved), "--select", "F103", "--baseline", str(baseline)])
    assert result.exit_code == 0, result.output
    assert "4 suppressed by baseline; 1 stale baseline entry" in result.stderr
    assert "stale baseline entry F103 2605.20209" in result.stderr

    # A new finding (a copy of a failed record under a new id) fails the run.
    extra = lines[0].replace("2605.20209", "2605.99999")
    shutil.copy(DIGEST, moved)
    with moved.open("a", encoding="utf-8") as handle:
        handle.write(extra)
    new = runner.invoke(app, ["audit", str(moved), "--select", "F103", "--baseline", str(baseline), "-f", "json"])
    assert new.exit_code == 1
    ids = [p["arxiv_id"] for p in json.loads(new.stdout)["digests"][0]["papers"] if p["findings"]]
    assert ids == ["2605.99999"]


def test_counts_are_respected() -> None:
    from checker.model import AuditReport, DigestReport, PaperReport, summarize

    def report(n: int) -> AuditReport:
        paper = PaperReport(arxiv_id="2509.1", findings=[_finding("同一", i) for i in range(n)])
        r = AuditReport(digests=[DigestReport(path="d", format="jsonl", language="zh", papers=[paper])])
        r.summary = summarize(r)
        return r

    baseline = Baseline.from_report(report(2))
    assert [e.count for e in baseline.entries.values()] == [2]
    later = report(3)
    result = apply_baseline(later, baseline)
    assert result.suppressed == 2 and later.summary.findings == 1


def test_bad_baseline_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "b.json"
    bad.write_text('{"entries": "nope"}', encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(DIGEST), "--baseline", str(bad)])
    assert result.exit_code == 2 and "not a digest-check baseline" in result.stderr
    missing = CliRunner().invoke(app, ["audit", str(DIGEST), "--baseline", str(tmp_path / "none.json")])
    assert missing.exit_code == 2 and "cannot read baseline" in missing.stderr


ENTRY = {"fingerprint": "0123456789abcdef0123456789abcdef", "rule": "N101", "arxiv_id": "2509.10541",
         "block": "result", "span": "97.3%", "count": 1}


@pytest.mark.parametrize("count, message", [
    ("Infinity", "Infinity is not a JSON number"),
    ("NaN", "NaN is not a JSON number"),
    ("9" * 5000, "a number of 5000 digits"),
    ("[" * 1000 + "]" * 1000, "nested deeper than 32 levels"),
    ("[" * 40 + "]" * 40, "nested deeper than 32 levels"),
    ('"many"', "count: Input should be a valid integer"),
    ("1.5", "count: Input should be a valid integer"),
    ("true", "count: Input should be a valid integer"),
    ("-1", "count: Input should be greater than or equal to 0"),
    ("1" + "0" * 30, "count: Input should be less than or equal to 1000000000"),
])
def test_a_corrupt_baseline_is_one_error_not_a_traceback(tmp_path: Path, count: str, message: str) -> None:
    bad = tmp_path / "b.json"
    entry = json.dumps({**ENTRY, "count": "@@"}).replace('"@@"', count)
    bad.write_text(f'{{"tool": "digest-check", "version": 1, "entries": [{entry}]}}', encoding="utf-8")
    with pytest.raises(BaselineError, match=re.escape(message)):
        Baseline.load(bad)


@pytest.mark.parametrize("entries, message", [
    ([5], "malformed entry (number 1: not an object)"),
    ([ENTRY, {**ENTRY, "rule": 5}], "malformed entry (number 2, rule: Input should be a valid string)"),
    ([{k: v for k, v in ENTRY.items() if k != "fingerprint"}], "fingerprint: Field required"),
    ([{**ENTRY, "span": None}], "span: Input should be a valid string"),
])
def test_a_baseline_entry_of_the_wrong_shape_is_named(tmp_path: Path, entries: list[object], message: str) -> None:
    bad = tmp_path / "b.json"
    bad.write_text(json.dumps({"tool": "digest-check", "version": 1, "entries": entries}), encoding="utf-8")
    with pytest.raises(BaselineError, match=re.escape(message)):
        Baseline.load(bad)


def test_a_baseline_keeps_what_it_wrote_and_loses_lone_surrogates(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"tool": "digest-check", "version": 1, "note": "extra keys are ignored",
                                "entries": [ENTRY, {**ENTRY, "fingerprint": "f" * 32, "span": "a\ud800"}]}),
                    encoding="utf-8")
    entries = Baseline.load(path).entries
    assert entries[ENTRY["fingerprint"]] == BaselineEntry(**ENTRY)  # type: ignore[arg-type]
    assert entries["f" * 32].span == "a\ufffd"
