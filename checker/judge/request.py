"""One judge request per paper: the abstract once, numbered summary sentences, the key-fact checklist."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from checker.analysis.context import PaperContext
from checker.judge.keyfacts import extract_key_facts
from checker.judge.prompts import PromptSet
from checker.judge.schema import schema_text
from checker.model import BLOCK_LABELS, Paper
from checker.text.sentences import block_sentences

# The data fences: anything in the data that looks like one is neutralised so data cannot close a fence.
FENCE_MARK = "<<<"
FENCE_END = ">>>"
_FENCE_LIKE = re.compile(r"<{3,}|>{3,}")


@dataclass(frozen=True)
class Sentence:
    id: str  # "method:2"
    block: str
    text: str


@dataclass(frozen=True)
class JudgeRequest:
    arxiv_id: str
    abstract: str
    sentences: tuple[Sentence, ...]
    key_facts: tuple[str, ...]
    input_hash: str

    def sentence(self, sentence_id: str) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.id == sentence_id:
                return sentence
        return None

    def key_fact(self, fact_id: str) -> str | None:
        match = re.fullmatch(r"K(\d+)", fact_id.strip())
        if not match or not 1 <= int(match.group(1)) <= len(self.key_facts):
            return None
        return self.key_facts[int(match.group(1)) - 1]


def split_sentences(text: str) -> list[str]:
    """The sentences of a block the judge numbers: those the report shows (``checker.text.sentences``), but a
    sentence of one character."""
    return [sentence.text for sentence in block_sentences(text) if len(sentence.text) > 1]


def build_request(paper: Paper, language: str = "zh") -> JudgeRequest | None:
    """None when there is nothing to judge: no abstract or no block with real text."""
    if not paper.abstract or not paper.abstract.strip():
        return None
    ctx = PaperContext(paper=paper, language=language)
    sentences: list[Sentence] = []
    for block, text in ctx.content_blocks():
        for number, sentence in enumerate(split_sentences(text), start=1):
            sentences.append(Sentence(f"{block}:{number}", block, sentence))
    if not sentences:
        return None
    abstract = paper.abstract.strip()
    facts = tuple(extract_key_facts(abstract))
    payload = json.dumps([abstract, [(s.id, s.text) for s in sentences], facts], ensure_ascii=False)
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
    return JudgeRequest(paper.arxiv_id, abstract, tuple(sentences), facts, digest)


def _fence(text: str) -> str:
    return _FENCE_LIKE.sub(lambda m: "‹" * len(m.group(0)) if m.group(0)[0] == "<" else "›" * len(m.group(0)), text)


def user_message(request: JudgeRequest, prompts: PromptSet, json_object: bool) -> str:
    lines = []
    current = ""
    for sentence in request.sentences:
        if sentence.block != current:
            current = sentence.block
            lines.append(f"[{BLOCK_LABELS.get(current, current)}]")
        lines.append(f"{sentence.id} {_fence(sentence.text)}")
    facts = "\n".join(f"K{i} {_fence(fact)}" for i, fact in enumerate(request.key_facts, start=1)) or "(none)"
    text = prompts.user.substitute(
        abstract=_fence(request.abstract), sentences="\n".join(lines), key_facts=facts,
        open=FENCE_MARK, close=FENCE_END,
    )
    if json_object:
        text += "\n\n" + prompts.json_object_suffix.substitute(schema=schema_text())
    return text


def messages(request: JudgeRequest, prompts: PromptSet, json_object: bool) -> list[dict[str, Any]]:
    return [
        {"role": "system", "content": prompts.system},
        {"role": "user", "content": user_message(request, prompts, json_object)},
    ]
