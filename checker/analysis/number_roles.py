"""Numbers bound to their role: a summary number the abstract writes, but for something else.

A value written somewhere in the abstract is not yet a value the abstract gives for what the summary says it
measures. Two signs that a summary number was moved onto another role (N101 reports them):

- **repeated**: one summary sentence states a value twice ("提高了2.33%和2.33%", "从18倍到18倍") where the
  abstract writes it fewer times, in a sentence holding a value of the same kind that the summary sentence
  leaves out (1.83%): one of the two was that other number;
- **bound elsewhere**: the summary ties the number to a metric or a name right next to it ("F1=0.4986",
  "mIoU达56.02%", "Recall@1为97.02%"), every place the abstract writes that value ties it to another term of
  the same sort (a metric to a metric, a name to a name), and the abstract ties another value to the summary's
  term: "0.4986" is the abstract's precision, its F1 is 0.83.

"Right next to" is tight on purpose: a metric word or a name and the number with only connectors between
(of, =, is, reaches, 为, 达到, a unit); a number without such a neighbour on either side, or written in the
abstract once without one, is never reported. Metric words are one general class (evaluation measures), in
English and Chinese; names are Latin tokens with a digit, an inner capital or a hyphen (U-Net, HumanEval, OA).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.analysis.bilingual import clause_units
from checker.analysis.bilingual_words import content_words
from checker.analysis.context import PaperContext
from checker.analysis.per_paper import number_view
from checker.numbers import RANGE, BlockNumbers, NumberView, Quantity, compatible, same_family, supports
from checker.text.sentences import block_sentences, span_at

# Evaluation measures: a key, its English forms (lower case), its Chinese forms.
_METRICS: dict[str, tuple[str, str]] = {
    "accuracy": (r"accurac(?:y|ies)|acc", "准确率|正确率|准确度|精度|精确度"),
    "precision": (r"precision", "精确率|精确度|查准率|精度"),
    "recall": (r"recall", "召回率|查全率|召回"),
    "f1": (r"f1(?:[- ]?scores?)?|f-scores?|f-measure", "F1|F值"),
    "error": (r"errors?(?: rates?)?|wer|cer|mae|rmse|mse", "错误率|误差|错误|误码率|字错率|词错率"),
    "success": (r"success(?: rates?)?|pass rates?", "成功率|通过率"),
    "win": (r"win[- ]rates?", "胜率"),
    "speed": (r"speed-?ups?|faster|throughput|speed", "加速|速度|吞吐量|更快|提速"),
    "latency": (r"latency|delay|inference time|runtime", "延迟|时延|耗时|延时"),
    "memory": (r"memory", "内存|显存"),
    "cost": (r"cost|overhead", "成本|开销"),
    "parameters": (r"parameters?|params", "参数量|参数"),
    "correlation": (r"correlations?", "相关系数|相关性|相关"),
    "perplexity": (r"perplexity", "困惑度"),
}
_EN_METRIC = re.compile(r"\b(?:" + "|".join(f"(?P<{key}>{forms[0]})" for key, forms in _METRICS.items()) + r")\b",
                        re.IGNORECASE)
_ZH_METRIC = re.compile("|".join(f"(?P<{key}>{forms[1]})" for key, forms in _METRICS.items()))
_ZH_METRIC_OPENINGS = frozenset(form[0] for _, forms in _METRICS.values() for form in forms.split("|"))
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-@/][A-Za-z0-9]+)*(?:\s?\([0-9a-z]+\))?")
_TAG = re.compile(r"\s?\([0-9a-z]+\)$")
# What may stand between a term and the number it measures.
_EN_LEFT_GAP = re.compile(r"(?:\s|of|=|:|is|was|are|were|reach(?:es|ed)?|achiev(?:es|ed|ing)|at|by|to|up to|about"
                          r"|over|an?|the|average|mean|overall|[(),])*", re.IGNORECASE)
_ZH_LEFT_GAP = re.compile(r"(?:\s|为|达|达到|是|：|:|=|仅为|高达|约|约为|了|的|平均|分别为|（|）|\(|\))*")
_RIGHT_GAP = re.compile(r"(?:\s|%|的|在|on|in|of|points?|pp|×|x|倍|个百分点)*", re.IGNORECASE)
_LEFT_REACH, _RIGHT_REACH = 28, 20
_CONFIDENCE = 0.7


@dataclass(frozen=True)
class RoleConflict:
    """A summary number that the abstract gives for another role; ``evidence`` is the abstract number the
    summary most likely replaced."""

    block: BlockNumbers
    quantity: Quantity
    evidence: Quantity
    message: str
    confidence: float = _CONFIDENCE


def _is_name(token: str) -> bool:
    core = _TAG.sub("", token)
    return any(c.isdigit() for c in core) or any(c.isupper() for c in core[1:]) or "-" in core


def _candidates(piece: str, metric: re.Pattern[str]) -> list[tuple[int, int, str]]:
    latin = _ASCII_LETTER.search(piece) is not None
    if not latin and _ZH_METRIC_OPENINGS.isdisjoint(piece):
        return []  # no Latin letter and no Chinese metric word: nothing to find (most windows of a Chinese block)
    found = [(m.start(), m.end(), "metric:" + (m.lastgroup or "")) for m in metric.finditer(piece)]
    if not latin:
        return found
    for match in _LATIN.finditer(piece):
        token = match.group(0)
        if _is_name(token) and not _EN_METRIC.fullmatch(token):
            found.append((match.start(), match.end(), "name:" + re.sub(r"[\s()]", "", token).lower()))
    return found


def tight_terms(text: str, start: int, end: int, english: bool) -> frozenset[str]:
    """The metrics ("metric:f1") and names ("name:u-net4c") right next to the number at [start, end) of ``text``:
    on its left with only connectors between (F1 of, mIoU达), on its right with only a unit or a particle
    (85.2% accuracy, 89.7% AP50)."""
    left = text[max(0, start - _LEFT_REACH):start]
    right = text[end:end + _RIGHT_REACH]
    metric = _EN_METRIC if english else _ZH_METRIC
    gap = _EN_LEFT_GAP if english else _ZH_LEFT_GAP
    terms = {term for _, stop, term in _candidates(left, metric) if gap.fullmatch(left, stop)}
    terms |= {term for begin, _, term in _candidates(right, metric) if _RIGHT_GAP.fullmatch(right, 0, begin)}
    return frozenset(terms)


def _of_sort(terms: frozenset[str], sort: str) -> frozenset[str]:
    return frozenset(term for term in terms if term.startswith(sort))


def _shown(terms: frozenset[str]) -> str:
    return ", ".join(sorted(term.split(":", 1)[1] for term in terms))


def _measured(quantity: Quantity) -> bool:
    return quantity.kind in ("percent", "points", "multiplier") or not quantity.is_integer or quantity.value >= 100


class _Abstract:
    """The abstract's quantities with their tight terms, each computed on first use."""

    def __init__(self, view: NumberView) -> None:
        self.view = view
        self.quantities = view.abstract_quantities
        self._terms: dict[int, frozenset[str]] = {}

    def terms(self, index: int) -> frozenset[str]:
        found = self._terms.get(index)
        if found is None:
            quantity = self.quantities[index]
            found = self._terms[index] = tight_terms(self.view.abstract, quantity.start, quantity.end, True)
        return found

    def sentence_of(self, quantity: Quantity) -> int:
        """Where the abstract sentence holding ``quantity`` starts."""
        return span_at(self.view.abstract, self.view.starts, quantity.start).start

    def holding(self, quantity: Quantity) -> list[int]:
        return [i for i, a in enumerate(self.quantities) if compatible(quantity, a) and supports(quantity, a)]


def _carried(abstract_quantity: Quantity, summary: list[Quantity]) -> bool:
    return any(abs(q.value - abstract_quantity.value) < 1e-9 or supports(q, abstract_quantity)
               or supports(abstract_quantity, q) for q in summary)


def _repeated(block: BlockNumbers, abstract: _Abstract) -> list[RoleConflict]:
    values = [q.value for q in block.quantities if _measured(q)]
    if len(values) == len(set(values)):
        return []  # no value twice in the block: none twice in a sentence (most blocks)
    found = []
    for sentence in block_sentences(block.text):
        groups: dict[tuple[float, str], list[Quantity]] = {}
        for q in block.quantities:
            if sentence.start <= q.start < sentence.end and _measured(q):
                family = "percent" if q.kind in ("percent", "points") else q.kind if q.kind == "multiplier" else "plain"
                groups.setdefault((q.value, family), []).append(q)
        for same in groups.values():
            times = len({q.start for q in same})
            if times < 2:
                continue
            quantity = same[-1]
            held = abstract.holding(quantity)
            if not held or len(held) >= times:
                continue
            sentences = {abstract.sentence_of(abstract.quantities[i]) for i in held}
            here = [q for q in block.quantities if sentence.start <= q.start < sentence.end]
            siblings = [a for i, a in enumerate(abstract.quantities) if i not in held and same_family(quantity, a)
                        and abstract.sentence_of(a) in sentences and not _carried(a, here)]
            if siblings:
                found.append(RoleConflict(block, quantity, siblings[0],
                                          f"{quantity.show()} is stated {times} times here but {len(held)} in the "
                                          f"abstract, beside {siblings[0].show()}, which this sentence leaves out"))
    return found


def _bound_elsewhere(block: BlockNumbers, quantity: Quantity, abstract: _Abstract,
                     english: bool) -> RoleConflict | None:
    if not any(same_family(quantity, other) and other.value != quantity.value for other in abstract.quantities):
        return None  # no other value of its kind in the abstract: nothing it could have been moved from
    mine = tight_terms(block.text, quantity.start, quantity.end, english)
    if not mine:
        return None
    held = abstract.holding(quantity)
    if not held:
        return None
    for sort in ("metric:", "name:"):
        wanted = _of_sort(mine, sort)
        if not wanted:
            continue
        theirs = [_of_sort(abstract.terms(i), sort) for i in held]
        if any(not terms or terms & wanted for terms in theirs):
            continue  # the abstract writes this value for the summary's term, or for nothing we can tell
        for i, other in enumerate(abstract.quantities):
            if i not in held and same_family(quantity, other) and RANGE not in other.qualifiers \
                    and abstract.terms(i) & wanted:
                return RoleConflict(block, quantity, other,
                                    f"{quantity.show()} is given for {_shown(wanted)}, but the abstract gives it for "
                                    f"{_shown(theirs[0])} and gives {other.show()} for {_shown(wanted)}")
    return None


def role_conflicts(ctx: PaperContext) -> list[RoleConflict]:
    """Summary numbers the abstract writes, but for another role (see the module docstring); memoized."""

    def compute() -> list[RoleConflict]:
        view = number_view(ctx)
        summary = [q for block in view.blocks for q in block.quantities]
        if not summary or not view.abstract_quantities:
            return []
        abstract = _Abstract(view)
        found: list[RoleConflict] = []
        for block in view.blocks:
            repeated = _repeated(block, abstract)
            found.extend(repeated)
            flagged = {conflict.quantity.start for conflict in repeated}
            for quantity in block.quantities:
                if quantity.start in flagged or RANGE in quantity.qualifiers or (
                        quantity.kind == "count" and quantity.is_integer):
                    continue  # a result value (percent, points, multiplier, decimal), not a count
                conflict = _bound_elsewhere(block, quantity, abstract, ctx.language == "en")
                if conflict is not None:
                    found.append(conflict)
        return found

    conflicts: list[RoleConflict] = ctx.memo("numbers.roles", compute)
    return conflicts


# What a small count counts: the words after it, up to a clause mark or a link word (三个公开数据集, 7个基准;
# "two public datasets", "seven state-of-the-art models (LVLMs)").
_ZH_COUNTED = re.compile(r"\s*(?:多|余)?(?:个|名|项|张|条|篇|种|类|位|组|份|段|例|部|套|台|款|幅|次|大)?(?:的)?"
                         r"([^，。；;：:、和与及或（）()\s\d]{1,8})")
_EN_COUNTED_END = re.compile(r"[,;:.\d]|(?<![\w-])(?:and|or|in|into|on|of|from|with|for|to|at|by|that|which"
                             r"|across|per|each|we|are|is|was|were)(?![\w-])", re.IGNORECASE)
# Where a Chinese noun phrase ends: a postposition or a verb that follows the counted noun.
_ZH_PHRASE_END = re.compile(r"(?<=.)(?:上|中|内|里|间|进行|作为|建立|构建|实现|取得|完成|用于|以|并|时|对|在|将|被|来)")
_COUNTED_WORDS = 2  # CC-CEDICT words read after a Chinese counter (the head noun is near)
_ENGLISH_WORDS = 8  # content words read after an English count ("seven state-of-the-art ... Models (LVLMs)")
_PREFIX = 4  # two content words match when one begins with the other, from this length (class, classification)


def _counted_in_summary(text: str, quantity: Quantity, english: bool) -> frozenset[str]:
    if english:
        return _counted_in_english(text, quantity)
    match = _ZH_COUNTED.match(text, quantity.end)
    if match is None:
        return frozenset()
    phrase = _ZH_PHRASE_END.split(match.group(1), 1)[0]  # 数据集 of 数据集上验证, 任务 of 任务建立了
    units = [unit for unit in clause_units(phrase) if not unit.text.startswith("#")]
    latin = [unit for unit in units if unit.text.isascii()]
    han = [unit for unit in units if not unit.text.isascii() and len(unit.text) > 1]
    # Modifiers come first in a Chinese noun phrase and the head noun last (皮肤色调类别): both ends are read.
    return frozenset(word for unit in (*latin, *han[:_COUNTED_WORDS], *han[-_COUNTED_WORDS:]) for word in unit.words)


def _counted_in_english(text: str, quantity: Quantity) -> frozenset[str]:
    tail = text[quantity.end:quantity.end + 80]
    stop = _EN_COUNTED_END.search(tail)
    return frozenset(content_words(tail[:stop.start()] if stop else tail)[:_ENGLISH_WORDS])


def _shared(one: frozenset[str], other: frozenset[str]) -> int:
    """How many words of ``one`` some word of ``other`` matches (the same, or one begins with the other)."""
    return sum(1 for a in one if a in other or (len(a) >= _PREFIX and any(
        len(b) >= _PREFIX and (a.startswith(b) or b.startswith(a)) for b in other)))


def count_of_same_thing(ctx: PaperContext, block: BlockNumbers, quantity: Quantity) -> Quantity | None:
    """An abstract count of what ``quantity`` (a small count of a block) counts, with another value: "two
    datasets" for 三个数据集. None when the abstract counts that thing nowhere, or counts it with this value."""
    view = number_view(ctx)
    counted = _counted_in_summary(block.text, quantity, ctx.language == "en")
    if not counted:
        return None
    same_thing = [(a, _shared(_counted_in_english(view.abstract, a), counted)) for a in view.all_abstract_quantities
                  if a.kind == "count" and a.is_integer]
    same_thing = [(a, shared) for a, shared in same_thing if shared]
    if any(abs(a.value - quantity.value) < 1e-9 for a, _ in same_thing):
        return None
    return max(same_thing, key=lambda pair: pair[1])[0] if same_thing else None  # the most words in common
