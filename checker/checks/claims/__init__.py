"""Claim rules: flipped directions, negations, overstatements, foreign entities, misattached summaries.

Importing this package registers them, in this order.
"""

from checker.checks.claims import direction, entities, misattached, negation, overstatement  # noqa: F401
from checker.checks.claims.shared import MISATTACHED_RULE_ID

__all__ = ["MISATTACHED_RULE_ID"]
