"""Recall and precision of the overstatement rules (C103-C108) on hand-labelled real overclaims.

    .venv/bin/python eval/overclaims.py            # dev (seed digest) and held-out sets
    .venv/bin/python eval/overclaims.py --verbose  # also list the caught labels

eval/data/overclaims_real.jsonl holds one real overclaim a line: the digest it comes from (``source``), the
paper, the block, the exact Chinese clause (``summary_span``) and the English words it overstates. Each
source is audited with ``--select C103,...,C108``. A label is *caught* when a finding of those rules sits in
the same block and its summary_span overlaps the labelled clause in the block text. Every flag that
matches no label is printed: it is either a false alarm or an overclaim the labeller missed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from score import run_audit  # noqa: E402

from checker.read.source import read_digest  # noqa: E402

LABELS = ROOT / "eval" / "data" / "overclaims_real.jsonl"
RULES = ("C103", "C104", "C105", "C106", "C107", "C108")
SETS = {"dev": "examples/seed-digest.md", "held-out": "eval/data/heldout_dw_2026-05-21.jsonl"}


@dataclass(frozen=True)
class Flag:
    arxiv_id: str
    rule: str
    block: str
    summary_span: str
    message: str


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def audit_flags(source: str) -> list[Flag]:
    report = run_audit([ROOT / source], ["--select", ",".join(RULES)])
    flags = [Flag(paper["arxiv_id"], finding["rule"], finding["block"] or "", finding["summary_span"] or "",
                  finding["message"])
             for digest in report["digests"] for paper in digest["papers"] for finding in paper["findings"]
             if finding["rule"] in RULES]
    return sorted(set(flags), key=lambda f: (f.arxiv_id, f.block, f.rule, f.summary_span, f.message))


def _interval(text: str, span: str) -> tuple[int, int] | None:
    start = text.find(span)
    return None if start < 0 or not span else (start, start + len(span))


def overlaps(block_text: str, flagged: str, labelled: str) -> bool:
    """The two clauses share characters of the block (or, if not found there, one holds the other)."""
    first, second = _interval(block_text, flagged), _interval(block_text, labelled)
    if first is None or second is None:
        return bool(flagged) and bool(labelled) and (flagged in labelled or labelled in flagged)
    return first[0] < second[1] and second[0] < first[1]


def score_set(name: str, source: str, labels: list[dict[str, Any]], verbose: bool) -> dict[str, Any]:
    blocks = {p.arxiv_id: {b: block.text for b, block in p.blocks.items()} for p in read_digest(ROOT / source).papers}
    mine = sorted((lab for lab in labels if lab["source"] == source),
                  key=lambda lab: (lab["arxiv_id"], lab["block"], lab["summary_span"]))
    flags = audit_flags(source)

    def matches(flag: Flag, label: dict[str, Any]) -> bool:
        text = blocks.get(flag.arxiv_id, {}).get(flag.block, "")
        return (flag.arxiv_id == label["arxiv_id"] and flag.block == label["block"]
                and overlaps(text, flag.summary_span, label["summary_span"]))

    caught = [lab for lab in mine if any(matches(f, lab) for f in flags)]
    matching = [f for f in flags if any(matches(f, lab) for lab in mine)]
    unmatched = [f for f in flags if f not in matching]
    recall = len(caught) / len(mine) if mine else 0.0
    precision = len(matching) / len(flags) if flags else 0.0

    print(f"== {name}: {source}")
    print(f"labelled {len(mine)}  caught {len(caught)}  recall {recall:.1%}  "
          f"flags {len(flags)}  matching a label {len(matching)}  precision {precision:.1%}")
    by_kind = Counter(lab["kind"] for lab in mine)
    caught_kind = Counter(lab["kind"] for lab in caught)
    print("  by kind: " + ", ".join(f"{k} {caught_kind[k]}/{by_kind[k]}" for k in sorted(by_kind)))
    print("  flags by rule: " + ", ".join(f"{r} {n}" for r, n in sorted(Counter(f.rule for f in flags).items())))
    print("  missed labels:")
    for lab in mine:
        if lab not in caught:
            print(f"    {lab['arxiv_id']} {lab['block']} [{lab['kind']}] {lab['summary_span']}")
    if verbose:
        print("  caught labels:")
        for lab in caught:
            print(f"    {lab['arxiv_id']} {lab['block']} [{lab['kind']}] {lab['summary_span']}")
    print("  flags matching no label (false alarm or missed label):")
    for flag in unmatched:
        print(f"    {flag.arxiv_id} {flag.block} {flag.rule} {flag.summary_span} | {flag.message}")
    print()
    return {"set": name, "labelled": len(mine), "caught": len(caught), "flags": len(flags),
            "matching": len(matching), "recall": recall, "precision": precision}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="also list the labels that are caught")
    parser.add_argument("--json", type=Path, help="write the figures of each set here")
    args = parser.parse_args()
    labels = load_labels()
    rows = [score_set(name, source, labels, args.verbose) for name, source in SETS.items()]
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
