"""Claim rules (C): a summary that says something else than the abstract.

C101 flipped directions, C102 negations, C103-C108 overstatements (intensifiers, firsts, SOTA, proof, dropped
hedges), C109 summaries that belong to another paper. The analysis they read (alignment, lexicons, claim
readers) lives in ``checker.analysis``. One rule per file; ``checker.rules.registry`` lists them.
"""
