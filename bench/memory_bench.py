"""Benchmark: peak memory of `digest-check audit` as the input grows, per output format.

    .venv/bin/python bench/memory_bench.py                       # 300k papers, every format
    .venv/bin/python bench/memory_bench.py --papers 1000000 --formats json,sarif
    .venv/bin/python bench/memory_bench.py --papers 300000 --distinct   # no two papers share a term set
    .venv/bin/python bench/memory_bench.py --papers 300000 --days 365   # the same papers in daily files

Builds a synthetic JSONL digest from the real records of eval/data/base.jsonl (bench/run_bench.py's
build_digest: the 297 real papers repeated under fresh arXiv ids), then runs each format in a fresh process:
`python -m checker audit FILE -f FORMAT -o OUT --fail-on never --no-progress`. While it runs, /proc is read
every 0.1 s for the command and every process below it (no psutil): each process's VmHWM (its peak resident
set) is kept, so the main process and each worker process get their own peak. wait4() gives the largest
resident set of the whole tree as the kernel counts it, as a check on the sampling.

--distinct appends a made-up name unique to each paper (``Zq<n>-Net``) to its abstract and its TL;DR, so that
no two papers share their term sets: the worst case for what the digest rules keep per paper (the repeated
records of the plain input share theirs).

The target (issue 13): 300k papers peak at 600 MB or less, the main process and each worker; 1M papers in
the same memory.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from run_bench import build_days, build_digest, paper_id  # noqa: E402

FORMATS = ("text", "json", "github", "sarif", "junit")
PAGE_KB = 1


@dataclass
class Peaks:
    main_kb: int = 0
    workers_kb: dict[int, int] = field(default_factory=dict)


def build_distinct(papers: int, out: Path) -> Path:
    """Like build_digest, with a name unique to each paper in its abstract and TL;DR (see the module's doc)."""
    path = out / f"distinct-{papers}_AI_enhanced_Chinese.jsonl"
    if path.exists():
        return path
    base = [json.loads(line) for line in (ROOT / "eval/data/base.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    out.mkdir(parents=True, exist_ok=True)
    staging = path.with_suffix(".tmp")
    with staging.open("w", encoding="utf-8") as handle:
        for n in range(papers):
            record = json.loads(json.dumps(base[n % len(base)]))
            record["id"] = paper_id(n)
            name = f"Zq{n}-Net"
            record["summary"] = f"{record.get('summary') or ''} We release {name} and {name}-{n % 997}."
            ai = record.get("AI") if isinstance(record.get("AI"), dict) else {}
            ai["tldr"] = f"{ai.get('tldr') or ''}（{name}，{name}-{n % 997}）"
            record["AI"] = ai
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    staging.rename(path)
    return path


def _children(pid: int) -> list[int]:
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            found += [int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
        except OSError:
            continue
    return found


def _hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def measure(command: list[str], interval: float = 0.1) -> tuple[int, float, float, Peaks, int, str]:
    """Run ``command``; return (exit code, wall s, CPU s of the tree, per-process peaks, wait4 peak KB,
    the end of stderr)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    os.set_blocking(process.stderr.fileno(), False)
    peaks = Peaks()
    err = b""
    status = None
    usage = None
    while status is None:
        peaks.main_kb = max(peaks.main_kb, _hwm_kb(process.pid))
        stack = _children(process.pid)
        while stack:
            child = stack.pop()
            peaks.workers_kb[child] = max(peaks.workers_kb.get(child, 0), _hwm_kb(child))
            stack += _children(child)
        try:
            chunk = process.stderr.read()
            if chunk:
                err = (err + chunk)[-4000:]
        except (BlockingIOError, TypeError):
            pass
        pid, code, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            status = os.waitstatus_to_exitcode(code)
            break
        time.sleep(interval)
    wall = time.perf_counter() - started
    assert usage is not None
    cpu = usage.ru_utime + usage.ru_stime
    with contextlib.suppress(BlockingIOError, TypeError):
        err += process.stderr.read() or b""
    process.stderr.close()
    process.returncode = status
    return status, wall, cpu, peaks, usage.ru_maxrss, err.decode("utf-8", "replace")[-1500:]


def main() -> None:
    parser = argparse.ArgumentParser(description="Peak memory of digest-check audit per output format.")
    parser.add_argument("--papers", type=int, default=300_000)
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated: " + ", ".join(FORMATS))
    parser.add_argument("--distinct", action="store_true", help="no two papers share a term (see the doc)")
    parser.add_argument("--days", type=int, default=0, help="split the papers over this many daily files")
    parser.add_argument("--select", help="only these rules (audit --select)")
    parser.add_argument("--jobs", type=int, help="worker processes (audit --jobs)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if args.distinct:
        digest = build_distinct(args.papers, args.out)
    elif args.days:
        digest = build_days(args.papers, args.days, args.out)
    else:
        digest = build_digest(args.papers, args.out)
    size = sum(f.stat().st_size for f in ([digest] if digest.is_file() else digest.iterdir()))
    print(f"input: {digest.relative_to(ROOT) if digest.is_relative_to(ROOT) else digest} "
          f"({args.papers} papers, {size / 1e6:.0f} MB), {os.cpu_count()} CPUs")
    print(f"{'format':<7} {'exit':>4} {'wall s':>8} {'cpu s':>8} {'main MB':>8} {'workers':>7} {'worker MB':>9} "
          f"{'tree MB':>8} {'output MB':>9}")
    results = []
    for fmt in args.formats.split(","):
        output = args.out / f"memory-{args.papers}.{fmt}"
        command = [sys.executable, "-m", "checker", "audit", str(digest), "-f", fmt, "-o", str(output),
                   "--fail-on", "never", "--no-progress"]
        command += ["--select", args.select] if args.select else []
        command += ["--jobs", str(args.jobs)] if args.jobs is not None else []
        code, wall, cpu, peaks, tree_kb, err = measure(command)
        worker_kb = max(peaks.workers_kb.values(), default=0)
        out_mb = output.stat().st_size / 1e6 if output.exists() else 0.0
        row = {"format": fmt, "papers": args.papers, "distinct": args.distinct, "days": args.days, "exit": code,
               "wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "main_peak_mb": round(peaks.main_kb / 1024, 1),
               "workers": len(peaks.workers_kb), "worker_peak_mb": round(worker_kb / 1024, 1),
               "tree_peak_mb": round(tree_kb / 1024, 1), "output_mb": round(out_mb, 1)}
        results.append(row)
        print(f"{fmt:<7} {code:>4} {wall:>8.1f} {cpu:>8.1f} {row['main_peak_mb']:>8} {row['workers']:>7} "
              f"{row['worker_peak_mb']:>9} {row['tree_peak_mb']:>8} {out_mb:>9.1f}", flush=True)
        if code not in (0, 1):
            print(err, file=sys.stderr)
        output.unlink(missing_ok=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
