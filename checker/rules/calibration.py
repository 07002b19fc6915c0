"""What the rules are measured to be worth: per-rule precision and recall on the blind held-out labels.

The figures live in ``checker/data/calibration.json``, written by ``eval/calibrate.py --write`` from
eval/labels (split by repository; rules are tuned on the dev half only). ``digest-check rules`` shows them,
and ``tests/test_calibration.py`` checks that no rule's default severity is above what its held-out precision
allows (error at 90%, warning at 75%, otherwise info).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Measure:
    findings: int
    right: int
    precision: float | None
    recall: float | None


@dataclass(frozen=True)
class Calibration:
    heldout: Measure
    dev: Measure
    allowed: str  # the most severe level the policy allows: error, warning or info
    basis: str  # held-out, pooled (held-out + dev), unmeasured or structural


COMMAND = ".venv/bin/python eval/calibrate.py"


def _measure(row: dict) -> Measure:
    return Measure(int(row["findings"]), int(row["right"]), row.get("precision"), row.get("recall"))


@lru_cache(maxsize=1)
def calibrations() -> dict[str, Calibration]:
    """Per rule id; empty when the data file is missing (a source tree before the first calibration)."""
    try:
        text = resources.files("checker").joinpath("data/calibration.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {}
    rows = json.loads(text).get("rules", {})
    return {rule_id: Calibration(_measure(row["heldout"]), _measure(row["dev"]), row["allowed"], row["basis"])
            for rule_id, row in rows.items()}


def heldout_cells(rule_id: str) -> tuple[str, str]:
    """Held-out precision ("78% (7/9)") and recall ("6%") of a rule, "—" where unmeasured."""
    measured = calibrations().get(rule_id)
    precision = measured.heldout.precision if measured else None
    if measured is None or precision is None:
        return "—", "—"
    held = measured.heldout
    recall = "—" if held.recall is None else f"{100 * held.recall:.0f}%"
    return f"{100 * precision:.0f}% ({held.right}/{held.findings})", recall


FOOTNOTE = ("Precision and recall: each rule's findings on the held-out half of the blind labels (eval/labels, "
            f"split by repository), measured by `{COMMAND}`; — where it flagged nothing there.")
