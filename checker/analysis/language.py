"""Which language a block is in, and which of its English runs copy the abstract (F201-F203, F306).

Script shares decide (checker.text.scripts); function words tell English from other Latin-script languages, and
langdetect only names the rest. The per-block script counts and the copied runs are memoized on the context,
so the three language rules compute them once per paper.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.analysis.context import PaperContext
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


def copied_spans(ctx: PaperContext) -> dict[str, list[str]]:
    """Per block, the English runs that repeat the abstract word for word; a run made only of the title's words
    is the paper's name quoted, not a copy."""

    def compute() -> dict[str, list[str]]:
        copied: dict[str, list[str]] = {}
        counts = block_script_counts(ctx)
        abstract_grams: set[tuple[str, ...]] | None = None
        title_words: set[str] | None = None
        for name, text in ctx.content_blocks():
            if counts[name].latin < 4 * COPY_NGRAM:
                continue  # too few Latin letters to hold a copied sentence
            for run in english_runs(text, min_words=COPY_NGRAM):
                if title_words is None:
                    title_words = set(words(ctx.paper.title))
                if set(words(run)) <= title_words:
                    continue  # the paper's title quoted as its name, not a copied sentence (as F203 reads it)
                if abstract_grams is None:
                    abstract_grams = ngrams(words(ctx.abstract), COPY_NGRAM)
                if ngrams(words(run), COPY_NGRAM) & abstract_grams:
                    copied.setdefault(name, []).append(run)
        return copied

    result: dict[str, list[str]] = ctx.memo("copied_spans", compute)
    return result


def block_script_counts(ctx: PaperContext) -> dict[str, ScriptCounts]:
    """Per block with real text, how many characters of each script it holds."""
    result: dict[str, ScriptCounts] = ctx.memo(
        "script_counts", lambda: {name: script_counts(text) for name, text in ctx.content_blocks()}
    )
    return result
