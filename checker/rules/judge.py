"""The judge's rule ids (J...): listed by ``digest-check rules`` but produced only by the judge runner."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from checker.model import Category, Severity
from checker.rules.registry import Hit, Rule

if TYPE_CHECKING:
    from checker.analysis.context import PaperContext

J_CONTRADICTED = "J101"
J_UNSUPPORTED = "J102"
J_NUMBER_ERROR = "J103"
J_MISSING_FACT = "J201"
J_FAILED = "J901"


def _judge_contradicted(ctx: PaperContext) -> Iterator[Hit]:
    """The LLM judge found a summary sentence that the abstract contradicts (with a verbatim quote).

    Example (seed-digest, constructed swap): summary says the method "降低了" accuracy while the
    abstract says "improves accuracy"; the judge quotes "improves accuracy".
    Produced only with ``--llm``; the heuristic engine never runs it.
    """
    return iter(())


def _judge_unsupported(ctx: PaperContext) -> Iterator[Hit]:
    """The LLM judge found a summary sentence that the abstract does not support.

    Example: a Result sentence naming a benchmark that the abstract never mentions.
    Produced only with ``--llm``.
    """
    return iter(())


def _judge_number_error(ctx: PaperContext) -> Iterator[Hit]:
    """The LLM judge found a number in a summary sentence that differs from the abstract's.

    Example: summary "准确率提升了15%" where the abstract says "improves accuracy by 5%".
    Produced only with ``--llm``.
    """
    return iter(())


def _judge_missing_fact(ctx: PaperContext) -> Iterator[Hit]:
    """A key fact of the abstract (number or name, extracted by rule) is covered by no summary sentence.

    Example: abstract "achieves 93.5% on GSM8K" while no block mentions 93.5% or GSM8K.
    Produced only with ``--llm``; the checklist comes from the abstract, not from the LLM.
    """
    return iter(())


def _judge_failed(ctx: PaperContext) -> Iterator[Hit]:
    """The LLM judge could not judge this paper (API error, refusal, invalid output after one repair).

    Example: HTTP 500 after all retries; the paper is marked unjudged, never passed.
    Produced only with ``--llm``.
    """
    return iter(())


_SPECS: tuple[tuple[str, str, Category, Severity, object], ...] = (
    (J_CONTRADICTED, "judge-contradicted", Category.mismatched_claim, Severity.error, _judge_contradicted),
    (J_UNSUPPORTED, "judge-unsupported", Category.unsupported_claim, Severity.warning, _judge_unsupported),
    (J_NUMBER_ERROR, "judge-number-error", Category.hallucinated_number, Severity.error, _judge_number_error),
    (J_MISSING_FACT, "judge-missing-fact", Category.omission, Severity.info, _judge_missing_fact),
    # No category fits "could not be checked"; unsupported_claim is the closest: nothing was verified.
    (J_FAILED, "judge-failed", Category.unsupported_claim, Severity.info, _judge_failed),
)


@lru_cache(maxsize=1)
def judge_rules() -> list[Rule]:
    """Rule records for the judge's findings (scope "paper", but their functions yield nothing)."""
    rules: list[Rule] = []
    for rule_id, name, category, severity, func in _SPECS:
        rules.append(Rule(rule_id, name, category, severity, "paper", True, func))  # type: ignore[arg-type]
    return rules


def judge_rule(rule_id: str) -> Rule:
    for rule in judge_rules():
        if rule.id == rule_id:
            return rule
    raise KeyError(rule_id)

