"""One judge request per paper: the abstract once, numbered summary claims, the key facts, the rules' hints.

A summary sentence is one id (``method:2``). A long one (over about 60 characters, or holding ：, a list of
、-separated items or enumerators) is cut into claims at its clause marks, ``method:2a``, ``method:2b``, ...,
judged in the same request: one label for a sentence that bundles three statements hides the one that is
wrong. Findings still land on the sentence (``Sentence.sentence_text``), one per sentence and family after
merging.

The system prompt is the fixed prefix of every request (provider prompt caching starts at 1,024 tokens); in
json_object mode the schema goes into it too, so the prefix stays the same for every paper.
"""

from __future__ import annotations

import hashlib
import json
import re
import string
from dataclasses import dataclass
from typing import Any

from checker.analysis.context import PaperContext
from checker.judge.keyfacts import extract_key_facts
from checker.judge.prompts import PromptSet
from checker.judge.schema import SCHEMA_VERSION, schema_text
from checker.model import BLOCK_LABELS, Category, Finding, Paper
from checker.text.sentences import block_sentences

# Bumped when the messages change shape in a way the prompt files do not show (ids, sections, hints).
MESSAGE_FORMAT = "3"
FORMAT_VERSION = f"m{MESSAGE_FORMAT}-s{SCHEMA_VERSION}"

# The data fences: anything in the data that looks like one is neutralised so data cannot close a fence.
FENCE_MARK = "<<<"
FENCE_END = ">>>"
_FENCE_LIKE = re.compile(r"<{3,}|>{3,}")

LONG_SENTENCE = 60  # characters of a CJK sentence; an English one is long past 3x that
MIN_CLAIM = 8  # a clause shorter than this joins its neighbour
MAX_CLAIMS = 8
_CJK = re.compile(r"[\u4e00-\u9fff\u3040-\u30ff]")
_LIST_MARKS = re.compile(r"[：:]|、.*、|[（(]?[1-9一二三四五][)）]|[①②③④⑤]")
_CLAUSE_END = re.compile(r"(?<=[，,：:；;])(?!\d{3})")
_CLAUSE_END_ENGLISH = re.compile(r"(?<=[;:])\s")
MAX_HINTS = 8
_HINT_CATEGORIES = {Category.hallucinated_number, Category.mismatched_claim, Category.unsupported_claim}


@dataclass(frozen=True)
class Sentence:
    id: str  # "method:2", or a claim of a long sentence: "method:2b"
    block: str
    text: str  # what is judged: the sentence, or one claim of it
    sentence_id: str = ""  # "method:2": the report sentence this claim is part of
    sentence_text: str = ""  # that whole sentence (findings are one per sentence and family)

    @property
    def whole(self) -> str:
        return self.sentence_text or self.text

    @property
    def key(self) -> str:
        return self.sentence_id or self.id


@dataclass(frozen=True)
class Hint:
    """A content finding of the rules, sent for the judge to confirm or reject with a quote."""

    id: str  # "H1"
    rule: str
    category: str
    block: str
    summary_span: str
    message: str


@dataclass(frozen=True)
class JudgeRequest:
    arxiv_id: str
    abstract: str
    sentences: tuple[Sentence, ...]
    key_facts: tuple[str, ...]
    input_hash: str
    hints: tuple[Hint, ...] = ()

    def sentence(self, sentence_id: str) -> Sentence | None:
        wanted = sentence_id.strip()
        for sentence in self.sentences:
            if sentence.id == wanted:
                return sentence
        return None

    def key_fact(self, fact_id: str) -> str | None:
        match = re.fullmatch(r"K(\d+)", fact_id.strip())
        if not match or not 1 <= int(match.group(1)) <= len(self.key_facts):
            return None
        return self.key_facts[int(match.group(1)) - 1]

    def hint(self, hint_id: str) -> Hint | None:
        wanted = hint_id.strip()
        return next((hint for hint in self.hints if hint.id == wanted), None)

    def fact_ids(self) -> list[str]:
        return [f"K{i}" for i in range(1, len(self.key_facts) + 1)]

    def all_ids(self) -> list[str]:
        """Every id that must get a verdict: claims, key facts, hints."""
        return [s.id for s in self.sentences] + self.fact_ids() + [h.id for h in self.hints]


def split_sentences(text: str) -> list[str]:
    """The sentences of a block the judge numbers: those the report shows (``checker.text.sentences``), but a
    sentence of one character."""
    return [sentence.text for sentence in block_sentences(text) if len(sentence.text) > 1]


def split_claims(sentence: str) -> list[str]:
    """A long sentence cut at its clause marks into claims of at least MIN_CLAIM characters; a short one whole.

    Every claim is a substring of the sentence and together they cover it; a runaway list ends in one claim."""
    cjk = bool(_CJK.search(sentence))
    long = len(sentence) > (LONG_SENTENCE if cjk else 3 * LONG_SENTENCE)
    if not long and not (cjk and _LIST_MARKS.search(sentence)):
        return [sentence]
    marks = _CLAUSE_END if cjk else _CLAUSE_END_ENGLISH
    cuts = [0] + [m.start() for m in marks.finditer(sentence) if 0 < m.start() < len(sentence)]
    bounds: list[list[int]] = []  # [start, end) of each claim
    for index, begin in enumerate(cuts):
        finish = cuts[index + 1] if index + 1 < len(cuts) else len(sentence)
        piece = sentence[begin:finish].strip()
        if bounds and (len(sentence[bounds[-1][0]:bounds[-1][1]].strip()) < MIN_CLAIM or len(piece) < MIN_CLAIM // 2):
            bounds[-1][1] = finish
        else:
            bounds.append([begin, finish])
    if len(bounds) > 1 and len(sentence[bounds[-1][0]:bounds[-1][1]].strip()) < MIN_CLAIM:
        last = bounds.pop()
        bounds[-1][1] = last[1]
    if len(bounds) > MAX_CLAIMS:
        bounds = bounds[:MAX_CLAIMS - 1] + [[bounds[MAX_CLAIMS - 1][0], len(sentence)]]
    claims = [sentence[begin:finish].strip() for begin, finish in bounds]
    claims = [claim for claim in claims if claim]
    return claims if len(claims) > 1 else [sentence]


def _hints(findings: list[Finding]) -> tuple[Hint, ...]:
    usable = [f for f in findings if f.source == "heuristic" and f.category in _HINT_CATEGORIES
              and f.block and f.summary_span]
    usable.sort(key=lambda f: (-f.severity.rank, f.rule, f.block or "", f.summary_span or ""))
    hints = []
    for number, finding in enumerate(usable[:MAX_HINTS], start=1):
        hints.append(Hint(f"H{number}", finding.rule, finding.category.value, finding.block or "",
                          finding.summary_span or "", finding.message[:160]))
    return tuple(hints)


def build_request(paper: Paper, language: str = "zh", findings: list[Finding] | None = None) -> JudgeRequest | None:
    """None when there is nothing to judge: no abstract or no block with real text.

    ``findings`` are the paper's findings of the rules: its content findings become hints."""
    if not paper.abstract or not paper.abstract.strip():
        return None
    ctx = PaperContext(paper=paper, language=language)
    sentences: list[Sentence] = []
    for block, text in ctx.content_blocks():
        for number, sentence in enumerate(split_sentences(text), start=1):
            sid = f"{block}:{number}"
            claims = split_claims(sentence)
            if len(claims) == 1:
                sentences.append(Sentence(sid, block, sentence, sid, sentence))
                continue
            for letter, claim in zip(string.ascii_lowercase[:len(claims)], claims, strict=True):
                sentences.append(Sentence(f"{sid}{letter}", block, claim, sid, sentence))
    if not sentences:
        return None
    abstract = paper.abstract.strip()
    facts = tuple(extract_key_facts(abstract))
    hints = _hints(findings or [])
    payload = json.dumps([FORMAT_VERSION, abstract, [(s.id, s.text) for s in sentences], facts,
                          [(h.id, h.rule, h.block, h.summary_span, h.message) for h in hints]], ensure_ascii=False)
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
    return JudgeRequest(paper.arxiv_id, abstract, tuple(sentences), facts, digest, hints)


def _fence(text: str) -> str:
    return _FENCE_LIKE.sub(lambda m: "‹" * len(m.group(0)) if m.group(0)[0] == "<" else "›" * len(m.group(0)), text)


def user_message(request: JudgeRequest, prompts: PromptSet, json_object: bool = False) -> str:
    lines = []
    current = ""
    for sentence in request.sentences:
        if sentence.block != current:
            current = sentence.block
            lines.append(f"[{BLOCK_LABELS.get(current, current)}]")
        lines.append(f"{sentence.id} {_fence(sentence.text)}")
    facts = "\n".join(f"{fid} {_fence(fact)}" for fid, fact in zip(request.fact_ids(), request.key_facts, strict=True)) or "(none)"
    hints = "\n".join(f"{h.id} {h.block} [{h.category}] «{_fence(h.summary_span)}»: {_fence(h.message)}"
                      for h in request.hints) or "(none)"
    return prompts.user.substitute(
        abstract=_fence(request.abstract), sentences="\n".join(lines), key_facts=facts, hints=hints,
        open=FENCE_MARK, close=FENCE_END,
    )


def system_message(prompts: PromptSet, json_object: bool) -> str:
    if not json_object:
        return prompts.system
    return prompts.system + "\n\n" + prompts.json_object_suffix.substitute(schema=schema_text())


def messages(request: JudgeRequest, prompts: PromptSet, json_object: bool) -> list[dict[str, Any]]:
    return [
        {"role": "system", "content": system_message(prompts, json_object)},
        {"role": "user", "content": user_message(request, prompts, json_object)},
    ]

