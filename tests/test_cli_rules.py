"""`digest-check rules` lists every registered rule in each format."""

from __future__ import annotations

import json
from collections.abc import Callable

from helpers import CliResult

from checker.rules.registry import all_rules

Cli = Callable[..., CliResult]


def test_markdown_table_has_one_row_per_rule(cli: Cli) -> None:
    result = cli("rules", "--format", "markdown")
    assert result.exit_code == 0
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ") and not line.startswith("| id")]
    assert [row.split(" | ")[0].lstrip("| ") for row in rows] == [r.id for r in all_rules()]


def test_json_lists_docstrings(cli: Cli) -> None:
    payload = json.loads(cli("rules", "--format", "json").stdout)
    assert {item["id"] for item in payload} == {r.id for r in all_rules()}
    assert all(item["doc"] for item in payload)
