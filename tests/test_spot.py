"""Spot checks: finding one paper, parsing a loose summary, the side-by-side view, and speed."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli.app import app
from checker.render import spot

DIGESTS = Path(__file__).parent / "fixtures" / "ci"
SEP = DIGESTS / "2025-09-16_AI_enhanced_Chinese.jsonl"
MAY = DIGESTS / "2026-05-21_AI_enhanced_Chinese.jsonl"


def _record(arxiv_id: str) -> dict:
    for line in SEP.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == arxiv_id:
            return record
    raise AssertionError(arxiv_id)


@pytest.mark.parametrize("query", ["2509.10546", "2509.10546v3", "5", "risk concealment"])
def test_locate_by_id_index_or_title(query: str) -> None:
    found = spot.locate(query, [SEP])
    assert found.paper.arxiv_id == "2509.10546" and found.digest == str(SEP) and found.language == "zh"


def test_locate_reports_ambiguous_and_missing() -> None:
    with pytest.raises(spot.SpotError, match="matches several papers"):
        spot.locate("learning", [SEP, MAY])
    with pytest.raises(spot.SpotError, match="no paper '9999.99999'"):
        spot.locate("9999.99999", [SEP])
    with pytest.raises(spot.SpotError, match="no readable digest"):
        spot.locate("1", [DIGESTS / "missing.jsonl"])


def test_paper_view_side_by_side() -> None:
    result = CliRunner().invoke(app, ["paper", "2509.10546", str(SEP), "--width", "160", "--select", "F"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "[5] 2509.10546" in out and "no findings" in out
    row = next(line for line in out.splitlines() if "在FIN-Bench上的实验显示" in line)
    assert "Extensive experiments on FIN-Bench" in row  # the evidence sits beside the sentence
    for label in ("TL;DR", "Motivation", "Method", "Result", "Conclusion"):
        assert label in out


def test_paper_with_error_exits_1_and_lists_the_finding() -> None:
    result = CliRunner().invoke(app, ["paper", "1", str(MAY), "--width", "140", "--select", "F103"])
    assert result.exit_code == 1
    assert "F103 paper-not-summarized" in result.stdout and "2605.20209" in result.stdout
    missing = CliRunner().invoke(app, ["paper", "nothing like this", str(MAY)])
    assert missing.exit_code == 2 and "no paper" in missing.stderr


def test_paper_json() -> None:
    result = CliRunner().invoke(app, ["paper", "2605.20209", str(MAY), "-f", "json", "--select", "F103"])
    data = json.loads(result.stdout)
    assert data["arxiv_id"] == "2605.20209" and data["score"] == 0.0  # an error at full confidence: render/report/score.py
    assert [f["rule"] for f in data["findings"]] == ["F103"]


def test_check_labelled_blocks_and_json(tmp_path: Path) -> None:
    record = _record("2509.10546")
    abstract = tmp_path / "abstract.txt"
    abstract.write_text(record["summary"], encoding="utf-8")
    ai = record["AI"]
    labelled = tmp_path / "summary.md"
    labelled.write_text(f"**TL;DR**: {ai['tldr']}\n动机：{ai['motivation']}\nMethod: {ai['method']}\n"
                        f"- Result: {ai['result']}\nConclusion: {ai['conclusion']}\n", encoding="utf-8")
    assert spot.parse_summary(labelled.read_text(encoding="utf-8")) == {k: ai[k] for k in
                                                                         ("tldr", "motivation", "method", "result",
                                                                          "conclusion")}
    result = CliRunner().invoke(app, ["check", "--abstract", str(abstract), "--summary", str(labelled),
                                      "--width", "160", "--select", "F"])
    assert result.exit_code == 0, result.output
    assert "Extensive experiments on FIN-Bench" in result.stdout
    from_stdin = CliRunner().invoke(app, ["check", "--abstract", str(abstract), "--summary", "-", "-f", "json",
                                          "--select", "F103"],
                                    input=json.dumps({"AI": {"tldr": "Summary generation failed"}}))
    assert from_stdin.exit_code == 1
    assert [f["rule"] for f in json.loads(from_stdin.stdout)["findings"]] == ["F103"]


def test_check_rejects_unusable_input(tmp_path: Path) -> None:
    empty = tmp_path / "s.txt"
    empty.write_text("just some words\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--abstract", str(empty), "--summary", str(empty)])
    assert result.exit_code == 2 and "no summary blocks found" in result.stderr
    both = CliRunner().invoke(app, ["check", "--abstract", "-", "--summary", "-"], input="x")
    assert both.exit_code == 2 and "only one of" in both.stderr


def test_spot_check_on_a_300_paper_digest_is_fast(tmp_path: Path) -> None:
    """The last paper of a 300-record digest (real records, new ids), found, checked and drawn in < 0.5 s."""
    records = [json.loads(line) for line in SEP.read_text(encoding="utf-8").splitlines()]
    big = tmp_path / "2025-09-16_AI_enhanced_Chinese.jsonl"
    with big.open("w", encoding="utf-8") as handle:
        for i in range(300):
            record = dict(records[i % len(records)], id=f"2509.{30000 + i}")
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    spot.render(spot.locate("1", [SEP]).paper, [], "warm-up", 120)  # imports are not the spot check
    start = time.perf_counter()
    found = spot.locate("2509.30299", [big])
    findings = spot.check(found.paper, found.language)
    view = spot.render(found.paper, findings, found.digest, 160)
    elapsed = time.perf_counter() - start
    assert "2509.30299" in view
    assert elapsed < 0.5, f"spot check took {elapsed:.3f} s"
