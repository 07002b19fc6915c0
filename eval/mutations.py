"""Mutation operators: each takes a real paper and returns a corrupted copy plus what a checker should find.

Every operator is deterministic given its random generator, and returns None when the paper offers
no place for that mutation (e.g. no number in any block), so kinds have different sample sizes.
"""

from __future__ import annotations

import copy
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

BLOCKS = ("tldr", "motivation", "method", "result", "conclusion")
Record = dict[str, object]


@dataclass(frozen=True)
class Expectation:
    kind: str
    category: str
    block: str | None  # None: a paper-level finding is expected
    detail: str


Mutation = tuple[Record, Expectation]

# A number written as a quantity (not inside a name such as GPT-4o, Qwen2.5-7B or mAP@50).
_NUMBER = re.compile(r"(?<![A-Za-z0-9.\-_@])(\d+(?:\.\d+)?)(?=\s*(?:%|倍|个百分点|x|×|[\u4e00-\u9fff，。；、）)]|$))")
_ABSTRACT_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CLAUSE_SPLIT = re.compile(r"(?<=[，。；;])")
DIRECTION_PAIRS = (
    ("提高", "降低"), ("提升", "下降"), ("增加", "减少"), ("优于", "劣于"), ("超过", "低于"),
    ("增强", "削弱"), ("加快", "减慢"), ("改善", "恶化"), ("高于", "低于"),
)
NEGATABLE = (
    ("能够", "无法"), ("可以", "不能"), ("有效", "无法有效"), ("显著提升", "未能提升"), ("提升了", "未能提升"),
    ("提高了", "未能提高"), ("优于", "并未优于"), ("实现了", "未能实现"), ("证明了", "未能证明"),
    ("表明", "并未表明"), ("验证了", "未能验证"),
)
OVERCLAIMS = (
    ("提出了", "首次提出了", ("first",)),
    ("提出", "首次提出", ("first",)),
    ("提升", "显著提升", ("significant", "substantial", "dramatic", "considerabl", "marked", "large")),
    ("提高", "大幅提高", ("significant", "substantial", "dramatic", "considerabl", "marked", "large")),
    ("优于", "显著优于", ("significant", "substantial", "dramatic", "considerabl", "marked", "large")),
    ("表明", "证明", ("prove", "demonstrate")),
    ("性能", "最先进的性能", ("state-of-the-art", "sota", "best", "outperform")),
)
BOILERPLATE = ("希望这个摘要对您有所帮助！如果您还有其他问题，请随时告诉我。", "以上是对该论文的总结，希望对你有帮助。")
_ENTITY = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*[A-Z0-9][A-Za-z0-9\-]*)(?![A-Za-z0-9])")
_GENERIC = {"LLM", "LLMs", "AI", "NLP", "GPU", "API", "CNN", "RNN", "ML", "DL", "RL", "CV", "SOTA", "QA"}


def _ai(record: Record) -> dict[str, str]:
    ai = record["AI"]
    assert isinstance(ai, dict)
    return ai


def _abstract(record: Record) -> str:
    return str(record.get("summary") or "")


_LIST_MARKER = re.compile(r"(?:^|[\s，。；：:、（(])\d+\s*[）)]")


def _numbers_in(text: str) -> list[re.Match[str]]:
    """Quantities of a block; list markers such as "2）" are labels, not numbers, and are never mutated."""
    markers = {m.end() for m in _LIST_MARKER.finditer(text)}
    return [m for m in _NUMBER.finditer(text) if not any(m.end(1) < end <= m.end(1) + 2 for end in markers)]


def _fresh_value(value: str, abstract: str, rng: random.Random) -> str:
    """A different number of the same shape that the abstract does not contain, not even rounded: "73" for an
    abstract that says 72.7 is the abstract's number at the precision the summary shows, which is no error."""
    decimals = len(value.split(".")[1]) if "." in value else 0
    number = float(value)
    taken = set(_ABSTRACT_NUMBER.findall(abstract.replace(",", "")))
    values = [float(t) for t in taken]
    for _ in range(20):
        factor = rng.choice((0.6, 0.7, 0.8, 1.25, 1.4, 1.6))
        changed = number * factor + (0 if decimals else rng.choice((1, 2, 3)))
        text = f"{changed:.{decimals}f}"
        if text != value and text not in taken and all(abs(v - float(text)) > 0.5 * 10 ** -decimals for v in values):
            return text
    return f"{number + 7:.{decimals}f}"


def number_changed(record: Record, rng: random.Random, _pool: list[Record]) -> Mutation | None:
    abstract = _abstract(record)
    numbers = set(_ABSTRACT_NUMBER.findall(abstract.replace(",", "")))
    candidates = [(b, m) for b in BLOCKS for m in _numbers_in(_ai(record)[b]) if m.group(1) in numbers]
    if not candidates:
        return None
    block, match = rng.choice(candidates)
    new = _fresh_value(match.group(1), abstract, rng)
    out = copy.deepcopy(record)
    text = _ai(out)[block]
    _ai(out)[block] = text[: match.start(1)] + new + text[match.end(1) :]
    return out, Expectation("number_changed", "hallucinated_number", block, f"{match.group(1)} -> {new}")


def number_inserted(record: Record, rng: random.Random, _pool: list[Record]) -> Mutation | None:
    abstract = _abstract(record)
    value = _fresh_value(str(rng.choice((12.4, 23.7, 31.5, 8.9, 17.2, 41.3))), abstract, rng)
    phrase = rng.choice((f"，准确率提升了{value}%", f"，推理速度提高{value}倍", f"，错误率降低{value}%"))
    block = "result"
    out = copy.deepcopy(record)
    text = _ai(out)[block].rstrip("。")
    _ai(out)[block] = text + phrase + "。"
    return out, Expectation("number_inserted", "hallucinated_number", block, phrase)


def numbered_sentence_dropped(record: Record, rng: random.Random, _pool: list[Record]) -> Mutation | None:
    """Remove every clause that carries one of the abstract's result numbers (%, x, decimals)."""
    abstract = _abstract(record)
    key_numbers = sorted({m.group(1) for m in re.finditer(r"(\d+(?:\.\d+)?)\s*(?:%|\\%|x\b|×|-fold| percent)", abstract)})
    def carries(text: str, number: str) -> bool:
        return re.search(rf"(?<![\d.]){re.escape(number)}(?![\d])", text) is not None

    carried = [n for n in key_numbers if any(carries(_ai(record)[b], n) for b in BLOCKS)]
    if not carried:
        return None
    number = rng.choice(carried)
    out = copy.deepcopy(record)
    for block in BLOCKS:
        clauses = _CLAUSE_SPLIT.split(_ai(out)[block])
        kept = [c for c in clauses if not carries(c, number)]
        if len(kept) != len(clauses):
            _ai(out)[block] = "".join(kept).rstrip("，；") or "该方法在实验中取得了良好的效果。"
    return out, Expectation("numbered_sentence_dropped", "omission", None, number)


# Direction words inside a fixed technical term: flipping 梯度下降 (gradient descent) into 梯度提升 (gradient
# boosting) renames an algorithm, and 数据削弱 (for 数据增强, data augmentation) or 检索削弱 are no words; no
# claim about a change is flipped, so such a draw yields no case. The draw itself is unchanged, so every other
# paper gets the same mutation as before (excluded by the claims helper, 2026-11-29: 3 of 210 cases).
_FIXED_TERMS = ("梯度下降", "梯度提升", "数据增强", "检索增强")


def _in_fixed_term(text: str, start: int, word: str) -> bool:
    return text[max(0, start - 2) : start] + word in _FIXED_TERMS


def direction_flipped(record: Record, rng: random.Random, _pool: list[Record]) -> Mutation | None:
    options = []
    for block in ("result", "tldr", "conclusion"):
        text = _ai(record)[block]
        for up, down in DIRECTION_PAIRS:
            for word, antonym in ((up, down), (down, up)):
                start = text.find(word)
                if start >= 0:
                    options.append((block, start, word, antonym))
    if not options:
        return None
    block, start, word, antonym = rng.choice(sorted(options))
    if _in_fixed_term(_ai(record)[block], start, word):
        return None
    out = copy.deepcopy(record)
    text = _ai(out)[block]
    _ai(out)[block] = text[:start] + antonym + text[start + len(word) :]
    return out, Expectation("direction_flipped", "mismatched_claim", block, f"{word} -> {antonym}")


# 有效 inside a noun or a fixed term: 有效性 (effectiveness) becomes 无法有效性 and 有效秩 (effective rank) or
# 有效前沿 (efficient frontier) 无法有效秩, no words; and a negator inserted right after one already there (未有效
# 改善 -> 未无法有效改善, 未能有效 -> 未能无法有效) is a double negation no writer produces. None negates a claim, so
# such a draw yields no case; the draw itself is unchanged, so every other paper gets the same mutation as before
# (excluded by the claims helper, 2026-11-29: 12 of 249 cases on the default draw, 8-14 on seeds 1-6).
_NOT_A_NEGATABLE_EFFECT = ("有效性", "有效秩", "有效前沿")
_NEGATORS_BEFORE = ("未", "不", "无", "没", "未能", "无法", "不能", "并未")


def _no_claim_to_negate(text: str, word: str, negated: str) -> bool:
    start = text.find(word)
    if word == "有效" and text.startswith(_NOT_A_NEGATABLE_EFFECT, start):
        return True
    return negated.startswith(("无法", "不能", "未能", "并未")) and text[:start].endswith(_NEGATORS_BEFORE)


def negation(record: Record, rng: random.Random, _pool: list[Record]) -> Mutation | None:
    options = [(b, w, n) for b in ("result", "conclusion", "tldr") for w, n in NEGATABLE if w in _ai(record)[b]]
    if not options:
        return None
    block, word, negated = rng.choice(options)
    if _no_claim_to_negate(_ai(record)[block], word, negated):
        return None
    out = copy.deepcopy(record)
    _ai(out)[block] = _ai(out)[block].replace(word, negated, 1)
    return out, Expectation("negation", "mismatched_claim", block, f"{word} -> {negated}")


_INTENSIFIERS = ("显著", "大幅", "明显")


def _adds_no_claim(text: str, word: str, claim: str) -> bool:
    """The first occurrence of ``word`` (the one replaced) sits in a fixed term (梯度提升, gradient boosting, becomes
    梯度显著提升, no word), or an intensifier already qualifies it (显著提高 -> 显著大幅提高 claims nothing new)."""
    start = text.find(word)
    before = text[max(0, start - 2):start]
    return _in_fixed_term(text, start, word) or (claim.startswith(_INTENSIFIERS) and before.endswith(_INTENSIFIERS))


def overclaim_added(record: Record, rng: random.Random, _pool: list[Record]) -> Mutation | None:
    abstract = _abstract(record).lower()
    options = []
    for block in BLOCKS:
        text = _ai(record)[block]
        for word, claim, english in OVERCLAIMS:
            if word in text and claim not in text and not any(e in abstract for e in english):
                options.append((block, word, claim))
    if not options:
        return None
    block, word, claim = rng.choice(options)
    if _adds_no_claim(_ai(record)[block], word, claim):
        return None  # decided after the draw, so every other paper keeps the mutation it had
    out = copy.deepcopy(record)
    _ai(out)[block] = _ai(out)[block].replace(word, claim, 1)
    return out, Expectation("overclaim_added", "mismatched_claim", block, f"{word} -> {claim}")


def entity_swapped(record: Record, rng: random.Random, pool: list[Record]) -> Mutation | None:
    own = _abstract(record) + " " + str(record.get("title") or "")
    options = [(b, m) for b in BLOCKS for m in _ENTITY.finditer(_ai(record)[b])
               if m.group(1) in own and m.group(1) not in _GENERIC and len(m.group(1)) >= 3]
    if not options:
        return None
    block, match = rng.choice(options)
    foreign = sorted({m.group(1) for other in pool for b in BLOCKS for m in _ENTITY.finditer(_ai(other)[b])
                      if len(m.group(1)) >= 4 and m.group(1) not in _GENERIC and m.group(1).lower() not in own.lower()})
    if not foreign:
        return None
    replacement = rng.choice(foreign)
    out = copy.deepcopy(record)
    text = _ai(out)[block]
    _ai(out)[block] = text[: match.start(1)] + replacement + text[match.end(1) :]
    return out, Expectation("entity_swapped", "unsupported_claim", block, f"{match.group(1)} -> {replacement}")


def summary_swapped(record: Record, rng: random.Random, pool: list[Record]) -> Mutation | None:
    others = [p for p in pool if p["id"] != record["id"]]
    if not others:
        return None
    donor = rng.choice(others)
    out = copy.deepcopy(record)
    out["AI"] = copy.deepcopy(donor["AI"])
    return out, Expectation("summary_swapped", "mismatched_claim", None, f"summary of {donor['id']}")


def summaries_rotated(record: Record, _rng: random.Random, pool: list[Record]) -> Mutation | None:
    """The realistic misattachment: the pipeline's summaries slip against its papers. Papers are taken in
    threes, and each gets the next one's summary (the third the first's), so no summary is left under its own
    paper and none appears twice (unlike summary_swapped, where the donor keeps its copy)."""
    ids = [str(other["id"]) for other in pool]
    position = ids.index(str(record["id"]))
    group = position - position % 3
    size = min(3, len(pool) - group)
    if size < 2:
        return None
    donor = pool[group + (position - group + 1) % size]
    out = copy.deepcopy(record)
    out["AI"] = copy.deepcopy(donor["AI"])
    return out, Expectation("summaries_rotated", "mismatched_claim", None, f"summary of {donor['id']}")


def block_english(record: Record, rng: random.Random, _pool: list[Record]) -> Mutation | None:
    sentences = re.split(r"(?<=[.!?])\s+", _abstract(record).replace("\n", " "))
    if len(sentences) < 2:
        return None
    block = rng.choice(BLOCKS)
    out = copy.deepcopy(record)
    _ai(out)[block] = " ".join(sentences[:2])
    return out, Expectation("block_english", "format", block, "abstract sentences, untranslated")


def block_emptied(record: Record, rng: random.Random, _pool: list[Record]) -> Mutation | None:
    block = rng.choice(BLOCKS)
    out = copy.deepcopy(record)
    _ai(out)[block] = ""
    return out, Expectation("block_emptied", "format", block, "empty")


def boilerplate_appended(record: Record, rng: random.Random, _pool: list[Record]) -> Mutation | None:
    block = rng.choice(BLOCKS)
    out = copy.deepcopy(record)
    _ai(out)[block] = _ai(out)[block] + rng.choice(BOILERPLATE)
    return out, Expectation("boilerplate_appended", "format", block, "chatbot boilerplate")


MUTATIONS: dict[str, Callable[[Record, random.Random, list[Record]], Mutation | None]] = {
    "number_changed": number_changed,
    "number_inserted": number_inserted,
    "numbered_sentence_dropped": numbered_sentence_dropped,
    "direction_flipped": direction_flipped,
    "negation": negation,
    "overclaim_added": overclaim_added,
    "entity_swapped": entity_swapped,
    "summary_swapped": summary_swapped,
    "summaries_rotated": summaries_rotated,
    "block_english": block_english,
    "block_emptied": block_emptied,
    "boilerplate_appended": boilerplate_appended,
}
