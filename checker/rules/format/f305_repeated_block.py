"""Two blocks say the same thing (e.g. the Conclusion repeats the TL;DR word for word).

## What it catches
Two blocks of one paper, each of 20 characters or more and of nearly equal length (the shorter at least 80% of
the longer), whose character bigrams (white space removed) overlap by 90% or more (Jaccard). The later block
is reported, naming the earlier one.

## Why it matters
Five blocks are meant to say five things; a copied block means the model ran out of things to say or was
prompted badly, and the reader gets one part of the paper (usually the result or the conclusion) less.

## Example
Real example: xmkxabc 2025-06-06, 2506.04363: TL;DR "WorldPrediction是一个视频基准，用于评估AI模型的世界建模和
程序规划能力。" and a Conclusion that only adds "不同". Measured by character-bigram overlap; the threshold
(0.9) leaves the usual paraphrase alone.

## Stays quiet on
The usual paraphrase between TL;DR and Conclusion (well under 0.9 overlap); blocks under 20 characters;
placeholders and missing blocks (F101, F102).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.model import BLOCK_LABELS, Category, Severity
from checker.rules.spec import Hit, RuleSpec


def _bigrams(text: str) -> set[str]:
    compact = re.sub(r"\s+", "", text)
    return {compact[i : i + 2] for i in range(len(compact) - 1)}


def _sampled_bigrams(text: str, samples: int = 8) -> list[str]:
    step = max(1, (len(text) - 1) // samples)
    return [text[i : i + 2] for i in range(0, len(text) - 1, step)][:samples]


def repeated_block(ctx: PaperContext) -> Iterator[Hit]:
    blocks = [(name, text) for name, text in ctx.content_blocks() if len(text) >= 20]
    grams: dict[str, set[str]] = {}
    for i, (first, text_a) in enumerate(blocks):
        for second, text_b in blocks[i + 1 :]:
            if min(len(text_a), len(text_b)) < 0.8 * max(len(text_a), len(text_b)):
                continue  # a 0.9 bigram overlap needs nearly equal lengths
            sampled_b = _sampled_bigrams(text_b)
            if sum(bigram in text_a for bigram in sampled_b) < len(sampled_b) - 2:
                continue  # cheap screen: near-identical texts share (nearly) every sampled bigram
            grams_a = grams.setdefault(first, _bigrams(text_a))
            grams_b = grams.setdefault(second, _bigrams(text_b))
            union = grams_a | grams_b
            if union and len(grams_a & grams_b) / len(union) >= 0.9:
                yield Hit(block=second, message=f"{BLOCK_LABELS[second]} repeats {BLOCK_LABELS[first]}",
                          summary_span=text_b[:200])


RULE = RuleSpec(
    id="F305",
    name="repeated-block",
    category=Category.format,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=repeated_block,
)
