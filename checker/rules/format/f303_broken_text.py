"""A block contains control characters, usually LaTeX mangled by JSON escaping.

## What it catches
A block holding an ASCII control character other than tab and newline (``\\x00``-``\\x08``,
``\\x0b``-``\\x1f``, ``\\x7f``). One finding per block, naming the first one and quoting the text around it.

## Why it matters
A LaTeX command written with one backslash in JSON turns into a control character: ``\\frac`` becomes a form
feed and "rac", ``\\bf`` a backspace and "f". The formula is lost, and some renderers and terminals show
garbage or drop the line.

## Example
Real example: xmkxabc 2025-06-23, where ``\\frac`` and ``\\bf`` arrived as form-feed and
backspace characters (``\\x0crac``).

## Stays quiet on
Tabs and newlines; LaTeX that arrived intact (``\\frac`` with its backslash); the extra fields of extended
schemas (F306 reads those).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.artifacts import CONTROL_CHARACTER, around
from checker.analysis.context import PaperContext
from checker.model import BLOCK_LABELS, Category, Severity
from checker.rules.spec import Hit, RuleSpec


def broken_text(ctx: PaperContext) -> Iterator[Hit]:
    if not CONTROL_CHARACTER.search(ctx.content_text()):  # newline is not in the class
        return
    for name, text in ctx.content_blocks():
        match = CONTROL_CHARACTER.search(text)
        if match:
            code = f"\\x{ord(match.group(0)):02x}"
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} contains control character {code} (broken LaTeX?)",
                      summary_span=around(text, match.start(), match.end()))


RULE = RuleSpec(
    id="F303",
    name="broken-text",
    category=Category.format,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=broken_text,
)
