"""Verifying the verifier: judge claims become findings only when their evidence checks out.

A quote counts when it is in the abstract (after NFKC, quote/dash, LaTeX and spacing normalisation) and is at
least 4 words long, or, for a number error, holds a number. Then:
- a mismatched or number-error verdict without a quote that counts is dropped (and counted as discarded);
- an unsupported verdict whose quote fails keeps its verdict, without the quote (there may be nothing to quote);
- a hint verdict (confirm or reject a rule's finding) without a quote that counts is dropped;
- an id the request did not send is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from checker.engine.audit import hit_line
from checker.judge.request import Hint, JudgeRequest, Sentence
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
MIN_QUOTE_WORDS = 4
# mismatched is the rules' mismatched_claim category (J101, overstatement included); see schema.py.
_LABEL_RULE = {"mismatched": j101_judge_contradicted.RULE, "unsupported": j102_judge_unsupported.RULE,
               "number_error": j103_judge_number_error.RULE}
_NEEDS_QUOTE = {"mismatched", "number_error"}

_LATEX_COMMAND = re.compile(r"\\[a-zA-Z]+\*?")
_LATEX_MARKUP = re.compile(r"[$\\{}^_~]")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "−": "-", "…": "..."})
_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|"
    r"thousand|million|billion|half|twice|double|triple|dozen)\b", re.IGNORECASE)


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


def quote_counts(quote: str, abstract: str, number_error: bool = False) -> bool:
    """In the abstract, and long enough to mean something: 4+ words, or a number for a number error."""
    if not quote_in_abstract(quote, abstract):
        return False
    words = normalize(quote).split()
    return len(words) >= MIN_QUOTE_WORDS or (number_error and bool(_NUMBER.search(quote)))


@dataclass
class JudgedFinding:
    """A judge finding and the summary sentence it sits on (None for a key fact): merging is per sentence."""

    finding: Finding
    sentence: Sentence | None = None


@dataclass
class HintEffect:
    hint: Hint
    confirmed: bool
    reason: str
    quote: str


@dataclass
class Verified:
    findings: list[JudgedFinding] = field(default_factory=list)
    hints: list[HintEffect] = field(default_factory=list)
    discarded: int = 0
    quotes_dropped: int = 0  # unsupported verdicts kept without their failed quote
    reasons: list[str] = field(default_factory=list)


def judgment_findings(paper: Paper, request: JudgeRequest, judgment: Judgment) -> Verified:
    result = Verified()

    def drop(reason: str) -> None:
        result.discarded += 1
        result.reasons.append(reason)

    seen: set[str] = set()
    for verdict in judgment.sentences:
        sentence = request.sentence(verdict.id)
        if sentence is None:
            drop(f"unknown sentence id {verdict.id!r}")
            continue
        if sentence.id in seen:
            continue
        seen.add(sentence.id)
        if verdict.label == "supported":
            continue
        quote = (verdict.evidence or "").strip()
        if quote and not quote_counts(quote, request.abstract, verdict.label == "number_error"):
            if verdict.label in _NEEDS_QUOTE:
                drop(f"{sentence.id}: quoted evidence not in the abstract or too short")
                continue
            result.quotes_dropped += 1
            quote = ""
        if not quote and verdict.label in _NEEDS_QUOTE:
            drop(f"{sentence.id}: {verdict.label} without a quote from the abstract")
            continue
        rule = _LABEL_RULE[verdict.label]
        label = verdict.label.replace("_", " ")
        kind = f" ({verdict.kind})" if verdict.kind not in ("none", "other") else ""
        hit = Hit(message=f"judge: {label}{kind}: {verdict.reason}", block=sentence.block,
                  summary_span=sentence.text, abstract_span=quote or None, confidence=LLM_CONFIDENCE)
        result.findings.append(JudgedFinding(_finding(paper, rule, hit), sentence))
    facts_seen: set[str] = set()
    for fact_verdict in judgment.key_facts:
        fact = request.key_fact(fact_verdict.id)
        if fact is None:
            drop(f"unknown key fact id {fact_verdict.id!r}")
            continue
        if fact_verdict.id.strip() in facts_seen:
            continue
        facts_seen.add(fact_verdict.id.strip())
        if fact_verdict.covered:
            if fact_verdict.sentence and request.sentence(fact_verdict.sentence) is None \
                    and not any(s.sentence_id == fact_verdict.sentence.strip() for s in request.sentences):
                drop(f"{fact_verdict.id}: covered by unknown sentence {fact_verdict.sentence!r}")
            continue
        hit = Hit(message=f"judge: key fact of the abstract not in the summary: {fact}",
                  abstract_span=fact, confidence=LLM_CONFIDENCE)
        result.findings.append(JudgedFinding(_finding(paper, j201_judge_missing_fact.RULE, hit)))
    hints_seen: set[str] = set()
    for hint_verdict in judgment.hints:
        hint = request.hint(hint_verdict.id)
        if hint is None:
            drop(f"unknown hint id {hint_verdict.id!r}")
            continue
        if hint.id in hints_seen:
            continue
        hints_seen.add(hint.id)
        quote = (hint_verdict.evidence or "").strip()
        if not quote or not quote_counts(quote, request.abstract, hint.category == "hallucinated_number"):
            drop(f"{hint.id}: {hint_verdict.verdict} without a quote from the abstract")
            continue
        result.hints.append(HintEffect(hint, hint_verdict.verdict == "confirmed", hint_verdict.reason, quote))
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
