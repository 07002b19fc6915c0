"""Word lists of the claim rules: change directions, negation, hedges, concepts (zh regexes, en keys). The lists
of the overstatement comparison (strength, resolution, novelty, state of the art, proof) are in
checker.analysis.overstatement_lexicon."""

from __future__ import annotations

import re

from checker.analysis.keys import keys

# Change directions.
# 优于/超过/低于 compare with a baseline or bound a number ("超过93%"): not a change, so not here.
ZH_UP = re.compile(r"提高|提升|增加|增强|加快|加速|上升|增长|改善|改进")
ZH_DOWN = re.compile(r"降低|减少|下降|削弱|减慢|减小|缩短|恶化|降至|减轻|缩减")
EN_UP = keys("improv*", "increas*", "boost*", "outperform*", "faster", "higher", "enhanc*", "rais*", "accelerat*",
             "exceed*", "surpass*", "speedup*", "gain", "gains", "better", "augment*", "elevat*", "strengthen*",
             "grow*")
EN_DOWN = keys("reduc*", "decreas*", "drop*", "degrad*", "slower", "underperform*", "lower*", "declin*",
               "diminish*", "fewer", "less", "worse", "shrink*", "cut", "cuts", "cutting", "weaken*", "slow*",
               "lag*", "fall*", "fell", "minimiz*", "minimis*", "mitigat*", "alleviat*", "sav*", "compress*",
               "eliminat*", "lighter", "smaller")
# Everything that may say "less", for the test that an abstract never speaks of a decrease at all (not
# "remove": "removing this subtype yields larger improvements in generalization" lowers nothing it names).
EN_DOWN_BROAD = EN_DOWN + keys(
    "suppress*", "prevent*", "avoid*", "curb*", "lessen*", "narrow*", "limit*", "harm", "harms", "harmed", "harming",
    "harmful*", "hurt*",  # not "spherical harmonic", "harmonization"
    "impair*", "undermin*", "erod*", "compromis*", "damag*", "shorten*", "trim*", "low", "decay*", "loses", "lose",
    "losing", "lost", "penal*", "restrict*", "worsen*", "deteriorat*", "sacrific*", "vulnerab*", "fragil*",
    "the cost of", "tradeoff*", "expense")
# Up words that also fit a cost ("improves decoding time" = makes it shorter).
EN_AMBIGUOUS_UP = keys("improv*", "enhanc*", "better", "outperform*", "gain*", "boost*", "optimi*")
# A direction word inside a negation, a hypothesis or a cause is not the paper's finding.
ZH_NOT_A_FINDING = re.compile(
    r"[不未无没](?![仅断同来])[^，。；]{0,4}(?:降低|减少|下降|削弱|提高|提升|增加)|并非|导致|造成|引起|可能|会|梯度下降|反而|随着?|"
    r"(?:解决|针对|缓解|应对|面临|面对|克服|处理|存在|揭示|发现|指出)[^，。；]*(?:问题|挑战|瓶颈|困境|局限)"
)
# Quantities that are better when lower: a direction about them reads the other way round, so the
# direction rule only compares two sides that both mention one (or neither does).
_ZH_COST_NAMES = ("过拟合|复杂度|刻板印象|偏见|风险|危险|差距|鸿沟|错误|误差|延迟|时延|成本|损失|开销|时间|内存|显存|幻觉|能耗|困惑度|耗时|"
                  "代价|失败|遗忘|攻击成功率|偏差|噪声|冗余|参数量|参数数量|可训练参数|方差|变异|需求|运行时长|不确定性|门槛|负载|FID|MSE|"
                  "MAE|RMSE|EER|WER|CER|LPIPS|FLOPs").split("|")
# Each alternative starts with a literal character, so the regex engine screens positions by their first
# character; "not after 抗" (抗遗忘: against forgetting, 抗噪声) is checked after it.
ZH_COST = re.compile("|".join([f"{name[0]}(?<!抗{name[0]}){name[1:]}" for name in _ZH_COST_NAMES] + [
    "泄(?<!抗泄)[露漏]", "流(?<!交通流)(?<!抗流)量", "对(?<!抗对)[^，。；]{1,12}?依赖"]))  # 交通流量: traffic flow
EN_COST = keys("error*", "latenc*", "cost*", "loss", "losses", "overhead*", "time", "times", "memory", "hallucinat*",
               "energy", "perplexity", "runtime*", "failure*", "forgetting", "bias*", "noise*", "redundan*",
               "parameter*", "fid", "mse", "mae", "rmse", "eer", "wer", "cer", "computation*", "flops",
               "footprint", "consumption", "usage", "gap*", "varian*", "lpips", "attack success*", "uncertaint*",
               "barrier*", "leak*", "load", "loads", "workload*", "traffic")

# Negation: explicit negators only ("不同", "无监督", "未来" are not negations).
ZH_NEGATION = re.compile(
    r"未能|并未|并非|无法|不能|没有|不会|尚未|未曾|不再|不足以(?!及)|未被|从未|未(?=[提改显实达超优发观表证验产带])|"
    r"并不|不(?=[提改显优及])"
)
# "failure" names a thing ("real failure occurrence rates", "failure modes"); "failure to" denies.
_EN_FAIL = keys("fail", "fails", "failed", "failing", "failure to")
EN_NEGATION = _EN_FAIL + keys("not", "no", "never", "cannot", "without", "unable", "neither", "nor", "lack*", "none",
                   "rarely", "unlike", "insufficient*", "inability", "limited", "struggl*", "absence", "absent",
                   "hardly", "barely", "unclear", "t", "little")

# Hedges an abstract puts on what it found (the direction rules discount a hedged sentence). The overstatement
# comparison's word lists are in checker.analysis.overstatement_lexicon.
EN_SOFT = keys("suggest*", "indicat*", "may", "might", "could", "hint*", "preliminary", "appear*", "seem*",
               "likely", "possibl*", "potential*")

# Concepts that let a clause without shared numbers or names find its abstract sentences:
# a Chinese word and the English word starts that say the same.
CONCEPTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(zh), keys(*en)) for zh, en in (
        (r"性能|表现|效果", ("perform*", "outperform*", "superior*")),
        (r"准确率|准确性|精度|正确率", ("accura*", "precision*")),
        (r"效率", ("efficien*",)),
        (r"鲁棒性|稳健性", ("robust*",)),
        (r"泛化", ("generaliz*", "generalis*")),
        (r"质量", ("quality",)),
        (r"稳定性", ("stabil*", "stable")),
        (r"可解释性", ("interpretab*", "explainab*")),
        (r"安全性", ("safe*", "security")),
        (r"速度|加速", ("speed*", "fast*", "accelerat*")),
        (r"成功率", ("success*",)),
        (r"召回", ("recall*",)),
        (r"效果|有效性", ("effective*", "efficacy")),  # not 有效: "有效减少通信" is "effectively"
        (r"能力", ("capabilit*", "abilit*")),
        (r"可扩展性", ("scalab*",)),
        (r"一致性", ("consisten*",)),
        (r"多样性", ("divers*",)),
        (r"保真度", ("fidelity",)),
        (r"对齐", ("align*",)),
        (r"真实性|真实感|忠实", ("realis*", "realism", "faithful*", "truthful*", "fidelity")),
        (r"理解", ("understand*", "comprehen*")),
        (r"覆盖", ("coverage", "cover*")),
        (r"推理", ("reason*", "inference")),
        (r"可靠性|可信度|可信性", ("reliab*", "trustworth*", "credib*")),
        (r"合理性", ("plausib*", "reasonab*")),
        (r"可控性", ("controllab*",)),
        (r"吞吐", ("throughput*",)),
        (r"收敛", ("converg*",)),
        (r"利用率", ("utiliz*", "utilis*")),
        (r"灵活性", ("flexib*",)),
        (r"分辨率", ("resolution*",)),
        (r"连贯性", ("coheren*",)),
        (r"流畅", ("fluen*",)),
        (r"相关性", ("relevan*", "correlat*")),
        (r"召回率|F1", ("recall*", "f1")),
        (r"可读性", ("readab*",)),
        (r"可访问性|可及性", ("accessib*",)),
        (r"实用性", ("practical*", "utility")),
        (r"信任", ("trust*",)),
        (r"准确度", ("accura*",)),
        (r"灵敏度|敏感性", ("sensitiv*",)),
        (r"参与度", ("engag*",)),
        (r"合法性", ("legitima*",)),
        (r"可懂度", ("intelligib*",)),
        (r"素养", ("literacy",)),
        (r"校准", ("calibrat*",)),
        (r"统计能力|统计功效", ("power",)),
        (r"有效性", ("effective*", "efficacy")),
        (r"容忍度|容错", ("toleran*",)),
    )
)
# More of them for the direction rule (C101) only: CONCEPTS is shared with the hedge and overstatement rules.
CHANGE_CONCEPTS = CONCEPTS + tuple((re.compile(zh), keys(*en)) for zh, en in (
    (r"精确", ("accura*", "precision*", "precise*")),  # "降低了事实精确性" against "increasing factual precision"
    (r"一致性", ("coheren*",)),  # "temporal coherence"
    (r"体验", ("experience*",)),  # "user experience"
    (r"表达能力|表达力|表现力", ("expressiv*",)),
))
COST_CONCEPTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(zh), keys(*en)) for zh, en in (
        (r"错误|误差", ("error*",)),
        (r"延迟|时延", ("latenc*", "delay*")),
        (r"成本|开销|代价", ("cost*", "overhead*", "expens*")),
        (r"内存|显存", ("memory",)),
        (r"幻觉", ("hallucinat*",)),
        (r"能耗", ("energy", "power")),
        (r"时间|耗时", ("time", "runtime*", "latenc*")),
        (r"参数量|参数", ("parameter*",)),
        (r"计算量|计算", ("comput*", "flops")),
        (r"复杂度", ("complexit*",)),
        (r"刻板印象", ("stereotyp*",)),
        (r"偏见", ("stereotyp*", "bias*")),
        (r"风险|危险", ("risk*", "harm*", "danger*", "unsafe")),
        (r"错误率|失败率", ("error rate*", "failure*")),
        (r"遗忘", ("forgetting",)),
        (r"过拟合", ("overfit*",)),
        (r"噪声", ("noise*",)),
        (r"方差", ("varian*",)),
        (r"变异", ("variation*", "variab*")),
        (r"需求", ("requir*", "demand*", "need*")),
        (r"运行时长|运行时间", ("runtime*", "turnaround", "time")),
        (r"不确定性", ("uncertaint*",)),
        (r"攻击成功率", ("attack success*",)),
        (r"LPIPS", ("lpips",)),
        (r"门槛", ("barrier*",)),
        (r"负载", ("load", "loads", "workload*")),
        (r"(?<!交通)流量", ("traffic",)),
        (r"依赖", ("relian*", "dependen*")),  # "对人工标注的依赖": a reliance on something
        (r"泄[露漏]", ("leak*",)),
        (r"FLOPs|浮点运算", ("flops",)),
    )
)
ZH_WORSE = re.compile(r"劣于")
EN_WORSE = keys("underperform*", "worse", "inferior*", "lag*", "behind", "trail*", "short")
EN_BETTER = keys("outperform*", "better", "surpass*", "superior*", "exceed*", "beat*")
# What a negated claim denies, and the English words of the claim stated positively.
NEGATED_CLAIMS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(zh), keys(*en)) for zh, en in (
        # A result the abstract states as a comparison or an advance is the same claim ("未能提升预测性能" against
        # "outperformed all baselines").
        (r"提高|提升|改善|增强", ("improv*", "enhanc*", "boost*", "increas*", "gain*", "outperform*", "better",
                             "superior*", "advanc*")),
        (r"优于|超过|超越", ("outperform*", "surpass*", "better", "exceed*", "superior*", "dominat*")),
        (r"实现|达到|取得", ("achiev*", "attain*", "reach*", "deliver*")),
        (r"证明|验证|表明|证实|显示", ("demonstrat*", "show*", "verif*", "validat*", "confirm*", "prove*",
                                  "reveal*", "indicat*", "suggest*")),
        (r"有效", ("effective*", "efficacy")),
        # The verb a negation lands on ("无法有效缓解" denies "mitigates").
        (r"缓解|减轻", ("mitigat*", "alleviat*")),
        (r"弥合|弥补", ("bridg*", "compensat*")),
        (r"恢复", ("recover*", "restor*")),
        (r"克服|解决", ("overcom*", "address*", "solv*", "tackl*", "resolv*")),
        (r"捕获|捕捉", ("captur*",)),
        (r"识别", ("identif*", "recogni*")),
        (r"处理", ("handl*",)),
        (r"融合|整合", ("fus*", "integrat*")),
        (r"竞争", ("competitiv*", "rival*")),
        (r"抵御", ("defend*", "resist*")),
        (r"保持|维持", ("maintain*", "preserv*", "retain*")),
        (r"支持", ("support*",)),
        (r"生成", ("generat*",)),
        (r"泛化", ("generaliz*", "generalis*")),
        (r"能够|可以|能", ("can", "enabl*", "allow*", "abl*", "capable")),  # last: too weak alone (C102)
    )
)
# An opening sentence with these is about other work or the problem the paper takes on ("Nonetheless, they
# struggle with ...", "This approach may fail to capture ..."): what it says went down or is missing is that
# problem, not the paper's finding (C101, C102).
EN_PROBLEM_OPENING = keys("existing", "prior", "previous", "conventional", "traditional", "current", "they", "these",
                          "such", "this approach", "however", "nonetheless", "yet", "while", "suffer*", "struggl*",
                          "challeng*", "bottleneck*", "limitation*", "problem*", "hinder*")
# Negators that say "without" ("比没有敏捷性的星座性能提升约98%": "than constellations without agility").
ZH_ABSENT = re.compile(r"没有|无需|不需")
# Negations strong enough to veto "the abstract states it positively" (not "without", "limited", "little").
EN_STRONG_NEGATION = _EN_FAIL + keys("not", "never", "cannot", "unable", "t", "no", "neither", "nor", "inability",
                          "unclear", "lack*", "none", "without")
# Negating a harm ("不会降低性能", "未显示退化") asserts something good: not the negation of a claim.
# 不确定/不同/不断 are no negators ("不确定性从负担转变为..."); the harm word is group 1, so that a denied cut of
# a cost ("无法有效减少运行时长") can be told from a denied harm (C102).
ZH_NEGATED_HARM = re.compile(
    r"(?:不(?![确同断])|未(?!来)|无|没有|不会|并未)[^，。；]{0,10}?(降低|下降|(?<!的)影响|退化|损失|牺牲|负担|损害|减少|需要|依赖|增加|"
    r"改变|修改)")
# Harm words that are a benefit when what they lower is a cost ("不能显著降低生成式AI的采用门槛").
ZH_CUT = frozenset({"降低", "下降", "减少"})
