"""Word lists of the overstatement comparison (``claim_strength``): for each claim attribute, the Chinese cue of
a strong claim, the clause contexts where that cue claims nothing, and the English wording that licenses it.

Each list is a class of words, not a list of cases: the resolution verbs of English (solve, resolve, overcome,
eliminate ...), its purpose frames (to, aim to, in order to ...), its negators. An English licence is read in a
padded sentence (``checker.analysis.keys.padded``): a key " solv" matches a word start, " fix " one word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from checker.analysis.align import Piece
from checker.analysis.clauses import CLAIM_BLOCKS
from checker.analysis.keys import keys

# The Motivation block restates the background: a cue there is compared with every sentence of the abstract.
ALL_BLOCKS = CLAIM_BLOCKS | {"motivation"}


@dataclass(frozen=True)
class Attribute:
    """One claim attribute: its cue in a Chinese clause, the contexts that void a cue, and its licence."""

    name: str
    cue: re.Pattern[str]
    licenses: Callable[[Piece], bool]  # an English sentence (its text and padded form) licenses the cue
    void_before: re.Pattern[str] | None = None  # searched in the clause before the cue
    void_after: re.Pattern[str] | None = None  # matched right after the cue
    void_clause: re.Pattern[str] | None = None  # searched in the whole clause
    void_window: int = 10  # how many characters before the cue ``void_before`` is searched in
    blocks: frozenset[str] = field(default=CLAIM_BLOCKS)
    screen: tuple[str, ...] = ()  # literal strings one of which every cue holds: a fast test before the regex
    weaker: re.Pattern[str] | None = None  # the weaker claim an abstract makes instead (evidence of a finding)

    def may_hold(self, text: str) -> bool:
        """Whether ``text`` may hold a cue (one substring test per screen string)."""
        return not self.screen or any(word in text for word in self.screen)

    def claim_cue(self, clause: str) -> re.Match[str] | None:
        """The first cue of the clause that makes a claim (not voided by its context)."""
        if self.void_clause is not None and self.void_clause.search(clause):
            return None
        for match in self.cue.finditer(clause):
            if self.void_after is not None and self.void_after.match(clause, match.end()):
                continue
            if self.void_before is not None and self.void_before.search(
                    clause, max(0, match.start() - self.void_window), match.start()):
                continue
            return match
        return None


def _words_before(padded_text: str, at: int, count: int) -> list[str]:
    return padded_text[max(0, at - 40):at].split()[-count:]


def key_pattern(wanted: tuple[str, ...]) -> re.Pattern[str]:
    """The padded-text keys of ``wanted`` as one pattern (longest first), searched once per text instead of once
    per key; a word key's closing space is a lookahead, so that the next key may start on it."""
    return re.compile("|".join(re.escape(key[:-1]) + "(?= )" if key.endswith(" ") else re.escape(key)
                               for key in sorted(wanted, key=len, reverse=True)))


def key_licenses(wanted: tuple[str, ...], void_before: frozenset[str] = frozenset(),
                 void_two_before: frozenset[str] = frozenset()) -> Callable[[str], bool]:
    """A licence test: some key of ``wanted`` whose word right before is not in ``void_before`` (and whose two
    words before are not a pair of ``void_two_before``, "not yet", "able to"), and not negated."""
    pattern = key_pattern(wanted)

    def licenses(padded_text: str) -> bool:
        for match in pattern.finditer(padded_text):
            before = _words_before(padded_text, match.start(), 3)
            voided = bool(before) and before[-1] in void_before
            if voided and len(before) >= 2 and f"{before[-2]} {before[-1]}" in void_two_before:
                voided = False  # "able to solve" is a claim
            if not voided and not (set(before) & _NEGATORS):
                return True
        return False

    return licenses


_NEGATORS = frozenset({"not", "cannot", "cant", "unable", "fail", "fails", "failed", "never", "yet", "without",
                       "rarely", "seldom", "hardly", "nor", "neither", "no"})

# --- Resolution: solved against mitigated, addressed or aimed at -------------------------------------------------
# A claim that a problem is solved: the verb with an adverb of success (有效解决, 成功克服, 彻底消除), or the
# verb in the perfective (解决了, 克服了). Bare 解决 (no 了) is mostly a purpose in a TL;DR ("解决X问题").
ZH_RESOLVED_STRONG = re.compile(
    r"(?:有效|成功|彻底|完全|圆满|根本|从根本上|真正|完美)地?(?:解决|克服|消除|根除|攻克|化解)")
# Not 填补了...空白: "to bridge this gap, we propose X" is rendered 填补了空白 as a matter of course.
ZH_RESOLVED = re.compile(rf"{ZH_RESOLVED_STRONG.pattern}|(?:解决|克服|消除|根除|攻克|化解)了")
# The contexts where the verb states an aim, a need, a difficulty or a means, not an outcome.
# The contexts where the verb states an aim, a need, a difficulty or a means, not an outcome: searched in the
# few characters before the cue (为了解决, 旨在有效解决, 难以彻底消除, 如何有效克服, 提出X来解决).
ZH_RESOLVED_VOID_BEFORE = re.compile(
    r"旨在|(?<![可所予加])以(?![及上下往前后来])|用于|为了|(?<![作成认因])为(?![止主])|(?<![带未以本原])来|如何|难以|无法|未能|尚未|"
    r"(?<!并)未(?!来)|不能|不足以|需要|(?<!必)需|必须|试图|尝试|致力于|有望|可能|能否|是否|帮助|有助于|希望|目标|挑战|"
    r"(?<![主重需])要|应该|如果|若")
ZH_RESOLVED_VOID_AFTER = re.compile(r"方案|办法|思路|途径|策略|之道|手段")

# English verbs of a solved problem ("breaking the information bottleneck"); "solver" and "fixed" (a fixed
# budget) are not among them.
EN_RESOLVED = keys("solve", "solves", "solved", "solving", "resolve", "resolves", "resolved", "resolving",
                   "overcome", "overcomes", "overcoming", "overcame", "eliminat*", "eradicat*", "fix", "fixes",
                   "fixing", "remedy", "remedies", "remedied", "get rid", "gets rid", "getting rid", "break", "breaks",
                   "breaking", "broke", "circumvent*", "sidestep*", "bypass*")
# Verbs that address a problem without saying it is gone: a licence for 解决了 (the usual rendering of
# "addresses"), not for 有效解决/成功解决, which also need an adverb of success before them.
EN_ADDRESSED = keys("address", "addresses", "addressed", "addressing", "tackle", "tackles", "tackled",
                    "tackling", "handle", "handles", "handled", "handling", "close", "closes", "closed", "closing",
                    "fill", "fills", "filled", "filling", "bridge", "bridges", "bridged", "bridging")
EN_SUCCESS = frozenset({"effectively", "successfully", "fully", "completely", "entirely", "thoroughly"})
# Purpose frames: "to solve", "aims to", "in order to", "how to", "helps (to) tackle".
_PURPOSE = frozenset({"to", "toward", "towards", "help", "helps", "helping", "aim", "aims", "aiming", "seek",
                      "seeks", "try", "tries", "attempt", "attempts", "how", "order"})
_CAPABLE = frozenset({"able to", "manage to", "manages to", "managed to"})

_solved = key_licenses(EN_RESOLVED, _PURPOSE, _CAPABLE)


_ADDRESSED_WORD = key_pattern(EN_ADDRESSED)


def _success_addressed(padded_text: str) -> bool:
    """"effectively addresses", "successfully tackled": an adverb of success right before a verb of
    addressing."""
    return any(set(_words_before(padded_text, m.start(), 2)) & EN_SUCCESS
               for m in _ADDRESSED_WORD.finditer(padded_text))


_addressed = key_licenses(EN_ADDRESSED, _PURPOSE, _CAPABLE)


def resolution_licenses(sentence: Piece) -> bool:
    """Licences of 有效解决 and the like: a verb of solving (not in a purpose frame nor negated), or a verb of
    addressing after an adverb of success."""
    return _solved(sentence.padded) or _success_addressed(sentence.padded)


def plain_resolution_licenses(sentence: Piece) -> bool:
    """Licences of a bare 解决了: those of the strong form, and a verb of addressing (not a purpose)."""
    return resolution_licenses(sentence) or _addressed(sentence.padded)


_RESOLVED_SCREEN = ("解决", "克服", "消除", "根除", "攻克", "化解")
# What an abstract says instead of "solved": it addresses, mitigates or aims at the problem.
_EN_ADDRESSING = re.compile(r" (?:address|tackl|mitigat|alleviat|allevi|reduc|aim|bridg|overcome|solve|handl|"
                            r"improv|help)")
RESOLUTION = Attribute(
    name="resolution",
    screen=_RESOLVED_SCREEN,
    weaker=_EN_ADDRESSING,
    cue=ZH_RESOLVED_STRONG,
    licenses=resolution_licenses,
    void_before=ZH_RESOLVED_VOID_BEFORE,
    void_after=ZH_RESOLVED_VOID_AFTER,
)
# A bare 解决了/克服了/填补了...空白: the usual rendering of "addresses" too, so "addresses" licenses it.
PLAIN_RESOLUTION = Attribute(
    name="resolution",
    screen=_RESOLVED_SCREEN,
    weaker=_EN_ADDRESSING,
    cue=ZH_RESOLVED,
    licenses=plain_resolution_licenses,
    void_before=ZH_RESOLVED_VOID_BEFORE,
    void_after=ZH_RESOLVED_VOID_AFTER,
)

# --- Strength: an intensifier (显著, 大幅, 明显 ...) against the size the abstract gives --------------------------
# 显著 starts 显著性 (significance) but also 显著性能 (显著 + 性能). The intensifier sizes a change or a comparison
# that follows it within six characters; 远超/远优于 carry their own.
_ZH_CHANGE = (r"提高|提升|增加|增强|加快|加速|上升|增长|改善|改进|降低|减少|下降|削弱|减慢|减小|缩短|恶化|减轻|缩减|缩小|节省|"
              r"优于|超过|超越|高于|低于|好于|优势|效果|进步|增益|领先|突破|性能|收益|改变|扩大|拓展|简化|加强|促进|推动|影响|"
              r"更[^，。；]")
ZH_INTENSIFIED = re.compile(
    rf"(?:显著(?!性(?!能))|大幅度?|明显|大大|极大|巨幅)(?=[地的得]?[^，。；]{{0,6}}?(?:{_ZH_CHANGE}))|"
    r"远(?:超|优于|高于|低于|好于|胜于|强于)")
# Negated (不显著, 未明显, 无明显, 而不显著降低), or room for improvement (显著的提升空间): no claim of strength.
ZH_INTENSIFIED_VOID_BEFORE = re.compile(r"[不未无没非][^，。；]{0,2}$")
ZH_INTENSIFIED_VOID_AFTER = re.compile(r"[地的]?(?:提升|改进|改善|提高)空间")

# English words that size a result. "large" in model names, "significant challenges" and "attracted significant
# attention" size the field or the problem, not a result (hedges.EN_BACKGROUND_NOUNS, EN_BACKGROUND_BEFORE).
EN_STRENGTH = keys(
    "signific*", "substantial*", "dramatic*", "considerabl*", "marked", "markedly", "large", "larger", "largely",
    "largest", "great*", "notabl*", "remarkabl*", "vast*", "huge*", "massive*", "drastic*", "pronounced",
    "magnitude", "sharp*", "fold", "multifold", "much", "noticeabl*", "sizabl*", "sizeabl*", "appreciabl*",
    "strongly", "tremendous*", "enormous*", "immense*", "major", "wide margin*",
    "big", "bigger", "biggest", "far", "exceptional*", "striking*", "impressive*", "decisive*", "profound*",
    "well beyond", "well above", "well below", "well ahead", "well over", "well under")
# "large" names model families and scales, not the size of an effect.
EN_NOT_STRENGTH = (" large language ", " large vision", " large multimodal", " large reasoning", " large models ",
                   " large model ", " large scale ", " largescale ", " large audio", " large speech",
                   " large foundation", " large number", " large amount", " large set", " large corpus",
                   " large collection", " large body", " large dataset", " large data", " so far ", " far from ",
                   " as far as ", " thus far ", " by far the ")
# The noun right after an intensity word, when it sizes a problem or the field ("significant challenges",
# "significant attention", "substantial amounts of data"), and the verbs right before ("has become significant",
# "attracted significant interest"), or negate it ("without significant modifications").
EN_BACKGROUND_NOUNS = (
    "challenge", "attention", "interest", "concern", "obstacle", "barrier", "hurdle", "importance", "role",
    "success", "progress", "advances ", "advancement", "potential", "promise", "risk", "overhead", "burden",
    "difficult", "limitation", "issue", "problem", "threat", "bottleneck", "effort", "amount", "quantit", "number",
    "volume", "resource", "investment", "expense", "of ", "gap", "variab", "heterogene", "uncertaint", "cost",
    "computational", "memory", "latency", "demand", "need", "language", "scale", "model", "dataset", "corpora",
    "corpus", "data ")
EN_BACKGROUND_BEFORE = frozenset({"become", "becomes", "became", "attracted", "garnered", "gained", "drawn",
                                  "received", "too", "how", "so", "face", "faces", "facing", "pose", "poses",
                                  "posing", "remain", "remains", "incur", "incurs", "without", "no", "not", "any",
                                  "nor", "little"})


_CHANGE_NOUN = re.compile(r"(?:reduction|saving|decrease|improvement|gain|increase|speedup|boost|drop|cut)")


def _sized_result(padded_text: str) -> bool:
    """An intensity word about a result ("significantly improves", "a substantial gain", "by a wide margin"),
    not one that sizes a problem, the field or a model ("face significant challenges", "large language
    models")."""
    if _STRENGTH_WORD.search(padded_text) is None:
        return False
    for phrase in EN_NOT_STRENGTH:
        if phrase in padded_text:
            padded_text = padded_text.replace(phrase, " ")
    for match in _STRENGTH_WORD.finditer(padded_text):
        at = match.start()
        word_end = padded_text.find(" ", match.end())
        following = padded_text[word_end + 1: word_end + 16].lstrip()
        preceding = padded_text[max(0, at - 12): at].rsplit(" ", 1)[-1]
        if preceding in EN_BACKGROUND_BEFORE:
            continue
        # "significant cost reductions" sizes a result even though "significant costs" sizes a problem.
        if not following.startswith(EN_BACKGROUND_NOUNS) or _CHANGE_NOUN.match(following.split(" ", 1)[-1]):
            return True
    return False


_STRENGTH_WORD = key_pattern(EN_STRENGTH)


# A large effect stated as a number: a factor of 1.5 or more ("2.5x", "3 times", "-fold"), a change of 10% or
# more ("improves ... by 23%", "a 36.8% reduction", "+12.3%"), or "from A to B" where one is 1.5 times the
# other. A best case ("up to 16.85%") sizes one setting, not the result: under "up to" only a huge effect counts
# (a factor of 3, a change of 50%: "up to 99.9% gas reduction").
# Not "10-fold cross-validation", a method.
_FACTOR = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:[x×]|\\times|times|-?fold(?![\s-]*cross))(?![A-Za-z])")
_PERCENT = r"\+?(\d+(?:\.\d+)?)\s*(?:\\?%|percent)"
_CHANGE_THEN_PERCENT = re.compile(
    r"(?:by|improv\w*|reduc\w*|gains?|increas\w*|decreas\w*|boost\w*|cuts?|lower\w*|rais\w*|sav\w*)\s+"
    rf"(?:[\w~]+\s+){{0,3}}?(?:over |about |nearly |approximately |more than |of )?{_PERCENT}")
_PERCENT_THEN_CHANGE = re.compile(
    rf"(?<![\d.]){_PERCENT}\s+(?:\w+\s+)?(?:improvement|reduction|gain|increase|decrease|fewer|less|faster|"
    r"speedup|higher|lower|better|relative|boost|drop|saving)")
_FROM_TO = re.compile(r"from\s+(\d+(?:\.\d+)?)\s*\\?%?\s*(?:\w+\s+){0,3}?to\s+(\d+(?:\.\d+)?)")
_UP_TO = re.compile(r"up to (?:a |an )?[~+]?$")
_DIGIT = re.compile(r"\d")
LARGE_FACTOR, LARGE_CHANGE = 1.5, 10.0
HUGE_FACTOR, HUGE_CHANGE = 3.0, 50.0  # under "up to"


def _large(text: str, match: re.Match[str], large: float, huge: float) -> bool:
    best_case = _UP_TO.search(text, max(0, match.start(1) - 12), match.start(1)) is not None
    return float(match.group(1)) >= (huge if best_case else large)


def large_effect(text: str) -> bool:
    """The text states a large change as a number."""
    if _DIGIT.search(text) is None:
        return False
    text = text.replace("$", "")
    if any(_large(text, m, LARGE_FACTOR, HUGE_FACTOR) for m in _FACTOR.finditer(text)):
        return True
    for pattern in (_CHANGE_THEN_PERCENT, _PERCENT_THEN_CHANGE):
        if any(_large(text, m, LARGE_CHANGE, HUGE_CHANGE) for m in pattern.finditer(text)):
            return True
    for match in _FROM_TO.finditer(text):
        a, b = float(match.group(1)), float(match.group(2))
        if min(a, b) > 0 and max(a, b) / min(a, b) >= LARGE_FACTOR:
            return True
    return False


def strength_licenses(sentence: Piece) -> bool:
    """An intensity word about a result, or a large effect in numbers."""
    return _sized_result(sentence.padded) or large_effect(sentence.text)


STRENGTH = Attribute(
    name="strength",
    screen=("显著", "大幅", "明显", "大大", "极大", "巨幅", "远"),
    # What an abstract says instead of a sized change: it improves, outperforms, reduces.
    weaker=re.compile(r" (?:improv|outperform|enhanc|surpass|superior|reduc|increas|boost|lower|better|faster|"
                      r"advantage|gain|accelerat|exceed|effective)"),
    cue=ZH_INTENSIFIED,
    licenses=strength_licenses,
    void_before=ZH_INTENSIFIED_VOID_BEFORE,
    void_after=ZH_INTENSIFIED_VOID_AFTER,
    void_window=3,
    blocks=ALL_BLOCKS,
)


def _any_key(wanted: tuple[str, ...]) -> Callable[[Piece], bool]:
    pattern = key_pattern(wanted)
    return lambda sentence: pattern.search(sentence.padded) is not None


# --- Novelty: a first the abstract does not claim -----------------------------------------------------------------
ZH_FIRST = re.compile(r"首次|第一个|首个|首款|首例|首创|率先|开创性|开创了|前所未有")
ZH_FIRST_VOID_BEFORE = re.compile(r"(?:并非|不是|并不是|非)[^，。；]{0,3}$")
# The ways an abstract claims priority: the word, and the phrases that say nobody did it before.
EN_FIRST = keys(
    "first", "firstever", "pioneer*", "unprecedented", "inaugural", "seminal", "novel first", "unexplored",
    "our knowledge", "for the first time", "prior to our work", "previously unknown", "previously unexplored",
    "no prior", "no previous", "no existing", "no earlier", "none of the existing", "no work", "no study",
    "no studies", "not been explored", "not been studied", "not been examined", "not been investigated",
    "not been addressed", "not been considered", "never been", "not yet been", "yet to be", "has not yet",
    "have not yet", "has received no", "have received no")
NOVELTY = Attribute(name="novelty", screen=("首", "第一", "率先", "开创", "前所未有"), cue=ZH_FIRST, licenses=_any_key(EN_FIRST), void_before=ZH_FIRST_VOID_BEFORE,
                    void_window=4, blocks=ALL_BLOCKS)

# --- State of the art: a lead over all other work the abstract does not claim --------------------------------------
# 最先进/SOTA/领先 ... of the paper's own result; 最佳/最优 mostly mean "optimal" (最优秩, 最佳实践) and are left out.
ZH_SOTA = re.compile(r"最先进|SOTA|[Ss]tate[- ]of[- ](?:the[- ])?art|新纪录|新记录|(?:领先|顶尖)(?=[^，。；]{0,6}?"
                     r"(?:性能|水平|结果|效果|表现|精度|准确率|成绩))")
# Other work's state of the art ("即使是最先进的模型", "与现有最先进方法相比", "优于最先进方法" is licensed by
# "outperform" anyway), or a level reached ("达到与最先进方法相当").
ZH_SOTA_VOID_BEFORE = re.compile(r"即使|甚至|现有|当前|目前|主流|与|比|优于|超越|超过|相比|媲美|相当|接近|多个|评估|其他|先前|"
                                 r"之前|以往|已有|传统")
EN_SOTA = keys(
    "stateoftheart", "stateofart", "state of the art", "state of art", "sota", "sotas", "best*", "outperform*",
    "surpass*", "superior*", "exceed*", "beat*", "strongest", "highest", "new record*", "record", "1st",
    "first place", "top performing", "topperforming", "top ranked", "rank first",
    "ranks first", "ranked first", "ranking first", "unmatched", "unrivaled", "unrivalled", "dominat*",
    "frontier")
SOTA = Attribute(name="state of the art", screen=("最先进", "SOTA", "sota", "tate", "新纪录", "新记录", "领先", "顶尖"),
                 cue=ZH_SOTA, licenses=_any_key(EN_SOTA), void_before=ZH_SOTA_VOID_BEFORE,
                 void_window=8, blocks=ALL_BLOCKS)

# --- Proof: 证明/证实 where the abstract only suggests ----------------------------------------------------------
ZH_PROOF = re.compile(r"证明|证实")
# 零知识证明 is a noun; 无法证明 and 有待证实 deny or defer it.
ZH_PROOF_VOID_BEFORE = re.compile(r"知识|无法|未能|不能|难以|尚未|有待|需要|是否|如何")
# The words an abstract proves, shows or establishes with: 证明 restating "show" is loose wording, not an overclaim.
EN_PROOF = keys("prove", "proves", "proved", "proven", "proving", "provabl*", "proof*", "demonstrat*", "establish*",
                "confirm*", "theorem*", "theoretical*", "guarantee*", "show", "shows", "showed", "shown", "showing",
                "verif*", "validat*", "evidence", "affirm*", "corroborat*", "substantiat*", "reveal*", "find",
                "finds", "found", "certif*")
# Hedges an abstract puts on what it found.
EN_SOFT = keys("suggest*", "indicat*", "may", "might", "could", "hint*", "preliminary", "appear*", "seem*",
               "likely", "possibl*", "potential*", "plausibl*", "tentative*", "speculat*", "hypothes*")
# A sentence licenses 证明 when it proves, shows or establishes something; an overclaim needs a hedge besides.
hedged = _any_key(EN_SOFT)
PROOF = Attribute(name="proof", screen=("证明", "证实"), cue=ZH_PROOF, licenses=_any_key(EN_PROOF), void_before=ZH_PROOF_VOID_BEFORE,
                  void_window=4)
