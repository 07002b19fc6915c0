"""End-to-end smoke test of the CLI on the bundled sample digest."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_audit_seed_json_lists_every_paper() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "checker", "audit", str(ROOT / "examples/seed-digest.md"), "--format", "json"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["tool"]["name"] == "digest-check"
    assert [d["papers_total"] for d in report["digests"]] == [88]
    assert len(report["digests"][0]["papers"]) == 88
