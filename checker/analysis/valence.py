"""Whether a change a clause and a sentence both state about a shared number is good or bad news.

A direction word says a quantity went up or down ("降低", "reduces"); about a cost (error, latency, LPIPS) that
is good news, about anything else bad news. A few words carry the verdict themselves ("改善", "恶化",
"improvement", "degrades"). Each side is read at the direction word nearest the shared number, so "2.4X
improvement in NE gain and 3X reduction in data footprint" is read as an improvement about 2.4.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.analysis import lexicon as lx
from checker.analysis.align import NUMBER, normalize_number

_ZH_GOOD = re.compile(r"改善|改进|优于")
_ZH_BAD = re.compile(r"恶化|劣于")
_ZH_WORD = re.compile(f"{lx.ZH_UP.pattern}|{lx.ZH_DOWN.pattern}|{_ZH_BAD.pattern}|优于")
_EN_GOOD = ("improv", "enhanc", "better", "outperform", "superior", "gain", "boost", "surpass", "speedup")
_EN_BAD = ("degrad", "worse", "underperform", "deteriorat")


def _english_word(key: str) -> str:
    """' improv' -> r'improv\\w*', ' faster ' -> 'faster' (keys as checker.analysis.keys writes them)."""
    word = re.escape(key.strip())
    return word if key.endswith(" ") else word + r"\w*"


def _alternation(keys: tuple[str, ...]) -> str:
    return "|".join(sorted({_english_word(key) for key in keys}, key=lambda w: (-len(w), w)))


_EN_UP = re.compile(rf"\b(?:{_alternation(lx.EN_UP)})\b")
_EN_DOWN = re.compile(rf"\b(?:{_alternation(lx.EN_DOWN)})\b")
# "100x more data-efficient": a comparative of a good quality carries its verdict ("less accurate" too).
_EN_COMPARATIVE = r"(?:more|less) (?:[a-z]+-)?(?:efficient|accurate|robust|reliable|effective|stable)\b"
_EN_WORD = re.compile(
    rf"\b(?:{_EN_COMPARATIVE}|{_alternation(lx.EN_UP + lx.EN_DOWN + tuple(f' {w}' for w in _EN_BAD))})")
_EN_COST = re.compile(rf"\b(?:{_alternation(lx.EN_COST)})\b")
_EN_CHANGE_NOUN = re.compile(r"\b(?:reduction|improvement|decrease|increase|gain|speedup|drop|decline)s?\b")
_NEAR = 60  # how far (characters) a direction word may stand from the number it is about
_OBJECT = 30  # how far around a direction word its object (a cost or not) is looked for


@lru_cache(maxsize=64)  # a sentence or abstract is read for several numbers in a row
def _number_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    found: dict[str, list[tuple[int, int]]] = {}
    for match in NUMBER.finditer(text):
        found.setdefault(normalize_number(match.group()), []).append((match.start(), match.end()))
    return found


def _spans(text: str, number: str) -> list[tuple[int, int]]:
    """Where the number stands in the text, written as it is there ("1.30" for 1.3, "1,000" for 1000)."""
    return _number_spans(text).get(number, [])


def _positions(text: str, number: str) -> list[int]:
    return [start for start, _ in _spans(text, number)]


_BREAK = re.compile(r"[,;，；、:：]")
_AND = re.compile(r" and | but |和|并|但|而")
_BOUND = re.compile(r"\b(?:less|fewer|more) than\b")  # "less than 1h": a bound on a number, not a change


def _distance(text: str, word: re.Match[str], spot: int) -> int:
    if word.end() <= spot:
        if _BREAK.search(text, word.end(), spot) or _AND.search(text, word.end(), spot):
            return _NEAR + 1  # "10.76X faster training and 6.06X memory reduction": 6.06 is not about faster
        return spot - word.end()
    if _BREAK.search(text, spot, word.start()):
        return _NEAR + 1  # "by up to 26.3%, reduces QoS violations": the next word is about something else
    return 3 * (word.start() - spot)


def _nearest(text: str, words: list[re.Match[str]], spots: list[int]) -> re.Match[str] | None:
    """The word nearest a spot; one after the number counts three times as far ("improves PSNR by 2.1 dB,
    reduces FADE" is about PSNR), and a spot is only where a strong number stands when one does."""
    best: tuple[int, int] | None = None
    chosen = None
    for word in words:
        distance = min(_distance(text, word, spot) for spot in spots)
        if distance <= _NEAR and (best is None or (distance, word.start()) < best):
            best, chosen = (distance, word.start()), word
    return chosen


Reading = tuple[bool, int, bool]  # (a verdict word such as 改善/improvement, up or good = 1, about a cost)


def strong_first(numbers: frozenset[str], clause: str) -> list[str]:
    """Decimals and numbers of two digits or more first ("from 50% to 7%" is read at 50), in a fixed order;
    p-values ("p < 0.01") are no change."""
    p_values = set(_P_VALUE.findall(clause))
    return sorted((n for n in numbers if n not in p_values), key=lambda n: (not (len(n) >= 2 or "." in n), n))


_P_VALUE = re.compile(r"\b[pP]\s*[<=≤＜]\s*(\d+(?:\.\d+)?)")


_ZH_SEGMENT_END = re.compile(r"[,;，；、:：（）()并]")  # not 和: "减少了33.70%和17.89%的运行开销"


def chinese_word(clause: str, number: str) -> re.Match[str] | None:
    """The direction word of the clause nearest the number (see _nearest), or None."""
    spots = _positions(clause, number)
    words = list(_ZH_WORD.finditer(clause)) if spots else []
    return _nearest(clause, words, spots) if words else None


def chinese_reading(clause: str, number: str) -> Reading | None:
    """The direction word of the clause nearest the number, read as in Reading; None if there is none. Its
    object is looked for in the stretch between conjunctions and brackets around it ("计算复杂度降低（高达11%）")."""
    word = chinese_word(clause, number)
    if word is None:
        return None
    text = word.group()
    if _ZH_GOOD.fullmatch(text) or _ZH_BAD.fullmatch(text):
        return True, 1 if _ZH_GOOD.fullmatch(text) else -1, False
    start = max((m.end() for m in _ZH_SEGMENT_END.finditer(clause, 0, word.start())), default=0)
    stop = _ZH_SEGMENT_END.search(clause, word.end())
    end = stop.start() if stop else len(clause)
    cost = lx.ZH_COST.search(clause, start, end) is not None
    if cost and _ZH_CONCEPT.search(clause, start, end):
        cost = head_is_cost(clause, word.start(), word.end(), start, end)
    return False, 1 if lx.ZH_UP.fullmatch(text) else -1, cost


_ZH_JOIN = re.compile(r"和|与|及")
_ZH_CONCEPT = re.compile("|".join(pattern.pattern for pattern, _ in lx.CHANGE_CONCEPTS))


def head_is_cost(clause: str, word_start: int, word_end: int, start: int, end: int, *, after: bool = True) -> bool:
    """With a cost and a good quantity both in the stretch, the noun the direction word is about: the last one of
    its object after it ("降低了模型推理的延迟"), else the one right before it ("推理延迟降低了30%"); in
    "在保持可训练参数不变的情况下下降模型性能4.7%" a performance. Without ``after``, only the one before it."""
    joined = _ZH_JOIN.search(clause, word_end, end)  # "FLOPs减少和44倍的推理速度提升": 和 ends its object
    stretches = ((word_end, joined.start() if joined else end),) if after else ()
    for left, right in (*stretches, (start, word_start)):
        nouns = [(m.end(), True) for m in lx.ZH_COST.finditer(clause, left, right)]
        nouns += [(m.end(), False) for m in _ZH_CONCEPT.finditer(clause, left, right)]
        if nouns:
            return max(nouns)[1]
    return True


def english_reading(sentence: str, number: str) -> Reading | None:
    """The same for an abstract sentence."""
    lowered = _BOUND.sub(lambda m: " " * len(m.group()), sentence.lower().replace("\\times", " x "))
    spots = _positions(lowered, number)
    if not spots:
        return None
    word = _nearest(lowered, list(_EN_WORD.finditer(lowered)), spots)
    if word is None:
        return None
    text = word.group()
    if text.startswith(_EN_GOOD) or text.startswith(_EN_BAD):
        return True, 1 if text.startswith(_EN_GOOD) else -1, False
    if " " in text:  # a comparative
        return True, 1 if text.startswith("more") else -1, False
    up = _EN_UP.fullmatch(text) is not None
    if not up and _EN_DOWN.fullmatch(text) is None:
        return None
    if not _EN_CHANGE_NOUN.fullmatch(text) and _EN_CHANGE_NOUN.search(lowered, max(0, word.start() - _OBJECT),
                                                                     word.start()):
        return None  # "the reduction in tire wear increased to 65.20%": the change of a change
    cost = _EN_COST.search(lowered, max(0, word.start() - _OBJECT), word.end() + _OBJECT) is not None
    return False, 1 if up else -1, cost


def disagree(said: Reading, source: Reading) -> bool | None:
    """Whether two readings of one change contradict each other; None when they cannot be compared.

    Two direction words compare only about the same kind of quantity (a cost or not); a verdict word compares
    with a direction word only about a quantity that is not a cost ("提高" also means "improve": "响应时间提高了
    16%" restating "16% improvement in response time" is loose wording, not a flip)."""
    said_verdict, said_sign, said_cost = said
    source_verdict, source_sign, source_cost = source
    if said_verdict and source_verdict:
        return said_sign != source_sign
    if not said_verdict and not source_verdict:
        return None if said_cost != source_cost else said_sign != source_sign
    if said_cost or source_cost:
        return None
    return said_sign != source_sign


# Bounds on a number: at least (1) or at most (-1). "up to" and 高达 hedge more than they bound: not here.
# Issue 11, the wording of a bound as a class: a negated bound is the other bound (不超过, "no more than" are at
# most; 不低于, "no less than" at least), and so are the comparison signs (<, ≤, \leq; >, ≥, \geq). The
# negated forms come first in each group: the match that starts first is kept.
_ZH_BOUND_BEFORE = re.compile(
    r"(?:(不(?:低于|少于|小于)|超过|高于|多于|大于|至少|逾|超|不止)|"
    r"(不(?:超过|高于|多于|大于)|低于|少于|小于|不到|不足|至多))[^\d，；]{0,3}$")
_ZH_BOUND_AFTER = re.compile(r"^[^，；]{0,3}?(?:(以上)|(以下|以内))")
_EN_BOUND_BEFORE = re.compile(
    r"(?:\b(?:(no (?:less|fewer|lower) than|not (?:less|fewer|lower) than|not below|"
    r"over|more than|exceed(?:s|ed|ing)?|above|greater than|at least|higher than)|"
    r"((?:no|not) (?:more|greater|higher) than|not (?:exceed(?:ing)?|above)|(?:does|do|did) not exceed|"
    r"below|under|less than|fewer than|at most|lower than|within))"
    r"|(?:(>|≥|\\geq?\b|\\gt\b)|(<|≤|\\leq?\b|\\lt\b)))\s*(?:\$|~|by\s+)?$")


def _sign(match: re.Match[str] | None) -> int:
    """1 for a bound from below (group 1, or 3 for a sign), -1 for one from above, 0 for none."""
    if match is None:
        return 0
    return 1 if match.group(1) or (match.re.groups > 2 and match.group(3)) else -1


def chinese_bound(clause: str, number: str) -> int:
    """1 where the clause says at least the number (超过93%, 93%以上), -1 at most (低于93%), else 0."""
    for at, end in _spans(clause, number):
        sign = _sign(_ZH_BOUND_BEFORE.search(clause[max(0, at - 6) : at])) or _sign(
            _ZH_BOUND_AFTER.search(clause[end : end + 6]))
        if sign:
            return sign
    return 0


def english_bound(sentence: str, number: str) -> int:
    """The same for an abstract sentence ("exceeding 98.36%", "below 5%"); 0 for a share ("less than 50% of
    SA-UNet" bounds what is left, not the reduction) or a denied bound ("no system ... exceeds 0.55")."""
    lowered = sentence.lower()
    for at, end in _spans(lowered, number) + _word_spans(lowered, number):
        window = max(0, at - 20)
        bound = _EN_BOUND_BEFORE.search(lowered[window:at])
        if bound is None:
            continue
        # a denial before the bound words ("no system ... exceeds"), not the one they hold ("no more than")
        if _SHARE_OF.match(lowered, end) or _EN_DENIAL.search(lowered, 0, window + bound.start()):
            return 0
        return _sign(bound)
    return 0


def bounded_somewhere(lowered: str, number: str) -> bool:
    """Whether any occurrence of the number in a lower-cased English text has a bound word right before it (a
    cheap screen before english_bound is read on the aligned sentence)."""
    return any(_EN_BOUND_BEFORE.search(lowered[max(0, at - 20) : at])
               for at in _positions(lowered, number) + [at for at, _ in _word_spans(lowered, number)])


# A small number an abstract spells out ("accepting over four tokens per step").
NUMBER_WORDS = {str(n): word for n, word in enumerate(
    "zero one two three four five six seven eight nine ten".split()) if n >= 2}


def _word_spans(lowered: str, number: str) -> list[tuple[int, int]]:
    word = NUMBER_WORDS.get(number)
    if word is None or word not in lowered:
        return []
    return [(m.start(), m.end()) for m in re.finditer(rf"\b{word}\b", lowered)]


_SHARE_OF = re.compile(r"\s*(?:%|\\%|percent)\s+of\b")
_EN_DENIAL = re.compile(r"\b(?:no|not|never|none|fails?|cannot)\b")
