"""Rules on the extra AI fields of extended schemas (abstract translation, title translation, AI abstract)."""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.model import Category, Severity
from checker.rules.artifacts import CONTROL_CHARACTER
from checker.rules.language import LANGUAGE_NAMES, observed_language
from checker.rules.registry import Hit, paper_rule
from checker.text.scripts import script_counts

# Fields written in the digest's language by the extended fork schema (xmkxabc) and its Markdown.
TRANSLATED_FIELDS: dict[str, str] = {
    "translation": "abstract translation (摘要翻译)",
    "title_translation": "title translation",
    "summary": "AI abstract",
    "ai_abstract": "AI abstract",
}


@paper_rule("F306", "extra-field-problem", Category.format, Severity.warning)
def extra_field_problem(ctx: PaperContext) -> Iterator[Hit]:
    """An extra AI field (abstract or title translation, AI abstract) is in the wrong language or broken.

    Real examples: xmkxabc 2025-06-23, 2506.16640 has its abstract translation in Korean; 2506.15718
    has ``\\x0crac`` in its translation, a ``\\frac`` whose backslash JSON turned into a form feed.
    Reported at paper level (the five-block contract has no name for these fields).
    """
    for key, label in TRANSLATED_FIELDS.items():
        text = ctx.paper.extra.get(key)
        if not text:
            continue
        control = CONTROL_CHARACTER.search(text)
        if control:
            start = max(0, control.start() - 30)
            yield Hit(message=f"{label} contains control character \\x{ord(control.group(0)):02x} (broken LaTeX?)",
                      summary_span=text[start : control.end() + 30])
        if ctx.language not in LANGUAGE_NAMES or key == "title_translation" and len(text) < 12:
            continue
        observed = observed_language(script_counts(text), text)
        if observed is not None and observed != ctx.language:
            yield Hit(message=f"{label} is in {LANGUAGE_NAMES.get(observed, observed)}, "
                              f"expected {LANGUAGE_NAMES[ctx.language]}", summary_span=text[:200])
