"""The LLM judge found a summary sentence that the abstract does not support.

## What it catches
A summary sentence the judge labels "unsupported": nothing in the abstract backs it. A quote is optional
(there may be nothing to quote), but one that is given must be in the abstract. One finding per sentence.

## Why it matters
Summaries fill gaps with plausible detail from the model's memory (a benchmark, a mechanism, an application);
readers cannot tell it from what the paper says.

## Example
Example: a Result sentence naming a benchmark that the abstract never mentions.
Produced only with ``--llm``.

## Stays quiet on
Verdicts whose quote is not in the abstract (dropped and counted as discarded); sentence ids the request did
not send; runs without ``--llm``, and papers the judge did not select.
"""

from __future__ import annotations

from checker.model import Category, Severity
from checker.rules.spec import Needs, RuleSpec

RULE = RuleSpec(
    id="J102",
    name="judge-unsupported",
    category=Category.unsupported_claim,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=None,
    needs=Needs.ABSTRACT,
)
