"""A block is not written in the digest's language (by script share, not by langdetect).

## What it catches
A block whose characters point to another language than the digest's: Han, kana, Hangul and Latin letters are
counted (LaTeX, URLs and $...$ left out). A Latin-script block is English when its function words say so;
langdetect only names another Latin-script language. A block that is mostly Latin letters but has a Chinese
clause (six Han characters in a row) or Chinese grammar around English names counts as Chinese, and a block
with a few Han characters but English prose counts as English. One finding per block.
The expected language comes from the file name (``_AI_enhanced_Chinese``; a Markdown digest takes the
same day's AI file name), else ``--language``.

## Why it matters
A Chinese digest with an English TL;DR is a failed translation: the reader who needs Chinese gets nothing, and
the claim rules, which read Chinese clauses, cannot check it.

## Example
Real example: dw-dengwei 2026-02-12, 2602.10485 has an English TL;DR in a Chinese digest.

## Stays quiet on
Digests in a language it has no name for (only zh, en, ja, ko are checked); blocks that copy the English
abstract (F202 reports those); a Japanese digest's block that reads as Chinese with under 10 Han characters
(kanji names); blocks without letters.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.analysis.language import LANGUAGE_NAMES, block_script_counts, copied_spans, observed_language
from checker.model import BLOCK_LABELS, Category, Severity
from checker.rules.spec import Hit, RuleSpec


def wrong_language(ctx: PaperContext) -> Iterator[Hit]:
    if ctx.language not in LANGUAGE_NAMES:
        return
    copied = copied_spans(ctx) if ctx.language != "en" else {}
    for name, counts in block_script_counts(ctx).items():
        text = ctx.paper.block_text(name)
        observed = observed_language(counts, text)
        if observed is None or observed == ctx.language or name in copied:
            continue
        if ctx.language == "ja" and observed == "zh" and counts.han < 10:
            continue
        expected = LANGUAGE_NAMES[ctx.language]
        found = LANGUAGE_NAMES.get(observed, observed)
        yield Hit(block=name, message=f"{BLOCK_LABELS[name]} is in {found}, expected {expected}",
                  summary_span=text[:200])


RULE = RuleSpec(
    id="F201",
    name="wrong-language",
    category=Category.format,
    severity=Severity.error,
    scope="paper",
    doc=__doc__ or "",
    check=wrong_language,
)
