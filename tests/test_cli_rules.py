"""`digest-check rules` lists every registered rule in each format."""

from __future__ import annotations

import json

from conftest import run_cli

from checker.rules.registry import all_rules


def test_markdown_table_has_one_row_per_rule() -> None:
    result = run_cli("rules", "--format", "markdown")
    assert result.exit_code == 0
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ") and not line.startswith("| id")]
    assert [row.split(" | ")[0].lstrip("| ") for row in rows] == [r.id for r in all_rules()]


def test_json_lists_docstrings() -> None:
    payload = json.loads(run_cli("rules", "--format", "json").stdout)
    assert {item["id"] for item in payload} == {r.id for r in all_rules()}
    assert all(item["doc"] for item in payload)
