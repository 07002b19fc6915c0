"""CPU cost of each heuristic rule, in microseconds per paper, on real papers.

    .venv/bin/python bench/rule_costs.py                  # all rules, 2000 papers
    .venv/bin/python bench/rule_costs.py --select C1,U --papers 3000 --passes 5

Papers come from bench/out/bench-<N>_AI_enhanced_Chinese.jsonl (built by bench/run_bench.py from the real
papers of eval/data/base.jsonl; built here when missing). Each rule is timed with process CPU time, and the
figure is the best of several passes, so other jobs on the machine inflate it less. Shared per-paper analyses
(script counts, number views, clause alignment) are charged to the first rule that asks for them. The C109
terms are not a paper rule: they are timed as "C109 terms" (what each worker computes for the digest stage).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run_bench import build_digest  # noqa: E402

from checker.analysis.context import PaperContext  # noqa: E402
from checker.analysis.terms import salient_prose_terms, salient_terms  # noqa: E402
from checker.model import BLOCK_NAMES, Paper  # noqa: E402
from checker.read.jsonl import iter_jsonl_papers  # noqa: E402
from checker.rules.registry import all_rules  # noqa: E402


def _terms(paper: Paper) -> None:
    salient_prose_terms(f"{paper.title} {paper.abstract or ''}")
    salient_terms(" ".join(paper.block_text(name) for name in BLOCK_NAMES))


def main() -> None:
    parser = argparse.ArgumentParser(description="Microseconds of CPU per paper for each rule.")
    parser.add_argument("--papers", type=int, default=2000)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--select", default="", help="rule id prefixes, comma-separated (default: all)")
    args = parser.parse_args()
    digest = build_digest(10_000, ROOT / "bench" / "out")
    papers = list(itertools.islice(iter_jsonl_papers(digest, lambda problem: None), args.papers))
    prefixes = [p for p in args.select.split(",") if p] or [""]
    rules = [r for r in all_rules() if r.scope == "paper" and r.check is not None and any(r.id.startswith(p) for p in prefixes)]
    best: dict[str, float] = defaultdict(lambda: float("inf"))
    parse_best = terms_best = total_best = float("inf")
    for _ in range(args.passes):
        start = time.process_time()
        list(itertools.islice(iter_jsonl_papers(digest, lambda problem: None), args.papers))
        parse_best = min(parse_best, time.process_time() - start)
        spent: dict[str, float] = defaultdict(float)
        start = time.process_time()
        for paper in papers:
            ctx = PaperContext(paper=paper, language="zh")
            for rule in rules:
                if rule.needs_abstract and not paper.abstract:
                    continue
                before = time.process_time()
                list(rule.check(ctx))
                spent[rule.id] += time.process_time() - before
        total_best = min(total_best, time.process_time() - start)
        for rule_id, seconds in spent.items():
            best[rule_id] = min(best[rule_id], seconds)
        start = time.process_time()
        for paper in papers:
            _terms(paper)
        terms_best = min(terms_best, time.process_time() - start)

    def per_paper(seconds: float) -> str:
        return f"{seconds / len(papers) * 1e6:7.0f}"

    print(f"{len(papers)} papers, best of {args.passes} passes, microseconds of CPU per paper")
    print(f"{per_paper(parse_best)}  reading (JSONL -> Paper)")
    print(f"{per_paper(total_best)}  all selected rules")
    if prefixes == [""] or any("C109".startswith(p) for p in prefixes):
        print(f"{per_paper(terms_best)}  C109 terms")
    for rule_id, seconds in sorted(best.items(), key=lambda item: (-item[1], item[0])):
        print(f"{per_paper(seconds)}  {rule_id}")


if __name__ == "__main__":
    main()
