"""Benchmark: a spot check (`digest-check paper`) end to end, from process start to exit.

    .venv/bin/python bench/spot_bench.py                 # 15 runs of each command
    .venv/bin/python bench/spot_bench.py --runs 30 --json bench/out/spot-bench.json

Times the real installed command (the `digest-check` script beside this Python, else
`python -m checker`), each run in its own process, output to a pipe, on digests in the repo:
  examples/seed-digest.md (88 papers, Markdown) and bench/out/spot-300_AI_enhanced_Chinese.jsonl
  (300 papers built from eval/data/base.jsonl under fresh arXiv ids; the last paper is asked for,
  so the whole file is read). Prints best and median wall seconds per command.
Target (issue 6): under 0.5 s for a heuristics-only spot check on a 300-paper digest; --help under 0.5 s.
A machine shared with other jobs shows it in the median first; the best run is the cost of the command.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_bench import build_digest, paper_id  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-digest.md"
TARGET_S = 0.5


def command_prefix() -> list[str]:
    script = Path(sys.executable).with_name("digest-check")
    return [str(script)] if script.exists() else [sys.executable, "-m", "checker"]


def time_runs(command: list[str], runs: int) -> list[float]:
    """Wall seconds of each run after one untimed warm-up; a run that does not exit 0 or 1 (findings) stops
    the benchmark. Bytecode is written as in a user's shell, even where PYTHONDONTWRITEBYTECODE is set."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    walls = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
        walls.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-500:]}")
    return walls[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (default 15)")
    parser.add_argument("--papers", type=int, default=300, help="papers in the JSONL digest (default 300)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    # ids from 9001.00001 on, apart from the big benchmark's (which start at 9000.00000)
    digest = build_digest(args.papers, ROOT / "bench" / "out", name="spot", first_id=100_001)
    last_id = paper_id(100_000 + args.papers)
    prefix = command_prefix()
    cases = [
        ("seed (88 papers, md), last paper by index", ["paper", "88", str(SEED)]),
        ("seed (88 papers, md), by title words (reads all)", ["paper", "Plan Reuse", str(SEED)]),
        (f"{args.papers}-paper JSONL, last paper by index", ["paper", str(args.papers), str(digest)]),
        (f"{args.papers}-paper JSONL, last paper by arXiv id", ["paper", last_id, str(digest)]),
        (f"{args.papers}-paper JSONL, last paper, --format json", ["paper", str(args.papers), str(digest), "-f", "json"]),
        ("--help", ["--help"]),
    ]
    results = []
    print(f"{'best s':>7} {'median s':>8}  command ({args.runs} runs each, target < {TARGET_S} s)")
    for label, arguments in cases:
        walls = time_runs(prefix + arguments, args.runs)
        best, median = min(walls), statistics.median(walls)
        flag = "" if best < TARGET_S else "  <- over target"
        print(f"{best:7.3f} {median:8.3f}  {label}{flag}")
        results.append({"case": label, "command": ["digest-check", *arguments], "runs": args.runs,
                        "best_s": round(best, 4), "median_s": round(median, 4)})
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
