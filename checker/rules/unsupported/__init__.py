"""Unsupported-claim rules (U): what a block says that the abstract gives no ground for.

One rule per file; ``checker.rules.registry`` lists them. The LLM judge's J102 is the judge's counterpart.
"""
