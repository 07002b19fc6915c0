"""Benchmark: audit a large digest end to end and compare with only reading it; time a day's digest.

    .venv/bin/python bench/run_bench.py                # 100k papers
    .venv/bin/python bench/run_bench.py --day-only     # a 228-paper day, end to end, 7 runs: median and spread
    .venv/bin/python bench/run_bench.py --day-only --day ../shared/data/real/<a day>.jsonl
    .venv/bin/python bench/run_bench.py --papers 20000 --json bench/out/bench.json
    .venv/bin/python bench/run_bench.py --papers 36500 --days 365   # a year of daily files, one folder
    .venv/bin/python bench/run_bench.py --papers 36500 --days 365 --jobs 1   # the same in one process

Builds bench/out/bench-<N>_AI_enhanced_Chinese.jsonl by repeating the real papers of
eval/data/base.jsonl under fresh arXiv ids, then times, each in its own process:
  parse-only  reading the file into Paper models (no rule runs, no output);
  audit       `digest-check audit FILE --format json --output ...` (all heuristic rules);
  --help      `digest-check --help` (import cost of the CLI).
  day         `digest-check audit DAY` (text to a pipe, as a user or a hook runs it), --day-runs times.
Peak memory is the child's max RSS. CPU seconds (user + system, the child and its workers) are given beside
wall seconds: on a shared machine they move less than wall time when other work competes for the cores.
Targets (issue 2): audit < 60 s for 100k papers on 2 cores, <= 3x parse-only, < 1 GB; --help < 0.5 s; a day
of 228 papers under 1 s end to end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARSE_ONLY = (
    "import sys\n"
    "from checker.read import discover_sources\n"
    "n = sum(1 for source in discover_sources([sys.argv[1]]).sources for _ in source.iter_papers())\n"
    "print(n)\n"
)


def build_digest(papers: int, out: Path, name: str = "bench", first_id: int = 0, first_paper: int = 0) -> Path:
    """out/<name>-<papers>_AI_enhanced_Chinese.jsonl: the real papers of eval/data/base.jsonl repeated under
    fresh arXiv ids (the n-th paper, counted from 0, is base paper first_paper + n, cycling, with the id
    paper_id(first_id + n)); built once, then reused."""
    path = out / f"{name}-{papers}_AI_enhanced_Chinese.jsonl"
    if path.exists():
        return path
    base = [json.loads(line) for line in (ROOT / "eval/data/base.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    out.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for n in range(papers):
            record = dict(base[(first_paper + n) % len(base)])
            record["id"] = paper_id(first_id + n)
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def build_days(papers: int, days: int, out: Path) -> Path:
    """out/year-<papers>-<days>/: the same papers as build_digest, split over ``days`` daily AI files
    (2025-01-01_AI_enhanced_Chinese.jsonl, ...), as a repository's data folder holds them; built once."""
    import datetime

    folder = out / f"year-{papers}-{days}"
    if folder.exists():
        return folder
    staging = out / f".year-{papers}-{days}.tmp"
    staging.mkdir(parents=True, exist_ok=True)
    per_day, first = -(-papers // days), datetime.date(2025, 1, 1)
    for day in range(days):
        count = min(per_day, papers - day * per_day)
        if count <= 0:
            break
        date = (first + datetime.timedelta(days=day)).isoformat()
        day_file = build_digest(count, staging, name=date, first_id=day * per_day, first_paper=day * per_day)
        day_file.rename(staging / f"{date}_AI_enhanced_Chinese.jsonl")
    staging.rename(folder)
    return folder


def paper_id(number: int) -> str:
    return f"{9000 + number // 100000:04d}.{number % 100000:05d}"


def _cpu_ticks() -> tuple[int, int]:
    """(steal, all) jiffies of this machine so far; (0, 0) where /proc/stat is missing."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError, IndexError):
        return 0, 0
    return (fields[7] if len(fields) > 7 else 0), sum(fields)


def timed(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB, and stdout of one child process."""
    wall, rss, stdout, _ = timed_cpu(command)
    return wall, rss, stdout


def timed_cpu(command: list[str]) -> tuple[float, float, str, float]:
    """Wall seconds, peak RSS in MB, stdout, and CPU seconds (user + system, with its workers) of one child."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{command} failed: {stderr[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, _peak_child_rss_mb(), stdout, cpu


def time_day(day: Path, runs: int) -> dict[str, object]:
    """`digest-check audit DAY` ``runs`` times: median, fastest and slowest wall and CPU seconds."""
    import statistics

    walls, cpus = [], []
    for _ in range(runs):
        wall, _, _, cpu = timed_cpu([sys.executable, "-m", "checker", "audit", str(day), "--fail-on", "never"])
        walls.append(wall)
        cpus.append(cpu)
    return {"day": str(day), "runs": runs, "wall_median_s": round(statistics.median(walls), 3),
            "wall_min_s": round(min(walls), 3), "wall_max_s": round(max(walls), 3),
            "cpu_median_s": round(statistics.median(cpus), 3)}


def _peak_child_rss_mb() -> float:
    """Largest RSS of any child process so far (Linux reports KB); the audit runs first, so this is its peak."""
    import resource

    return round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description="Time digest-check on a large digest.")
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--select", help="only these rules (passed to audit --select), e.g. F,O1")
    parser.add_argument("--days", type=int, default=0, help="split the papers over this many daily files")
    parser.add_argument("--jobs", type=int, help="worker processes for the audit (passed to audit --jobs)")
    parser.add_argument("--day", type=Path, help="the day to time (default: 228 real papers, built once)")
    parser.add_argument("--day-runs", type=int, default=7)
    parser.add_argument("--day-only", action="store_true", help="only time the day")
    args = parser.parse_args()
    day = time_day(args.day or build_digest(228, args.out, name="day"), args.day_runs)
    print(f"day               {day['wall_median_s']} s median of {day['runs']} "
          f"({day['wall_min_s']}-{day['wall_max_s']} s), CPU {day['cpu_median_s']} s: {day['day']}")
    if args.day_only:
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps({"day": day}, indent=2) + "\n", encoding="utf-8")
        return
    digest = build_days(args.papers, args.days, args.out) if args.days else build_digest(args.papers, args.out)
    python = sys.executable
    # Each measurement in a fresh interpreter; RUSAGE_CHILDREN is a running maximum, so audit goes first
    # and parse-only (smaller) cannot raise it.
    select = ["--select", args.select] if args.select else []
    select += ["--jobs", str(args.jobs)] if args.jobs is not None else []
    steal_before, ticks_before = _cpu_ticks()
    audit_s, audit_rss, _, audit_cpu = timed_cpu([python, "-m", "checker", "audit", str(digest), "--format", "json",
                                                  "--output", str(args.out / "audit.json"), "--fail-on", "never",
                                                  "--no-progress", *select])
    steal_after, ticks_after = _cpu_ticks()
    # On a shared virtual machine the host can take CPU away mid-run ("steal"); a high share explains a slow run.
    steal_pct = round(100 * (steal_after - steal_before) / max(ticks_after - ticks_before, 1), 1)
    parse_s, _, count = timed([python, "-c", PARSE_ONLY, str(digest)])
    help_s = min(timed([python, "-m", "checker", "--help"])[0] for _ in range(5))
    results = {
        "papers": int(count.strip()),
        "rules": args.select or "all",
        "jobs": args.jobs if args.jobs is not None else "default",
        "files": args.days or 1,
        "size_mb": round(sum(f.stat().st_size for f in ([digest] if digest.is_file() else digest.iterdir())) / 1e6, 1),
        "audit_s": round(audit_s, 2),
        "audit_cpu_s": round(audit_cpu, 2),
        "parse_only_s": round(parse_s, 2),
        "ratio": round(audit_s / parse_s, 2),
        "audit_peak_rss_mb": audit_rss,
        "help_s": round(help_s, 3),
        "cpus": os.cpu_count(),
        "cpu_steal_pct_during_audit": steal_pct,
        "day": day,
    }
    print(f"papers            {results['papers']} in {results['files']} file(s) ({results['size_mb']} MB), "
          f"rules: {results['rules']}")
    print(f"audit (json)      {results['audit_s']} s (CPU {results['audit_cpu_s']} s)   peak RSS {audit_rss} MB   "
          f"CPU stolen by the host {steal_pct}%")
    print(f"parse only        {results['parse_only_s']} s")
    print(f"audit / parse     {results['ratio']}x")
    print(f"--help            {results['help_s']} s (best of 5)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
