"""The LLM judge could not judge this paper (API error, refusal, invalid output after one repair).

## What it catches
A paper the judge was asked about but returned no usable judgment for: the API failed after all retries, the
model refused, its output stayed invalid after one repair request, or the call raised an unexpected error. One
finding per paper; the paper is also listed as unjudged in the report.

## Why it matters
A paper without judge findings looks clean; this finding says it was never judged, so the absence of J
findings means nothing for it.

## Example
Example: HTTP 500 after all retries; the paper is marked unjudged, never passed.
Produced only with ``--llm``.

## Stays quiet on
Papers the judge judged (even with no finding) or found in its cache; papers without an English abstract or
summary text, and papers past the cost or token limit (listed as unjudged, without this finding); papers
``--llm-on`` left out; runs without ``--llm``.
"""

from __future__ import annotations

from checker.model import Category, Severity
from checker.rules.spec import Needs, RuleSpec

RULE = RuleSpec(
    id="J901",
    name="judge-failed",
    # No category fits "could not be checked"; unsupported_claim is the closest: nothing was verified.
    category=Category.unsupported_claim,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=None,
    needs=Needs.ABSTRACT,
)
