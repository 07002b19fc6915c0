"""The LLM judge found a number in a summary sentence that differs from the abstract's.

## What it catches
A summary sentence the judge labels "number_error", with a quote from the abstract holding the right number
that checker.judge.verify finds in the abstract. One finding per sentence.

## Why it matters
A wrong number is the most quoted error of a summary; the judge also catches numbers the rules cannot pair
(a number in words, a unit changed, a result put on the wrong benchmark).

## Example
Example: summary "准确率提升了15%" where the abstract says "improves accuracy by 5%".
Produced only with ``--llm``.

## Stays quiet on
Verdicts without a quote, or with a quote the abstract does not hold (dropped and counted as discarded);
sentence ids the request did not send; runs without ``--llm``, and papers the judge did not select.
"""

from __future__ import annotations

from checker.model import Category, Severity
from checker.rules.spec import Needs, RuleSpec

RULE = RuleSpec(
    id="J103",
    name="judge-number-error",
    category=Category.hallucinated_number,
    severity=Severity.warning,  # unmeasured: no labelled run of the judge yet (digest-check eval --llm)
    scope="paper",
    doc=__doc__ or "",
    check=None,
    needs=Needs.ABSTRACT,
)
