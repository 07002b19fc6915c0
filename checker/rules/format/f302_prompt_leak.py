"""A block echoes the output schema or contains JSON/code fences of the generator.

## What it catches
A block that repeats a field description of the generator's output schema ("单个单词的摘要", "一句话核心创新
总结", "too long; didn't read", "short key result", "empty string if unknown" ..., without case), or that
holds the generator's own markup: a code fence, a line opening with a JSON object or list, a quoted field name
with a colon (``"tldr":``), ``result = "``, or ``<think>``/``<answer>``/``<output>`` tags. One finding per
block; a schema echo is reported before markup.

## Why it matters
The model returned its instructions or raw output instead of a summary: the block is wrong for every reader,
and leaked JSON usually means the parser took the wrong part of the answer.

## Example
Real example: dw-dengwei 2025-09-16, 2509.11570 has the TL;DR "单个单词的摘要"
("a one-word summary"), the field description instead of a summary.

## Stays quiet on
Quotes and brackets in ordinary prose (a quoted term, a citation in parentheses); block names used as words
without a quote and a colon or equals sign after them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis.artifacts import around
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


def prompt_leak(ctx: PaperContext) -> Iterator[Hit]:
    all_text = ctx.content_text()
    lowered_all = all_text.lower()
    if not any(echo in lowered_all for echo in _SCHEMA_ECHO_LOWER) and not any(k in all_text for k in _LEAK_SCREEN):
        return
    for name, text in ctx.content_blocks():
        lowered = text.lower()
        if any(echo in lowered for echo in _SCHEMA_ECHO_LOWER):
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} repeats the output schema instead of summarizing",
                      summary_span=text[:200])
            continue
        match = _LEAK.search(text) if any(key in text for key in _LEAK_SCREEN) else None
        if match:
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} contains JSON or markup of the generator",
                      summary_span=around(text, match.start(), match.end()))


RULE = RuleSpec(
    id="F302",
    name="prompt-leak",
    category=Category.format,
    severity=Severity.error,
    scope="paper",
    doc=__doc__ or "",
    check=prompt_leak,
)
