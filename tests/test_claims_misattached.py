"""The misattached-summary rule (C109) over a whole digest built from real records."""

from __future__ import annotations

import json
from pathlib import Path

from checker.checks.registry import select_rules
from checker.engine import AuditOptions, audit_source
from checker.read import discover_sources

FIXTURE = Path(__file__).parent / "fixtures" / "claims_papers.jsonl"


def audit(path: Path) -> dict[str, list[tuple[str, str]]]:
    source = discover_sources([str(path)]).sources[0]
    report = audit_source(source, AuditOptions(rules=select_rules(["C109"], None)))
    return {p.arxiv_id: [(f.rule, f.message) for f in p.findings] for p in report.papers if p.findings}


def test_real_digest_has_no_misattached_summary() -> None:
    assert audit(FIXTURE) == {}


def test_swapped_summaries_name_the_other_paper(tmp_path: Path) -> None:
    records = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    by_id = {r["id"]: r for r in records}
    # 2503.13724 (compressed-video action recognition) and 2506.15912 (Whisper sparsification) trade summaries.
    by_id["2503.13724"]["AI"], by_id["2506.15912"]["AI"] = by_id["2506.15912"]["AI"], by_id["2503.13724"]["AI"]
    path = tmp_path / "swapped.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    found = audit(path)
    assert set(found) == {"2503.13724", "2506.15912"}
    assert "2506.15912" in found["2503.13724"][0][1]
    assert "2503.13724" in found["2506.15912"][0][1]
