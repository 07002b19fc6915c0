"""Baselines: round trip, line-independent fingerprints, stale entries, bad files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from checker.cli.app import app
from checker.engine.baseline import Baseline, apply_baseline, fingerprint, normalize_span
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
