"""Behaviour invariant for refactors: audit JSON of every real digest, `rules` listing, eval figures.

    .venv/bin/python eval/invariant.py --record eval/out/invariant   # before the change
    .venv/bin/python eval/invariant.py --check eval/out/invariant    # after: exit 1 on any difference

Audits every file of ../shared/data (when present) and examples/ one at a time with ``--format json``
(the version field blanked), prints ``digest-check rules --format markdown`` and ``rules --format json``
(without the doc text, which names modules),
and runs the eval scripts that need no network (mutation scores on the default draw without the corpus,
real overclaims, precision labels). Outputs are compared byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
CLI = [sys.executable, "-m", "checker"]


def _inputs() -> list[Path]:
    files = sorted((ROOT / "examples").glob("*.md"))
    if SHARED.is_dir():
        files += sorted(p for p in SHARED.rglob("*") if p.suffix in {".jsonl", ".md"} and p.name != "README.md")
    return files


def _run(args: list[str]) -> str:
    env = {**os.environ, "PYTHONHASHSEED": "0", "NO_COLOR": "1"}
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env=env)
    return done.stdout


def _blank_version(text: str) -> str:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return text
    if isinstance(data, dict) and "version" in data:
        data["version"] = ""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)


def outputs() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in _inputs():
        key = f"audit/{path.name}"
        found[key] = _blank_version(_run([*CLI, "audit", os.path.relpath(path, ROOT), "--format", "json", "--jobs", "1",
                                         "--no-progress", "--fail-on", "never"]))
    found["rules.md"] = _run([*CLI, "rules", "--format", "markdown"])
    # The rule docs may name modules, which a move renames: compare everything but the doc text.
    rules = json.loads(_run([*CLI, "rules", "--format", "json"]))
    found["rules.json"] = json.dumps([{k: v for k, v in r.items() if k != "doc"} for r in rules], indent=1)
    found["eval/score"] = _run([sys.executable, "eval/score.py", "--no-corpus"])
    found["eval/overclaims"] = _run([sys.executable, "eval/overclaims.py"])
    found["eval/precision"] = _run([sys.executable, "eval/precision.py"])
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--record", type=Path)
    mode.add_argument("--check", type=Path)
    args = parser.parse_args()
    found = outputs()
    if args.record:
        args.record.mkdir(parents=True, exist_ok=True)
        for key, text in found.items():
            target = args.record / (key.replace("/", "__") + ".out")
            target.write_text(text, encoding="utf-8")
        print(f"recorded {len(found)} outputs in {args.record}")
        return 0
    changed = []
    for key, text in found.items():
        target = args.check / (key.replace("/", "__") + ".out")
        before = target.read_text(encoding="utf-8") if target.exists() else None
        if before != text:
            changed.append(key)
            print(f"CHANGED {key} ({hashlib.sha1(text.encode()).hexdigest()[:8]})")
    print(f"{len(found) - len(changed)} of {len(found)} outputs identical")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
