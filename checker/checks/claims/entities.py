"""U101 unsupported entities, and O301/O302 the method name and benchmarks no block carries."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.claims.shared import (
    joined_blocks,
)
from checker.checks.context import PaperContext
from checker.checks.registry import Hit, paper_rule
from checker.claims.entities import (
    SourceIndex,
    generic_terms,
    is_name_like,
    is_quantity,
    latin_names,
    name_tokens,
    normalize,
)
from checker.claims.view import (
    source_index,
)
from checker.models import Category, Severity

_LATIN_LETTER = re.compile(r"[A-Za-z]")


@paper_rule("U101", "unsupported-entity", Category.unsupported_claim, Severity.warning, needs_abstract=True)
def unsupported_entity(ctx: PaperContext) -> Iterator[Hit]:
    """A Latin-script name (model, dataset, metric, acronym) in a block appears nowhere in the abstract or title.

    Matching ignores case, hyphens, LaTeX scripts (CO$_2$) and a plural s; a name also counts as present inside a
    hyphenated word (COCO-pretrained), at the end of a longer name (TripleGAN), spelled out as an acronym (ViT,
    D-MPNN, SD3), or as an expansion the block gives for an acronym of the abstract ("Electron-Ion Collider
    (EIC)"). Generic terms come from checker/data/generic_terms.txt.
    Example (2602.20839): the TL;DR combines "优化的DDM" with LoRA where the abstract says "Optimised DDS".
    """
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
            reported.add(key)
            yield Hit(f"{name} is not in the abstract or title", block, name, ctx.paper.title or None,
                      confidence=0.6)


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


_NAME_AFTER_VERB = re.compile(
    r"(?:propose|introduce|present|develop|call|name|dub|term)(?:s|d|ed)?\s+(?:a |an |the )?(?:new |novel )?"
    r"([A-Za-z][A-Za-z0-9\-_.]*[A-Za-z0-9])"
)
_NAMING_VERBS = ("propose", "introduce", "present", "develop", "called", "named", "dubbed", "termed")
_TITLE_NAME = re.compile(r"\s*([A-Za-z][A-Za-z0-9\-_.]*[A-Za-z0-9])\s*:")
# "on GSM8K, MATH and HumanEval": the names after on/across/including/such as/using (a leading \s keeps the
# scan fast: Python's re skips ahead only when a pattern starts with a character class).
_RESULT_LIST = re.compile(
    r"\s(?:[Oo]n|[Aa]cross|[Ii]ncluding|as|namely|[Uu]sing|[Uu]sing the)\s+"
    r"([A-Z](?:[\w\-.]*\w)?(?:,?\s+(?:and\s+)?[A-Z][\w\-.]*\w){0,7})"
)
_BENCHMARK_KEYS = ("benchmark", "dataset", "evaluat", "experiment", "corpus", "corpora")


def _names_a_method(name: str) -> bool:
    """FlowRL, Cosmos-Transfer1, MAR; not "IoT-enabled", "Anchor-Centric" or "Multi-Center" (adjectives)."""
    parts = name.split("-")
    if len(parts) > 1 and (parts[-1].islower() or all(p[:1].isupper() and p[1:].islower() for p in parts)):
        return False
    return is_name_like(name)


def _method_name(ctx: PaperContext) -> str | None:
    def compute() -> str | None:
        title = _TITLE_NAME.match(ctx.paper.title)
        if title and _names_a_method(title.group(1)):
            return title.group(1)
        abstract = ctx.abstract
        for verb in _NAMING_VERBS:
            start = abstract.find(verb)
            while start >= 0:
                match = _NAME_AFTER_VERB.match(abstract, start)
                if match and is_name_like(match.group(1)) and normalize(match.group(1)) not in generic_terms():
                    return match.group(1)
                start = abstract.find(verb, start + len(verb))
        return None

    result: str | None = ctx.memo("claims.method_name", compute)
    return result


def _in_summary(ctx: PaperContext, name: str) -> bool:
    squeezed: str = ctx.memo("claims.summary_squeezed",
                             lambda: normalize(" ".join(t for _, t in ctx.content_blocks())))
    return normalize(name) in squeezed


@paper_rule("O301", "method-name-omitted", Category.omission, Severity.info, needs_abstract=True)
def method_name_omitted(ctx: PaperContext) -> Iterator[Hit]:
    """The proposed method's name (from the title's "Name:" or "we propose Name") is in no block.

    Example (2605.21076): the title names GradeLegal; no block does.
    """
    if not ctx.content_blocks():
        return
    name = _method_name(ctx)
    if name and not _in_summary(ctx, name):
        yield Hit(f"the proposed method {name} is not named in any block", None, None, name, confidence=0.5)


@paper_rule("O302", "benchmarks-omitted", Category.omission, Severity.info, needs_abstract=True)
def benchmarks_omitted(ctx: PaperContext) -> Iterator[Hit]:
    """None of the benchmarks or datasets the abstract reports results on is named in any block.

    Example (2605.20275): the abstract reports F1 "on SmartFallMM, WEDA-Fall, FallAllD, UMAFall, and UP-Fall";
    no block names any of them.
    """
    lowered = ctx.abstract.lower()
    if not ctx.content_blocks() or not any(key in lowered for key in _BENCHMARK_KEYS):
        return
    method = _method_name(ctx)
    generic = generic_terms()
    names: list[str] = []
    evidence = ""
    abstract = ctx.abstract
    for match in _RESULT_LIST.finditer(abstract):
        for name in latin_names(match.group(1), name_like_only=True):
            key = normalize(name)
            if key not in generic and name != method and name not in names and name[0].isalpha():
                names.append(name)
                if not evidence:
                    start = abstract.rfind(". ", 0, match.start()) + 2 if ". " in abstract[: match.start()] else 0
                    end = abstract.find(". ", match.end())
                    evidence = " ".join(abstract[start : end if end >= 0 else len(abstract)].split())
    if names and not any(_in_summary(ctx, name) for name in names):
        yield Hit(f"no block names the benchmarks the results are reported on ({', '.join(names[:5])})",
                  None, None, evidence, confidence=0.5)
