"""Corrupted real digests (bytes cut, inserted, shuffled, junk) never raise: the audit and every renderer finish.

A seeded sample runs here; `.venv/bin/python tests/test_fuzz_inputs.py 600` runs a larger one."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from checker.engine.audit import AuditOptions, audit
from checker.read import discover_sources
from checker.render.github import render_github
from checker.render.json_report import render_json
from checker.render.junit import render_junit
from checker.render.markdown import render_markdown
from checker.render.sarif import render_sarif
from checker.render.text import render_text
from checker.rules.registry import all_rules

DIGESTS = sorted(p for p in (Path(__file__).parent / "fixtures" / "digests").rglob("*")
                 if p.is_file() and p.suffix in (".md", ".jsonl"))
JUNK = [b"\x00", b"\xff\xfe", b"\x1b[31m", b"\xe4\xb8", "\u202e".encode(), b"\r", b"{", b"}", b'"', b"\\u12", b"\n",
        b"<details>", b"**TL;DR**:", b"## ", b"$", b"\\frac{", b"1e999", b"NaN", b"null", b"[]", b"\t" * 50,
        "\U0001F600".encode(), b"#" * 1000, b"0" * 400, b"-" * 50]


def corrupt(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 6)):
        operation, at = rng.randrange(6), rng.randrange(len(data) + 1)
        if operation == 0:
            data = data[:at] + rng.choice(JUNK) + data[at:]
        elif operation == 1:
            data = data[:at] + data[at + rng.randint(1, 200):]
        elif operation == 2:
            data = data[:at]
        elif operation == 3:
            lines = data.split(b"\n")
            rng.shuffle(lines)
            data = b"\n".join(lines)
        elif operation == 4:
            data = data[:at] + data[max(0, at - 300):at] + data[at:]
        else:
            data = data[:at] + bytes(rng.randrange(256) for _ in range(20)) + data[at + 20:]
    return data


def audit_and_render(path: Path) -> None:
    discovery = discover_sources([str(path)])
    report = audit(discovery.sources, AuditOptions(rules=all_rules(), jobs=1))
    report.problems = discovery.problems
    for render in (render_json, render_github, render_junit, render_sarif, render_text, render_markdown):
        assert isinstance(render(report), str)


@pytest.mark.parametrize("case", range(25))
def test_a_corrupted_real_digest_is_audited_without_raising(case: int, tmp_path: Path) -> None:
    rng = random.Random(f"fuzz:{case}")
    source = rng.choice(DIGESTS)
    path = tmp_path / source.name  # the file name keeps the date and language the reader looks at
    path.write_bytes(corrupt(source.read_bytes(), rng))
    audit_and_render(path)


if __name__ == "__main__":
    import tempfile

    for case in range(int(sys.argv[1]) if len(sys.argv) > 1 else 200):
        rng = random.Random(f"fuzz-run:{case}")
        source = rng.choice(DIGESTS)
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / source.name
            target.write_bytes(corrupt(source.read_bytes(), rng))
            audit_and_render(target)
    print("no exception")
