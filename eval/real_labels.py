"""Score digest-check against the blind hand labels of real digests, by half (dev, held-out) and family.

    .venv/bin/python eval/real_labels.py                  # both halves, table
    .venv/bin/python eval/real_labels.py --half heldout --json out.json

Audits every digest under eval/labels/digests/<half>/ (``digest-check audit --format json``), then scores
the findings with checker.model.labels.score (``seed``: examples/seed-digest.md, all 88 papers, also dev): paper recall, block recall, clean-paper flag rate and block
precision for all errors, for content errors only and for format errors only, plus each rule's precision
(every severity counted). The dev half was used to tune rules; the held-out half never is: only its figures
may be quoted as held-out.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.model import Finding  # noqa: E402
from checker.model.labels import FAMILIES, PaperLabel, read_labels, rule_precision, score  # noqa: E402

LABELS = ROOT / "eval" / "labels"


def audit(digest: Path) -> dict[str, list[Finding]]:
    done = subprocess.run([sys.executable, "-m", "checker", "audit", str(digest), "--format", "json", "--jobs", "1",
                           "--no-progress", "--fail-on", "never"], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    report = json.loads(done.stdout)
    found: dict[str, list[Finding]] = {}
    for paper in (p for d in report["digests"] for p in d["papers"]):
        found.setdefault(paper["arxiv_id"], []).extend(Finding.model_validate(f) for f in paper["findings"])
    return found


def half_data(half: str) -> tuple[list[PaperLabel], dict[str, list[Finding]]]:
    labels: list[PaperLabel] = []
    findings: dict[str, list[Finding]] = {}
    for label_file in sorted((LABELS / half).glob("*.labels.jsonl")):
        digest = LABELS / "digests" / half / label_file.name.replace(".labels.jsonl", ".jsonl")
        if half == "seed":  # the whole bundled sample, labelled paper by paper
            digest = ROOT / "examples" / "seed-digest.md"
        labels += read_labels(label_file)
        findings.update(audit(digest))
    return labels, findings


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--half", choices=["dev", "heldout", "seed", "all"], default="all")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    halves = ["dev", "heldout", "seed"] if args.half == "all" else [args.half]
    out: dict[str, dict] = {}
    print("| half | family | papers | with error | errors | paper recall | block recall | clean flagged "
          "| block precision | findings |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for half in halves:
        labels, findings = half_data(half)
        out[half] = {"rules": {r: list(v) for r, v in rule_precision(labels, findings).items()}}
        for family in (None, *FAMILIES):
            result = score(labels, findings, family)
            out[half][family or "all"] = result.model_dump()
            print(f"| {half} | {family or 'all'} | {result.papers} | {result.error_papers} | {result.errors} | "
                  f"{_pct(result.paper_recall)} | {_pct(result.block_recall)} | {_pct(result.clean_flag_rate)} | "
                  f"{_pct(result.block_precision)} | {result.findings} |")
    for half in halves:
        print(f"\nPer-rule precision on the {half} half (findings answering a labelled error / findings):")
        for rule, (right, total) in out[half]["rules"].items():
            print(f"  {rule}: {right}/{total} ({100 * right / total:.0f}%)")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
