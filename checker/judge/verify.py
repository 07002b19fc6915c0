"""Verifying the verifier: judge claims become findings only when their evidence checks out.

A claim is dropped (and counted) when its sentence id or key-fact id does not exist, or when its quote
is not in the abstract after whitespace/LaTeX normalisation. Contradicted and number-error claims need
a quote; unsupported ones may have none (there is nothing to quote), but a quote they give must be real.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from checker.engine.audit import hit_line
from checker.judge.request import JudgeRequest
from checker.judge.schema import Judgment
from checker.model import Finding, Paper
from checker.rules.judge import (
    j101_judge_contradicted,
    j102_judge_unsupported,
    j103_judge_number_error,
    j201_judge_missing_fact,
    j901_judge_failed,
)
from checker.rules.spec import Hit, RuleSpec

LLM_CONFIDENCE = 0.7
_LABEL_RULE = {"contradicted": j101_judge_contradicted.RULE, "unsupported": j102_judge_unsupported.RULE,
               "number_error": j103_judge_number_error.RULE}
_NEEDS_QUOTE = {"contradicted", "number_error"}

_LATEX_COMMAND = re.compile(r"\\[a-zA-Z]+\*?")
_LATEX_MARKUP = re.compile(r"[$\\{}^_~]")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "−": "-", "…": "..."})
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Comparable text: NFKC, typographic quotes/dashes unified, LaTeX markup and spacing removed."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _LATEX_COMMAND.sub(" ", text)
    text = _LATEX_MARKUP.sub(" ", text)
    text = _SPACE.sub(" ", text).strip().lower()
    return text.strip(" .\"'")


def quote_in_abstract(quote: str, abstract: str) -> bool:
    needle = normalize(quote)
    if len(needle) < 3:
        return False
    return needle in normalize(abstract) or needle.replace(" ", "") in normalize(abstract).replace(" ", "")


@dataclass
class Verified:
    findings: list[Finding] = field(default_factory=list)
    discarded: int = 0
    reasons: list[str] = field(default_factory=list)


def judgment_findings(paper: Paper, request: JudgeRequest, judgment: Judgment) -> Verified:
    result = Verified()

    def drop(reason: str) -> None:
        result.discarded += 1
        result.reasons.append(reason)

    seen: set[str] = set()
    for verdict in judgment.sentences:
        sentence = request.sentence(verdict.id.strip())
        if sentence is None:
            drop(f"unknown sentence id {verdict.id!r}")
            continue
        if sentence.id in seen:
            continue
        seen.add(sentence.id)
        if verdict.label == "supported":
            continue
        quote = (verdict.evidence or "").strip()
        if quote and not quote_in_abstract(quote, request.abstract):
            drop(f"{sentence.id}: quoted evidence not in the abstract")
            continue
        if not quote and verdict.label in _NEEDS_QUOTE:
            drop(f"{sentence.id}: {verdict.label} without a quote from the abstract")
            continue
        rule = _LABEL_RULE[verdict.label]
        hit = Hit(message=f"judge: {verdict.label.replace('_', ' ')} ({verdict.error_type}): {verdict.reason}",
                  block=sentence.block, summary_span=sentence.text, abstract_span=quote or None,
                  confidence=LLM_CONFIDENCE)
        result.findings.append(_finding(paper, rule, hit))
    facts_seen: set[str] = set()
    for fact_verdict in judgment.key_facts:
        fact = request.key_fact(fact_verdict.id)
        if fact is None:
            drop(f"unknown key fact id {fact_verdict.id!r}")
            continue
        if fact_verdict.id in facts_seen:
            continue
        facts_seen.add(fact_verdict.id)
        if fact_verdict.covered:
            if fact_verdict.sentence and request.sentence(fact_verdict.sentence.strip()) is None:
                drop(f"{fact_verdict.id}: covered by unknown sentence {fact_verdict.sentence!r}")
            continue
        hit = Hit(message=f"judge: key fact of the abstract not in the summary: {fact}",
                  abstract_span=fact, confidence=LLM_CONFIDENCE)
        result.findings.append(_finding(paper, j201_judge_missing_fact.RULE, hit))
    return result


def _finding(paper: Paper, rule: RuleSpec, hit: Hit) -> Finding:
    return Finding(rule=rule.id, name=rule.name, category=rule.category, severity=rule.severity,
                   block=hit.block, message=hit.message, summary_span=hit.summary_span,
                   abstract_span=hit.abstract_span, line=hit_line(paper, hit), source="llm",
                   confidence=hit.confidence)


def failed_finding(paper: Paper | None, arxiv_id: str, line: int | None, reason: str) -> Finding:
    rule = j901_judge_failed.RULE
    return Finding(rule=rule.id, name=rule.name, category=rule.category, severity=rule.severity,
                   message=f"judge failed, paper not judged: {reason}", line=paper.line if paper else line,
                   source="llm", confidence=1.0)
