"""Layer 4, analysis: what the rules read from a paper before deciding anything.

Owns the per-paper context with its memo (``context``), the alignment of summary clauses to abstract
sentences (``align``, ``per_paper``, ``clauses``), the word lists (``lexicon``, ``keys``, ``concepts``,
``hedges``) and the claim readers (``valence``, ``objects``, ``decline``, ``worse``, ``bounds``,
``comparative``, ``entities``, ``misattached``, ``terms``), plus the display alignment of the report and the
``paper`` view (``display_align``). Imports only the model, text and numbers.
"""
