"""Chinese <-> English topic concepts (图像/image, 机器人/robot ...), to tell which abstract a summary is about.

A concept is a token "~name"; a Chinese text yields it when one of its Chinese words occurs, an English text
when one of its padded-text keys does. Only topical nouns are listed: words every paper uses (模型/model,
方法/method, 性能/performance) would tie every summary to every abstract.
"""

from __future__ import annotations

import re

from checker.claims.english import padded

# name: (Chinese words, English keys as checker.claims.english.keys writes them: " prefix" or " word ")
_TABLE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "image": (("图像", "图片"), (" image",)),
    "video": (("视频",), (" video",)),
    "audio": (("音频", "语音", "声音"), (" audio", " speech", " voice")),
    "music": (("音乐",), (" music",)),
    "robot": (("机器人",), (" robot",)),
    "graph": (("图神经", "图结构", "知识图谱"), (" graph",)),
    "reinforce": (("强化学习",), (" reinforcement", " rl ")),
    "diffusion": (("扩散",), (" diffusion",)),
    "medical": (("医学", "医疗", "临床", "患者"), (" medical", " clinical", " patient")),
    "drug": (("药物", "分子"), (" drug", " molecul")),
    "protein": (("蛋白",), (" protein",)),
    "gene": (("基因",), (" gene ", " genes ", " genom")),
    "cancer": (("癌", "肿瘤"), (" cancer", " tumor", " tumour")),
    "brain": (("大脑", "脑电", "神经元"), (" brain", " eeg ", " neuron")),
    "quantum": (("量子",), (" quantum",)),
    "physics": (("物理",), (" physic",)),
    "chemistry": (("化学",), (" chemi",)),
    "material": (("材料",), (" material",)),
    "climate": (("气候", "天气", "气象"), (" climate", " weather")),
    "traffic": (("交通",), (" traffic",)),
    "vehicle": (("自动驾驶", "车辆"), (" autonomous driving", " vehicle", " driving")),
    "finance": (("金融", "股票", "市场"), (" financ", " stock", " market")),
    "law": (("法律",), (" legal", " law ", " laws ")),
    "education": (("教育", "学生", "教学"), (" educat", " student", " teach")),
    "code": (("代码", "编程", "程序"), (" code ", " coding", " program")),
    "security": (("安全", "攻击", "对抗"), (" secur", " attack", " advers", " safety", " safe ")),
    "privacy": (("隐私",), (" privacy", " private")),
    "math": (("数学",), (" math",)),
    "3d": (("三维", "3D", "点云"), (" 3d ", " point cloud")),
    "speech": (("语音",), (" speech",)),
    "translation": (("翻译",), (" translat",)),
    "dialogue": (("对话",), (" dialog", " conversation")),
    "agent": (("智能体", "代理"), (" agent",)),
    "retrieval": (("检索",), (" retriev",)),
    "recommend": (("推荐",), (" recommend",)),
    "search": (("搜索",), (" search",)),
    "segmentation": (("分割",), (" segment",)),
    "detection": (("检测",), (" detect",)),
    "tracking": (("跟踪", "追踪"), (" track",)),
    "generation": (("生成",), (" generat",)),
    "compression": (("压缩",), (" compress",)),
    "quantization": (("量化",), (" quantiz",)),
    "federated": (("联邦",), (" federated",)),
    "network": (("网络",), (" network",)),
    "wireless": (("无线", "通信", "信道"), (" wireless", " communication", " channel")),
    "energy": (("能源", "电力", "电网"), (" energy", " power ")),
    "optimization": (("优化",), (" optimi",)),
    "causal": (("因果",), (" causal",)),
    "fairness": (("公平",), (" fair",)),
    "bias": (("偏见", "偏差"), (" bias",)),
    "hallucination": (("幻觉",), (" hallucinat",)),
    "reasoning": (("推理",), (" reason", " inference")),
    "memory": (("记忆", "内存"), (" memory",)),
    "sparse": (("稀疏",), (" spars",)),
    "attention": (("注意力",), (" attention",)),
    "multimodal": (("多模态",), (" multimodal",)),
    "language": (("语言",), (" language",)),
    "text": (("文本",), (" text",)),
    "table": (("表格",), (" table", " tabular")),
    "document": (("文档",), (" document",)),
    "time_series": (("时间序列", "时序"), (" time series", " temporal")),
    "forecast": (("预测",), (" predict", " forecast")),
    "anomaly": (("异常",), (" anomal",)),
    "uncertainty": (("不确定",), (" uncertain",)),
    "sampling": (("采样",), (" sampl",)),
    "simulation": (("仿真", "模拟"), (" simulat",)),
    "control": (("控制",), (" control",)),
    "planning": (("规划",), (" plan",)),
    "navigation": (("导航",), (" navigat",)),
    "manipulation": (("操作", "抓取"), (" manipulat", " grasp")),
    "social": (("社交", "社会"), (" social",)),
    "emotion": (("情感", "情绪"), (" emotion", " sentiment", " affective")),
    "satellite": (("遥感", "卫星"), (" remote sensing", " satellite")),
    "face": (("人脸", "面部"), (" face", " facial")),
    "human": (("人体", "姿态", "动作"), (" human", " pose", " motion", " action")),
    "scene": (("场景",), (" scene",)),
    "game": (("游戏", "博弈"), (" game",)),
    "circuit": (("电路", "芯片", "硬件"), (" circuit", " chip", " hardware")),
    "theory": (("定理", "证明", "界"), (" theorem", " proof", " bound")),
    "privacy_attack": (("水印",), (" watermark",)),
    "knowledge": (("知识",), (" knowledge",)),
    "question": (("问答",), (" question", " qa ")),
    "summarization": (("摘要",), (" summar",)),
    "distillation": (("蒸馏",), (" distill",)),
    "contrastive": (("对比学习",), (" contrastive",)),
    "transformer": (("变换器",), (" transformer",)),
    "evaluation": (("基准", "评测"), (" benchmark",)),
}

_ZH_TO_NAME = {word: name for name, (words, _) in _TABLE.items() for word in words}


def _grouped(words: list[str], suffixes: dict[str, str] | None = None) -> str:
    """'a(?:bc|b)|x(?:yz)': an alternation grouped by first character, longest first, which the regex engine
    rejects at one test per group instead of one per word (two to six times faster on a text)."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=lambda w: (-len(w), w)):
        groups.setdefault(word[0], []).append(re.escape(word[1:]) + (suffixes or {}).get(word, ""))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in groups.items())


_ZH_WORD = re.compile(_grouped(list(_ZH_TO_NAME)))
_EN_TO_NAMES: dict[str, set[str]] = {}
for _name, (_, _keys) in _TABLE.items():
    for _key in _keys:
        _EN_TO_NAMES.setdefault(_key.strip(), set()).add(_name)


_EN_KEY = re.compile(" (" + _grouped(
    [key.strip() for key in {key for _, keys in _TABLE.values() for key in keys}],
    {key.strip(): "(?= )" for _, keys in _TABLE.values() for key in keys if key.endswith(" ")}) + ")")


def chinese_concepts(text: str) -> frozenset[str]:
    """'~image', '~robot' ... for the Chinese concept words of a text."""
    return frozenset("~" + _ZH_TO_NAME[word] for word in set(_ZH_WORD.findall(text)))


def english_concepts(text: str) -> frozenset[str]:
    """'~image', '~robot' ... for the English concept words of a text."""
    return frozenset("~" + name for key in set(_EN_KEY.findall(padded(text))) for name in _EN_TO_NAMES[key])
