"""Build the mutation base corpus (eval/data/base.jsonl) from real digests.

The base is committed, so the harness runs without ../shared. Rebuild it with:
    .venv/bin/python eval/build_base.py --shared ../shared/data
Papers are taken whole from real files: the seed digest (all 88) plus a seeded sample of papers
whose five blocks are real Chinese text, from the Chinese JSONL digests of the dev corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.engine.audit import check_paper  # noqa: E402
from checker.model import BLOCK_NAMES, Paper  # noqa: E402
from checker.read import read_digest  # noqa: E402
from checker.rules.registry import select_rules  # noqa: E402

SAMPLED_FILES = (
    "dw-dengwei__daily-arXiv-ai-enhanced__2025-09-16_AI_enhanced_Chinese.jsonl",
    "dw-dengwei__daily-arXiv-ai-enhanced__2026-02-12_AI_enhanced_Chinese.jsonl",
    "dw-dengwei__daily-arXiv-ai-enhanced__2026-05-21_AI_enhanced_Chinese.jsonl",
    "xmkxabc__daily-arXiv-ai-enhanced__2025-06-06_AI_enhanced_Chinese.jsonl",
    "xmkxabc__daily-arXiv-ai-enhanced__2025-06-23_AI_enhanced_Chinese.jsonl",
    "MYZhangwww__daily-arXiv-ai-enhanced__2026-02-25_AI_enhanced_Chinese.jsonl",
    "zzhaozeng__daily-arXiv-ai-enhanced__2025-12-20_AI_enhanced_Chinese.jsonl",
)
PER_FILE = 30


def _usable(paper: Paper) -> bool:
    """A paper the format rules find nothing wrong with: a clean starting point for mutations."""
    if not paper.abstract or any(not paper.block_text(name) for name in BLOCK_NAMES):
        return False
    format_rules = select_rules(["F"], None)
    return not check_paper(paper, "zh", format_rules)


def _record(paper: Paper, source: str) -> dict[str, object]:
    return {
        "id": paper.arxiv_id,
        "title": paper.title,
        "summary": paper.abstract,
        "source": source,
        "AI": {name: paper.block_text(name) for name in BLOCK_NAMES},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "eval" / "data" / "base.jsonl")
    args = parser.parse_args()
    rng = random.Random(20261129)
    records = [_record(p, "seed-digest.md") for p in read_digest(args.shared / "seed-digest.md").papers
               if _usable(p)]
    seen = {r["id"] for r in records}
    for name in SAMPLED_FILES:
        papers = [p for p in read_digest(args.shared / "real" / name).papers if p.arxiv_id not in seen and _usable(p)]
        for paper in sorted(rng.sample(papers, min(PER_FILE, len(papers))), key=lambda p: p.index or 0):
            seen.add(paper.arxiv_id)
            records.append(_record(paper, name))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} papers to {args.out}")


if __name__ == "__main__":
    main()
