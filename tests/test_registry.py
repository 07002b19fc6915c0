"""The rule registry: unique ids and names, a docstring with an example, `digest-check rules` lists them all."""

from __future__ import annotations

import json
import re

import pytest
from conftest import run_cli

from checker.model import Category, Severity
from checker.rules.registry import all_rules, select_rules, unknown_rule_patterns

RULES = all_rules()


def test_ids_and_names_are_unique_and_well_formed() -> None:
    assert len({r.id for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    for rule in RULES:
        assert re.fullmatch(r"[A-Z]\d{3}", rule.id), rule.id
        assert re.fullmatch(r"[a-z][a-z0-9-]+", rule.name), rule.name
        assert isinstance(rule.category, Category) and isinstance(rule.severity, Severity)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_says_what_it_catches_and_shows_an_example(rule: object) -> None:
    doc: str = rule.doc  # type: ignore[attr-defined]
    lines = [line for line in doc.splitlines() if line.strip()]
    assert len(lines) >= 2, doc
    assert lines[0].endswith("."), lines[0]
    assert re.search(r"example|e\.g\.", doc, re.IGNORECASE), doc


def test_format_rules_name_a_real_case() -> None:
    """The structural and language rules cite the real digest (or the seed) their example comes from."""
    for rule in RULES:
        if rule.category is Category.format and rule.id != "F301":  # no boilerplate in the real corpus
            assert re.search(r"\d{4}-\d{2}-\d{2}|seed|\d{4}\.\d{4,5}", rule.doc), rule.id


def test_rules_command_lists_every_rule() -> None:
    result = run_cli("rules")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert listed == [r.id for r in RULES]
    as_json = json.loads(run_cli("rules", "-f", "json").stdout)
    assert [r["id"] for r in as_json] == [r.id for r in RULES]
    assert all(r["doc"] for r in as_json)


def test_select_by_id_prefix_name_and_category() -> None:
    assert [r.id for r in select_rules(["F101"], None)] == ["F101"]
    assert [r.id for r in select_rules(["missing-block"], None)] == ["F101"]
    assert {r.id for r in select_rules(["F1"], None)} == {"F101", "F102", "F103", "F104", "F105"}
    assert all(r.category is Category.omission for r in select_rules(["omission"], None))
    assert "F101" not in {r.id for r in select_rules(None, ["F1"])}
    assert unknown_rule_patterns(["F1", "prompt-leak", "Q7"]) == ["Q7"]
