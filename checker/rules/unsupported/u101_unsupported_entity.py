"""A Latin-script name (model, dataset, metric, acronym) in a block appears nowhere in the abstract or title.

## What it catches
Every name-like Latin token of a block (a capital or a digit after its first letter: GPT-4o, ImageNet, BLEU,
LoRA) that the paper's title and abstract do not hold. One finding per name, the first time a block writes it.
Matching ignores case, hyphens, LaTeX scripts (CO$_2$) and a plural s; a name also counts as present inside a
hyphenated word (COCO-pretrained), at the end of a longer name (TripleGAN), spelled out as an acronym (ViT,
D-MPNN, SD3), or as an expansion the block gives for an acronym of the abstract ("Electron-Ion Collider
(EIC)"). Generic terms come from checker/data/generic_terms.txt. The evidence quoted is the abstract sentence
the clause holding the name restates, where the bilingual aligner is confident of one (never the title).

## Why it matters
A name the abstract never mentions is either invented, misspelled from one it does mention, or brought in from
the model's memory: in each case the reader takes it for the paper's.

## Example
Example (2602.20839): the TL;DR combines "优化的DDM" with LoRA where the abstract says "Optimised DDS".

## Stays quiet on
Names of two letters or less once normalized (CT, F1), sizes and units (7B, 5dB, sub-30), plain and
capitalized words (pipeline, Transformer) and words joined by hyphens (Levi-Civita, multi-Higgs), lower-case
tokens; generic terms of the allowlist; every name the title or abstract holds in one of the forms above.
A field's standard notation (checker.analysis.notation): units with an SI prefix (GeV, MHz), Roman numerals
(Type IIB), LaTeX symbols of the abstract written plainly (M_Pl for $M_{\\rm Pl}$), abbreviations the
abstract spells out ("quasinormal modes" for QNMs, "European Centre for Medium-Range Weather Forecasts" for
ECMWF) or the summary defines with words of the abstract ("non-standard interactions (NSI)"), and the Latin
gloss of a Chinese word of the block (PanGu for 盘古).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis.clauses import joined_blocks
from checker.analysis.context import PaperContext
from checker.analysis.entities import (
    SourceIndex,
    generic_terms,
    is_quantity,
    latin_names,
    name_tokens,
    normalize,
)
from checker.analysis.notation import (
    defined_in_block,
    is_roman,
    is_unit,
    notation_keys,
    spelled_out,
    transliterated,
)
from checker.analysis.per_paper import source_index
from checker.analysis.restatement import restated
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec
from checker.text import sentences as split

_LATIN_LETTER = re.compile(r"[A-Za-z]")


# "Electron-Ion Collider (EIC)": words, then their initials in parentheses; "ACOT (Aivazis-Collins-Olness-Tung)":
# the initials, then the words.
_EXPANSION = re.compile(r"((?:[A-Za-z]\w*[\s-]+){1,8}?)[(（]([A-Z][A-Za-z]{1,7})[)）]")
_EXPANSION_AFTER = re.compile(r"([A-Z][A-Za-z]{1,7})\s?[(（]([A-Za-z][\w\s-]{2,80})[)）]")
_WORDS = re.compile(r"[A-Za-z]\w*")


def _expands_source_acronym(text: str, name: str, index: SourceIndex) -> bool:
    """Whether the name is a word of an expansion the block spells out for an acronym of the abstract: the
    method block writes "Electron-Ion Collider (EIC)" where the abstract only says "EIC"."""
    start = text.find(name)
    if start < 0 or ("(" not in text and "（" not in text):
        return False
    window = max(0, start - 90)
    for pattern, words_group, acronym_group in ((_EXPANSION, 1, 2), (_EXPANSION_AFTER, 2, 1)):
        for match in pattern.finditer(text, window, start + len(name) + 90):
            if not match.start(words_group) <= start < match.end(words_group):
                continue
            acronym = match.group(acronym_group)
            words = list(_WORDS.finditer(text, match.start(words_group), match.end(words_group)))
            words = words[-len(acronym):] if words_group == 1 else words
            initials = "".join(word.group(0)[0] for word in words).lower()
            if words and words[0].start() <= start and initials == acronym.lower() and index.has(acronym):
                return True
    return False


def _has_unsupported_name(ctx: PaperContext, generic: frozenset[str]) -> bool:
    """Whether any block holds a name the rule would report (a screen over the joined blocks: same tests)."""
    joined = joined_blocks(ctx)
    if not _LATIN_LETTER.search(joined):
        return False
    index = source_index(ctx)
    for name in name_tokens(joined):  # any order: only whether one exists
        key = normalize(name)
        if len(key) <= 2 or key in generic or is_quantity(name):
            continue
        if not index.has(name):
            return True
    return False


def unsupported_entity(ctx: PaperContext) -> Iterator[Hit]:
    generic = generic_terms()
    if not _has_unsupported_name(ctx, generic):
        return  # most summaries: every name is in the abstract, found with one scan of all blocks
    reported: set[str] = set()
    for block, text in ctx.content_blocks():
        if not _LATIN_LETTER.search(text):
            continue
        for name in latin_names(text, name_like_only=True):
            key = normalize(name)
            if len(key) <= 2 or key in generic or key in reported or is_quantity(name) or name.islower():
                continue  # CT, F1, 7B, 5dB, sub-30: too short, a size or a unit, not a name
            if source_index(ctx).has(name) or _expands_source_acronym(text, name, source_index(ctx)):
                continue
            if _standard_notation(ctx, name, text):
                continue
            reported.add(key)
            # The evidence is the abstract sentence the clause holding the name restates, where the aligner is
            # sure of one; never the title, which says nothing about the name.
            restated_by = restated(ctx, _clause_with(text, name))
            yield Hit(f"{name} is not in the abstract or title", block, name,
                      restated_by.text if restated_by is not None else None, confidence=0.6)


def _standard_notation(ctx: PaperContext, name: str, text: str) -> bool:
    """A unit, a Roman numeral, a LaTeX symbol of the abstract, an abbreviation the abstract or the block
    spells out, or the Latin gloss of a Chinese word of the block (checker.analysis.notation)."""
    source = source_index(ctx).text
    return (is_unit(name) or is_roman(name) or normalize(name) in notation_keys(source)
            or spelled_out(name, source) or defined_in_block(name, joined_blocks(ctx), source)
            or transliterated(name, text))


def _clause_with(text: str, name: str) -> str:
    for clause in split.clauses(text):
        if name in clause.text:
            return clause.text
    return text


RULE = RuleSpec(
    id="U101",
    name="unsupported-entity",
    category=Category.unsupported_claim,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=unsupported_entity,
    needs=Needs.ABSTRACT,
)
