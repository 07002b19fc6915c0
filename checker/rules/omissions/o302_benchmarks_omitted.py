"""None of the benchmarks or datasets the abstract reports results on is named in any block.

## What it catches
The names listed after on/across/using/including/such as/namely in the abstract ("on GSM8K, MATH and
HumanEval"), when no block writes any of them. One info finding per paper, naming up to five and quoting the
abstract sentence of the first list.

## Why it matters
Results mean little without what they were measured on: "在多个基准上取得最佳性能" cannot be compared with
other papers or checked, while the benchmark names can.

## Example
Example (2605.20275): the abstract reports F1 "on SmartFallMM, WEDA-Fall, FallAllD, UMAFall, and UP-Fall";
no block names any of them.

## Stays quiet on
Abstracts without a benchmark word (benchmark, dataset, evaluat-, experiment, corpus); a block naming any one
of the benchmarks. Not benchmarks: names after "such as"/"including"/"using" with no benchmark word next to
them (models, baselines), names after "trained on"/"released on", adjectives ("ROS2-based"), and terms the
abstract spells out ("Novel view synthesis (NVS)"); names followed by metrics/models/representations ("on
ISONORM metrics"); the proposed method's own name; generic terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.analysis.entities import generic_terms, latin_names, normalize
from checker.analysis.method_names import in_summary, method_name, reads_as_name
from checker.model import Category, Severity
from checker.rules.spec import Hit, Needs, RuleSpec

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
# "Chinese Nighttime Traffic Sign Sample Set (CNTSSS)": a dataset spelled out is still a dataset.
_DATASET_WORD = re.compile(r"\b(?:set|dataset|benchmark|bench|corpus|suite)\b")
_ABBREVIATED_WORDS = re.compile(r"[A-Za-z]+")
_NOT_INITIAL = frozenset("of for the a an and to in on with from by via".split())


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
                    or not reads_as_name(name) or _spelled_out(abstract, listed)):
                continue
            names.append(name)
            if not evidence:
                start = abstract.rfind(". ", 0, match.start()) + 2 if ". " in abstract[: match.start()] else 0
                end = abstract.find(". ", match.end())
                evidence = " ".join(abstract[start : end if end >= 0 else len(abstract)].split())
    return names, evidence


def benchmarks_omitted(ctx: PaperContext) -> Iterator[Hit]:
    lowered = ctx.abstract.lower()
    if not ctx.content_blocks() or not any(key in lowered for key in _BENCHMARK_KEYS):
        return
    names, evidence = _result_names(ctx.abstract, method_name(ctx))
    if names and not any(in_summary(ctx, name) for name in names):
        yield Hit(f"no block names the benchmarks the results are reported on ({', '.join(names[:5])})",
                  None, None, evidence, confidence=0.5)


RULE = RuleSpec(
    id="O302",
    name="benchmarks-omitted",
    category=Category.omission,
    severity=Severity.info,
    scope="paper",
    doc=__doc__ or "",
    check=benchmarks_omitted,
    needs=Needs.ABSTRACT,
)
