"""Key facts of an abstract, extracted by rule (numbers and names), for the judge's coverage checklist.

FineSurE has the LLM extract key facts; those agree with humans far less than facts taken from the text.
Here they come from the abstract itself, so every item on the checklist is verbatim abstract text.
"""

from __future__ import annotations

import re

from checker.numbers import extract_english_quantities

MAX_FACTS = 12

# Names: CamelCase, ALLCAPS acronyms, words mixing letters and digits or hyphens (GPT-4o, LLaMA-2, MMLU).
_NAME = re.compile(
    r"\b(?:[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+|[A-Z]{2,}[A-Za-z0-9]*(?:-[A-Za-z0-9.]+)*|"
    r"[A-Za-z]+[0-9][A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)*|[A-Z][a-z]+-[0-9A-Z][A-Za-z0-9.]*)\b"
)
_STOP_NAMES = {"AI", "LLM", "LLMs", "ML", "NLP", "API", "I", "II", "III", "US", "EU", "OK"}
_INLINE_MATH = re.compile(r"\$[^$]{0,200}\$")


def extract_key_facts(abstract: str, limit: int = MAX_FACTS) -> list[str]:
    """Numbers first (they are what summaries get wrong), then names; verbatim, deduplicated, in order."""
    text = _INLINE_MATH.sub(" ", abstract)
    try:
        numbers = [q.text for q in extract_english_quantities(abstract)]  # it reads LaTeX itself
    except Exception:  # a bug in the number extractor must not stop the judge: names still make a checklist
        numbers = []
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
