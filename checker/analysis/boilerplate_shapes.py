"""The shapes of chatbot filler, written from word classes (read by checker.analysis.boilerplate).

Each ``Shape`` is one grammatical pattern in one language, with:
- ``concept``: shared by its translations ("hope-helps" is "希望这…有帮助" and "I hope this helps"), which the
  abstract gate compares;
- ``shape``: address, offer, self_reference, assistant or closing;
- ``anchors``: literal strings, one of which every match contains: a block is only searched with the shapes
  whose anchors it holds (one scan of a literal alternation per block instead of every pattern);
- ``confidence``: how sure a match is filler.

Word classes, not sentences: pronouns (您/你/我, you/I), modals, helping verbs (解释, 补充, elaborate...), asking
verbs (告诉, 提问, ask...), conditions (如果/若, if/should), deictics of the text itself (以上/以下/本/这份,
above/below/here/this), the nouns a writer calls its own text (摘要, 总结, 概述, summary, overview...), and the
politeness formulas of closing (希望…有帮助, 祝, 谢谢, 仅供参考).
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Shape(NamedTuple):
    concept: str
    shape: str
    confidence: float
    anchors: tuple[str, ...]
    regex: re.Pattern[str]


def _shape(concept: str, shape: str, confidence: float, anchors: str, pattern: str, ignore_case: bool = False,
           ) -> Shape:
    """``anchors`` space-separated; with ``ignore_case`` each also as Capitalized and UPPER."""
    words = tuple(a.replace("_", " ") for a in anchors.split())
    if ignore_case:
        words = tuple(dict.fromkeys(v for a in words for v in (a, a[:1].upper() + a[1:], a.upper())))
    flags = re.MULTILINE | (re.IGNORECASE if ignore_case else 0)
    return Shape(concept, shape, confidence, words, re.compile(pattern, flags))


# --- Chinese word classes ----------------------------------------------------------------------------------------
CS = r"(?:^|(?<=[。！？!?；;，,：:\n（(“\"「]))\s*"  # the start of a clause
SS = r"(?:^|(?<=[。！？!?.]))\s*"  # the start of a sentence
YOU = r"(?:您|你们?)"
ME = r"(?<![自本忘唯敌])我(?![们国方校院军省市])"  # first person singular: not 我们, 自我, 我国
MODAL = r"(?:可以|可|能够?|将|会|愿意|乐意|很乐意|非常乐意|随时|来|再|也|还|还可以|也可以|也能|还能)"
HELP = (r"(?:继续|进一步|更|再|详细地?|具体地?|深入地?)?(?:解释|说明|补充|展开|详述|细说|澄清|回答|解答|帮助|帮忙|帮|"
        r"协助|总结|概括|翻译|分析|讨论|探讨|列出|整理|介绍|阐述|阐明|提供|比较|对比|推荐|查找|改写|精简|扩展|修改|"
        r"调整|梳理|生成|制作|讲解|讲)")
ASK_WORDS = "告诉|告知|提问|询问|问|联系|追问|留言|反馈|提出|指出|交流|探讨|讨论|指正|说"
COND = r"(?:如果|若是?|假如|倘若|要是|如)"
META_WORDS = "摘要|总结|概述|概括|回答|回复|答复|解读|梳理|归纳|简介|小结|要点"  # what a writer calls its text
META_WIDE_WORDS = f"{META_WORDS}|分析|介绍|说明|内容|信息|解释|翻译|整理"
META_WIDE = f"(?:{META_WIDE_WORDS})"
HELPED = r"(?:帮助|帮到|帮上|有用|用处|益|启发|参考价值)"
END = r"(?=\s*(?:[。！!？?：:，,；;\n]|$))"  # the end of a clause
PAPER = r"(?:论文|文章|研究|文献|工作|本文|该文|原文|paper)"
ORIGINAL_WORDS = "原文|原论文|论文原文|全文|论文全文|完整论文|原始论文|正文"
ORIGINAL = f"(?:{ORIGINAL_WORDS})"
REQUEST = r"(?:(?<![申邀聘宴提])请|欢迎|敬请)"  # 请 as a request, not 申请/邀请

# --- English word classes ----------------------------------------------------------------------------------------
E_NOUN = r"(?:summary|summaries|overview|answer|response|breakdown|recap|synopsis|rundown|explanation|tl;?dr)"
E_SELF_NOUN = r"(?:summary|overview|recap|synopsis|breakdown|explanation)"
E_HELP = (r"(?:provide|help|explain|elaborate|expand|go|dive|summari[sz]e|clarify|walk|give|share|break|answer|"
          r"assist|discuss|tailor|compare|list|translate|outline|offer|create|draft|prepare|write|adjust|highlight|"
          r"point|condense|shorten|rewrite|rephrase|simplify|add|include|cover|look)")
# "I" as a pronoun, not the Roman numeral of "Type I", "Phase I", "Stage-I".
E_ME = (r"(?i:(?<!type )(?<!phase )(?<!stage )(?<!class )(?<!grade )(?<!level )(?<!part )(?<!case )(?<!region )"
        r"(?<!category )(?<!section )(?<!chapter )(?<!experiment )(?<!study )(?<!model )(?<!scenario )(?<!regime )"
        r"(?<!step )(?<!appendix )(?<!table )(?<!figure ))(?<![-/])\bI\b(?![-.]\w)")
E_MODAL = r"(?:'d|'ll| would| could| can| will| shall)"
E_AI = r"(?:AI|artificial intelligence|(?:large )?language model|LLM|(?:AI |virtual |digital )?assistant|chatbot)"
E_ME_ANCHORS = "I_ I' I,"  # every pronoun "I" is followed by one of these (or ends the text: not filler)

_ORIGINAL_ANCHORS = "原文 原论文 全文 完整论文 原始论文 正文"
_HERE_IS = " ".join(f"{d}{a}{v}" for d in ("这", "这里", "此处") for a in ("", "就", "便") for v in ("是", "为"))

SHAPES: tuple[Shape, ...] = (
    # --- address: the reader is spoken to ---
    _shape("you-polite", "address", 0.95, "您", r"您"),  # the polite "you" has no place in a paper's summary
    _shape("you-condition", "address", 0.9, "你 您 大家 各位", rf"{COND}(?:{YOU}|大家|各位)|{YOU}(?:若|如果|要是)"),
    _shape("you-condition", "address", 0.9, "you",
           r"\b(?:if|should|whenever|in case|when|once|unless) you\b", ignore_case=True),
    _shape("you-direct", "address", 0.85, "你 您",
           rf"(?<!作)(?:对|帮|为|给|向|把|让|使|令|跟|陪|帮助|帮到|帮上|祝|谢谢|感谢){YOU}|{YOU}的"
           rf"|{YOU}(?:也|还|不妨|随时|尽管)?(?:可以|可|能|不妨|随时|尽管|需要|想要?|有任何|还有|感兴趣)"),
    _shape("you-direct", "address", 0.85, "you",
           r"\b(?:help|assist|for|with|thank|guide|show|wish|wishing) you\b"
           r"|\byou(?:'ll|'d| can| could| may| might| will| would| should)(?: also| always| probably)?"
           r"(?: want to| wish to| need to| like to)? (?:ask|refer|check|read|consult|see|look|find|contact|explore|"
           r"request|use|try|start|focus|skip|note|notice|consider|keep|dig|go)\b"
           r"|\byour (?:questions?|requests?|needs?|research|reading|reference|interests?|convenience|project|"
           r"purposes?)\b", ignore_case=True),
    _shape("request", "address", 0.9, "请 欢迎",
           rf"{REQUEST}{YOU}?(?:随时|继续|进一步|再|多|务必)?(?:{ASK_WORDS}|参考|参阅|查阅|阅读|关注|注意(?!力)|以|"
           rf"查看|核实|核对)|{REQUEST}随时"),
    _shape("request", "address", 0.9, "随时 欢迎 我",
           rf"(?:随时|欢迎)(?:继续|进一步|再次?)?(?:{ASK_WORDS})|(?:{ASK_WORDS}|向|找|问问|让|给|跟|和){ME}"),
    _shape("request", "address", 0.9, "let_me_know feel_free hesitate reach_out just_ask ask_me tell_me please",
           r"\b(?:let me know|feel free|(?:don't|do not) hesitate|reach out|just ask|ask me|tell me)\b"
           r"|\bplease (?:note|refer|see|check|read|consult|let|feel|ask|contact|keep|verify|remember)\b",
           ignore_case=True),
    _shape("read-original", "address", 0.85, f"{_ORIGINAL_ANCHORS} 兴趣 有需要 想深入",
           rf"(?:建议|推荐|可|可以|请|不妨)(?:{YOU}|读者)?(?:进一步|自行|直接)?(?:阅读|参阅|查阅|参考|查看|阅览)"
           rf"(?:论文)?{ORIGINAL}|详见(?:论文)?{ORIGINAL}|(?:有兴趣|感兴趣|有需要|想深入了解)的(?:读者|朋友|同学|研究者)"),
    _shape("read-original", "address", 0.85, "recommend suggest advise refer_to",
           r"\b(?:recommend|suggest|advise) (?:reading|consulting|checking|referring to) (?:the )?(?:full|original|"
           r"complete|entire) (?:paper|text|article)|\brefer to the (?:full|original|complete) (?:paper|text|"
           r"article)\b", ignore_case=True),
    # --- offer: more help is offered ---
    _shape("offer-more", "offer", 0.9, "我",
           rf"{ME}{MODAL}{{0,2}}(?:为{YOU}|帮{YOU}|给{YOU}|替{YOU})?{MODAL}?{HELP}|(?:需要|要|是否需要|想让|希望){ME}"),
    _shape("offer-more", "offer", 0.85, "我", rf"{ME}(?:也|还|随时)?(?:可以|能够?|将|会|愿意|乐意|很乐意|来)"),
    _shape("offer-more", "offer", 0.9, "请 欢迎 随时 告诉 联系 留言 继续",
           rf"{CS}(?:{COND}(?:还|仍)?(?:需要|有需要|需|想|想要|想了解|想知道|有(?:任何|其他|别的|更多|进一步)?"
           r"(?:的)?(?:问题|疑问|疑惑|需求|需要|兴趣))|(?:有)?需要的话)[^。！？!?\n]{0,30}?"
           r"(?:请|欢迎|随时|告诉|联系|留言|继续(?:提问|问|追问))"),
    _shape("offer-more", "offer", 0.85, "还有 有什么 有其他 有任何",
           r"还有(?:什么|其他|别的|任何)(?:问题|疑问|需要|想了解|想知道|想问)"
           r"|(?:有什么|有其他|有任何)(?:问题|疑问)[^。！!\n]{0,6}(?:吗|？|\?)"),
    _shape("offer-more", "offer", 0.9, E_ME_ANCHORS,
           rf"{E_ME}(?:'d|'ll|'m| would| could| can| will| am| shall)(?: (?:also|gladly|happily|certainly|be|"
           rf"more than|happy|glad|delighted|able|willing|to|further))* {E_HELP}\b|{E_ME}{E_MODAL}\b(?! not)"),
    _shape("offer-more", "offer", 0.9, "you me_to shall_I happy_to glad_to delighted_to questions doubts",
           r"\b(?:would|do|shall|should|did) you (?:like|want|prefer|need)\b|\bshall I\b|\b(?:want|like|need) me to\b"
           r"|\b(?:happy|glad|delighted) to (?:help|assist|elaborate|explain|clarify|provide|answer|expand|discuss|"
           r"go)\b|\b(?:have|has) any (?:other |further |more |additional )?(?:questions|doubts)\b",
           ignore_case=True),
    # --- self_reference: the text talks about itself ---
    _shape("summary-position", "self_reference", 0.9, "以上 以下 上面 下面 上文 前面 如上 如下",
           rf"{CS}(?:以上|以下|上面|下面|上文|前面|如上|如下)(?:就|便|即|所述)?(?:是|为|即|内容|的内容|这些|几点|"
           rf"{META_WIDE_WORDS})"),
    _shape("summary-position", "self_reference", 0.9, _HERE_IS,
           rf"{CS}(?:这|这里|此处)(?:就|便)?(?:是|为)(?:对)?(?:这篇|这份|该|本|此)?{PAPER}的[^。！!\n]{{0,12}}?"
           rf"{META_WIDE}{END}"),
    _shape("summary-position", "self_reference", 0.9, "here below what_follows",
           rf"{SS}(?:here(?:'s| is| are)|below (?:is|are)|what follows (?:is|are))\b", ignore_case=True),
    _shape("summary-position", "self_reference", 0.9,
           "summary summaries overview answer response breakdown recap synopsis rundown explanation tl;dr tldr",
           rf"\b(?:here(?:'s| is| are)|below (?:is|are)|above (?:is|are)|the following (?:is|are))\b"
           rf"[^.!?\n:;,]{{0,40}}?"
           rf"{E_NOUN}\b|\b(?:the|this|my) (?:above|preceding|following|foregoing) (?:[\w-]+ ){{0,2}}{E_NOUN}\b"
           rf"|\b{E_SELF_NOUN} (?:above|below)\b|\bthis is (?:a|an|the|my) [^.!?\n]{{0,30}}?{E_NOUN} of (?:the|this) "
           r"(?:paper|article|study|work|abstract)\b", ignore_case=True),
    _shape("summary-itself", "self_reference", 0.85, META_WORDS.replace("|", " "),
           rf"(?:这|此|本|该|这个|这份|这篇|这段|上述|本次)(?:份|篇|个|段|则|次)?(?:简要|简短|简单)?的?"
           rf"(?P<noun>{META_WORDS})(?:仅|只|并|也|将|可能|主要)?(?:供|是|为|基于|根据|依据|旨在|涵盖|概括|总结|"
           r"介绍|希望|由|系|并非|不能|无法|未能|未|不|力求|已|只是)"),
    _shape("summary-itself", "self_reference", 0.9, "论文的 文章的 研究的 文献的 工作的 本文的 该文的 原文的 paper的",
           rf"(?:对|关于)(?:这篇|这份|该|本|此)?{PAPER}的(?:简要|简短|主要|核心|详细|全面)?"
           rf"(?P<noun>{META_WORDS}|分析|介绍){END}"),
    _shape("summary-itself", "self_reference", 0.85, "总之 综上 总而言之",
           r"(?:总之|综上所?述?|总而言之)[，,]?(?:这|以上)(?:就|便)?是"),
    _shape("summary-itself", "self_reference", 0.85, "summary overview recap synopsis breakdown",
           r"\bthis (?P<noun>summary|overview|recap|synopsis|breakdown)\b (?:is |was |has been |only |just )?"
           r"(?:covers?|captures?|highlights?|provides?|based|generated|created|written|intended|aims?|"
           r"focus(?:es)?|may|does not|doesn't|is not|should|reflects?)\b", ignore_case=True),
    # --- assistant: the writer presents itself as the assistant ---
    _shape("ai-identity", "assistant", 0.95, "作为 身为 我",
           rf"(?:作为|身为)(?:一个|一名|一款|一位)?(?:AI|人工智能|智能|语言|大语言|大型语言)?(?:语言模型|模型|助手|"
           rf"助理|机器人|AI)[^。！？!?\n]{{0,20}}{ME}|{ME}(?:只)?是(?:一个|一名|一款)?(?:AI|人工智能|语言模型|大语言模型|"
           rf"助手|聊天机器人|智能助手)|{ME}(?:目前)?(?:无法|不能|没有办法|没办法|未能)(?:直接)?(?:访问|获取|阅读|查看|"
           r"下载|浏览|打开|看到)"),
    _shape("ai-identity", "assistant", 0.95, E_ME_ANCHORS,
           rf"\b(?i:as an?) {E_AI}\b[^.!?\n]{{0,80}}{E_ME}|{E_ME}(?:'m| am) (?:an? |just an? |only an? |not an? )?"
           rf"{E_AI}\b|{E_ME}(?: do not| don't| cannot| can't| can not| am unable to|'m unable to| am not able to|"
           r"'m not able to| have no| do not have| don't have| could not| couldn't) (?:have )?(?:direct )?"
           r"(?:access|browse|read|open|view|see|retrieve|download)\b"),
    _shape("acknowledgement", "assistant", 0.9, "好的 好嘞 没问题 明白 收到 了解 当然 可以的",
           rf"{SS}(?:好的|好嘞|没问题|明白了?|收到|了解了?|当然可以|当然没问题|可以的)[，,！!。：:~～\s]|{SS}当然[！!]"),
    _shape("acknowledgement", "assistant", 0.9,
           "sure certainly course absolutely okay ok alright all_right got_it question gladly problem help",
           rf"{SS}(?:sure|certainly|of course|absolutely|okay|ok|alright|all right|got it|great question|gladly|"
           r"no problem|happy to help)(?: thing| then| here)?\b[,!.:]", ignore_case=True),
    _shape("provided-input", "assistant", 0.9, "提供的 给出的 给的 发送的 发来的 上传的 分享的",
           rf"根据{YOU}?(?:所)?(?:提供|给出|给|发送|发来|上传|分享)的"),
    _shape("provided-input", "assistant", 0.9, "provided shared gave given sent pasted",
           r"\b(?:based on|according to|from) (?:the |this )?(?:abstract|text|information|paper|content|excerpt|"
           r"details) (?:you(?:'ve)? (?:provided|shared|gave|given|sent|pasted)|(?:that )?you provided|"
           r"provided(?! by))", ignore_case=True),
    # --- closing: a politeness formula ---
    _shape("hope-helps", "closing", 0.9, "希望",
           rf"{CS}(?:{ME}|真心|衷心|诚心)?希望(?:(?:这|以上|此|本|上述|这些|这个|这份|这篇|这段|{ME}的)"
           rf"(?:个|份|篇|段|些)?(?:{META_WIDE_WORDS})?|{META_WIDE})(?:能|可以|会|将|能够)?(?:对[^。！!\n]{{0,10}})?"
           rf"(?:有所|有|带来|提供)?{HELPED}|{CS}(?:{ME}|真心|衷心|诚心)?希望(?:能|可以|会|将|能够)?"
           rf"(?:对{YOU}[^。！!\n]{{0,8}}|给{YOU}|为{YOU}|帮到{YOU}|帮上{YOU}?|有所)(?:有所|有|带来|提供)?{HELPED}"),
    _shape("hope-helps", "closing", 0.9, "hope Hope HOPE",
           rf"(?:{SS}|{E_ME} )(?i:(?:really |sincerely |truly )?hope) (?i:this|that|it|the above|these|my|"
           r"the (?:summary|overview|information|explanation)|you)\b"),
    _shape("thanks-wishes", "closing", 0.9, "祝 谢谢 感谢 多谢",
           rf"{CS}(?:祝|谢谢|感谢|多谢)(?:{YOU}|大家|阅读|观看|提问|耐心|关注|支持)"
           rf"|{CS}祝(?:{YOU}|大家)?(?:阅读|研究|学习|工作|科研)?(?:顺利|愉快|成功|好运|开心)"),
    _shape("thanks-wishes", "closing", 0.9, "happy luck thank thanks wishing enjoy cheers have_a regards wishes",
           rf"{SS}thanks\b|\b(?:happy [a-z]+ing\b|(?:good|best of) luck|thanks for (?:reading|asking|your)|"
           r"thank you\b|wishing you|"
           r"enjoy (?:the|your|this) (?:paper|reading|read|article)|cheers|have a (?:great|nice|good|wonderful) "
           r"(?:day|time)|best regards|best wishes)", ignore_case=True),
    _shape("reference-only", "closing", 0.85, "参考 为准",
           rf"仅供{YOU}?参考|供{YOU}参考|敬请参考|以(?:{ORIGINAL_WORDS}|论文)为准"),
    _shape("reference-only", "closing", 0.85, "reference informational",
           r"\b(?:for (?:your )?reference only|for your reference|for informational purposes(?: only)?)\b",
           ignore_case=True),
    # --- Japanese: the common forms of the same concepts ---
    _shape("you-polite", "address", 0.9, "あなた ご質問 ご不明 ご要望 ご興味", r"あなた|ご質問|ご不明|ご要望|ご興味"),
    _shape("request", "address", 0.9, "お気軽に お知らせください お尋ねください お問い合わせ ご確認ください ご参照ください",
           r"お気軽に|お知らせください|お尋ねください|お問い合わせ|ご確認ください|ご参照ください"),
    _shape("summary-position", "self_reference", 0.85, "以上 以下",
           r"(?:以上|以下)(?:が|は)[^。！\n]{0,25}(?:要約|まとめ|概要|解説)(?:です|になります)"),
    _shape("hope-helps", "closing", 0.9, "お役に立て 参考になれば 幸いです", r"お役に立て|参考になれば幸い|幸いです"),
    _shape("ai-identity", "assistant", 0.9, "として 私は 承知 かしこまりました",
           r"(?:AI|人工知能|言語モデル|アシスタント)として[^。\n]{0,20}私|私は(?:AI|人工知能|言語モデル|アシスタント)"
           r"|承知(?:しました|いたしました)|かしこまりました"),
)
