"""A block carries chatbot filler instead of (or beside) the summary.

## What it catches
Chat-assistant phrases in a block: closing wishes ("希望这个摘要对您有所帮助", "I hope this helps"), offers
("如果您还有其他问题", "请随时告诉", "Let me know if"), openers at the start of a line ("好的，", "当然！",
"以下是...的总结", "Sure,", "Here is the summary") and the model naming itself ("作为一个AI语言模型",
"As an AI language model"). One finding per block, quoting the phrase with its neighbours.

## Why it matters
Filler means the model answered as a chat assistant rather than filling the schema: it takes the reader's
space, and the rest of the block is often less of a summary too.

## Example
Examples: "希望这个摘要对您有所帮助", "如果您还有其他问题", "以下是论文的总结", "作为一个AI语言模型".
The real corpus has none in its blocks; a paper's own "我们希望这项研究能..." (xmkxabc 2025-06-23,
2506.15755) is not filler and is left alone.

## Stays quiet on
The paper's own hopes and aims ("我们希望这项研究能..."): 希望 counts only when it is wished on the reader
(对您/对你/帮到您); "好的"/"当然"/"Sure" not at the start of a line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.analysis.artifacts import around
from checker.analysis.context import PaperContext
from checker.model import BLOCK_LABELS, Category, Severity
from checker.rules.spec import Hit, RuleSpec

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
# Cheap substring screen: the full pattern only runs on blocks that contain one of these.
_BOILERPLATE_SCREEN = ("希望", "如果", "请随时", "好的", "当然", "没问题", "以下是", "作为", "As an", "as an", "hope",
                       "Let me", "let me", "Sure", "Certainly", "Here")


def chatbot_boilerplate(ctx: PaperContext) -> Iterator[Hit]:
    if not any(key in ctx.content_text() for key in _BOILERPLATE_SCREEN):
        return
    for name, text in ctx.content_blocks():
        match = _BOILERPLATE.search(text)
        if match:
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} contains chatbot boilerplate",
                      summary_span=around(text, match.start(), match.end()))


RULE = RuleSpec(
    id="F301",
    name="chatbot-boilerplate",
    category=Category.format,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=chatbot_boilerplate,
)
