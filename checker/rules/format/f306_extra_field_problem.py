"""An extra AI field (abstract or title translation, AI abstract) is in the wrong language or broken.

## What it catches
In the extra fields of the extended fork schema (``translation``, ``title_translation``, and the AI abstract
``summary``/``ai_abstract`` of the Markdown), a control character left by broken LaTeX escaping (as F303 reads
blocks), and a text whose script points to another language than the digest's (as F201 reads blocks).

## Why it matters
These fields are shown to readers beside the five blocks (the translation is often what they read first), but
the five-block rules never look at them.
Reported at paper level (the five-block contract has no name for these fields).

## Example
Real examples: xmkxabc 2025-06-23, 2506.16640 has its abstract translation in Korean; 2506.15718
has ``\\x0crac`` in its translation, a ``\\frac`` whose backslash JSON turned into a form feed.

## Stays quiet on
Digests without these fields (the standard schema); the language of a title translation under 12 characters
(often a bare name); the language in digests of a language it has no name for (only zh, en, ja, ko).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.artifacts import CONTROL_CHARACTER
from checker.analysis.context import PaperContext
from checker.analysis.language import LANGUAGE_NAMES, observed_language
from checker.model import Category, Severity
from checker.rules.spec import Hit, RuleSpec
from checker.text.scripts import script_counts

# Fields written in the digest's language by the extended fork schema (xmkxabc) and its Markdown.
TRANSLATED_FIELDS: dict[str, str] = {
    "translation": "abstract translation (摘要翻译)",
    "title_translation": "title translation",
    "summary": "AI abstract",
    "ai_abstract": "AI abstract",
}


def extra_field_problem(ctx: PaperContext) -> Iterator[Hit]:
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


RULE = RuleSpec(
    id="F306",
    name="extra-field-problem",
    category=Category.format,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=extra_field_problem,
)
