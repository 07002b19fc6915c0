"""Severities follow measured precision: no rule is set above what its held-out precision allows."""

from __future__ import annotations

import pytest

from checker.model import Severity
from checker.rules.calibration import calibrations
from checker.rules.registry import all_rules


def test_every_rule_with_a_check_is_calibrated() -> None:
    measured = calibrations()
    assert measured, "checker/data/calibration.json is missing: run eval/calibrate.py --write"
    assert {rule.id for rule in all_rules() if rule.check} == set(measured)


@pytest.mark.parametrize("rule", [r for r in all_rules() if r.check], ids=lambda r: r.id)
def test_no_default_severity_above_what_held_out_precision_allows(rule) -> None:  # type: ignore[no-untyped-def]
    allowed = Severity(calibrations()[rule.id].allowed)
    assert rule.severity.rank <= allowed.rank, (rule.id, rule.severity, allowed)


def test_the_policy_thresholds_hold_in_the_data() -> None:
    for rule_id, row in calibrations().items():
        if row.basis != "held-out":
            continue
        precision = row.heldout.precision
        assert precision is not None
        expected = "error" if precision >= 0.9 else "warning" if precision >= 0.75 else "info"
        assert row.allowed == expected, rule_id
