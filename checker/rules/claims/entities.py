"""U101 unsupported entities, and O301/O302 the method name and benchmarks no block carries."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from checker.analysis.clauses import (
    joined_blocks,
)
from checker.analysis.context import PaperContext
from checker.analysis.entities import (
    SourceIndex,
    generic_terms,
    is_name_like,
    is_quantity,
    latin_names,
    name_tokens,
    normalize,
)
from checker.analysis.per_paper import (
    source_index,
)
from checker.model import Category, Severity
from checker.rules.registry import Hit, paper_rule

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
    r"([A-Za-z][A-Za-z0-9\-_.]*[A-Za-z0-9])(?:\s+(?:\$?\\[a-z]+\{)?([A-Za-z][A-Za-z0-9\-_.]*[A-Za-z0-9]))?"
)  # the second name may sit in LaTeX: "a new VRM \textbf{Reflection-V}"
_NAMING_VERBS = ("propose", "introduce", "present", "develop", "called", "named", "dubbed", "termed")
_TITLE_NAME = re.compile(r"\s*([A-Za-z][A-Za-z0-9\-_.]*[A-Za-z0-9])\s*:")
# "on GSM8K, MATH and HumanEval": the names after on/across/including/such as/using (a leading \s keeps the
# scan fast: Python's re skips ahead only when a pattern starts with a character class).
_RESULT_LIST = re.compile(
    r"\s([Oo]n|as|[Uu]sing(?: the)?|[Aa]cross|[Ii]ncluding|namely)\s+"
    r"([A-Z](?:[\w\-.]*\w)?(?:,?\s+(?:and\s+)?[A-Z][\w\-.]*\w){0,7})"
)
_BENCHMARK_KEYS = ("benchmark", "dataset", "evaluat", "experiment", "corpus", "corpora")
# After "such as", "including", "namely" or "using", the names are benchmarks only when a benchmark word is next
# to the list ("benchmarks, such as Video-MME", "using the SPEC CPU2006 benchmark"); otherwise they are models,
# baselines or techniques ("models such as GPT-2", "approaches, such as DINO").
_LIST_BENCHMARK_WORD = re.compile(r"benchmark|dataset|corpus|corpora|suite|test ?set")
# "trained on", "fine-tuning on", "released on": what follows is training data or a hosting site, not results.
_NOT_RESULTS_BEFORE = re.compile(
    r"\b(?:train\w*|fine-?tun\w*|releas\w*|available|hosted|published|based)\s*$", re.IGNORECASE)
# "on ISONORM metrics", "on GPT-series models", "using WavLM and XLSR representations": not benchmarks.
_NOT_BENCHMARK_AFTER = re.compile(r"[\s-]*(?:metrics?|scores?|loss|models?|representations?|features|embeddings)\b")
# "CEXes", "IDs": an acronym's plural ending, dropped before the name is looked up.
_ACRONYM_PLURAL = re.compile(r"(?<=[A-Z])e?s$")
# "Cosmos-Transfer1", "MELABenchv1": a version the summary may leave off.
_VERSION = re.compile(r"[-_]?[vV]?\d+(?:\.\d+)*$")
_PLAIN_WORD_PART = re.compile(r"[A-Z][a-z]+|[a-z]+")  # "Reflection-V": a lone capital is a name part
_ADJECTIVE_ENDING = re.compile(r"(?:ed|based|style|like|aware|free|specific|level|wise)$", re.IGNORECASE)
# "LLMbased": the adjective glued to the acronym; "F1-score": a metric.
_GLUED_ADJECTIVE = re.compile(r"(?<=[A-Z0-9])(?:based|driven|style|like)$|-(?:score|loss|metric)s?$")
# "Chinese Nighttime Traffic Sign Sample Set (CNTSSS)": a dataset spelled out is still a dataset.
_DATASET_WORD = re.compile(r"\b(?:set|dataset|benchmark|bench|corpus|suite)\b")
_ABBREVIATED_WORDS = re.compile(r"[A-Za-z]+")
_NOT_INITIAL = frozenset("of for the a an and to in on with from by via".split())


@lru_cache(maxsize=16384)  # the same names come back paper after paper
def _reads_as_name(name: str) -> bool:
    """FlowRL, MVP-Shapley, TT100K-night; not a phrase of plain words a Chinese summary translates
    ("Chain-of-Trust", "Energy-Based", "Zero-Knowledge"), an adjective ("ROS2-based", "SVD-Inspired") or a
    two-letter acronym ("FL" for federated learning)."""
    if not is_name_like(name):
        return False  # most tokens: plain words, settled by one cached look-up
    parts = name.split("-")
    if len(parts) > 1 and (all(_PLAIN_WORD_PART.fullmatch(p) for p in parts)
                           or (_PLAIN_WORD_PART.fullmatch(parts[-1]) and _ADJECTIVE_ENDING.search(parts[-1]))):
        return False
    if _GLUED_ADJECTIVE.search(name):
        return False
    return len(normalize(name)) > 2


def _names_a_method(name: str) -> bool:
    """FlowRL, Cosmos-Transfer1, MAR; not "IoT-enabled", "R1-style" or "Multi-Center" (adjectives)."""
    return _reads_as_name(name) and not ("-" in name and name.rsplit("-", 1)[1].islower())


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
                if match and _names_a_method(match.group(1)) and normalize(match.group(1)) not in generic_terms():
                    # "a new VRM Reflection-V": the first name is the kind of thing, the second the name
                    following = match.group(2)
                    return following if following and _names_a_method(following) else match.group(1)
                start = abstract.find(verb, start + len(verb))
        return None

    result: str | None = ctx.memo("claims.method_name", compute)
    return result


def _in_summary(ctx: PaperContext, name: str) -> bool:
    squeezed: str = ctx.memo("claims.summary_squeezed",
                             lambda: normalize(" ".join(t for _, t in ctx.content_blocks())))
    return normalize(name) in squeezed


def _in_summary_unversioned(ctx: PaperContext, name: str) -> bool:
    """The name without its version ("Cosmos-Transfer" for Cosmos-Transfer1) is in a block."""
    unversioned = _VERSION.sub("", name)
    return unversioned != name and len(unversioned) >= 4 and _in_summary(ctx, unversioned)


def _spelled_out(abstract: str, name: str) -> bool:
    """Whether the abstract gives the words the name abbreviates right before it: "Novel view synthesis (NVS)",
    "a universal joint (U-Joint)". The name is then a term (a task, a device) that a summary translates."""
    at = abstract.find(f"({name})")
    capitals = [c.lower() for c in name if c.isupper()]
    if at < 0 or len(capitals) < 2:
        return False
    words = [w.lower() for w in _ABBREVIATED_WORDS.findall(abstract, max(0, at - 15 * len(capitals)), at)]
    words = [w for w in words if w not in _NOT_INITIAL][-len(capitals):]
    return (len(words) == len(capitals) and all(w[0] == c for w, c in zip(words, capitals, strict=True))
            and not _DATASET_WORD.search(" ".join(words)))


def _result_names(abstract: str, method: str | None) -> tuple[list[str], str]:
    """The benchmark names the abstract reports results on, and the sentence of the first."""
    generic = generic_terms()
    names: list[str] = []
    evidence = ""
    for match in _RESULT_LIST.finditer(abstract):
        intro = match.group(1).lower()
        if intro in ("as", "including", "namely", "using", "using the") and not _LIST_BENCHMARK_WORD.search(
                abstract, max(0, match.start() - 40), min(len(abstract), match.end() + 30)):
            continue
        if (_NOT_RESULTS_BEFORE.search(abstract, max(0, match.start() - 20), match.start())
                or _NOT_BENCHMARK_AFTER.match(abstract, match.end())):
            continue
        for listed in latin_names(match.group(2), name_like_only=True):
            name = _ACRONYM_PLURAL.sub("", listed)
            key = normalize(name)
            if (key in generic or name == method or name in names or not name[0].isalpha()
                    or not _reads_as_name(name) or _spelled_out(abstract, listed)):
                continue
            names.append(name)
            if not evidence:
                start = abstract.rfind(". ", 0, match.start()) + 2 if ". " in abstract[: match.start()] else 0
                end = abstract.find(". ", match.end())
                evidence = " ".join(abstract[start : end if end >= 0 else len(abstract)].split())
    return names, evidence


@paper_rule("O301", "method-name-omitted", Category.omission, Severity.info, needs_abstract=True)
def method_name_omitted(ctx: PaperContext) -> Iterator[Hit]:
    """The proposed method's name (from the title's "Name:" or "we propose Name") is in no block.

    A phrase of plain words ("Chain-of-Trust", "Energy-Based"), an adjective ("LLM-driven") or a two-letter
    acronym is not taken for a name: a Chinese summary translates those.
    Example (2605.21076): the title names GradeLegal; no block does.
    """
    if not ctx.content_blocks():
        return
    name = _method_name(ctx)
    if name and not _in_summary(ctx, name) and not _in_summary_unversioned(ctx, name):
        yield Hit(f"the proposed method {name} is not named in any block", None, None, name, confidence=0.5)


@paper_rule("O302", "benchmarks-omitted", Category.omission, Severity.info, needs_abstract=True)
def benchmarks_omitted(ctx: PaperContext) -> Iterator[Hit]:
    """None of the benchmarks or datasets the abstract reports results on is named in any block.

    Not benchmarks: names after "such as"/"including"/"using" with no benchmark word next to them (models,
    baselines), names after "trained on"/"released on", adjectives ("ROS2-based"), and terms the abstract spells
    out ("Novel view synthesis (NVS)").
    Example (2605.20275): the abstract reports F1 "on SmartFallMM, WEDA-Fall, FallAllD, UMAFall, and UP-Fall";
    no block names any of them.
    """
    lowered = ctx.abstract.lower()
    if not ctx.content_blocks() or not any(key in lowered for key in _BENCHMARK_KEYS):
        return
    names, evidence = _result_names(ctx.abstract, _method_name(ctx))
    if names and not any(_in_summary(ctx, name) for name in names):
        yield Hit(f"no block names the benchmarks the results are reported on ({', '.join(names[:5])})",
                  None, None, evidence, confidence=0.5)
