"""A rule's default severity is a ceiling: a hit may lower it, never raise it; a user's override wins."""

from __future__ import annotations

import dataclasses

import pytest

from checker.engine.audit import capped, to_finding
from checker.model import Severity
from checker.rules.registry import all_rules
from checker.rules.spec import Hit


@pytest.mark.parametrize(("wanted", "ceiling", "expected"), [
    (None, Severity.warning, Severity.warning),
    (Severity.error, Severity.info, Severity.info),
    (Severity.error, Severity.warning, Severity.warning),
    (Severity.info, Severity.error, Severity.info),
    (Severity.warning, Severity.warning, Severity.warning),
])
def test_a_hit_may_lower_the_rule_severity_but_never_raise_it(wanted: Severity | None, ceiling: Severity,
                                                              expected: Severity) -> None:
    assert capped(wanted, ceiling) is expected


def test_to_finding_caps_a_hit_and_an_override_wins() -> None:
    rule = next(r for r in all_rules() if r.check and r.severity is Severity.info)
    hit = Hit("m", "result", severity=Severity.error)
    assert to_finding(rule, hit, 3, {}).severity is Severity.info
    assert to_finding(rule, hit, 3, {rule.id: Severity.error}).severity is Severity.error
    raised = dataclasses.replace(rule, severity=Severity.error)
    assert to_finding(raised, hit, 3, {}).severity is Severity.error
