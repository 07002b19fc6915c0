"""Calibrate rule severities on the held-out half of the blind labels, and publish per-rule precision/recall.

    .venv/bin/python eval/calibrate.py            # table; checks each rule's default severity against it
    .venv/bin/python eval/calibrate.py --write    # also writes checker/data/calibration.json

Every rule is run on the labelled digests (eval/labels/digests/heldout, and dev for reference) with its own
default severity raised to ``warning``, so that a rule's *main path* (hits that do not force a severity) is
measured apart from the paths a rule itself marks ``info``. For each rule:

- ``findings``: its main-path findings on labelled papers; ``right``: those that answer a labelled error of
  their paper (same family, same block; see checker.model.labels);
- ``precision`` = right / findings; ``recall``: the share of the half's labelled errors of the rule's family
  that one of its main-path findings answers.

The policy (issue 11): a rule may emit ``error`` only at >= 90% held-out precision and ``warning`` only at
>= 75%; below that, ``info``. A rule with fewer than MIN_FINDINGS held-out findings is measured on held-out and
dev pooled (marked ``pooled``); with fewer than MIN_FINDINGS even then it is unmeasured: a format rule may
keep ``warning`` (format checks were 96% right on unseen days by the owners' sample), a content rule stays
``info``. Structural rules state a fact of the file (a missing block, a duplicate id, a dropped paper) and keep
their severity by construction; their precision is published all the same.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.engine.audit import AuditOptions, audit  # noqa: E402
from checker.model import Category, Finding, Severity  # noqa: E402
from checker.model.labels import PaperLabel, answers, family_of, read_labels  # noqa: E402
from checker.read.source import open_source  # noqa: E402
from checker.rules.registry import all_rules  # noqa: E402

LABELS = ROOT / "eval" / "labels"
OUT = ROOT / "checker" / "data" / "calibration.json"
MIN_FINDINGS = 5
STRUCTURAL = frozenset({"F101", "F102", "F103", "F105", "O101"})
COMMAND = ".venv/bin/python eval/calibrate.py"


def _findings(half: str) -> tuple[list[PaperLabel], dict[str, list[Finding]]]:
    rules = [dataclasses.replace(rule, severity=Severity.warning) if rule.check else rule for rule in all_rules()]
    labels: list[PaperLabel] = []
    found: dict[str, list[Finding]] = {}
    for label_file in sorted((LABELS / half).glob("*.labels.jsonl")):
        digest = LABELS / "digests" / half / label_file.name.replace(".labels.jsonl", ".jsonl")
        labels += read_labels(label_file)
        report = audit([open_source(digest)], AuditOptions(rules=rules, jobs=1))
        for paper in (p for d in report.digests for p in d.papers):
            found.setdefault(paper.arxiv_id, []).extend(paper.findings)
    return labels, found


def measure(half: str) -> dict[str, dict[str, float | int | None]]:
    labels, found = _findings(half)
    categories = {rule.id: rule.category for rule in all_rules()}
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    answered: dict[str, set[tuple[str, int]]] = {}
    family_errors: Counter[str] = Counter()
    for label in labels:
        for error in label.errors:
            family_errors[error.family] += 1
        for finding in found.get(label.arxiv_id, []):
            if finding.severity is Severity.info:
                continue
            total[finding.rule] += 1
            hits = [i for i, error in enumerate(label.errors) if answers(finding, error)]
            right[finding.rule] += bool(hits)
            answered.setdefault(finding.rule, set()).update((label.arxiv_id, i) for i in hits)
    measured: dict[str, dict[str, float | int | None]] = {}
    for rule_id, category in categories.items():
        errors = family_errors[family_of(category)]
        measured[rule_id] = {
            "findings": total[rule_id],
            "right": right[rule_id],
            "precision": round(right[rule_id] / total[rule_id], 3) if total[rule_id] else None,
            "recall": round(len(answered.get(rule_id, ())) / errors, 3) if errors else None,
        }
    return measured


def allowed_severity(rule_id: str, category: Category, held: dict, dev: dict) -> tuple[Severity, str]:
    """The most severe level the policy lets a rule's main path emit, and on what evidence."""
    findings, right, basis = held["findings"], held["right"], "held-out"
    if findings < MIN_FINDINGS:
        findings, right, basis = findings + dev["findings"], right + dev["right"], "pooled"
    if rule_id in STRUCTURAL:
        return Severity.error, "structural"
    if findings < MIN_FINDINGS:
        return (Severity.warning if category is Category.format else Severity.info), "unmeasured"
    precision = right / findings
    level = Severity.error if precision >= 0.9 else Severity.warning if precision >= 0.75 else Severity.info
    return level, basis


def calibration() -> dict:
    held, dev = measure("heldout"), measure("dev")
    table = {}
    for rule in all_rules():
        if rule.check is None:
            continue
        level, basis = allowed_severity(rule.id, rule.category, held[rule.id], dev[rule.id])
        table[rule.id] = {"heldout": held[rule.id], "dev": dev[rule.id], "allowed": level.value, "basis": basis}
    return {"command": COMMAND, "labels": "eval/labels (blind, split by repository)", "min_findings": MIN_FINDINGS,
            "rules": table}


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    args = parser.parse_args()
    result = calibration()
    defaults = {rule.id: rule.severity for rule in all_rules()}
    wrong = []
    print("| rule | held-out findings | held-out precision | held-out recall | dev precision | allowed | basis "
          "| default |")
    print("|---|---|---|---|---|---|---|---|")
    for rule_id, row in result["rules"].items():
        held, dev = row["heldout"], row["dev"]
        allowed = Severity(row["allowed"])
        default = defaults[rule_id]
        flag = ""
        if default.rank > allowed.rank:
            wrong.append(rule_id)
            flag = " **too high**"
        print(f"| {rule_id} | {held['findings']} | {_pct(held['precision'])} | {_pct(held['recall'])} | "
              f"{_pct(dev['precision'])} | {allowed.value} | {row['basis']} | {default.value}{flag} |")
    if args.write:
        OUT.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    if wrong:
        print(f"default severity above what held-out precision allows: {', '.join(wrong)}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
