"""Claim rules: flipped directions, negations, overstatements, foreign entities, misattached summaries."""
