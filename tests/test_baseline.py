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


FIXTURES = Path(__file__).parent / "fixtures" / "digests"
DUPLICATES = FIXTURES / "j2" / "dw-dengwei__daily-arXiv-ai-enhanced__2025-03-19_AI_enhanced_Chinese.jsonl"
RAW_CRAWL = FIXTURES / "day-2026-02-24" / "MYZhangwww__daily-arXiv-ai-enhanced__2026-02-24.jsonl"


def _papers(stdout: str) -> dict[str, list[str]]:
    """arXiv id -> the rules still reported for it (after the baseline)."""
    return {paper["arxiv_id"]: [f["rule"] for f in paper["findings"]]
            for digest in json.loads(stdout)["digests"] for paper in digest["papers"]}


@pytest.mark.parametrize("digest, inserted", [
    # dw-dengwei 2025-03-19: a repeated record (F105 names the line of the repeat), a failed paper and more
    (DUPLICATES.name, "2605.99999"),
    # MYZhangwww 2026-02-24: nothing summarised; O101 names each dropped paper's line in the raw crawl
    (RAW_CRAWL.name, "2602.99999"),
])
def test_inserting_a_record_at_the_top_changes_no_other_papers_status(tmp_path: Path, digest: str,
                                                                      inserted: str) -> None:
    """A baseline written before a record was inserted at the top still accepts every other paper's findings."""
    source = DUPLICATES if digest == DUPLICATES.name else RAW_CRAWL
    for sibling in source.parent.iterdir():
        shutil.copy(sibling, tmp_path / sibling.name)
    runner = CliRunner()
    baseline = tmp_path / "baseline.json"
    written = runner.invoke(app, ["audit", str(tmp_path), "--write-baseline", str(baseline), "-f", "json"])
    assert written.exit_code == 0, written.output
    before = _papers(written.stdout)
    assert any(rules for rules in before.values())  # the digest has findings for the baseline to accept

    # Insert a copy of another real record, under a new id, as the first line: every line below moves by one.
    target = tmp_path / source.name
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    record = json.loads(lines[0])
    new = json.dumps({**record, "id": inserted}, ensure_ascii=False) + "\n"
    target.write_text(new + "".join(lines), encoding="utf-8")

    after = runner.invoke(app, ["audit", str(tmp_path), "--baseline", str(baseline), "-f", "json"])
    assert "stale" not in after.stderr, after.stderr
    papers = _papers(after.stdout)
    assert set(before) < set(papers) and inserted in papers
    assert {paper: rules for paper, rules in papers.items() if rules and paper != inserted} == {}


def test_line_numbers_in_a_message_do_not_reach_the_fingerprint() -> None:
    def duplicate(message: str) -> Finding:
        return Finding(rule="F105", name="duplicate-record", category=Category.format, severity=Severity.warning,
                       block=None, message=message, line=3)

    first = fingerprint(duplicate("record repeated 2x (also at lines 7, 12)"), "2503.13531")
    assert first == fingerprint(duplicate("record repeated 2x (also at lines 8, 13)"), "2503.13531")
    assert first != fingerprint(duplicate("record repeated 1x (also at line 8)"), "2503.13531")


def test_a_baseline_written_with_line_numbers_still_matches(tmp_path: Path) -> None:
    """Entries keyed on the unmasked message (baselines written before masking) suppress the same finding."""
    import hashlib

    from checker.model import AuditReport, DigestReport, PaperReport, summarize

    message = "record repeated 1x (also at line 5)"
    old_key = hashlib.sha256("\x1f".join(("F105", "2503.13531", "", message)).encode()).hexdigest()[:32]
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"tool": "digest-check", "version": 1, "entries": [
        {"fingerprint": old_key, "rule": "F105", "arxiv_id": "2503.13531", "block": "", "span": message,
         "count": 1}]}), encoding="utf-8")
    finding = Finding(rule="F105", name="duplicate-record", category=Category.format, severity=Severity.warning,
                      block=None, message=message, line=1)
    report = AuditReport(digests=[DigestReport(path="d", format="jsonl", language="zh", papers=[
        PaperReport(arxiv_id="2503.13531", findings=[finding])])])
    report.summary = summarize(report)
    result = apply_baseline(report, Baseline.load(path))
    assert result.suppressed == 1 and not result.stale
