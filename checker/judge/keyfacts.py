"""Key facts of an abstract for the judge's coverage checklist: its claim and result sentences, verbatim.

FineSurE has the LLM extract key facts; those agree with humans far less than facts taken from the text. Here
they are whole sentences of the abstract chosen by rule: what the paper contributes ("we propose", "this paper
introduces") and what it finds (numbers, "outperforms", "we show that"). A background sentence ("Large language
models are widely used") is no key fact, and neither is a bare number word or a name: the omission the labels
count is the headline result or the core contribution missing from every block.
"""

from __future__ import annotations

import re

from checker.text.sentences import english_sentences

MAX_FACTS = 5
MAX_FACT_CHARS = 400

_CONTRIBUTION = re.compile(
    r"\b(?:we|this (?:paper|work|study|article)|our (?:work|paper|study))\s+(?:\w+\s+){0,2}?"
    r"(?:propose|present|introduce|develop|design|build|construct|release|formulate|derive|study|investigate|"
    r"address|tackle|frame|offer|provide|establish|put forward)\w*\b|\b(?:here,? we|in this (?:paper|work))\b",
    re.IGNORECASE)
_RESULT = re.compile(
    r"\b(?:outperform\w*|surpass\w*|achiev\w*|improv\w*|reduc\w*|increas\w*|exceed\w*|beat\w*|"
    r"state[- ]of[- ]the[- ]art|SOTA|results? (?:show|demonstrate|indicate|suggest|reveal)\w*|"
    r"we (?:show|find|found|demonstrate|observe|report|prove|confirm)\w*|experiments? (?:show|demonstrate)\w*|"
    r"speed-?up|accuracy|gains?)\b",
    re.IGNORECASE)
_NUMBER = re.compile(r"\d")
_OWN = re.compile(r"\b(?:we|our|us|this (?:paper|work|study|article)|the proposed|experiments?|results?)\b",
                  re.IGNORECASE)
_NAME = re.compile(r"\b[A-Z][A-Za-z0-9]*(?:[A-Z0-9-][A-Za-z0-9]*)+\b")  # SA-DiffuSeq, TokSuite, ELEMENT


def _score(sentence: str, names: set[str]) -> int:
    """3 for a contribution, 2 for a result of this paper (its "we", its method's name, or a number), 1 more
    for a number in a result. A result verb alone ("costs increase") is background, not a result."""
    contribution = bool(_CONTRIBUTION.search(sentence))
    own = bool(_OWN.search(sentence)) or any(name in sentence for name in names)
    number = bool(_NUMBER.search(sentence))
    result = bool(_RESULT.search(sentence)) and (own or number)
    return 3 * contribution + 2 * result + (number and result)


def extract_key_facts(abstract: str, limit: int = MAX_FACTS) -> list[str]:
    """The abstract's contribution and result sentences (at most ``limit``), verbatim and in order.

    The first contribution sentence always comes, then result sentences by weight; an abstract with neither
    gives its last sentence, usually the conclusion, so no paper goes without a checklist."""
    sentences = [s.text for s in english_sentences(abstract.strip()) if len(s.text) >= 20]
    if not sentences:
        stripped = abstract.strip()
        return [stripped[:MAX_FACT_CHARS]] if stripped else []
    chosen: list[int] = []
    first_contribution = next((i for i, text in enumerate(sentences) if _CONTRIBUTION.search(text)), None)
    names: set[str] = set()
    if first_contribution is not None:
        chosen.append(first_contribution)
        names = {m.group(0) for m in _NAME.finditer(sentences[first_contribution]) if len(m.group(0)) > 2}
    scored = [(i, _score(text, names)) for i, text in enumerate(sentences)]
    for index, weight in sorted(scored, key=lambda pair: (-pair[1], pair[0])):
        if len(chosen) >= limit or weight < 2:
            break
        if index not in chosen:
            chosen.append(index)
    if not chosen:
        chosen = [len(sentences) - 1]
    return [sentences[i][:MAX_FACT_CHARS] for i in sorted(chosen)]
