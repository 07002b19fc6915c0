"""A block echoes the output schema or contains JSON/code fences of the generator.

## What it catches
A block that is the field description of the generator's output schema ("单个单词的摘要", "一句话核心创新
总结", "too long; didn't read", "short key result", "empty string if unknown" ..., without case) rather than a
summary: the description makes up at least half of the block, labels it (at its start, before a colon), or is
English inside a block of another language. And a block that holds the generator's own
markup: a code fence, a line opening with a JSON object or list, a quoted field name with a colon
(``"tldr":``), ``result = "``, or ``<think>``/``<answer>``/``<output>`` tags. One finding per block; a schema
echo is reported before markup.

## Why it matters
The model returned its instructions or raw output instead of a summary: the block is wrong for every reader,
and leaked JSON usually means the parser took the wrong part of the answer.

## Example
Real example: dw-dengwei 2025-09-16, 2509.11570 has the TL;DR "单个单词的摘要"
("a one-word summary"), the field description instead of a summary.

## Stays quiet on
What the paper writes itself: markup or a schema phrase that the abstract or title holds too (a paper on
reasoning traces that quotes its ``<think>`` tag; ``</think>`` counts as the same tag), compared without case
or spacing (checker.analysis.artifacts.in_reference). English prose that uses a schema phrase inside a longer
sentence ("The result of this paper shows..."); quotes and brackets in ordinary prose (a quoted term, a citation in
parentheses); block names used as words without a quote and a colon or equals sign after them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis.artifacts import around, in_reference
from checker.analysis.context import PaperContext
from checker.model import BLOCK_LABELS, Category, Severity
from checker.rules.spec import Hit, RuleSpec

# The generator's JSON or its schema leaking into a field.
_LEAK = re.compile(
    r"```|^\s*[\[{]\s*\"|\"(?:tldr|motivation|method|result|conclusion|task)\"\s*:"
    r"|\b(?:tldr|motivation|method|result|conclusion)\s*[:=]\s*\"|</?(?:think|answer|output)>",
    re.IGNORECASE | re.MULTILINE,
)
_SCHEMA_ECHO = (
    "单个单词的摘要",
    "一句话核心创新总结",
    "one-sentence core innovation summary",
    "too long; didn't read",
    "short motivation",
    "short method description",
    "short key result",
    "short conclusion",
    "empty string if unknown",
    "generate a too long",
    "motivation of this paper",
    "method of this paper",
    "result of this paper",
    "conclusion of this paper",
)
# Cheap substring screen: the leak pattern only runs on blocks that contain one of these.
_LEAK_SCREEN = ('"', "`", "<")
_SCHEMA_ECHO_LOWER = tuple(e.lower() for e in _SCHEMA_ECHO)
_TRIM = " .。:：\n\"'“”*#-"


def _schema_echo(text: str, reference: str, language: str) -> str | None:
    """The field description the block repeats: most of the block, its label (at the start, before a colon), or
    English inside a block of another language. English prose that merely uses "the result of this paper" in a
    sentence is not one, nor are words the paper writes itself."""
    lowered = text.lower()
    for echo in _SCHEMA_ECHO_LOWER:
        position = lowered.find(echo)
        if position < 0 or in_reference(echo, reference):
            continue
        most = 2 * len(echo) >= len(lowered.strip(_TRIM))
        label = not lowered[:position].strip(_TRIM) and lowered[position + len(echo) :].lstrip()[:1] in (":", "：")
        foreign = language != "en" and echo.isascii()
        if most or label or foreign:
            return echo
    return None


def prompt_leak(ctx: PaperContext) -> Iterator[Hit]:
    all_text = ctx.content_text()
    lowered_all = all_text.lower()
    if not any(echo in lowered_all for echo in _SCHEMA_ECHO_LOWER) and not any(k in all_text for k in _LEAK_SCREEN):
        return
    reference = f"{ctx.abstract}\n{ctx.paper.title}"
    for name, text in ctx.content_blocks():
        if _schema_echo(text, reference, ctx.language):
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} repeats the output schema instead of summarizing",
                      summary_span=text[:200])
            continue
        if not any(key in text for key in _LEAK_SCREEN):
            continue
        # Markup the abstract holds itself (a paper on reasoning traces quoting its <think> tag) is content.
        match = next((m for m in _LEAK.finditer(text) if not in_reference(m.group(0), reference)), None)
        if match:
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} contains JSON or markup of the generator",
                      summary_span=around(text, match.start(), match.end()))


RULE = RuleSpec(
    id="F302",
    name="prompt-leak",
    category=Category.format,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=prompt_leak,
)
