"""Precision of chosen rules on the real corpus: a seeded sample of findings per rule, scored against labels.

    .venv/bin/python eval/precision.py                         # U101 and O201, 40 findings each
    .venv/bin/python eval/precision.py --rules U101 --sample 60 --show   # print abstract/title/blocks to label
    .venv/bin/python eval/precision.py --report /tmp/audit.json          # reuse an audit JSON of the corpus

The corpus is /work/shared/data/real plus examples/seed-digest.md, audited with
``digest-check audit ... -f json --fail-on never --select <rules>``. The sample is drawn by ranking every
finding (sorted first) by a seeded hash of its key and keeping the N lowest: the same corpus gives the same
sample, and when a fix silences findings the others keep their place, so the labels stay valid and the
replacements show up as unlabelled.

Labels live in eval/data/precision_labels.jsonl, one line per finding:
{"rule", "digest", "arxiv_id", "block", "summary_span", "verdict": "right"|"wrong", "why", "message"}.
A labelled finding the audit no longer gives is "no longer flagged": a fixed false alarm when it was wrong,
a lost catch when it was right.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

from score import run_audit  # noqa: E402

SEED = 20261129
DEFAULT_RULES = ("U101", "O201")
DEFAULT_CORPUS = (Path("/work/shared/data/real"), ROOT / "examples" / "seed-digest.md")
LABELS = ROOT / "eval" / "data" / "precision_labels.jsonl"
LabelKey = tuple[str, str, str, str, str]


@dataclass(frozen=True)
class Flagged:
    """One finding of a sampled rule, with where it sits (digest file and paper)."""

    rule: str
    digest: str
    digest_path: str
    language: str
    arxiv_id: str
    block: str
    summary_span: str
    message: str

    @property
    def key(self) -> LabelKey:
        return (self.rule, self.digest, self.arxiv_id, self.block, self.summary_span)


def label_key(label: dict[str, Any]) -> LabelKey:
    return (label["rule"], label["digest"], label["arxiv_id"], label.get("block") or "",
            label.get("summary_span") or "")


def flagged_findings(report: dict[str, Any], rules: Iterable[str]) -> list[Flagged]:
    """Every finding of the given rules on papers that were checked (dropped papers are skipped), sorted."""
    wanted = set(rules)
    out = []
    for digest in report["digests"]:
        for paper in digest["papers"]:
            if paper.get("dropped"):
                continue
            for finding in paper["findings"]:
                if finding["rule"] in wanted:
                    out.append(Flagged(finding["rule"], Path(digest["path"]).name, digest["path"],
                                       digest["language"], paper["arxiv_id"], finding.get("block") or "",
                                       finding.get("summary_span") or "", finding["message"]))
    return sorted(set(out), key=lambda f: (f.key, f.message))


def papers_checked(report: dict[str, Any]) -> int:
    return sum(1 for d in report["digests"] for p in d["papers"] if not p.get("dropped"))


def draw(findings: list[Flagged], rule: str, size: int, seed: int) -> list[Flagged]:
    """The `size` findings of `rule` with the lowest seeded hash of their key (bottom-k: a stable sample)."""

    def rank(flagged: Flagged) -> str:
        return hashlib.sha256(f"{seed}\x1f{json.dumps(flagged.key, ensure_ascii=False)}".encode()).hexdigest()

    return sorted([f for f in findings if f.rule == rule], key=rank)[:size]


def read_labels(path: Path) -> dict[LabelKey, dict[str, Any]]:
    if not path.exists():
        return {}
    labels = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            label = json.loads(line)
            labels[label_key(label)] = label
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise SystemExit(f"{path}:{number}: bad label line ({error})") from error
    return labels


def score_rule(rule: str, sample: list[Flagged], all_current: set[LabelKey],
               labels: dict[LabelKey, dict[str, Any]]) -> dict[str, Any]:
    """Right/wrong/unlabelled over the sample, and the labels of this rule the audit no longer gives."""
    right = [f for f in sample if labels.get(f.key, {}).get("verdict") == "right"]
    wrong = [f for f in sample if labels.get(f.key, {}).get("verdict") == "wrong"]
    unlabelled = [f for f in sample if f.key not in labels]
    gone = [label for key, label in sorted(labels.items()) if key[0] == rule and key not in all_current]
    judged = len(right) + len(wrong)
    return {
        "rule": rule, "sampled": len(sample), "labelled": judged, "right": len(right), "wrong": len(wrong),
        "precision_pct": round(100 * len(right) / judged, 1) if judged else None,
        "unlabelled": [_describe(f) for f in unlabelled],
        "no_longer_flagged": {
            "fixed_false_alarms": sum(1 for g in gone if g["verdict"] == "wrong"),
            "lost_catches": [f"{g['digest']} {g['arxiv_id']} {g.get('summary_span') or g.get('message', '')}"
                             for g in gone if g["verdict"] == "right"],
        },
        "wrong_why": [f"{f.arxiv_id} {f.summary_span or f.message}: {labels[f.key].get('why', '')}" for f in wrong],
    }


def _describe(flagged: Flagged) -> dict[str, str]:
    return {"rule": flagged.rule, "digest": flagged.digest, "arxiv_id": flagged.arxiv_id, "block": flagged.block,
            "summary_span": flagged.summary_span, "message": flagged.message}


def show(flagged: Flagged) -> None:
    """Print what a labeller needs: the finding, then the paper's title, abstract and blocks."""
    from checker.read.source import read_digest

    digest = _digest(flagged.digest_path, flagged.language, read_digest)
    paper = next((p for p in digest.papers if p.arxiv_id == flagged.arxiv_id), None)
    print(f"=== {flagged.rule} {flagged.digest} {flagged.arxiv_id} [{flagged.block}] {flagged.summary_span!r}")
    print(f"    {flagged.message}")
    if paper is None:
        return
    print(f"TITLE: {paper.title}\nABSTRACT: {paper.abstract}")
    for name, block in paper.blocks.items():
        print(f"  {name}: {block.text}")
    print()


_DIGESTS: dict[str, Any] = {}


def _digest(path: str, language: str, reader: Any) -> Any:
    if path not in _DIGESTS:
        _DIGESTS[path] = reader(path, language)
    return _DIGESTS[path]


def main() -> None:
    parser = argparse.ArgumentParser(description="Precision of rules on a seeded sample of real findings.")
    parser.add_argument("--rules", default=",".join(DEFAULT_RULES), help="comma-separated rule ids")
    parser.add_argument("--sample", type=int, default=40, help="findings sampled per rule (default 40)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--report", type=Path, help="an audit JSON of the corpus to reuse instead of auditing")
    parser.add_argument("--show", action="store_true", help="print the unlabelled sampled findings in full")
    parser.add_argument("--json", type=Path, help="also write the scores as JSON here")
    parser.add_argument("paths", nargs="*", type=Path, help="digests to audit (default: the real corpus + seed)")
    args = parser.parse_args()

    rules = [r.strip() for r in args.rules.split(",") if r.strip()]
    if args.report:
        report = json.loads(args.report.read_text(encoding="utf-8"))
    else:
        paths = args.paths or [p for p in DEFAULT_CORPUS if p.exists()]
        report = run_audit(paths, ["--select", ",".join(rules)])
    findings = flagged_findings(report, rules)
    current = {f.key for f in findings}
    labels = read_labels(args.labels)
    total = papers_checked(report)

    rows = []
    print(f"Precision on a seeded sample (seed {args.seed}, {args.sample} findings per rule) of {total} papers")
    print("| rule | findings | papers flagged | sampled | labelled | right | wrong | precision | "
          "no longer flagged (wrong/right) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for rule in rules:
        sample = draw(findings, rule, args.sample, args.seed)
        row = score_rule(rule, sample, current, labels)
        row["findings"] = sum(1 for f in findings if f.rule == rule)
        flagged_papers = {(f.digest, f.arxiv_id) for f in findings if f.rule == rule}
        row["papers_flagged"] = len(flagged_papers)
        row["papers_flagged_pct"] = round(100 * len(flagged_papers) / total, 2) if total else 0.0
        rows.append(row)
        precision = f"{row['precision_pct']}%" if row["precision_pct"] is not None else "-"
        gone = row["no_longer_flagged"]
        print(f"| {rule} | {row['findings']} | {row['papers_flagged']} ({row['papers_flagged_pct']}%) | "
              f"{row['sampled']} | {row['labelled']} | {row['right']} | {row['wrong']} | {precision} | "
              f"{gone['fixed_false_alarms']}/{len(gone['lost_catches'])} |")
    for row in rows:
        for lost in row["no_longer_flagged"]["lost_catches"]:
            print(f"LOST CATCH {row['rule']}: {lost}")
        for item in row["unlabelled"]:
            print(f"UNLABELLED {item['rule']}: {item['digest']} {item['arxiv_id']} [{item['block']}] "
                  f"{item['summary_span'] or item['message']}")
    if args.show:
        for rule in rules:
            for flagged in draw(findings, rule, args.sample, args.seed):
                if flagged.key not in labels:
                    show(flagged)
    if args.json:
        args.json.write_text(json.dumps({"seed": args.seed, "papers": total, "rules": rows}, ensure_ascii=False,
                                        indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
