"""A rule that raises must not stop the audit: the paper gets an info finding naming the rule's error."""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.engine.audit import check_paper
from checker.model import Block, Category, Paper, Severity
from checker.rules.registry import Hit, Rule


def _broken(ctx: PaperContext) -> Iterator[Hit]:
    raise KeyError("thirds")
    yield  # pragma: no cover


def _fine(ctx: PaperContext) -> Iterator[Hit]:
    yield Hit(message="still runs", block="tldr")


def test_a_raising_rule_becomes_an_info_finding_and_the_others_still_run() -> None:
    paper = Paper(arxiv_id="2401.00001", line=3, abstract="An abstract.",
                  blocks={"tldr": Block(name="tldr", text="摘要", line=4)})
    rules = [Rule("X901", "broken", Category.format, Severity.error, "paper", doc="Raises.", check=_broken),
             Rule("X902", "fine", Category.format, Severity.warning, "paper", doc="Finds.", check=_fine)]
    findings = check_paper(paper, "zh", rules)
    broken = next(f for f in findings if f.rule == "X901")
    assert broken.severity is Severity.info and "KeyError" in broken.message and broken.line == 3
    assert any(f.rule == "X902" and f.message == "still runs" for f in findings)
