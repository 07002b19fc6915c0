"""Where the paper's own work begins in its abstract: the opening sentences before it set the scene.

Shared by the claim rules that discount the problem statements of the opening (C101, C102).
"""

from __future__ import annotations

from checker.analysis.clauses import own_sentences
from checker.analysis.context import PaperContext
from checker.analysis.per_paper import abstract_sentences


def opening_count(ctx: PaperContext) -> int:
    """How many abstract sentences come before the first about the paper's own work
    (checker.analysis.clauses.own_sentences)."""
    return len(abstract_sentences(ctx)) - len(own_sentences(ctx))
