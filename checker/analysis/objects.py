"""What a Chinese direction word acts on: the object after it (its head noun), whether that is a cost or a good
quantity, and the English word of a Chinese modifier next to it (C101)."""

from __future__ import annotations

import re

from checker.analysis import lexicon as lx
from checker.analysis.valence import head_is_cost


def object_after(text: str) -> str:
    """What a direction word acts on, from the text after it: up to a clause conjunction, and the head noun
    after 的 ("降低低相关性令牌的权重" lowers a weight; "降低稀疏奖励、长视野任务的样本效率" a sample efficiency,
    though 、 joins its modifiers), unless 的 opens what the whole phrase describes ("降低...样本效率的新方法",
    "...能力的一条...路径": the object stands before it)."""
    if _ZH_JOIN_FIRST.match(text):
        return ""  # "2.53倍加速和67%的FLOPs缩减": the word ends its phrase, no object follows
    head = text.find("的", 0, _HEAD_WITHIN) + 1
    if head and all(match.group() == "、" for match in _CLAUSE_CONJUNCTION.finditer(text, 0, head)):
        tail = _CLAUSE_CONJUNCTION.split(text[head:])[0]  # only 、 (between modifiers) before 的
    else:
        text = _CLAUSE_CONJUNCTION.split(text)[0]
        head = text.find("的", 0, _HEAD_WITHIN) + 1
        tail = text[head:]
    if head and len(tail) >= 2 and not _ZH_VERB.search(text, 0, head):  # not "增加不确定性是实现安全的..."
        return text[: head - 1] if _ZH_DESCRIBED.match(text, head) else tail
    return _CLAUSE_CONJUNCTION.split(text)[0]


_ZH_JOIN_FIRST = re.compile(r"[和与及、或]")
_HEAD_WITHIN = 24  # Latin names listed before 的 are long ("ELIC、VTM和MS-ILLM的感知质量")
# Nouns a phrase with 的 describes rather than quantities it changes ("一种降低X的新方法").
_ZH_DESCRIBED = re.compile(r"一[种个条项类套]|[^，。；的]{0,4}?的?(?:方法|框架|路径|途径|工具|方案|策略|机制|技术|系统|"
                           r"手段|算法|范式|思路|方向)(?=$|[和与及])")  # "...的预处理方法", not "...的系统延迟"


_ZH_VERB = re.compile(r"[是为使让将把]")
CONJUNCTION = re.compile(r"并且?|而且?|且|同时|和|与|但|及|、")
_CLAUSE_CONJUNCTION = re.compile(r"并且?|而且?|且|同时|但|、|方面|(?:和|与|及)(?=保持|维持|提高|提升|实现|增强|改善|确保|保证)")

_ZH_MODIFIER = {"语义": "semantic", "量子": "quantum", "认知": "cognitive", "检索": "retrieval", "知识": "knowledge", "推理": "reasoning",
                "记忆": "memory", "工具": "tool", "视觉": "vision", "语言": "language", "物理": "physics",
                "注意力": "attention", "感知": "perception", "标记": "token"}
# Quotes and 的 around a term, and a generic head noun after it ("推理能力削弱": reasoning).
_ZH_TERM_EDGE = re.compile(r"^[的“”\"'‘’\s]+|[的“”\"'‘’\s]+$")
_ZH_GENERIC_HEAD = re.compile(r"(?:能力|模型|方法|机制)$")


def chinese_term(text: str, *, at_end: bool) -> str | None:
    """The English word of the Chinese modifier (_ZH_MODIFIER) that ends (``at_end``) or starts a text."""
    text = _ZH_TERM_EDGE.sub("", text)
    if at_end:
        text = _ZH_GENERIC_HEAD.sub("", text)
    for chinese, english in _ZH_MODIFIER.items():
        if text.endswith(chinese) if at_end else text.startswith(chinese):
            return english
    return None


ZH_ANY_CONCEPT = re.compile("|".join(pattern.pattern for pattern, _ in lx.CHANGE_CONCEPTS))
ZH_CONCEPT_AT_END = re.compile(f"(?:{ZH_ANY_CONCEPT.pattern}).?$")


def ends_with_cost(text: str) -> bool:
    return any(match.end() == len(text) for match in lx.ZH_COST.finditer(text))


def about_cost(strict: str, verb_at: int = -1) -> bool | None:
    """Whether the object of a direction word is a cost; with a cost and a good quantity both named, the head
    noun ending the object decides ("风险预测模型性能" is a performance; "提高推理成本" and "将推理成本提高" a
    cost, the direction word at ``verb_at`` right after it), else it is too tangled to read (None)."""
    costs = list(lx.ZH_COST.finditer(strict))
    if not costs:
        return False
    if not ZH_ANY_CONCEPT.search(strict):
        return True
    head = ZH_CONCEPT_AT_END.search(strict)
    if head and head.start() >= costs[-1].end() and not ZH_ANY_CONCEPT.search(strict, costs[-1].start(),
                                                                               costs[-1].end()):
        return False
    if verb_at >= 0 and not _ZH_NOT_AMOUNT.search(strict, verb_at + _WORD):
        # Nothing after the word: the noun right before it is what changed ("单位内存吞吐量下降": a throughput)
        return head_is_cost(strict, verb_at, verb_at + _WORD, 0, len(strict), after=False)
    last = costs[-1]
    ends = not _ZH_PARTICLES.sub("", strict[last.end() :]) or 0 <= verb_at - last.end() <= _ADVERB
    if ends and verb_at >= 0 and not ZH_ANY_CONCEPT.search(strict, last.start()):
        return True
    return None


_ZH_PARTICLES = re.compile(r"[的了等]")
# Chinese text that is more than an amount ("了", "高达10³倍", "约30%"): an object after the word.
_ZH_NOT_AMOUNT = re.compile(r"(?![了的等倍高达约至到近超过余以上左右个百分点])[\u4e00-\u9fff]")
_WORD = 2  # every direction word of lexicon.ZH_UP and ZH_DOWN has two characters
_ADVERB = 2  # 显著, 大幅 ... between a cost and the direction word after it
