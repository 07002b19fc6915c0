"""Chatbot boilerplate in a block, recognised by its grammatical shape rather than by a list of sentences (F301).

A summary reports a paper in the third person. A chat assistant's filler has five shapes that such prose never
takes, whatever the wording (the patterns: checker/analysis/boilerplate_shapes.py):

- **address**: the reader is spoken to: second person (您/你, you) with a request, a condition or an offer
  ("若你对…感兴趣，可以…", "If you would like…", "Feel free to…"), a polite request (请…/please…), advice to
  read the original;
- **offer**: more help is offered: first person singular with a modal and a helping verb ("我可以为你解释…",
  "I'd be happy to elaborate"), a conditional offer ("如需…，请…"), "would you like me to…", "还有什么…吗";
- **self_reference**: the text talks about itself: "以上是/以下是…的总结", "本摘要由…生成", "here is a
  summary", "the summary above";
- **assistant**: the writer presents itself as the assistant: "作为一个AI…，我…", "I am an AI…", "I don't
  have access…", an acknowledgement opening a sentence ("好的，", "Sure,"), "根据你提供的…";
- **closing**: a politeness formula: "希望这…有帮助", "祝…愉快", "谢谢…", "仅供参考", "I hope this helps".

What the paper holds itself is its content, not filler: a concept the abstract (or title) also holds, in any
language (a paper on chat assistants may quote "let me know if you need anything"), a span the abstract contains
word for word, or a summary noun (摘要, 总结, 回答...) whose English translation the abstract uses (a paper on
summarization). Cost: one scan of a literal alternation per block (the anchors); a pattern runs only on a block
that holds one of its anchors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.analysis.artifacts import in_reference
from checker.analysis.bilingual import align_clause
from checker.analysis.boilerplate_shapes import E_AI, E_ME, SHAPES, Shape
from checker.text.alternation import grouped_alternation
from checker.text.sentences import block_sentences, clauses, english_sentences

_ANCHORS = re.compile(grouped_alternation(a for s in SHAPES for a in s.anchors))
_BY_ANCHOR: dict[str, tuple[int, ...]] = {}
for _index, _s in enumerate(SHAPES):
    for _anchor in _s.anchors:
        _BY_ANCHOR[_anchor] = (*_BY_ANCHOR.get(_anchor, ()), _index)

# A summary noun is the paper's own term when the abstract uses its translation (a paper on summarization).
_NOUN_TRANSLATIONS: dict[str, re.Pattern[str]] = {
    noun: re.compile(pattern, re.IGNORECASE)
    for nouns, pattern in (
        (("摘要", "总结", "概括", "归纳", "小结", "summary", "recap", "synopsis"), r"summar|abstracts\b|recap|synops"),
        (("概述", "简介", "overview", "breakdown"), r"overview|summar|survey"),
        (("回答", "回复", "答复", "answer", "response"), r"\banswer|respon|repl(?:y|ies)"),
        (("解读", "分析", "介绍", "梳理", "要点", "explanation"), r"interpret|explan|explain|analy"),
    )
    for noun in nouns
}
# An abstract sentence in the first or second person: quoted speech, an example, a prompt the paper studies.
_PERSON = re.compile(rf"\b(?i:you|your|me|my)\b|{E_ME}")
# Mentions in an abstract that make a concept the paper's subject even when it is not phrased as filler: a system
# the paper builds "as an AI copilot" is translated 作为AI副驾驶.
_MENTIONS: dict[str, re.Pattern[str]] = {
    "ai-identity": re.compile(rf"\bas an? {E_AI}\b|\b(?:AI )?co-?pilot\b", re.IGNORECASE),
}


@dataclass(frozen=True)
class Boilerplate:
    """One chatbot sentence of a block: its shape, the concept of the pattern, what matched, and how sure."""

    shape: str
    concept: str
    sentence: str  # the whole sentence that holds it: the span a finding quotes
    matched: str
    confidence: float


def _candidates(text: str) -> list[Shape]:
    """The shapes whose anchors ``text`` holds, in table order."""
    indexes: set[int] = set()
    for anchor in set(_ANCHORS.findall(text)):
        indexes.update(_BY_ANCHOR[anchor])
    return [SHAPES[i] for i in sorted(indexes)]


def may_hold_boilerplate(text: str) -> bool:
    """The cheap screen: False means no shape can match ``text``."""
    return _ANCHORS.search(text) is not None


class PaperReference:
    """The abstract and title of one paper, and which concepts they hold (computed on demand, once each)."""

    def __init__(self, abstract: str, title: str = "") -> None:
        self.abstract = abstract
        self.text = f"{abstract}\n{title}".strip()
        self._concepts: dict[str, bool] = {}
        self._sentences: list[str] | None = None
        self._person: set[int] = set()

    def restates_speech(self, clause: str) -> bool:
        """Whether ``clause`` restates (confidently aligned, checker.analysis.bilingual) an abstract sentence in
        the first or second person: a translated example or quotation ("If you mow the lawn, I will give you
        fifty dollars"), not the summary speaking. Aligns only when the abstract has such a sentence."""
        if self._sentences is None:
            self._sentences = [s.text for s in english_sentences(self.abstract)]
            self._person = {i for i, s in enumerate(self._sentences) if _PERSON.search(s)}
        if not self._person:
            return False
        found = align_clause(clause, self._sentences)
        return found is not None and found.confident and any(i in self._person for i in found.indices)

    def holds_concept(self, concept: str) -> bool:
        if concept not in self._concepts:
            mention = _MENTIONS.get(concept)
            self._concepts[concept] = bool(self.text) and (
                any(s.regex.search(self.text) for s in SHAPES if s.concept == concept)
                or (mention is not None and mention.search(self.text) is not None))
        return self._concepts[concept]

    def owns(self, match: re.Match[str], shape: Shape) -> bool:
        """Whether the paper itself holds what matched: the same concept, the same words, or the translation of
        the summary noun."""
        if not self.text:
            return False
        if self.holds_concept(shape.concept):
            return True
        matched = match.group(0).strip()
        if len(matched) >= 3 and in_reference(matched, self.text):
            return True
        noun = match.groupdict().get("noun")
        translation = _NOUN_TRANSLATIONS.get(noun.lower()) if noun else None
        return translation is not None and translation.search(self.text) is not None


def find_boilerplate(text: str, reference: PaperReference | None = None) -> Boilerplate | None:
    """The first chatbot sentence of ``text`` (where two shapes match at one place, the surer one), or None.
    What ``reference`` (the paper's abstract and title) holds itself is not filler."""
    shapes = _candidates(text)
    found = sorted(((match.start(), -shape.confidence, index, match) for index, shape in enumerate(shapes)
                    for match in shape.regex.finditer(text)
                    if reference is None or not reference.owns(match, shape)), key=lambda item: item[:3])
    if not found:
        return None
    sentences = block_sentences(text)
    pieces = clauses(text)
    for _, _, index, match in found:
        where = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        sentence = next((s.text for s in reversed(sentences) if s.start <= where), match.group(0))
        clause = next((c.text for c in reversed(pieces) if c.start <= where), sentence)
        if reference is not None and reference.restates_speech(clause):
            continue  # the paper's own example or quotation, translated
        shape = shapes[index]
        return Boilerplate(shape.shape, shape.concept, sentence, match.group(0), shape.confidence)
    return None
