"""The proposed method's name (from the title's "Name:" or "we propose Name") is in no block.

## What it catches
The name of the method the paper proposes, taken from the title's "Name: ..." or else from the first name
after propose/introduce/present/develop/called/named/dubbed/termed in the abstract ("a new VRM Reflection-V":
the second name), when no block writes it (case, hyphens and a plural s aside), even without its version
(Cosmos-Transfer for Cosmos-Transfer1). One info finding per paper.

## Why it matters
The name is how readers find the paper again, search for its code and recognize it in later work; a summary
that calls it only "该方法" loses that.
A phrase of plain words ("Chain-of-Trust", "Energy-Based"), an adjective ("LLM-driven") or a two-letter
acronym is not taken for a name: a Chinese summary translates those.

## Example
Example (2605.21076): the title names GradeLegal; no block does.

## Stays quiet on
Papers that name no method: a title without "Name:" and an abstract without a naming verb before a name;
names that read as words (plain-word phrases, adjectives such as "IoT-enabled" or "R1-style", two-letter
acronyms, generic terms of checker/data/generic_terms.txt); papers without real blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.analysis.method_names import in_summary, method_name
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec

# "Cosmos-Transfer1", "MELABenchv1": a version the summary may leave off.
_VERSION = re.compile(r"[-_]?[vV]?\d+(?:\.\d+)*$")


def _in_summary_unversioned(ctx: PaperContext, name: str) -> bool:
    """The name without its version ("Cosmos-Transfer" for Cosmos-Transfer1) is in a block."""
    unversioned = _VERSION.sub("", name)
    return unversioned != name and len(unversioned) >= 4 and in_summary(ctx, unversioned)


def method_name_omitted(ctx: PaperContext) -> Iterator[Hit]:
    if not ctx.content_blocks():
        return
    name = method_name(ctx)
    if name and not in_summary(ctx, name) and not _in_summary_unversioned(ctx, name):
        yield Hit(f"the proposed method {name} is not named in any block", None, None, name, confidence=0.5)


RULE = RuleSpec(
    id="O301",
    name="method-name-omitted",
    category=Category.omission,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=method_name_omitted,
    needs=Needs.ABSTRACT,
)
