"""Language rules: a block in the wrong language, copied from the English abstract, or switching mid-way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from checker.analysis.context import PaperContext
from checker.model import BLOCK_LABELS, Category, Severity
from checker.rules.registry import Hit, paper_rule
from checker.text.prose import STOPWORDS, english_runs, ngrams, words
from checker.text.scripts import ScriptCounts, dominant_script_language, script_counts

LANGUAGE_NAMES = {"zh": "Chinese", "en": "English", "ja": "Japanese", "ko": "Korean"}
_CHINESE_CLAUSE = re.compile(r"[\u4e00-\u9fff]{6,}")  # a Chinese clause, not a term or a name
COPY_NGRAM = 8  # this many consecutive words shared with the abstract is a copy, not a shared term


def _looks_english(text: str) -> bool:
    tokens = words(text)
    return bool(tokens) and sum(t in STOPWORDS for t in tokens) >= max(2, len(tokens) // 12)


@lru_cache(maxsize=4096)
def _latin_language(text: str) -> str:
    """Name a Latin-script text's language. Function words decide English; langdetect only names
    the rest (it is slow and misreads Chinese, so it never sees CJK text)."""
    if _looks_english(text):
        return "en"
    try:
        from langdetect import DetectorFactory, detect_langs

        DetectorFactory.seed = 0
        guesses = detect_langs(text)
    except Exception:  # langdetect raises on text without features
        return "en"
    best = guesses[0]
    return best.lang if best.prob >= 0.9 else "en"


def observed_language(counts: ScriptCounts, text: str) -> str | None:
    script = dominant_script_language(counts)
    if script == "latin":
        if counts.han >= 3 and (_CHINESE_CLAUSE.search(text) or not english_runs(text, 6, 2)):
            # Chinese grammar around English names ("LFS 在 Countdown 和 Sudoku 任务上优于 ... (MCTS)。"), or a
            # Chinese clause that switches to English (2509.11090): mixed-language reports the switch.
            return "zh"
        return _latin_language(text) if counts.latin >= 40 else "en"
    if (script == "zh" and counts.han < 20 and counts.han * 2 < counts.latin and english_runs(text, 6, 3)
            and not _CHINESE_CLAUSE.search(text)):
        return "en"  # English prose with a few Chinese characters (names alone do not count)
    # A Chinese clause followed by English prose (2509.11090) is a switch mid-text: mixed-language's job.
    return script


def _copied_spans(ctx: PaperContext) -> dict[str, list[str]]:
    """Per block, the English runs that repeat the abstract word for word."""

    def compute() -> dict[str, list[str]]:
        copied: dict[str, list[str]] = {}
        counts = _counts(ctx)
        abstract_grams: set[tuple[str, ...]] | None = None
        for name, text in ctx.content_blocks():
            if counts[name].latin < 4 * COPY_NGRAM:
                continue  # too few Latin letters to hold a copied sentence
            for run in english_runs(text, min_words=COPY_NGRAM):
                if abstract_grams is None:
                    abstract_grams = ngrams(words(ctx.abstract), COPY_NGRAM)
                if ngrams(words(run), COPY_NGRAM) & abstract_grams:
                    copied.setdefault(name, []).append(run)
        return copied

    result: dict[str, list[str]] = ctx.memo("copied_spans", compute)
    return result


def _counts(ctx: PaperContext) -> dict[str, ScriptCounts]:
    result: dict[str, ScriptCounts] = ctx.memo(
        "script_counts", lambda: {name: script_counts(text) for name, text in ctx.content_blocks()}
    )
    return result


@paper_rule("F201", "wrong-language", Category.format, Severity.error)
def wrong_language(ctx: PaperContext) -> Iterator[Hit]:
    """A block is not written in the digest's language (by script share, not by langdetect).

    The expected language comes from the file name (``_AI_enhanced_Chinese``; a Markdown digest takes the
    same day's AI file name), else ``--language``.
    Real example: dw-dengwei 2026-02-12, 2602.10485 has an English TL;DR in a Chinese digest.
    """
    if ctx.language not in LANGUAGE_NAMES:
        return
    copied = _copied_spans(ctx) if ctx.language != "en" else {}
    for name, counts in _counts(ctx).items():
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


@paper_rule("F202", "copied-abstract", Category.format, Severity.error, needs_abstract=True)
def copied_abstract(ctx: PaperContext) -> Iterator[Hit]:
    """A block copies English sentences of the abstract instead of translating them.

    Real example: dw-dengwei 2025-03-19, 2503.13906: Motivation and Result are the abstract's
    English sentences, verbatim.
    """
    if ctx.language == "en":
        return
    for name, runs in _copied_spans(ctx).items():
        longest = max(runs, key=len)
        yield Hit(block=name, message=f"{BLOCK_LABELS[name]} copies the English abstract untranslated",
                  summary_span=longest[:200], abstract_span=longest[:200])


@paper_rule("F203", "mixed-language", Category.format, Severity.warning)
def mixed_language(ctx: PaperContext) -> Iterator[Hit]:
    """A block in the right language switches to English prose part-way.

    Real example: dw-dengwei 2025-09-16, 2509.11090: the Result starts in Chinese and ends in English.
    Quoted titles and names are not prose: a run needs 8+ words with 3+ function words.
    """
    if ctx.language == "en":
        return
    copied = _copied_spans(ctx)
    title_words = set(words(ctx.paper.title))
    for name, counts in _counts(ctx).items():
        if name in copied or observed_language(counts, ctx.paper.block_text(name)) != ctx.language:
            continue
        if counts.latin < 30:
            continue
        for run in english_runs(ctx.paper.block_text(name)):
            if set(words(run)) <= title_words:
                continue
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} switches to English mid-text",
                      summary_span=run[:200])
            break
