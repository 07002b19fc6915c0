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


def test_rules_publish_held_out_precision_and_recall(cli: Cli) -> None:
    """Issue 11: each rule's measured held-out precision and recall, with the command that measured them."""
    text = cli("rules", "--format", "markdown").stdout
    assert "| held-out precision | held-out recall |" in text and "eval/calibrate.py" in text
    c110 = next(line for line in text.splitlines() if line.startswith("| C110 "))
    precision, recall = c110.split(" | ")[4:6]
    assert precision.endswith(")") and "/" in precision and recall.endswith("%")
    payload = json.loads(cli("rules", "--format", "json").stdout)
    measured = {item["id"]: item["heldout"] for item in payload}
    assert measured["C110"]["findings"] >= measured["C110"]["right"] > 0
    assert measured["J101"] is None  # the judge has no labelled run yet
