"""The rule registry: unique ids and names, a docstring with an example in four parts, `digest-check rules` lists
them all, one file per rule, and a rule id written only in its own file and the registry."""

from __future__ import annotations

import ast
import dataclasses
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import CliResult

from checker.model import Category, Severity
from checker.rules.registry import Rule, _validated, all_rules, select_rules, unknown_rule_patterns
from checker.rules.spec import Needs

RULES = all_rules()
Cli = Callable[..., CliResult]


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


def test_rules_command_lists_every_rule(cli: Cli) -> None:
    result = cli("rules")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert listed[:-1] == [r.id for r in RULES] and listed[-1] == "Precision"  # and the footnote of the figures
    as_json = json.loads(cli("rules", "-f", "json").stdout)
    assert [r["id"] for r in as_json] == [r.id for r in RULES]
    assert all(r["doc"] for r in as_json)


def test_select_by_id_prefix_name_and_category() -> None:
    assert [r.id for r in select_rules(["F101"], None)] == ["F101"]
    assert [r.id for r in select_rules(["missing-block"], None)] == ["F101"]
    assert {r.id for r in select_rules(["F1"], None)} == {"F101", "F102", "F103", "F104", "F105"}
    omission = select_rules(["omission"], None)
    assert omission
    assert {r.id for r in omission} == {r.id for r in all_rules() if r.category is Category.omission}
    assert "F101" not in {r.id for r in select_rules(None, ["F1"])}
    assert unknown_rule_patterns(["F1", "prompt-leak", "Q7"]) == ["Q7"]


# --- One rule, one file: the registry table, the specs, and where rule ids are written ---

PACKAGE = Path(__file__).resolve().parents[1] / "checker"
REGISTRY = PACKAGE / "rules" / "registry.py"
FAMILIES = {"C": "claims", "F": "format", "J": "judge", "N": "numbers", "O": "omissions", "U": "unsupported"}
RULE_ID = re.compile(r"[A-Z]\d{3}")


def id_literals(path: Path) -> list[tuple[int, str]]:
    """(line, id) of every string constant of a file that is a whole rule id ("C101", not "see C101")."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and RULE_ID.fullmatch(node.value)]


def misplaced_id_literals(package: Path) -> list[str]:
    """Rule ids written as literals outside their own file (``<family>/<id>_<name>.py``) and the registry."""
    wrong = []
    for path in sorted(package.rglob("*.py")):
        for line, rule_id in id_literals(path):
            family = FAMILIES.get(rule_id[0])
            own_file = path.parent.name == family and path.name.startswith(f"{rule_id.lower()}_")
            if path != REGISTRY and not own_file:
                wrong.append(f"{path.relative_to(package.parent)}:{line} {rule_id}")
    return wrong


def test_a_rule_id_is_written_only_in_its_own_file_and_the_registry() -> None:
    assert misplaced_id_literals(PACKAGE) == []


def test_the_id_check_finds_a_misplaced_id(tmp_path: Path) -> None:
    probe = tmp_path / "engine.py"
    probe.write_text('SKIP = {"C109"}\nNOTE = "see C109"\n', encoding="utf-8")
    found = id_literals(probe)
    assert found == [(1, "C109")]
    assert misplaced_id_literals(tmp_path) == [f"{tmp_path.name}/engine.py:1 C109"]


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_has_its_own_file_named_by_id_and_name(rule: Rule) -> None:
    path = PACKAGE / "rules" / FAMILIES[rule.id[0]] / f"{rule.id.lower()}_{rule.name.replace('-', '_')}.py"
    assert path.is_file(), path
    assert [rule_id for _, rule_id in id_literals(path)] == [rule.id]
    assert [rule_id for _, rule_id in id_literals(REGISTRY)].count(rule.id) == 1


def test_every_rule_file_is_in_the_registry() -> None:
    files = {p.stem.split("_", 1)[0].upper() for family in FAMILIES.values()
             for p in (PACKAGE / "rules" / family).glob("[a-z][0-9][0-9][0-9]_*.py")}
    assert files == {r.id for r in RULES}


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_doc_has_the_four_parts(rule: Rule) -> None:
    headings = [line for line in rule.doc.splitlines() if line.startswith("## ")]
    assert headings == ["## What it catches", "## Why it matters", "## Example", "## Stays quiet on"], rule.id
    parts = re.split(r"^## .*$", rule.doc, flags=re.MULTILINE)
    assert all(part.strip() for part in parts), rule.id  # the summary line and four non-empty sections


def test_judge_rules_have_no_check_and_the_others_have_one() -> None:
    assert {r.id for r in RULES if r.check is None} == {r.id for r in RULES if r.id.startswith("J")}
    assert {r.id for r in RULES if Needs.SALIENT_TERMS in r.needs} == {"C109"}


@pytest.mark.parametrize(("table", "complaint"), [
    ((("C1010", "direction-flipped"),), "does not match"),
    ((("C101", "negation-mismatch"),), "holds the spec of C102"),
    ((("C101", "direction-flipped"), ("C101", "direction-flipped")), "duplicate rule"),
    ((("C102", "negation-mismatch"), ("C101", "direction-flipped")), "id order"),
])
def test_the_registry_rejects_a_bad_table(table: tuple[tuple[str, str], ...], complaint: str) -> None:
    by_name = {r.name: r for r in RULES}
    with pytest.raises(ValueError, match=complaint):
        _validated(tuple((rule_id, by_name[name]) for rule_id, name in table))


def test_the_registry_rejects_a_duplicate_name() -> None:
    first = next(r for r in RULES if r.id == "F101")
    twin = dataclasses.replace(first, id="F199")
    with pytest.raises(ValueError, match="duplicate rule F199 missing-block"):
        _validated((("F101", first), ("F199", twin)))
