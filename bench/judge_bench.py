"""Judge benchmark: throughput against a local stub server, prompt size per paper, and dry-run costs.

    .venv/bin/python bench/judge_bench.py                    # 400 papers, 200 ms latency, concurrency 16
    .venv/bin/python bench/judge_bench.py --papers 400 --latency 0.2 --concurrency 16 --json bench/out/judge.json
    .venv/bin/python bench/judge_bench.py --costs            # dry-run cost per 100 papers of the seed, by model

Papers are the 88 real papers of examples/seed-digest.md repeated under fresh arXiv ids (no cache).
Targets (issue 5): wall time <= 1.3 x papers x latency / concurrency; prompt tokens per paper
<= 1.2 x (abstract + summary tokens) + 800.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.engine.audit import AuditOptions, audit  # noqa: E402
from checker.judge.prompts import load_prompts  # noqa: E402
from checker.judge.request import build_request, messages, system_message  # noqa: E402
from checker.judge.runner import apply_judge  # noqa: E402
from checker.judge.settings import JudgeSettings, PaperSelection  # noqa: E402
from checker.judge.tokens import token_counter  # noqa: E402
from checker.model import BLOCK_NAMES  # noqa: E402
from checker.read import discover_sources, read_digest  # noqa: E402

SEED = ROOT / "examples" / "seed-digest.md"
BASE_URLS = {"deepseek": "https://api.deepseek.com", "qwen": "https://dashscope.aliyuncs.com/compatible-mode/v1"}
COST_MODELS = ["gpt-4o-mini", "gpt-4.1-mini", "gpt-4.1-nano", "gpt-4o", "deepseek-chat", "qwen-plus"]


def write_digest(folder: Path, count: int) -> Path:
    papers = [p for p in read_digest(SEED).papers if p.abstract]
    path = folder / "bench__2099-01-01_AI_enhanced_Chinese.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            paper = papers[i % len(papers)]
            record = {"id": f"2599.{i:05d}", "title": paper.title, "summary": paper.abstract,
                      "AI": {name: paper.block_text(name) for name in BLOCK_NAMES}}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def prompt_tokens(path: Path, model: str, json_object: bool = False) -> dict[str, float]:
    """Tokens per request (by the judge's counter), the fixed prefix (the system prompt, the same for every
    paper) apart: the rest must stay within 1.2 x (abstract + summary) + 800."""
    count = token_counter(model).count
    prompts = load_prompts()
    fixed = count(system_message(prompts, json_object))
    worst, total, over, n = 0.0, 0, 0, 0
    for paper in read_digest(path).papers:
        request = build_request(paper)
        if request is None:
            continue
        sent = sum(count(m["content"]) for m in messages(request, prompts, json_object=json_object))
        allowed = 1.2 * (count(paper.abstract or "") + sum(count(paper.block_text(b)) for b in BLOCK_NAMES)) + 800
        worst = max(worst, (sent - fixed) / allowed)
        total += sent
        over += sent - fixed > allowed
        n += 1
    return {"papers": n, "mean_prompt_tokens": round(total / max(n, 1), 1), "fixed_prefix_tokens": fixed,
            "worst_ratio_to_allowed": round(worst, 3), "papers_over_allowed": over}


def throughput(path: Path, papers: int, latency: float, concurrency: int) -> dict[str, float]:
    stub = subprocess.Popen([sys.executable, str(ROOT / "bench" / "judge_stub_server.py"), "--latency", str(latency),
                             "--idle", "20", "--deadline", "300", "--max-requests", str(papers * 3)],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert stub.stdout is not None
        port = stub.stdout.readline().strip().rsplit(":", 1)[1]
        discovery = discover_sources([str(path)])
        report = audit(discovery.sources, AuditOptions(rules=[]))  # --llm-on all needs no heuristics
        settings = JudgeSettings(model="gpt-4o-mini", base_url=f"http://127.0.0.1:{port}/v1", api_key="bench",
                                 use_cache=False, concurrency=concurrency, retries=0, progress=False,
                                 selection=PaperSelection("all"))
        started = time.perf_counter()
        summary = apply_judge(report, discovery.sources, settings)
        wall = time.perf_counter() - started
    finally:
        stub.terminate()
        stub.wait(timeout=10)
    ideal = papers * latency / concurrency
    return {"papers": papers, "judged": summary.papers_judged, "failed": summary.failed, "latency_s": latency,
            "concurrency": concurrency, "wall_s": round(wall, 2), "ideal_s": round(ideal, 2),
            "ratio_to_ideal": round(wall / ideal, 3)}


def costs() -> list[dict[str, object]]:
    rows = []
    for model in COST_MODELS:
        discovery = discover_sources([str(SEED)])
        report = audit(discovery.sources, AuditOptions(rules=[]))  # --llm-on all needs no heuristics
        settings = JudgeSettings(model=model, dry_run=True, use_cache=False, progress=False,
                                 base_url=BASE_URLS.get(model.split("-")[0], "https://api.openai.com/v1"))
        summary = apply_judge(report, discovery.sources, settings)
        per_100 = 100 / max(summary.requests, 1)
        rows.append({"model": model, "requests": summary.requests, "format": summary.response_format,
                     "input_tokens_per_100": round(summary.input_tokens * per_100),
                     "output_tokens_per_100_est": round(summary.estimated_output_tokens * per_100),
                     "usd_per_100": round(summary.cost_usd * per_100, 4), "tokenizer": summary.tokenizer})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=400)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--costs", action="store_true", help="only the dry-run cost table")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if args.costs:
        result: object = costs()
    else:
        with tempfile.TemporaryDirectory() as tmp:
            path = write_digest(Path(tmp), args.papers)
            result = {"throughput": throughput(path, args.papers, args.latency, args.concurrency),
                      "prompt_tokens_json_schema": prompt_tokens(path, "gpt-4o-mini"),
                      "prompt_tokens_json_object": prompt_tokens(path, "gpt-4o-mini", json_object=True)}
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
