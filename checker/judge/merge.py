"""Merging the judge's findings and hint verdicts into a paper's findings of the rules.

- Hints: a rule finding the judge confirmed (with a quote) gains confidence, 1-(1-a)(1-b); one it rejected
  drops to info. Both are marked ``source: "heuristic+llm"``.
- Sentences: after merging there is one finding per summary sentence and category family (format, content)
  wherever the judge flagged that sentence. Of the judge's findings and the rules' findings on the sentence,
  the most severe stays (on a tie, the rules' finding: its rule id and evidence), with the confidence of both
  combined. So a J103 error no longer hides under an N102 info, and one sentence no longer gets both C103
  and J101.
- Key facts (no block): a rule's omission finding with an overlapping abstract span absorbs the judge's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from checker.judge.verify import LLM_CONFIDENCE, HintEffect, JudgedFinding
from checker.model import Category, Finding, Severity, finding_sort_key


def _overlap(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return a in b or b in a


def family(category: Category) -> str:
    return "format" if category is Category.format else "content"


def combined_confidence(a: float, b: float) -> float:
    """Two independent signals: 1 - (1-a)(1-b), so agreement always raises confidence."""
    return round(1.0 - (1.0 - a) * (1.0 - b), 4)


def _apply_hints(merged: list[Finding], hints: Iterable[HintEffect]) -> None:
    for effect in hints:
        hint = effect.hint
        index = next((i for i, f in enumerate(merged) if f.source == "heuristic" and f.rule == hint.rule
                      and f.block == hint.block and f.summary_span == hint.summary_span), None)
        if index is None:
            continue
        finding = merged[index]
        if effect.confirmed:
            confidence = max(finding.confidence, combined_confidence(finding.confidence, LLM_CONFIDENCE))
            merged[index] = finding.model_copy(update={"source": "heuristic+llm", "confidence": confidence})
        else:
            message = f"{finding.message} (the judge rejected it: {effect.reason[:120]})"
            merged[index] = finding.model_copy(update={"source": "heuristic+llm", "severity": Severity.info,
                                                       "message": message})


def _merge_sentence(merged: list[Finding], judged: Finding, sentence_text: str) -> None:
    group = [i for i, f in enumerate(merged) if f.block == judged.block
             and family(f.category) == family(judged.category) and _overlap(f.summary_span, sentence_text)]
    if not group:
        merged.append(judged)
        return
    members = [merged[i] for i in group] + [judged]
    rules = [f for f in members if f.source != "llm"]
    llm = [f for f in members if f.source != "heuristic"]
    # The most severe; on a tie the rules' finding (its rule id and evidence), then the lower rule id.
    kept = max(members, key=lambda f: (f.severity.rank, f.source != "llm", [-ord(c) for c in f.rule]))
    confidence = max(f.confidence for f in members)
    if rules and llm:
        confidence = max(confidence, combined_confidence(max(f.confidence for f in rules),
                                                         max(f.confidence for f in llm)))
    source = "heuristic+llm" if rules and llm else kept.source
    for i in sorted(group, reverse=True):
        del merged[i]
    merged.append(kept.model_copy(update={"source": source, "confidence": confidence}))


def _merge_fact(merged: list[Finding], judged: Finding) -> None:
    index = next((i for i, f in enumerate(merged) if f.source == "heuristic" and f.category == judged.category
                  and f.block is None and _overlap(f.abstract_span, judged.abstract_span)), None)
    if index is None:
        merged.append(judged)
        return
    finding = merged[index]
    confidence = max(finding.confidence, combined_confidence(finding.confidence, judged.confidence))
    merged[index] = finding.model_copy(update={"source": "heuristic+llm", "confidence": confidence})


def merge_findings(existing: list[Finding], judged: Sequence[JudgedFinding | Finding],
                   hints: Iterable[HintEffect] = ()) -> list[Finding]:
    merged = list(existing)
    _apply_hints(merged, hints)
    for item in judged:
        finding = item.finding if isinstance(item, JudgedFinding) else item
        sentence = item.sentence if isinstance(item, JudgedFinding) else None
        if finding.block is None:
            _merge_fact(merged, finding)
        else:
            _merge_sentence(merged, finding, sentence.whole if sentence is not None else finding.summary_span or "")
    return sorted(merged, key=finding_sort_key)
