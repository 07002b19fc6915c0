"""Plain values and pure functions the tests share, for where a fixture cannot go.

Fixtures (tests/conftest.py) are the way in for anything a test needs at run time: ``fixture_path``,
``cli``, ``papers``, ``real_paper``, ``make_paper``, ``corpus_records``... This module holds what is needed
before a test runs (the name prefixes of the real digests, for ``pytest.mark.parametrize`` lists) and pure
functions of a report or a paper (``findings_of``, ``edited``). Import it as ``from helpers import ...``
(tests/ is on the path, as for judge_helpers.py); never import conftest.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.model import Severity
from checker.rules.spec import Rule

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DIGESTS = FIXTURES / "digests"  # real digest snippets, copied from ../shared/data/real
SEED = ROOT / "examples" / "seed-digest.md"

# The repositories the real digests come from: file names start with these.
DW = "dw-dengwei__daily-arXiv-ai-enhanced__"
XM = "xmkxabc__daily-arXiv-ai-enhanced__"
MY = "MYZhangwww__daily-arXiv-ai-enhanced__"


def digest_path(relative: str) -> Path:
    """A real digest snippet under tests/fixtures/digests; fails when it is missing."""
    path = DIGESTS / relative
    assert path.exists(), f"missing fixture {path}"
    return path


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.stdout)
        return data


def run_cli(*args: str | Path) -> CliResult:
    """Run ``digest-check`` in-process (fast) with stdout and stderr kept apart (the ``cli`` fixture)."""
    from typer.testing import CliRunner

    from checker.cli.app import app

    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    return CliResult(result.exit_code, result.stdout, result.stderr)


def findings_of(report: dict[str, Any], arxiv_id: str | None = None) -> list[dict[str, Any]]:
    """All findings of a JSON report, or those of one paper."""
    return [f for d in report["digests"] for p in d["papers"]
            if arxiv_id is None or p["arxiv_id"] == arxiv_id for f in p["findings"]]


def edited(paper: Any, block: str, old: str, new: str) -> Any:
    """A deep copy of a Paper with the first ``old`` in one block replaced (the way mutations are made)."""
    copy = paper.model_copy(deep=True)
    text = copy.blocks[block].text or ""
    assert old in text, f"{old!r} not in {block}"
    copy.blocks[block].text = text.replace(old, new, 1)
    return copy


def graded(rules: list[Rule], *graders: str) -> list[Rule]:
    """The rules, with the ceiling of the ``graders`` lifted: their findings show the rule's own grading of each
    hit (error, warning, info), before the engine caps it at the rule's calibrated severity
    (checker/data/calibration.json). Rules that leave the severity to their default are left as they are."""
    return [dataclasses.replace(rule, severity=Severity.error) if rule.id in graders else rule for rule in rules]
