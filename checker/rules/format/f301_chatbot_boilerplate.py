"""A block carries chatbot filler instead of (or beside) the summary, recognised by its grammatical shape.

## What it catches
A sentence of a block that a paper's summary never writes, whatever its wording (checker/analysis/boilerplate.py,
in Chinese, English and the common Japanese forms):
- **address**: the reader is spoken to: 您, or 你/you with a condition, a modal or a request ("若你对…感兴趣，可以…",
  "If you would like…", "Feel free to…"), a polite request (请…, "please…"), advice to read the original;
- **offer**: more help offered: 我/I with a modal and a helping verb ("我可以为你解释…", "I'd be happy to
  elaborate"), a conditional offer ("如需…，请…"), "需要我…吗", "would you like me to…";
- **self_reference**: the text talks about itself: "以上是/以下是…的总结", "本摘要由…生成", "Here is a summary",
  "the summary above";
- **assistant**: "作为一个AI…，我…", "I am an AI…", "I don't have access…", "根据你提供的…", an acknowledgement
  opening a line ("好的，", "当然可以！", "Sure,");
- **closing**: "希望这…有帮助", "祝…愉快", "谢谢…", "仅供参考", "I hope this helps".
One finding per block, on its first such sentence, quoting the sentence and naming the shape.

## Why it matters
Filler means the model answered as a chat assistant rather than filling the schema: it takes the reader's
space, and the rest of the block is often less of a summary too.

## Example
No real block of the corpus holds filler; the mutation harness appends it to real blocks, e.g. the Conclusion of
dw-dengwei 2025-09-16, 2509.10599 plus "如果您还有其他问题，请随时告诉我。" (address: 您, 请随时告诉我). The
abstract is not involved: the span quoted is the block's own sentence.

## Stays quiet on
What the paper itself holds: a shape the abstract or title holds too (a paper on chat assistants quoting "let me
know if you need anything"), a span the abstract contains word for word, a summary noun (摘要, 总结, 回答) whose
translation the abstract uses (a paper on summarization); a term the paper builds ("作为AI副驾驶，该系统…":
no first person). The paper's own hopes and services: "作者希望这项工作…" (希望 with a subject), "为用户提供…",
"帮助开发者…" (third person, not 你/您); 以上 after a number ("20%以上"); 自我 and 我们.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.boilerplate import PaperReference, find_boilerplate
from checker.analysis.context import PaperContext
from checker.model import BLOCK_LABELS, Category, Severity
from checker.rules.spec import Hit, RuleSpec

_SHAPE_WORDS = {
    "address": "addresses the reader",
    "offer": "offers more help",
    "self_reference": "talks about the summary itself",
    "assistant": "speaks as the assistant",
    "closing": "closes like a chat reply",
}


def chatbot_boilerplate(ctx: PaperContext) -> Iterator[Hit]:
    reference = PaperReference(ctx.abstract, ctx.paper.title)  # reads nothing until a block matches
    for name, text in ctx.content_blocks():
        found = find_boilerplate(text, reference)
        if found:
            yield Hit(block=name, message=f"{BLOCK_LABELS[name]} contains chatbot boilerplate: a sentence that "
                                          f"{_SHAPE_WORDS[found.shape]} ({found.matched.strip()!r})",
                      summary_span=found.sentence, confidence=found.confidence)


RULE = RuleSpec(
    id="F301",
    name="chatbot-boilerplate",
    category=Category.format,
    severity=Severity.warning,
    scope="paper",
    doc=__doc__ or "",
    check=chatbot_boilerplate,
)
