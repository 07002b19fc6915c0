"""Rebuild the labelled digests from ../shared/data/real and check them against the labels.

    .venv/bin/python eval/labels/extract.py            # writes eval/labels/digests/{dev,heldout}/*.jsonl
    .venv/bin/python eval/labels/extract.py --check    # verifies the committed digests and labels

Each labelled paper is the first record with its id in the source file, copied byte for byte, in the source
order. Labels live beside them in eval/labels/{dev,heldout}/<digest stem>.labels.jsonl, one line per paper
in digest order. The split is by repository (see README.md): dev repositories were used for tuning, held-out
repositories never are.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REAL = HERE.parents[2] / "shared" / "data" / "real"
HALVES = ("dev", "heldout")
DEV_REPOS = frozenset({"dw-dengwei__daily-arXiv-ai-enhanced", "Alice-Shimada__hepstoday-en"})


def half_of(source_name: str) -> str:
    owner_repo = "__".join(source_name.split("__")[:2])
    return "dev" if owner_repo in DEV_REPOS else "heldout"


def label_files() -> list[Path]:
    return sorted(p for half in HALVES for p in (HERE / half).glob("*.labels.jsonl"))


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def digest_for(labels: Path) -> Path:
    return HERE / "digests" / labels.parent.name / labels.name.replace(".labels.jsonl", ".jsonl")


def source_lines(source: Path, wanted: set[str]) -> list[str]:
    kept, seen = [], set()
    for line in source.read_text(encoding="utf-8").splitlines():
        record_id = json.loads(line)["id"]
        if record_id in wanted and record_id not in seen:
            seen.add(record_id)
            kept.append(line)
    return kept


def check_spans(digest: Path, labels: Path) -> list[str]:
    blocks = ("tldr", "motivation", "method", "result", "conclusion")
    records = {r["id"]: r for r in read_jsonl(digest)}
    rows = read_jsonl(labels)
    problems = []
    if [r["arxiv_id"] for r in rows] != list(records):
        problems.append(f"{labels.name}: labels are not one per paper in digest order")
    for row in rows:
        record = records.get(row["arxiv_id"], {})
        ai = record.get("AI") or {}
        texts = {b: ai.get(b) or (ai.get("task") if b == "tldr" else None) or "" for b in blocks}
        for error in row["errors"]:
            block = error["block"]
            pool = list(texts.values()) if block == "all" else [texts.get(block, "")]
            if error["summary_span"] and not any(error["summary_span"] in t for t in pool):
                problems.append(f"{labels.name}: {row['arxiv_id']}/{block}: summary_span not in the block")
            if error["abstract_span"] and error["abstract_span"] not in (record.get("summary") or ""):
                problems.append(f"{labels.name}: {row['arxiv_id']}: abstract_span not in the abstract")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    problems: list[str] = []
    for labels in label_files():
        digest = digest_for(labels)
        if half_of(labels.name) != labels.parent.name:
            problems.append(f"{labels}: in the wrong half")
        if not args.check:
            wanted = {row["arxiv_id"] for row in read_jsonl(labels)}
            digest.parent.mkdir(parents=True, exist_ok=True)
            digest.write_text("\n".join(source_lines(REAL / digest.name, wanted)) + "\n", encoding="utf-8")
        problems += check_spans(digest, labels)
    for problem in problems:
        print(problem)
    papers = sum(len(read_jsonl(p)) for p in label_files())
    print(f"{papers} labelled papers in {len(label_files())} digests; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
