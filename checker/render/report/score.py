"""Quality scores and statuses: 0-100 per paper and per digest, from the findings' own severities.

Formula (stated in the report itself and in report.json):

    paper score  = max(0, 100 − Σ weight(severity) × confidence)
                   weight: error 100, warning 10, info 2
                   a paper the pipeline dropped, or whose every block failed, scores 0
    digest score = mean paper score; none (grey) when the digest holds no paper at all

An error is a wrong or missing summary (a rule earns ``error`` only at 90% held-out precision), so one error at
full confidence takes the paper to 0 and a digest scores about its share of papers without an error (an error
below full confidence leaves a little): a day where every summary failed scores 0, a day with a fifth of its
papers in error about 80. Severities are
read from the findings, so a recalibrated rule moves the scores with it; no rule id is named here.

Statuses (the per-day bar) are exclusive, the first that applies: dropped (the AI file lost the paper), not
summarised (every block missing or a placeholder), error, warning, clean (no finding above info).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from checker.model import Finding, Severity

WEIGHTS: dict[Severity, float] = {Severity.error: 100.0, Severity.warning: 10.0, Severity.info: 2.0}
GOOD, FAILED = 90.0, 10.0  # a digest at or above GOOD is green; at or below FAILED it failed outright
FORMULA = ("paper score = max(0, 100 − Σ weight × confidence) with weight error 100, warning 10, info 2; "
           "a dropped or unsummarised paper scores 0; digest score = mean paper score, none for a digest "
           "without papers")


class Status(str, Enum):
    """What a reader of the digest gets for one paper, best to worst."""

    clean = "clean"
    warning = "warning"
    error = "error"
    not_summarised = "not-summarised"
    dropped = "dropped"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")


STATUS_ORDER: tuple[Status, ...] = tuple(Status)


def paper_status(findings: Iterable[Finding], *, dropped: bool = False, unsummarised: bool = False) -> Status:
    if dropped:
        return Status.dropped
    if unsummarised:
        return Status.not_summarised
    worst = max((f.severity.rank for f in findings), default=0)
    if worst >= Severity.error.rank:
        return Status.error
    return Status.warning if worst >= Severity.warning.rank else Status.clean


def paper_score(findings: Iterable[Finding], *, delivered: bool = True) -> float:
    """100 − the weighted findings, floored at 0; 0 for a paper with no summary to read (``delivered=False``)."""
    if not delivered:
        return 0.0
    penalty = sum(WEIGHTS[f.severity] * max(0.0, min(f.confidence, 1.0)) for f in findings)
    return round(max(0.0, 100.0 - penalty), 1)


def digest_score(paper_scores: list[float]) -> float | None:
    """The mean paper score; None for a digest without papers (an empty day is not a good day)."""
    return round(sum(paper_scores) / len(paper_scores), 1) if paper_scores else None


def band(score: float | None) -> str:
    """The colour class of a score: good (green), mid (amber), bad (red), grey (no score)."""
    if score is None:
        return "grey"
    return "good" if score >= GOOD else "mid" if score >= 50 else "bad"
