"""Quality scores: 0-100 per paper and per digest, from the findings alone.

Formula (documented in docs/ci.md and in the report itself):

    paper score  = max(0, 100 - sum over findings of weight(severity) * confidence)
                   with weight(error) = 20, weight(warning) = 8, weight(info) = 2
    digest score = mean of its paper scores (papers the pipeline dropped count, with their findings)

100 means no finding; five errors, or one error and ten warnings, reach 0.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.model import Finding, Severity

WEIGHTS: dict[Severity, float] = {Severity.error: 20.0, Severity.warning: 8.0, Severity.info: 2.0}
FORMULA = ("paper score = max(0, 100 − Σ weight × confidence) with weight error 20, warning 8, info 2; "
           "digest score = mean paper score")


def paper_score(findings: Iterable[Finding]) -> float:
    penalty = sum(WEIGHTS[f.severity] * max(0.0, min(f.confidence, 1.0)) for f in findings)
    return round(max(0.0, 100.0 - penalty), 1)


def digest_score(paper_scores: list[float]) -> float:
    return round(sum(paper_scores) / len(paper_scores), 1) if paper_scores else 100.0
