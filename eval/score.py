"""Score digest-check on the mutation corpus, on labelled real cases, and for false alarms on real digests.

    .venv/bin/python eval/score.py                 # everything (reads ../shared/data when present)
    .venv/bin/python eval/score.py --kinds number_changed,negation --no-corpus
    .venv/bin/python eval/score.py --json eval/out/score.json

For each mutation kind, every applicable paper of eval/data/base.jsonl is mutated once; the base digest
and the mutated digest are both audited with ``digest-check audit --format json``. A mutation is
*detected* when the mutated paper has a finding of the expected category that the original paper did
not have, and *localized* when such a new finding sits in the mutated block (paper-level kinds count
any new finding of the category).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

from mutations import MUTATIONS, Expectation, Record  # noqa: E402

SEED = 20261129
# Swapping every summary would make a digest of nothing but swaps; swap one paper in three.
SUBSET_KINDS = {"summary_swapped": 3}
FindingKey = tuple[str, str | None, str | None, str]


def run_audit(paths: list[Path], extra: list[str] | None = None) -> dict[str, Any]:
    command = [sys.executable, "-m", "checker", "audit", *map(str, paths), "--format", "json",
               "--fail-on", "never", "--no-progress", *(extra or [])]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise SystemExit(f"audit failed ({result.returncode}): {result.stderr.strip()[:500]}")
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def findings_by_paper(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {p["arxiv_id"]: p["findings"] for d in report["digests"] for p in d["papers"]}


def key(finding: dict[str, Any], detail: str = "") -> FindingKey:
    """What identifies a finding; with a mutation's "old -> new" detail, the mutation undone in its texts, so that
    a finding the original paper already had is not new merely because its span now holds the mutated words."""
    span, message = finding["summary_span"], finding["message"]
    if " -> " in detail:
        old, new = detail.split(" -> ", 1)
        span = span.replace(new, old) if span and new else span
        message = message.replace(new, old) if new else message
    return (finding["rule"], finding["block"], span, message)


def write_digest(path: Path, records: list[Record]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def score_mutations(base: list[Record], kinds: list[str], out: Path, extra: list[str],
                    seed: int = SEED) -> list[dict[str, Any]]:
    base_path = out / "base.jsonl"
    write_digest(base_path, base)
    original = findings_by_paper(run_audit([base_path], extra))
    rows = []
    for kind in kinds:
        rng = random.Random(f"{seed}:{kind}")
        every = SUBSET_KINDS.get(kind, 1)
        mutated: list[Record] = []
        expected: dict[str, Expectation] = {}
        for position, record in enumerate(base):
            result = MUTATIONS[kind](record, rng, base) if position % every == 0 else None
            if result is None:
                mutated.append(record)
                continue
            mutated.append(result[0])
            expected[str(record["id"])] = result[1]
        path = out / f"mutated-{kind}.jsonl"
        write_digest(path, mutated)
        observed = findings_by_paper(run_audit([path], extra))
        detected = localized = 0
        misses: list[str] = []
        for arxiv_id, expectation in sorted(expected.items()):
            before = {key(f) for f in original.get(arxiv_id, [])}
            new = [f for f in observed.get(arxiv_id, []) if key(f, expectation.detail) not in before
                   and f["category"] == expectation.category]
            if new:
                detected += 1
                if expectation.block is None or any(f["block"] == expectation.block for f in new):
                    localized += 1
            else:
                misses.append(f"{arxiv_id} [{expectation.block}] {expectation.detail}")
        total = len(expected)
        rows.append({
            "kind": kind, "category": next(iter(expected.values())).category if expected else "",
            "mutated": total, "detected": detected, "localized": localized,
            "detected_pct": round(100 * detected / total, 1) if total else 0.0,
            "localized_pct": round(100 * localized / total, 1) if total else 0.0,
            "misses": misses[:10],
        })
    return rows


def score_corpus(paths: list[Path], extra: list[str]) -> dict[str, Any]:
    """Share of real papers each rule flags (false-alarm pressure), by rule and severity."""
    report = run_audit(paths, extra)
    papers = [p for d in report["digests"] for p in d["papers"] if not p.get("dropped")]
    per_rule: dict[str, set[str]] = {}
    per_rule_severity: Counter[tuple[str, str]] = Counter()
    names: dict[str, str] = {}
    for digest in report["digests"]:
        for paper in digest["papers"]:
            if paper.get("dropped"):
                continue
            for finding in paper["findings"]:
                per_rule.setdefault(finding["rule"], set()).add(f"{digest['path']}#{paper['arxiv_id']}")
                per_rule_severity[(finding["rule"], finding["severity"])] += 1
                names[finding["rule"]] = finding["name"]
    rows = []
    for rule in sorted(per_rule):
        rows.append({
            "rule": rule, "name": names[rule], "papers_flagged": len(per_rule[rule]),
            "share_pct": round(100 * len(per_rule[rule]) / len(papers), 2) if papers else 0.0,
            "by_severity": {s: n for (r, s), n in sorted(per_rule_severity.items()) if r == rule},
        })
    return {"papers": len(papers), "rules": rows}


def score_labels(labels_path: Path, shared: Path, extra: list[str]) -> dict[str, Any]:
    """Labelled real cases: does the tool flag the real errors, and stay quiet on the correct ones?"""
    labels = [json.loads(line) for line in labels_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    files = sorted({label["file"] for label in labels})
    report = run_audit([shared / f for f in files], extra)
    found: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for digest in report["digests"]:
        name = Path(digest["path"]).name
        for paper in digest["papers"]:
            found[(name, paper["arxiv_id"])] = paper["findings"]
    rows = []
    for label in labels:
        findings = found.get((Path(label["file"]).name, label["arxiv_id"]), [])
        hit = [f for f in findings if f["category"] == label["category"]
               and (label.get("block") is None or f["block"] == label.get("block"))
               and (not label.get("rule") or f["rule"] == label["rule"])]
        ok = bool(hit) if label["verdict"] == "error" else not hit
        rows.append({**label, "ok": ok, "rules_seen": sorted({f["rule"] for f in hit})})
    errors = [r for r in rows if r["verdict"] == "error"]
    clean = [r for r in rows if r["verdict"] == "ok"]
    return {
        "errors": len(errors), "caught": sum(r["ok"] for r in errors),
        "correct": len(clean), "quiet": sum(r["ok"] for r in clean),
        "failures": [r for r in rows if not r["ok"]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Score digest-check (mutations, labelled cases, real corpus).")
    parser.add_argument("--base", type=Path, default=ROOT / "eval" / "data" / "base.jsonl")
    parser.add_argument("--labels", type=Path, default=ROOT / "eval" / "data" / "labels.jsonl")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--kinds", default=",".join(MUTATIONS), help="comma-separated mutation kinds")
    parser.add_argument("--out", type=Path, default=ROOT / "eval" / "out")
    parser.add_argument("--seed", type=int, default=SEED,
                        help="another seed draws other mutation sites: a check that rules tuned on the default "
                             "draw were not fitted to it")
    parser.add_argument("--no-corpus", action="store_true", help="skip the real-corpus false-alarm pass")
    parser.add_argument("--json", type=Path, help="also write all figures to this JSON file")
    parser.add_argument("--audit-args", default="", help="extra arguments for digest-check audit, e.g. '--ignore C'")
    args = parser.parse_args()
    extra = args.audit_args.split()
    args.out.mkdir(parents=True, exist_ok=True)
    base = [json.loads(line) for line in args.base.read_text(encoding="utf-8").splitlines() if line.strip()]
    kinds = [k for k in args.kinds.split(",") if k]
    unknown = [k for k in kinds if k not in MUTATIONS]
    if unknown:
        raise SystemExit(f"unknown kinds: {unknown}; known: {sorted(MUTATIONS)}")
    results: dict[str, Any] = {"base_papers": len(base), "seed": args.seed,
                               "mutations": score_mutations(base, kinds, args.out, extra, args.seed)}
    print(f"Mutations over {len(base)} real papers (eval/data/base.jsonl), seed {args.seed}\n")
    print("| kind | expected category | mutated | detected | localized |")
    print("|---|---|---:|---:|---:|")
    for row in results["mutations"]:
        print(f"| {row['kind']} | {row['category']} | {row['mutated']} | {row['detected_pct']}% | {row['localized_pct']}% |")
    shared_ok = args.shared.exists()
    if shared_ok and args.labels.exists():
        labels = score_labels(args.labels, args.shared, extra)
        results["labels"] = labels
        print(f"\nLabelled real cases: {labels['caught']}/{labels['errors']} real errors caught, "
              f"{labels['quiet']}/{labels['correct']} correct blocks left quiet")
        for failure in labels["failures"]:
            print(f"  MISS {failure['verdict']}: {failure['file']} {failure['arxiv_id']} [{failure.get('block')}] "
                  f"{failure['category']} {failure.get('note', '')}")
    if shared_ok and not args.no_corpus:
        paths = sorted((args.shared / "real").glob("*")) + [args.shared / "seed-digest.md"]
        corpus = score_corpus([p for p in paths if p.suffix in (".jsonl", ".md") and p.name != "README.md"], extra)
        results["corpus"] = corpus
        print(f"\nFindings on {corpus['papers']} real papers (../shared/data: real/ + seed), share of papers flagged")
        print("| rule | name | papers flagged | share | findings by severity |")
        print("|---|---|---:|---:|---|")
        for row in corpus["rules"]:
            sev = ", ".join(f"{s} {n}" for s, n in row["by_severity"].items())
            print(f"| {row['rule']} | {row['name']} | {row['papers_flagged']} | {row['share_pct']}% | {sev} |")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for row in results["mutations"]:
        if row["misses"]:
            print(f"\nmissed {row['kind']} (first {len(row['misses'])}):")
            for miss in row["misses"]:
                print(f"  {miss}")


if __name__ == "__main__":
    main()
