"""首次/第一个/首个 claim a first the abstract does not claim.

## What it catches
In a Chinese digest, each clause with 首次, 第一个, 首个, 首创, 率先 or 开创性, when the abstract says neither
first, pioneer(ing), unprecedented or inaugural, nor "to our knowledge", "for the first time", "prior to our
work", "previously unknown", and the title has no "first". The evidence is the abstract sentence aligned with
the clause, else the first that proposes, introduces or presents.

## Why it matters
Priority is a strong claim that readers repeat and reviewers check; an LLM adds it to sound impressive, and a
reader cannot tell it did.

## Example
Example (2602.10624): "DermFM-Zero：首个无需任务特定微调的皮肤病学视觉语言基础模型" against "Here, we
introduce DermFM-Zero, a dermatology vision-language foundation model".

## Stays quiet on
Any abstract or title that claims a first (once licensed, every such clause of the paper passes); digests not
in Chinese.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import lexicon as lx
from checker.analysis.clauses import chinese_paper, evidence_for, matching_clauses
from checker.analysis.context import PaperContext
from checker.analysis.keys import has_any
from checker.analysis.per_paper import padded_abstract
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec

_PROPOSE_KEYS = ("propos", "introduc", "present")


def unlicensed_first(ctx: PaperContext) -> Iterator[Hit]:
    if not chinese_paper(ctx):
        return
    for block, clause in matching_clauses(ctx, lx.ZH_FIRST):
        abstract = padded_abstract(ctx)
        if has_any(abstract, lx.EN_FIRST) or has_any(abstract, lx.EN_FIRST_PHRASES) or "first" in ctx.paper.title.lower():
            return
        yield Hit("a claim of being first that the abstract does not make", block, clause,
                  evidence_for(ctx, clause, tuple(f" {k}" for k in _PROPOSE_KEYS)), confidence=0.6)


RULE = RuleSpec(
    id="C104",
    name="unlicensed-first",
    category=Category.mismatched_claim,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=unlicensed_first,
    needs=Needs.ABSTRACT,
)
