"""The headline quantities of an abstract, and what each one is: a result of the paper, or something else.

What counts as key is decided here for the two number-omission rules (O201: a key quantity no block carries;
O202: measured results with no number in Result or TL;DR): result percentages and multipliers, metric values,
data sizes. Memoized on the context.

A key quantity is then given a role (``role_of``): only a **result** is a number the paper reports about its
own method or findings. The others are quantities a summary may leave out:

- ``aside``: a confidence interval ("95% CI: 0.779-0.867"), a count given as an example in parentheses;
- ``background``: a figure before the paper first speaks of its own work (we, our, this paper, here) in a
  sentence with no metric word, or in a sentence about prior work ("Prior studies report that 30% of ...",
  "Existing detectors reach only 61%"), with no word of the paper's own voice and no comparison;
- ``setting``: a value the paper chose: a hyperparameter or a threshold ("a reward weight of 0.01",
  "a threshold of 0.5", "λ = 0.1", "E[θ]=0.5", "at 0.5 IoU") in a clause with no metric word;
- ``baseline``: a value of what the paper compares with ("outperforming VAE (3.43)", "versus 1% for
  untrained baselines", "exceeding the baseline of 0.6461", "from 28.1% ... to 82%": the 28.1%);
- ``data``: the size of data (samples, images, tokens ...): a detail, unlike a result.
"""

from __future__ import annotations

import re

from checker.analysis.context import PaperContext
from checker.analysis.per_paper import number_view
from checker.numbers import FRACTION, MEASURED_KINDS, RANGE, WORD, NumberView, Quantity
from checker.text.sentences import span_at

METRIC = re.compile(
    r"accura|precision|recall|\bf1|score|auc|auroc|bleu|rouge|map\b|iou|error|loss|rate|improv|gain|speed"
    r"|latency|throughput|reduc|increas|correlat|perplexity|ppl|win|success|pass@|mse|rmse|mae|psnr|ssim|fid"
    r"|dice|top-|outperform|achiev|reach|surpass|boost|faster|fewer|lower|higher|better",
    re.IGNORECASE,
)
_DATA_NOUN = re.compile(
    r"sample|image|example|question|pair|instance|video|document|paper|patient|record|sentence|utterance"
    r"|dialog|conversation|hour|token|user|problem|task|prompt|annotat|trajector|clip|article|case|item|post"
    r"|repositor|function|program|molecule|protein|participant|respondent|datapoint|data point|entries",
    re.IGNORECASE,
)
# The same words for ASCII text, searched in its lowercase form: without IGNORECASE the engine skips ahead much
# faster (on ASCII text the two give the same answer).
METRIC_ASCII = re.compile(METRIC.pattern.replace(r"\bf1", r"f(?<!\w.)1"))
_DATA_NOUN_ASCII = re.compile(_DATA_NOUN.pattern)
_VERSION_BEFORE = re.compile(r"(?:\b[A-Z][\w.-]*|\bv)\s?$")  # Gemini 2.0, SeedEdit 1.6: a version
_MODEL_SIZE = re.compile(r"\d(?:\.\d+)?\s*[BM]$")
_WORD_OR_FRACTION = frozenset({WORD, FRACTION})

RESULT, ASIDE, BACKGROUND, SETTING, BASELINE, DATA = "result", "aside", "background", "setting", "baseline", "data"

# An aside: a confidence interval, a count given as an example ("(e.g., only 100 used from 4,096 expected)").
_CI_BEFORE = re.compile(r"(?:\bCI|confidence intervals?)[)\]]?\s*[:=]?\s*[\[(]?\s*(?:[\d.]+\s*(?:-|–|to|,)\s*)?$")
_CI_AFTER = re.compile(r"\s*(?:CI\b|confidence interval|Hausdorff|percentile)")
_EXAMPLE_OPEN = re.compile(r"\((?:e\.g\.|for example|for instance)[^()]*$")
# The paper's own voice: a number before it, in a sentence without a metric, is background.
# (Opens with the class, then looks behind for a word start, so the engine skips ahead fast.)
_OWN_VOICE = re.compile(r"[WwOoTtHh](?<!\w\w)(?:(?<=[Ww])e|(?<=[Oo])ur|(?<=[Tt])his (?:paper|work|study|article|letter)"
                        r"|(?<=[Hh])ere)\b")
# A sentence about prior work: it opens on prior or existing work as its subject ("Prior studies report ...",
# "Existing detectors reach only ...", "It has been reported that ...").
_PRIOR_OPENING = re.compile(
    r"^\W*(?:(?:however|yet|but|moreover|notably|unfortunately|currently|to date)\W+)?(?:(?:the|a|an|many|most|some)\s+)?"
    r"(?:(?:prior|previous|existing|earlier|conventional|traditional|current|recent|past|state-of-the-art|sota)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:works?|stud(?:y|ies)|methods?|approaches|models?|systems?|detectors?|tools?|literature"
    r"|research|surveys?|reports?|benchmarks?|llms?|solutions?|techniques?)\b"
    r"|(?:stud(?:y|ies)|research|surveys?|reports?|estimates?|statistics)\s+(?:have\s+|has\s+)?(?:show|shown|found"
    r"|report|reported|estimate|suggest|indicate)|it\s+(?:has\s+been|is|was)\s+(?:reported|estimated|shown))",
    re.IGNORECASE,
)
_OWN_OR_COMPARED = re.compile(r"\b(?:we|our|ours|proposed|outperform\w*|surpass\w*|exceed\w*|beat\w*|than)\b",
                              re.IGNORECASE)
# A setting: a hyperparameter or threshold the paper chose, or a value assigned to a symbol (λ = 0.1, E[θ]=0.5).
_SETTING_WORDS = re.compile(
    r"(?<![-\w])(?:weights?|coefficients?|thresholds?|learning[- ]rates?|temperatures?|batch[- ]sizes?|dropout|momentum"
    r"|decay|margins?|penalt(?:y|ies)|budgets?|hyper-?parameters?|set\s+(?:to|at|as)|fixed\s+(?:to|at)"
    r"|sampling[- ]rates?|mask(?:ing)?[- ]ratios?|step[- ]sizes?)\b",
    re.IGNORECASE,
)
_SYMBOL_ASSIGNED = re.compile(r"(?:[αβγδεηθκλτω]|\])\s*[=≈]\s*$")
_THRESHOLD_AFTER = re.compile(r"\s*(?:IoU\b|threshold)", re.IGNORECASE)
# A baseline's value: after what it is compared with, or the starting point of a change.
_BASELINE_BEFORE = re.compile(
    r"(?:\bbaselines?\b(?:\s+\w+){0,3}?\s+(?:of|at|is|was|scores?|scales?\s+to|reach(?:es)?|achieves?)\s*[~≈]?"
    r"|\b(?:versus|vs\.?|compared\s+(?:to|with)|relative\s+to)\s+(?:the\s+)?"
    r"|(?<!rang)(?<!range)(?<!ranges)(?<!ranged)(?<!ranging)\s\bfrom\s+"
    r"|(?:\boutperform\w*|\bsurpass\w*|\bexceed\w*|\bbeat\w*|\bthan|\bversus|\bvs\.?)\s(?:(?!\bby\b)(?:[^,;.]|\.\d))*\(\s*)$",
    re.IGNORECASE,
)
# What makes a number in parentheses after a comparison the paper's own: "(71% vs 63%)", "(20% lower MPJPE)".
_OWN_IN_PARENTHESES = re.compile(r"\s*(?:vs\b|versus|lower|higher|better|fewer|less|more|improvement|gain"
                                 r"|reduction|increase|faster|relative)", re.IGNORECASE)
# A size that describes a thing used ("a 0.2 mm thick piano wire", "a 3 m long track"): a setting.
_DIMENSION_AFTER = re.compile(r"\s*(?:[mcnkµμ]?m|in|ft|inch(?:es)?|feet|meters?|years?)[\s-]+(?:thick|long|wide|high|deep"
                              r"|tall|old|in\s+(?:diameter|length|width|height))\b", re.IGNORECASE)
# A share of the data with a property ("19.7% of questions contain ..."): a description of the data.
_SHARE_OF_DATA = re.compile(r"\s+of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,2}?(?:" + _DATA_NOUN.pattern + r")\w*\s+"
                            r"(?:contain|include|are|were|have|has|come|originate|involve|feature)\w*\b", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[,;:]\s|\band\b|\bwhile\b|\bwhereas\b")


def is_key(quantity: Quantity, view: NumberView) -> bool:
    """A headline quantity of the abstract: a result percentage or multiplier, a metric value, a data size."""
    if not _WORD_OR_FRACTION.isdisjoint(quantity.qualifiers) or (
            ("B" in quantity.text or "M" in quantity.text) and _MODEL_SIZE.search(quantity.text)):
        return False
    if quantity.kind in MEASURED_KINDS:
        return True
    if quantity.is_integer and quantity.value < 1000:
        return False
    sentence = view.sentence(quantity) or ""
    if not quantity.is_integer:
        before = sentence[: max(sentence.find(quantity.text), 0)]
        version = _VERSION_BEFORE.search(before)
        return mentions(METRIC_ASCII, METRIC, sentence) and (
            version is None or mentions(METRIC_ASCII, METRIC, version.group(0)))  # Gemini 2.0, not F1 0.90
    return mentions(_DATA_NOUN_ASCII, _DATA_NOUN, sentence)


def mentions(lowercase_ascii: re.Pattern[str], any_case: re.Pattern[str], text: str) -> bool:
    """Whether the text holds one of the words (the ASCII pattern on lower-cased ASCII text, which is faster)."""
    if text.isascii():
        return lowercase_ascii.search(text.lower()) is not None
    return any_case.search(text) is not None


def key_quantities(ctx: PaperContext) -> list[Quantity]:
    """The abstract's key quantities, in the abstract's order."""
    view = number_view(ctx)
    keys: list[Quantity] = ctx.memo("numbers.keys", lambda: [q for q in view.abstract_quantities if is_key(q, view)])
    return keys


def role_of(quantity: Quantity, view: NumberView) -> str:
    """What a key quantity is: a result of the paper, or an aside, background, a setting, a baseline's value or
    a data size (see the module docstring)."""
    abstract = view.abstract
    span = span_at(abstract, view.starts, quantity.start)
    sentence = span.text
    opening = quantity.start
    if RANGE in quantity.qualifiers:  # 1.30×-1.46×: the second end is read from where the range opens
        opening = min((q.start for q in view.abstract_quantities if q.end == quantity.end), default=opening)
        if _FROM_BEFORE.search(abstract, max(0, opening - 8), opening):
            opening = quantity.start  # "from 39.4% to 74.2%": a change, and 74.2% is where it arrives
    before = abstract[max(0, opening - 160):opening]
    after = abstract[quantity.end:quantity.end + 24]
    if _CI_BEFORE.search(before[-40:]) or _CI_AFTER.match(after) or (
            quantity.kind not in MEASURED_KINDS and _EXAMPLE_OPEN.search(before[-120:])):
        return ASIDE
    if _OWN_VOICE.search(abstract, 0, quantity.end) is None and _OWN_VOICE.search(abstract, quantity.end) \
            and not mentions(METRIC_ASCII, METRIC, sentence):
        return BACKGROUND  # "about 20% of all verified fungi observations", before the paper speaks
    if _PRIOR_OPENING.search(sentence) and not _OWN_OR_COMPARED.search(sentence):
        return BACKGROUND
    clause = abstract[max(span.start, quantity.start - 160):quantity.start]
    cuts = [match.end() for match in _CLAUSE_START.finditer(clause)]
    clause = clause[cuts[-1]:] if cuts else clause
    if _SYMBOL_ASSIGNED.search(before[-12:]) or _THRESHOLD_AFTER.match(after) or _DIMENSION_AFTER.match(after) or (
            _SETTING_WORDS.search(clause) and not mentions(METRIC_ASCII, METRIC, clause)):
        return SETTING
    if _BASELINE_BEFORE.search(before[-80:]) and not before.rstrip().endswith(" by") and not (
            before.rstrip().endswith("(") and _OWN_IN_PARENTHESES.match(after)):
        return BASELINE
    if (quantity.is_integer and quantity.kind not in MEASURED_KINDS) or _SHARE_OF_DATA.match(after):
        return DATA
    return RESULT
