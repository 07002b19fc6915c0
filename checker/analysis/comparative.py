"""Comparisons without a number: which side of a named reference a clause and an abstract sentence put a thing.

"效率低于预期" and "less efficient than one would expect" agree; "检测能力低于行业监控阈值" and "exceeding
industry monitoring thresholds" do not. The reference is matched by its Latin words ("单一LLM反思方法" and
"surpassing reflection with a single llm") or by a short table of reference nouns (预期, 阈值, 熵 ...).
"""

from __future__ import annotations

import re

# A Chinese comparison word, found by its second character (a character class first lets the scan skip ahead
# fast), and its reference: the words after it up to punctuation, with no digit (a number after it is a bound:
# checker.analysis.valence reads those).
_ZH_ABOVE = frozenset({"超过", "高于", "优于", "多于", "大于", "好于", "超出"})
_ZH_BELOW = frozenset({"低于", "劣于", "少于", "小于", "逊于", "差于", "不及"})
ZH_COMPARISON_SCREEN = re.compile(
    "[" + "".join(sorted({word[-1] for word in _ZH_ABOVE | _ZH_BELOW})) + "](?<="
    + "|".join(sorted(_ZH_ABOVE | _ZH_BELOW)) + ")")
_ZH_REFERENCE = re.compile(r"[^，。；：、\d（(]{1,16}")
_ZH_NEGATOR = frozenset("不未没")  # "不低于" bounds the other way
# Reference nouns that are no Latin word: Chinese -> the English word start.
_REFERENCES = {"预期": "expect", "阈值": "threshold", "熵": "entropy", "基线": "baseline", "人类": "human",
               "随机": "random", "专家": "expert"}
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]+")
_WINDOW = 40  # how far after the English comparison word its reference may stand
# Verbs of a ranking too ("leads GPT-4", "ahead of", "tops", "edges out"), not "leads to" or "led by".
_EN_ABOVE = (r"exceed\w*|surpass\w*|outperform\w*|above|beat\w*|(?:more|higher|better|greater|larger)(?: [\w-]+)? than|"
             r"(?:leads|led)(?! to\b| by\b)|ahead of|tops|topped|edges out|edged out")
_EN_BELOW = (r"below|underperform\w*|(?:less|lower|worse|fewer|smaller)(?: [\w-]+)? than|trail|trails|trailed|"
             r"(?:lag|lags|lagged|lagging|fall|falls|fell|falling) behind")
EN_COMPARISON_STEMS = ("exceed", "surpass", "outperform", "above", "beat", " than", "below", "underperform", "lead",
                       " led ", "ahead", " top", "edge", "trail", "behind")
_EN_COMPARISON = re.compile(rf"\b(?:({_EN_ABOVE})|({_EN_BELOW}))\b")
_EN_NEGATION = re.compile(r"\b(?:not|no|never|fail\w*|cannot)\s+(?:\w+\s+)?$")


def chinese_comparisons(text: str) -> list[tuple[int, list[str], int]]:
    """(1 above / -1 below, English word starts naming the reference, where the comparison word stands) for each
    comparison in a text with a reference it can name."""
    found = []
    for match in ZH_COMPARISON_SCREEN.finditer(text):
        at = match.start() - 1
        reference = _ZH_REFERENCE.match(text, match.end())
        if reference is None or (at and text[at - 1] in _ZH_NEGATOR):
            continue
        names = [word.lower() for word in _LATIN.findall(reference.group())]
        names += [english for chinese, english in _REFERENCES.items() if chinese in reference.group()]
        if names:
            found.append((1 if text[at : match.end()] in _ZH_ABOVE else -1, names, at))
    return found


def english_comparisons(lowered: str, names: list[str]) -> list[tuple[int, int]]:
    """(1 above / -1 below, where the comparison word stands) for each comparison in a lower-cased English text
    with a reference named by one of ``names`` within _WINDOW characters after it, not negated. Only the stretch
    before each mention of a name is scanned: a scan of the whole abstract costs tens of microseconds."""
    found = set()
    for name in names:
        mention = re.compile(rf"\b{re.escape(name)}")
        at = lowered.find(name)
        while at >= 0:
            if mention.match(lowered, at):
                start = max(0, at - _WINDOW)
                for match in _EN_COMPARISON.finditer(lowered, start, at):
                    if not _EN_NEGATION.search(lowered, max(0, match.start() - 20), match.start()):
                        found.add((1 if match.group(1) else -1, match.start()))
            at = lowered.find(name, at + 1)
    return sorted(found, key=lambda item: item[1])
