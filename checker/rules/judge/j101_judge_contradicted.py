"""The LLM judge found a summary sentence that the abstract contradicts (with a verbatim quote).

## What it catches
A summary claim (a sentence, or a part of a long one) the judge labels "mismatched": contradicted, or
overstated against the abstract (strength, certainty, resolution, causality, scope, bounds, novelty, state of
the art, wrong baseline, mistranslated term: the real error classes, one category with the rules'
mismatched claims). The quote must be found in the abstract by checker.judge.verify (after unifying quotes,
dashes, LaTeX and spacing) and hold at least four words. One finding per sentence and family after merging.

## Why it matters
Contradictions the rules have no pattern for (a swapped subject, a wrong condition, a reversed comparison in
words) are the errors that most mislead a reader; the quote makes each one checkable in seconds.

## Example
Example (seed-digest, constructed swap): summary says the method "降低了" accuracy while the
abstract says "improves accuracy"; the judge quotes "improves accuracy".
Produced only with ``--llm``; the heuristic engine never runs it.

## Stays quiet on
Verdicts without a quote, or with a quote the abstract does not hold (dropped and counted as discarded);
sentence ids the request did not send; a sentence judged twice (the first verdict counts); runs without
``--llm``, and papers the judge did not select (``--llm-on flagged`` or a sample).
"""

from __future__ import annotations

from checker.model import Category, Severity
from checker.rules.spec import Needs, RuleSpec

RULE = RuleSpec(
    id="J101",
    name="judge-contradicted",
    category=Category.mismatched_claim,
    severity=Severity.warning,  # unmeasured: no labelled run of the judge yet (digest-check eval --llm)
    scope="paper",
    doc=__doc__ or "",
    check=None,
    needs=Needs.ABSTRACT,
)
