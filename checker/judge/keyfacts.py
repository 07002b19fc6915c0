"""Key facts of an abstract, extracted by rule (numbers and names), for the judge's coverage checklist.

FineSurE has the LLM extract key facts; those agree with humans far less than facts taken from the text.
Here they come from the abstract itself, so every item on the checklist is verbatim abstract text.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable

MAX_FACTS = 12

# A number with its unit or comparison word: "93.5%", "2.3x", "10k", "1.5 billion", "3 times".
_QUANTITY = re.compile(
    r"(?<![\w.\-])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s?(?:%|percent|x|×|times|fold|[kKMB]\b|million|billion|points?|pp|ms|s\b|GB|TB|hours?|days?))?"
    r"(?![\w.]*\d)"
)
# Names: CamelCase, ALLCAPS acronyms, words mixing letters and digits or hyphens (GPT-4o, LLaMA-2, MMLU).
_NAME = re.compile(
    r"\b(?:[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+|[A-Z]{2,}[A-Za-z0-9]*(?:-[A-Za-z0-9.]+)*|"
    r"[A-Za-z]+[0-9][A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)*|[A-Z][a-z]+-[0-9A-Z][A-Za-z0-9.]*)\b"
)
_STOP_NAMES = {"AI", "LLM", "LLMs", "ML", "NLP", "API", "I", "II", "III", "US", "EU", "OK"}
_INLINE_MATH = re.compile(r"\$[^$]{0,200}\$")


def _numbers_extractor() -> Callable[[str], list[str]] | None:
    """The numbers module's extractor (checker.numbers, written in parallel), when it is there."""
    for name in ("checker.numbers", "checker.numbers.english"):
        try:
            found = getattr(importlib.import_module(name), "extract_english_quantities", None)
        except ImportError:
            continue
        if callable(found):
            return functools.partial(_quantity_texts, found)
    return None


def _quantity_texts(extract: Callable[[str], list[object]], text: str) -> list[str]:
    return [str(getattr(q, "text", q)) for q in extract(text)]


def _regex_numbers(text: str) -> list[str]:
    found = []
    for match in _QUANTITY.finditer(text):
        token = match.group(0).strip()
        bare = token.replace(",", "")
        # Lone small integers ("two stages", "3 tasks") and years are rarely what a summary must keep.
        if re.fullmatch(r"\d", bare) or re.fullmatch(r"(19|20)\d\d", bare):
            continue
        found.append(token)
    return found


def extract_key_facts(abstract: str, limit: int = MAX_FACTS) -> list[str]:
    """Numbers first (they are what summaries get wrong), then names; verbatim, deduplicated, in order."""
    text = _INLINE_MATH.sub(" ", abstract)
    extractor = _numbers_extractor()
    try:
        numbers = extractor(abstract) if extractor else _regex_numbers(text)  # it reads LaTeX itself
    except Exception:  # a bug in another module must not stop the judge
        numbers = _regex_numbers(text)
    names = [m.group(0) for m in _NAME.finditer(text) if m.group(0) not in _STOP_NAMES]
    facts: list[str] = []
    seen: set[str] = set()
    for fact in numbers + names:
        key = fact.lower().removesuffix("s")  # "SAE" and "SAEs" are one fact
        if key in seen or len(fact) > 60:
            continue
        seen.add(key)
        facts.append(fact)
        if len(facts) >= limit:
            break
    return facts
