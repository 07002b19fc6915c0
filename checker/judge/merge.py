"""Merging judge findings into a paper's heuristic findings.

Where both found the same thing (same category, same block, overlapping span), one finding remains: the
heuristic's (its rule id and evidence), marked ``source: "heuristic+llm"`` with a higher confidence.
"""

from __future__ import annotations

from checker.model import Finding, finding_sort_key


def _overlap(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return a in b or b in a


def _same_issue(heuristic: Finding, judged: Finding) -> bool:
    if heuristic.category != judged.category or heuristic.block != judged.block:
        return False
    if judged.block is None:  # omissions: compare the abstract side
        return _overlap(heuristic.abstract_span, judged.abstract_span)
    return _overlap(heuristic.summary_span, judged.summary_span)


def combined_confidence(a: float, b: float) -> float:
    """Two independent signals: 1 - (1-a)(1-b), so agreement always raises confidence."""
    return round(1.0 - (1.0 - a) * (1.0 - b), 4)


def merge_findings(existing: list[Finding], judged: list[Finding]) -> list[Finding]:
    merged = list(existing)
    for finding in judged:
        match = next((i for i, h in enumerate(merged) if h.source == "heuristic" and _same_issue(h, finding)), None)
        if match is None:
            merged.append(finding)
            continue
        heuristic = merged[match]
        confidence = max(heuristic.confidence, combined_confidence(heuristic.confidence, finding.confidence))
        merged[match] = heuristic.model_copy(update={"source": "heuristic+llm", "confidence": confidence})
    return sorted(merged, key=finding_sort_key)
