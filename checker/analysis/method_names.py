"""The name of the method a paper proposes, what reads as a name, and whether the blocks name it.

Shared by the omission rules that look for names in the summary: the proposed method (O301) and the
benchmarks the results are reported on (O302, which leaves the method's own name out). Memoized on the context.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.analysis.context import PaperContext
from checker.analysis.entities import generic_terms, is_name_like, normalize

_NAME_AFTER_VERB = re.compile(
    r"(?:propose|introduce|present|develop|call|name|dub|term)(?:s|d|ed)?\s+(?:a |an |the )?(?:new |novel )?"
    r"([A-Za-z][A-Za-z0-9\-_.]*[A-Za-z0-9])(?:\s+(?:\$?\\[a-z]+\{)?([A-Za-z][A-Za-z0-9\-_.]*[A-Za-z0-9]))?"
)  # the second name may sit in LaTeX: "a new VRM \textbf{Reflection-V}"
_NAMING_VERBS = ("propose", "introduce", "present", "develop", "called", "named", "dubbed", "termed")
_TITLE_NAME = re.compile(r"\s*([A-Za-z][A-Za-z0-9\-_.]*[A-Za-z0-9])\s*:")
_PLAIN_WORD_PART = re.compile(r"[A-Z][a-z]+|[a-z]+")  # "Reflection-V": a lone capital is a name part
_ADJECTIVE_ENDING = re.compile(r"(?:ed|based|style|like|aware|free|specific|level|wise)$", re.IGNORECASE)
# "LLMbased": the adjective glued to the acronym; "F1-score": a metric.
_GLUED_ADJECTIVE = re.compile(r"(?<=[A-Z0-9])(?:based|driven|style|like)$|-(?:score|loss|metric)s?$")


@lru_cache(maxsize=16384)  # the same names come back paper after paper
def reads_as_name(name: str) -> bool:
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
    return reads_as_name(name) and not ("-" in name and name.rsplit("-", 1)[1].islower())


def method_name(ctx: PaperContext) -> str | None:
    """The proposed method's name: the title's "Name:", else the first name after "we propose/introduce ..."."""

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


def in_summary(ctx: PaperContext, name: str) -> bool:
    """Whether a block writes the name (case, hyphens and a plural s aside)."""
    squeezed: str = ctx.memo("claims.summary_squeezed",
                             lambda: normalize(" ".join(t for _, t in ctx.content_blocks())))
    return normalize(name) in squeezed
