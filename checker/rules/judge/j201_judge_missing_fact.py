"""A key fact of the abstract (a claim or result sentence, chosen by rule) is covered by no summary sentence.

## What it catches
Each item of the checklist sent with the paper (up to 5 sentences taken verbatim from the abstract by
checker.judge.keyfacts: what the paper contributes and what it finds; never a background sentence, a bare
number word or a name) that the judge marks as covered by no summary sentence. One info finding per fact.

## Why it matters
Coverage is the other half of faithfulness: a summary can be right in every sentence and still leave out the
result the paper is about.

## Example
Example: the abstract's result sentence "achieves 93.5% on GSM8K" while no block reports that result.
Produced only with ``--llm``; the checklist comes from the abstract, not from the LLM.

## Stays quiet on
Facts the judge marks as covered (a covering sentence id the request did not send is dropped and counted);
fact ids not on the checklist; runs without ``--llm``, and papers the judge did not select.
"""

from __future__ import annotations

from checker.model import Category, Severity
from checker.rules.spec import Needs, RuleSpec

RULE = RuleSpec(
    id="J201",
    name="judge-missing-fact",
    category=Category.omission,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=None,
    needs=Needs.ABSTRACT,
)
