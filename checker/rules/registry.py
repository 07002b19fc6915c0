"""The rule registry: one explicit table of every rule, like ruff's ``codes.rs``.

Each row pairs an id with the spec of the file that defines the rule
(``checker/rules/<family>/<id>_<name>.py``). The table is checked when this module is imported: ids match
``[A-Z]\\d{3}`` and equal their spec's id, ids and names are unique, rows are in id order, every rule has a
doc. Adding a rule: write its file, then add its row here.
"""

from __future__ import annotations

import re

from checker.rules.claims import (
    c101_direction_flipped,
    c102_negation_mismatch,
    c103_unlicensed_intensifier,
    c104_unlicensed_first,
    c105_unlicensed_sota,
    c106_unlicensed_proof,
    c107_dropped_number_hedge,
    c108_dropped_modal_hedge,
    c109_misattached_summary,
    c110_inflated_resolution,
)
from checker.rules.format import (
    f101_missing_block,
    f102_placeholder_block,
    f103_paper_not_summarized,
    f104_abstract_problem,
    f105_duplicate_record,
    f201_wrong_language,
    f202_copied_abstract,
    f203_mixed_language,
    f301_chatbot_boilerplate,
    f302_prompt_leak,
    f303_broken_text,
    f304_truncated_block,
    f305_repeated_block,
    f306_extra_field_problem,
)
from checker.rules.judge import (
    j101_judge_contradicted,
    j102_judge_unsupported,
    j103_judge_number_error,
    j201_judge_missing_fact,
    j901_judge_failed,
)
from checker.rules.numbers import n101_hallucinated_number, n102_derived_number, n103_list_numbering_gap
from checker.rules.omissions import (
    o101_paper_dropped,
    o201_number_omitted,
    o202_results_without_numbers,
    o301_method_name_omitted,
    o302_benchmarks_omitted,
)
from checker.rules.spec import Hit, Rule, RuleSpec
from checker.rules.unsupported import u101_unsupported_entity

__all__ = ["RULES", "Hit", "Rule", "RuleSpec", "all_rules", "select_rules", "unknown_rule_patterns"]

_TABLE: tuple[tuple[str, RuleSpec], ...] = (
    ("C101", c101_direction_flipped.RULE),
    ("C102", c102_negation_mismatch.RULE),
    ("C103", c103_unlicensed_intensifier.RULE),
    ("C104", c104_unlicensed_first.RULE),
    ("C105", c105_unlicensed_sota.RULE),
    ("C106", c106_unlicensed_proof.RULE),
    ("C107", c107_dropped_number_hedge.RULE),
    ("C108", c108_dropped_modal_hedge.RULE),
    ("C109", c109_misattached_summary.RULE),
    ("C110", c110_inflated_resolution.RULE),
    ("F101", f101_missing_block.RULE),
    ("F102", f102_placeholder_block.RULE),
    ("F103", f103_paper_not_summarized.RULE),
    ("F104", f104_abstract_problem.RULE),
    ("F105", f105_duplicate_record.RULE),
    ("F201", f201_wrong_language.RULE),
    ("F202", f202_copied_abstract.RULE),
    ("F203", f203_mixed_language.RULE),
    ("F301", f301_chatbot_boilerplate.RULE),
    ("F302", f302_prompt_leak.RULE),
    ("F303", f303_broken_text.RULE),
    ("F304", f304_truncated_block.RULE),
    ("F305", f305_repeated_block.RULE),
    ("F306", f306_extra_field_problem.RULE),
    ("J101", j101_judge_contradicted.RULE),
    ("J102", j102_judge_unsupported.RULE),
    ("J103", j103_judge_number_error.RULE),
    ("J201", j201_judge_missing_fact.RULE),
    ("J901", j901_judge_failed.RULE),
    ("N101", n101_hallucinated_number.RULE),
    ("N102", n102_derived_number.RULE),
    ("N103", n103_list_numbering_gap.RULE),
    ("O101", o101_paper_dropped.RULE),
    ("O201", o201_number_omitted.RULE),
    ("O202", o202_results_without_numbers.RULE),
    ("O301", o301_method_name_omitted.RULE),
    ("O302", o302_benchmarks_omitted.RULE),
    ("U101", u101_unsupported_entity.RULE),
)

RULE_ID = re.compile(r"[A-Z]\d{3}")


def _validated(table: tuple[tuple[str, RuleSpec], ...]) -> tuple[RuleSpec, ...]:
    """The specs of the table, once every row is checked; a ValueError names the first bad row."""
    ids: set[str] = set()
    names: set[str] = set()
    previous = ""
    for rule_id, spec in table:
        if not RULE_ID.fullmatch(rule_id):
            raise ValueError(f"rule id {rule_id!r} does not match [A-Z]\\d{{3}}")
        if spec.id != rule_id:
            raise ValueError(f"registry row {rule_id} holds the spec of {spec.id}")
        if rule_id in ids or spec.name in names:
            raise ValueError(f"duplicate rule {rule_id} {spec.name}")
        if rule_id < previous:
            raise ValueError(f"registry row {rule_id} comes after {previous}: keep the table in id order")
        if not spec.doc:
            raise ValueError(f"rule {rule_id} has no doc")
        ids.add(rule_id)
        names.add(spec.name)
        previous = rule_id
    return tuple(spec for _, spec in table)


RULES: tuple[RuleSpec, ...] = _validated(_TABLE)


def all_rules() -> list[Rule]:
    """Every rule, in id order (J rules included: listed, but produced only by the --llm judge)."""
    return list(RULES)


def _matches(rule: Rule, patterns: list[str]) -> bool:
    return any(rule.id.startswith(p.upper()) or rule.name == p.lower() or rule.category.value == p
               for p in patterns)


def select_rules(select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
    """Rules chosen by id, id prefix, name or category, like ruff's --select/--ignore."""
    rules = all_rules()
    if select:
        rules = [r for r in rules if _matches(r, select)]
    if ignore:
        rules = [r for r in rules if not _matches(r, ignore)]
    return rules


def unknown_rule_patterns(patterns: list[str]) -> list[str]:
    """The patterns that match no rule by id prefix, name or category."""
    return [p for p in patterns if not any(_matches(r, [p]) for r in RULES)]
