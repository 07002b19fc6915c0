"""Claim rules: flipped directions, negations, overstatements, foreign entities, misattached summaries.

Importing this package registers them, in this order.
"""

from checker.rules.claims import direction, entities, misattached, negation, overstatement  # noqa: F401
from checker.rules.claims.misattached import MISATTACHED_RULE_ID

__all__ = ["MISATTACHED_RULE_ID"]
