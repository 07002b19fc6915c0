"""Number rules (N): invented or changed quantities and broken list numbering.

The extraction and matching live in ``checker.numbers``, the verdicts on each summary number in
``checker.analysis.number_verdicts``; these files only decide what to report. Dropped quantities (O201, O202)
are omission rules (``checker.rules.omissions``).
"""
