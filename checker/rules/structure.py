"""Structural rules: blocks that are missing, placeholders, failed papers, broken abstracts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.model import BLOCK_LABELS, BLOCK_NAMES, Category, Severity
from checker.rules.registry import Hit, paper_rule
from checker.text.placeholders import is_placeholder
from checker.text.prose import STOPWORDS

_SENTENCE_END = tuple(".!?。)]\"'”’$}")


def _ends_like_sentence(abstract: str) -> bool:
    """True when the abstract ends a sentence, a URL, or a name/number (arXiv abstracts often lack a period)."""
    last = abstract.rstrip().rsplit(None, 1)[-1]
    return last.endswith(_SENTENCE_END) or "://" in last or any(ch.isupper() or ch.isdigit() for ch in last)


_WORD = re.compile(r"[A-Za-z]+")


def _truncation(abstract: str, title: str) -> str | None:
    """Why the abstract looks cut off, or None. About 1 in 200 real abstracts simply ends without a
    period ("... richer, more relevant research directions"), so a missing period alone is not enough:
    the text must stop at a round character budget (seed 2512.21152: 600 characters) or mid-word
    (2602.10967: "... how advanced models enhan")."""
    if len(abstract) <= 40 or _ends_like_sentence(abstract):
        return None
    length = len(abstract)
    if length >= 200 and length % 100 == 0:
        return f"it stops after exactly {length} characters, without ending its sentence"
    words = _WORD.findall(abstract)
    last = words[-1] if words else ""
    known = {w.lower() for w in _WORD.findall(title)} | {w.lower() for w in words[:-1]}
    if (last.islower() and len(last) <= 5 and not last.endswith("s") and last not in STOPWORDS
            and last not in known):
        return f"it stops mid-word ({last!r})"
    return None


def _all_failed(ctx: PaperContext) -> bool:
    return len(ctx.failed_blocks()) == len(BLOCK_NAMES)


@paper_rule("F101", "missing-block", Category.format, Severity.error)
def missing_block(ctx: PaperContext) -> Iterator[Hit]:
    """A block is missing, null or empty.

    Real example: xmkxabc 2025-06-06 has 74 papers whose ``conclusion`` is null; the
    Markdown renders it as ``Conclusion: None``.
    """
    if _all_failed(ctx):
        return
    for name in BLOCK_NAMES:
        if not ctx.paper.block_text(name):
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} is missing or empty")


@paper_rule("F102", "placeholder-block", Category.format, Severity.error)
def placeholder_block(ctx: PaperContext) -> Iterator[Hit]:
    """A block holds a fallback string instead of a summary.

    Real example: dw-dengwei 2026-05-21 writes "Result analysis unavailable"; xmkxabc
    2025-06-23 writes "Not mentioned in abstract"; others write "无" or "未在摘要中提及。".
    """
    if _all_failed(ctx):
        return
    for name in BLOCK_NAMES:
        text = ctx.paper.block_text(name)
        if text and is_placeholder(text):
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} is a placeholder: {text[:60]!r}",
                      summary_span=text[:200])


@paper_rule("F103", "paper-not-summarized", Category.format, Severity.error)
def paper_not_summarized(ctx: PaperContext) -> Iterator[Hit]:
    """Every block is missing or a placeholder: the LLM call failed for the whole paper.

    Real example: 48 of 231 papers of dw-dengwei 2026-05-21 carry the five fallbacks
    "Summary generation failed", "Motivation analysis unavailable", ... One finding per paper.
    """
    if _all_failed(ctx):
        sample = next((t for n in BLOCK_NAMES if (t := ctx.paper.block_text(n))), None)
        detail = f" (e.g. {sample[:60]!r})" if sample else ""
        yield Hit(message=f"no block was summarized{detail}", summary_span=sample)


@paper_rule("F104", "abstract-problem", Category.format, Severity.info)
def abstract_problem(ctx: PaperContext) -> Iterator[Hit]:
    """The English abstract itself is missing or cut off, so the summary cannot be fully checked.

    Real example: seed paper 81 (2512.21152) has an abstract that stops mid-sentence
    ("Experiments show \\mode reduces memory requirements"). The summary is not blamed.
    """
    abstract = ctx.paper.abstract
    if not abstract:
        yield Hit(message="no English abstract in the digest: content checks were skipped for this paper")
        return
    reason = _truncation(abstract, ctx.paper.title)
    if reason:
        yield Hit(message=f"the abstract seems truncated: {reason}", abstract_span=abstract[-80:])
