"""Omission rules (O): what the abstract says that the summary drops.

O1 papers the pipeline lost; O2 key numbers and numeric results; O3 the method's name and the benchmarks.
One rule per file; ``checker.rules.registry`` lists them.
"""
