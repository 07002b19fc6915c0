"""Artifact rules: chatbot boilerplate, prompt or schema leakage, broken text, repeated blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis.context import PaperContext
from checker.model import BLOCK_LABELS, Category, Severity
from checker.rules.registry import Hit, paper_rule

_BOILERPLATE = re.compile(
    r"希望(?:这|以上|本|此)?(?:个|份|篇|段)?(?:摘要|总结|内容|回答|信息)?(?:能|可以)?(?:对您|对你|帮到您|帮到你)"
    r"|如果您?(?:还)?有(?:其他|任何|更多)(?:的)?(?:问题|疑问|需要)"
    r"|请随时(?:告诉|联系|提问)"
    r"|^(?:好的|当然|没问题)[，,！!。]"
    r"|^以下是[^。\n]{0,20}(?:摘要|总结|分析|内容)"
    r"|作为一?个?(?:AI|人工智能)(?:语言模型|助手)?"
    r"|\bAs an AI(?: language model)?\b"
    r"|\bI hope this (?:summary )?helps\b"
    r"|\bLet me know if\b"
    r"|^(?:Sure|Certainly)[,!.]"
    r"|^Here(?: is|'s) (?:a|the) (?:summary|analysis)",
    re.IGNORECASE | re.MULTILINE,
)
# The generator's JSON or its schema leaking into a field.
_LEAK = re.compile(
    r"```|^\s*[\[{]\s*\"|\"(?:tldr|motivation|method|result|conclusion|task)\"\s*:"
    r"|\b(?:tldr|motivation|method|result|conclusion)\s*[:=]\s*\"|</?(?:think|answer|output)>",
    re.IGNORECASE | re.MULTILINE,
)
_SCHEMA_ECHO = (
    "单个单词的摘要",
    "一句话核心创新总结",
    "one-sentence core innovation summary",
    "too long; didn't read",
    "short motivation",
    "short method description",
    "short key result",
    "short conclusion",
    "empty string if unknown",
    "generate a too long",
    "motivation of this paper",
    "method of this paper",
    "result of this paper",
    "conclusion of this paper",
)
# Cheap substring screens: the full patterns only run on blocks that contain one of these.
_BOILERPLATE_SCREEN = ("希望", "如果", "请随时", "好的", "当然", "没问题", "以下是", "作为", "As an", "as an", "hope",
                       "Let me", "let me", "Sure", "Certainly", "Here")
_LEAK_SCREEN = ('"', "`", "<")
_SCHEMA_ECHO_LOWER = tuple(e.lower() for e in _SCHEMA_ECHO)
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # not \t or \n
_DANGLING_END = re.compile(r"[，,、;；:：(（\[【\-—]\s*$")


@paper_rule("F301", "chatbot-boilerplate", Category.format, Severity.warning)
def chatbot_boilerplate(ctx: PaperContext) -> Iterator[Hit]:
    """A block carries chatbot filler instead of (or beside) the summary.

    Examples: "希望这个摘要对您有所帮助", "如果您还有其他问题", "以下是论文的总结", "作为一个AI语言模型".
    The real corpus has none in its blocks; a paper's own "我们希望这项研究能..." (xmkxabc 2025-06-23,
    2506.15755) is not filler and is left alone.
    """
    if not any(key in ctx.content_text() for key in _BOILERPLATE_SCREEN):
        return
    for name, text in ctx.content_blocks():
        match = _BOILERPLATE.search(text)
        if match:
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} contains chatbot boilerplate",
                      summary_span=_around(text, match.start(), match.end()))


@paper_rule("F302", "prompt-leak", Category.format, Severity.error)
def prompt_leak(ctx: PaperContext) -> Iterator[Hit]:
    """A block echoes the output schema or contains JSON/code fences of the generator.

    Real example: dw-dengwei 2025-09-16, 2509.11570 has the TL;DR "单个单词的摘要"
    ("a one-word summary"), the field description instead of a summary.
    """
    all_text = ctx.content_text()
    lowered_all = all_text.lower()
    if not any(echo in lowered_all for echo in _SCHEMA_ECHO_LOWER) and not any(k in all_text for k in _LEAK_SCREEN):
        return
    for name, text in ctx.content_blocks():
        lowered = text.lower()
        if any(echo in lowered for echo in _SCHEMA_ECHO_LOWER):
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} repeats the output schema instead of summarizing",
                      summary_span=text[:200])
            continue
        match = _LEAK.search(text) if any(key in text for key in _LEAK_SCREEN) else None
        if match:
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} contains JSON or markup of the generator",
                      summary_span=_around(text, match.start(), match.end()))


@paper_rule("F303", "broken-text", Category.format, Severity.warning)
def broken_text(ctx: PaperContext) -> Iterator[Hit]:
    """A block contains control characters, usually LaTeX mangled by JSON escaping.

    Real example: xmkxabc 2025-06-23, where ``\\frac`` and ``\\bf`` arrived as form-feed and
    backspace characters (``\\x0crac``).
    """
    if not CONTROL_CHARACTER.search(ctx.content_text()):  # newline is not in the class
        return
    for name, text in ctx.content_blocks():
        match = CONTROL_CHARACTER.search(text)
        if match:
            code = f"\\x{ord(match.group(0)):02x}"
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} contains control character {code} (broken LaTeX?)",
                      summary_span=_around(text, match.start(), match.end()))


@paper_rule("F304", "truncated-block", Category.format, Severity.info)
def truncated_block(ctx: PaperContext) -> Iterator[Hit]:
    """A block ends mid-sentence (on a comma, an enumeration mark or an open bracket).

    Real example: xmkxabc 2025-06-23, 2506.17169: the Method ends "...新信息的获取（可塑性。", the bracket
    never closed. Blocks without a final 。 are normal in these digests; only a dangling separator counts.
    """
    for name, text in ctx.content_blocks():
        if _DANGLING_END.search(text) or text.count("（") > text.count("）") or text.count("(") > text.count(")"):
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} seems cut off", summary_span=text[-60:])


def _bigrams(text: str) -> set[str]:
    compact = re.sub(r"\s+", "", text)
    return {compact[i : i + 2] for i in range(len(compact) - 1)}


@paper_rule("F305", "repeated-block", Category.format, Severity.warning)
def repeated_block(ctx: PaperContext) -> Iterator[Hit]:
    """Two blocks say the same thing (e.g. the Conclusion repeats the TL;DR word for word).

    Real example: xmkxabc 2025-06-06, 2506.04363: TL;DR "WorldPrediction是一个视频基准，用于评估AI模型的世界建模和
    程序规划能力。" and a Conclusion that only adds "不同". Measured by character-bigram overlap; the threshold
    (0.9) leaves the usual paraphrase alone.
    """
    blocks = [(name, text) for name, text in ctx.content_blocks() if len(text) >= 20]
    grams: dict[str, set[str]] = {}
    for i, (first, text_a) in enumerate(blocks):
        for second, text_b in blocks[i + 1 :]:
            if min(len(text_a), len(text_b)) < 0.8 * max(len(text_a), len(text_b)):
                continue  # a 0.9 bigram overlap needs nearly equal lengths
            sampled_b = _sampled_bigrams(text_b)
            if sum(bigram in text_a for bigram in sampled_b) < len(sampled_b) - 2:
                continue  # cheap screen: near-identical texts share (nearly) every sampled bigram
            grams_a = grams.setdefault(first, _bigrams(text_a))
            grams_b = grams.setdefault(second, _bigrams(text_b))
            union = grams_a | grams_b
            if union and len(grams_a & grams_b) / len(union) >= 0.9:
                yield Hit(block=second, message=f"{BLOCK_LABELS[second]} repeats {BLOCK_LABELS[first]}",
                          summary_span=text_b[:200])


def _sampled_bigrams(text: str, samples: int = 8) -> list[str]:
    step = max(1, (len(text) - 1) // samples)
    return [text[i : i + 2] for i in range(0, len(text) - 1, step)][:samples]


def _around(text: str, start: int, end: int, width: int = 30) -> str:
    return text[max(0, start - width) : min(len(text), end + width)]
