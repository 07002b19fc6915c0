"""Hedges of an abstract and whether a summary clause keeps them: word lists, the hedge's scope in a sentence,
and a cheap clause-to-scope overlap score (numbers, Latin terms, content words, topics); also the words that do
and do not license 显著/大幅 (an intensity word that sizes a problem licenses nothing).

A finding the abstract hedges ("These findings suggest that X", "Y may Z", "offering potential for W") is an
overclaim when the summary restates it as a plain fact. The hedge governs only part of its sentence: after an
evidential verb ("suggest that ...") the words that follow it, around a modal ("... may ...") the sub-clause
that holds it; a summary clause is compared with that part only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from checker.analysis import lexicon as lx
from checker.analysis.align import clause_terms, numbers_in
from checker.analysis.clauses import OWN_WORK_WORDS
from checker.analysis.concepts import chinese_concepts, english_concepts
from checker.analysis.keys import keys, padded, raw_keys
from checker.text.alternation import grouped_alternation
from checker.text.sentences import sentence_starts, span_at

# 显著 starts 显著性 (significance) but also 显著性能 (显著 + 性能, "markedly better performance").
ZH_INTENSIFIER = re.compile(r"显著(?!性(?!能))|大幅|明显")
# An intensity word licenses 显著/大幅 unless it sizes a problem or the field's background rather than a result:
# "face significant challenges", "has attracted significant attention", "substantial amounts of data", "has
# become significant for reasoning". Word starts of the noun right after it, and the verbs right before it.
EN_BACKGROUND_NOUNS = (
    "challenge", "attention", "interest", "concern", "obstacle", "barrier", "hurdle", "importance", "role",
    "success", "progress", "advances ", "advancement", "potential", "promise", "risk", "overhead", "burden",
    "difficult", "limitation", "issue", "problem", "threat", "bottleneck", "effort", "amount", "quantit", "number",
    "volume", "resource", "investment", "expense", "of ")
# Words of size that lx.EN_INTENSITY lacks ("noticeable degradation", "a sizable efficiency gain").
EN_INTENSITY_MORE = keys("noticeabl*", "sizabl*", "sizeabl*", "appreciabl*")  # not "severe": a problem's size
EN_BACKGROUND_BEFORE = frozenset({"become", "becomes", "became", "attracted", "garnered", "gained", "drawn", "received",
                                  "too", "how", "so"})

# Evidential hedges: they govern the words after them.
EN_HEDGE_AFTER = keys("suggest", "suggests", "suggesting", "point toward*", "points toward*",
                      "pointing toward*", "hint at", "hints at", "hinting at", "potential for", "promise for")
# Modal hedges: they govern the sub-clause that holds them. Not "likely" ("more likely to fail" is a finding),
# not "partially" ("partially observable" names a setting), not bare "could" (mostly "could not", background).
EN_HEDGE_AROUND = keys("may", "might", "appear to", "appears to", "seem*", "potentially", "possibly",
                       "some inherent", "some evidence", "to some extent", "to some degree")
EN_HEDGES = EN_HEDGE_AFTER + EN_HEDGE_AROUND
# Hedges that 可/能 ("can") renders well enough: a possibility, not an inference from evidence.
EN_MODAL_ONLY = keys("may", "might", "potentially", "possibly", "potential for")
# "we suggest a new approach" proposes; it does not hedge.
EN_NOT_HEDGE = keys("we suggest", "suggest a", "suggest an", "suggest new", "suggests a", "suggests an")

# A clause that keeps a hedge, reports an observation, or frames a question.
ZH_HEDGED = re.compile(grouped_alternation(
    "可能 或许 也许 表明 潜在 潜力 初步 有望 暗示 提示 显示 倾向 似乎 一定程度 部分 前景 意味 说明 指向 认为 推测 "
    "揭示 发现 观察 看来 希望 值得 建议 探索 研究 分析 评估 是否 假设 若 如果 或".split()))
ZH_CAN = re.compile(r"可|能")
# Fragments ("对于金融情绪分类", "包括...") and descriptions of the method ("X是一种...", "提出...") restate no finding.
ZH_NOT_FINDING = re.compile(r"^(?:对于|包括|如|例如|比如|用于|即|尤其|特别是|当)|提出|引入|设计|构建|开发|一种")

_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"[A-Za-z]")
_SUB_CLAUSE = re.compile(r"[,;:]\s|\s(?:while|whereas|but|although)\s")
_SUB_CLAUSE_THAT = re.compile(r"[,;:]\s|\s(?:while|whereas|but|although|that)\s")


# Words that findings are made of and that the quality words of lx.CONCEPTS (性能, 准确率 ...) lack: a general
# research glossary, so that a clause without Latin terms can still find the abstract sentence it restates.
_CONTENT_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = tuple((zh, keys(*en)) for zh, en in (
    ("扩展|规模", ("scal*",)), ("优势|好处|收益", ("advantag*", "benefit*")), ("自动", ("automat*",)),
    ("训练", ("train*",)), ("微调", ("finetun*", "fine tun*")), ("预训练", ("pretrain*",)), ("蒸馏", ("distill*",)),
    ("提示", ("prompt*",)), ("特征", ("feature*",)), ("表示|表征", ("represent*",)), ("注意力", ("attention",)),
    ("偏差|偏见", ("bias*",)), ("人类", ("human*",)), ("专家", ("expert*",)), ("用户", ("user*",)),
    ("基准", ("benchmark*",)), ("噪声", ("nois*",)), ("不确定", ("uncertain*",)), ("稀疏", ("spars*",)),
    ("结构", ("structur*",)), ("成本|开销", ("cost*", "overhead*")), ("内存", ("memory",)), ("延迟", ("latenc*",)),
    ("计算", ("comput*",)), ("语言", ("language*", "linguistic*")), ("视觉", ("visual*", "vision")),
    ("文本", ("text*",)), ("知识", ("knowledge",)), ("记忆", ("memor*",)), ("规划", ("plan*",)),
    ("决策", ("decision*",)), ("隐私", ("privacy", "private")), ("协作|合作", ("collaborat*", "cooperat*")),
    ("数据", ("data",)), ("标注|标签", ("label*", "annotat*")), ("合成", ("synthetic*", "synthes*")),
    ("检测", ("detect*",)), ("预测", ("predict*", "forecast*")), ("分类", ("classif*",)), ("生成", ("generat*",)),
    ("搜索", ("search*",)), ("评估|评价", ("evaluat*", "assess*")), ("学习", ("learn*",)),
    ("行为", ("behavio*",)), ("策略", ("strateg*", "polic*")), ("奖励", ("reward*",)), ("反馈", ("feedback",)),
    ("多样", ("divers*",)), ("公平", ("fair*",)), ("安全", ("safe*", "secur*")), ("攻击", ("attack*",)),
))


def _quality_words() -> dict[str, tuple[str, ...]]:
    """Chinese content words (lx.CONCEPTS' quality words and the glossary above) and their English keys. The
    regex tries the longest word first, so 召回率 is found once, not as 召回 and 召回率."""
    table: dict[str, tuple[str, ...]] = {}
    for pattern, english_keys in (*lx.CONCEPTS, *((re.compile(zh), en) for zh, en in _CONTENT_WORDS)):
        for word in pattern.pattern.split("|"):
            table[word] = table.get(word, ()) + english_keys
    return table


_QUALITY_KEYS = _quality_words()
_QUALITY = re.compile(grouped_alternation(_QUALITY_KEYS))


class Clause:
    """What a Chinese clause may share with English text; the topics are found when first asked for."""

    __slots__ = ("numbers", "qualities", "terms", "text", "_topics")

    def __init__(self, text: str) -> None:
        self.text = text
        self.numbers = numbers_in(text) if _DIGIT.search(text) else frozenset()
        self.terms = clause_terms(text) if _LATIN.search(text) else frozenset()
        # The English keys of each Chinese quality word of the clause (性能 -> perform*, outperform* ...).
        self.qualities = tuple(_QUALITY_KEYS[word] for word in sorted(set(_QUALITY.findall(text))))
        self._topics: frozenset[str] | None = None

    @property
    def topics(self) -> frozenset[str]:
        if self._topics is None:  # a word already counted as a content word (隐私, 检测) does not count twice
            self._topics = chinese_concepts(_QUALITY.sub(" ", self.text))
        return self._topics


class Text:
    """English text as the score reads it: padded words, numbers, and (when first asked for) topic concepts."""

    __slots__ = ("numbers", "padded", "_topics")

    def __init__(self, padded_text: str, numbers: frozenset[str]) -> None:
        self.padded = padded_text
        self.numbers = numbers
        self._topics: frozenset[str] | None = None

    @property
    def topics(self) -> frozenset[str]:
        if self._topics is None:
            self._topics = english_concepts(self.padded)
        return self._topics


def english(text: str) -> Text:
    return Text(padded(text), numbers_in(text) if _DIGIT.search(text) else frozenset())


def word_score(clause: Clause, text: Text) -> int:
    """3 a shared long number (1 a single digit), 2 a shared Latin term, 1 a shared quality word."""
    score = 0
    for number in clause.numbers & text.numbers:
        score += 3 if len(number) >= 2 or "." in number else 1
    score += 2 * sum(f" {term} " in text.padded for term in clause.terms)
    return score + sum(any(key in text.padded for key in english_keys) for english_keys in clause.qualities)


def outscores(clause: Clause, inside: int, rival: Text) -> bool:
    """Whether ``rival`` matches the clause at least as well as ``inside`` (its word score plus shared topics);
    the rival's topics, the costly part, are looked up only when they could decide."""
    score = word_score(clause, rival)
    if score >= inside:
        return True
    if score + len(clause.topics) < inside:
        return False
    return score + len(clause.topics & rival.topics) >= inside


@dataclass(frozen=True)
class HedgedPart:
    """The part of an abstract sentence a hedge governs, and the rest of that sentence."""

    sentence: str
    hedge: str
    scope: Text
    rest: Text
    modal: bool


_BARE_APPEAR = re.compile(r" appears? (?!at |in |on |as |when |only |primarily |mainly |first |within |across |after |"
                          r"before |during |among |throughout |where |here |there )")


def hedge_in(padded_sentence: str) -> str | None:
    """The first hedge key of a padded sentence (a bare "appears" only where it does not mean "occurs")."""
    if not FINDING_HEDGE.search(padded_sentence) or any(key in padded_sentence for key in EN_NOT_HEDGE):
        return None
    for key in EN_HEDGES:
        if key in padded_sentence:
            return key
    match = _BARE_APPEAR.search(padded_sentence)
    return match.group(0)[:-1] + " " if match else None


def hedged_part(sentence: str, hedge: str) -> HedgedPart:
    """Split a sentence into what ``hedge`` governs and the rest."""
    after = hedge in EN_HEDGE_AFTER
    parts = (_SUB_CLAUSE if after else _SUB_CLAUSE_THAT).split(sentence)
    for position, part in enumerate(parts):
        text = padded(part)
        at = text.find(hedge)
        if at < 0:
            continue
        scope_padded = text[at + len(hedge) - 1:] if after else text
        # After "suggest that X" the sub-clauses that follow ("highlighting Y") carry the hedge too: they are
        # neither scope nor rest; before it, and around a modal's sub-clause, the rest is unhedged.
        rest_raw = " ".join(parts[:position] if after else parts[:position] + parts[position + 1:])
        rest_padded = padded(rest_raw) + (text[:at + 1] if after else "")
        raw_at = part.lower().find(hedge.strip()) if after else -1
        scope_numbers = numbers_in(part[raw_at:] if raw_at >= 0 else part)
        return HedgedPart(sentence, hedge.strip(), Text(scope_padded, scope_numbers),
                          Text(rest_padded, numbers_in(rest_raw)), hedge in EN_MODAL_ONLY)
    return HedgedPart(sentence, hedge.strip(), english(sentence), english(""), hedge in EN_MODAL_ONLY)


# The hedges of the finding check, in the lower-cased raw abstract (the sentence around each is cut out there:
# splitting the whole abstract into sentences costs more than the check itself on most papers), or in the
# padded abstract as a screen. Only its last two thirds are searched: findings come late, and an early "may"
# sets out the problem or the method.
FINDING_HEDGE = re.compile(r" (?:may |might |suggest|points? toward|pointing toward|hint(?:s|ing)? at|potential(?:ly| for)|"
                           r"promise for|possibly|appears? |seem|some inherent|some evidence|to some )")
# The starts of those hedges that C108's modal keys (may, might, suggest, potentially, possibly ...) do not hold.
EN_FINDING_HEDGE_ONLY = (" point", " hint", " potential for", " promise for", " appear", " seem", " some inherent",
                         " some evidence", " to some ")
# The starts of all of them, for a quick test of the last two thirds of the padded abstract.
EN_FINDING_HEDGE_STARTS = (" may ", " might ", " suggest", " potential", " possibly", *EN_FINDING_HEDGE_ONLY)


def findings_from(text: str) -> int:
    """Where the last two thirds of an abstract start."""
    return len(text) // 3


# Searched in the lower-cased raw abstract, hence raw keys (clauses.EN_OWN_WORK is the padded-text form).
_OWN_WORK = raw_keys(*OWN_WORK_WORDS)
_OWN_WORK_FIRST = ("we ", "our ")


def hedged_findings(abstract: str, is_background: Callable[[str], bool]) -> list[HedgedPart]:
    """The hedged parts of the abstract's sentences about the paper's own work (from the first sentence that
    says we/our/propose on) in its last two thirds, one per sentence, in order."""
    lower = abstract.lower().replace("\n", " ")  # same length: positions stay those of the abstract
    own_start: int | None = None
    found: list[HedgedPart] = []
    seen: set[int] = set()
    starts: list[int] = []  # the abstract's sentences (checker.text.sentences), found at the first hedge
    for match in FINDING_HEDGE.finditer(lower, findings_from(lower)):
        starts = starts or sentence_starts(abstract)
        start, end, _ = span_at(abstract, starts, match.start())
        if start in seen:
            continue
        seen.add(start)
        sentence = " ".join(abstract[start:end].split())
        padded_sentence = padded(sentence)
        hedge = hedge_in(padded_sentence)
        if hedge is None or is_background(padded_sentence):
            continue
        if own_start is None:
            own = 0 if lower.startswith(_OWN_WORK_FIRST) else min(
                (at for word in _OWN_WORK if (at := lower.find(word)) >= 0), default=len(lower))
            own_start = span_at(abstract, starts, own).start if own < len(lower) else own
        if start >= own_start:
            found.append(hedged_part(sentence, hedge))
    return found
