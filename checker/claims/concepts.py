"""Chinese <-> English topic concepts (图像/image, 机器人/robot ...), to tell which abstract a summary is about.

A concept is a token "~name"; a Chinese text yields it when one of its Chinese words occurs, an English text
when one of its padded-text keys does. Listed are topics, fields and learning settings (a general glossary, not
words picked from test cases); words every paper uses (模型/model, 方法/method, 性能/performance) would tie every
summary to every abstract. A fully Chinese summary often names no Latin term at all: these pairs are then all
that tells which abstract it belongs to. Each extra word costs a little scanning time on every paper.
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
    # Methods and learning settings
    "clustering": (("聚类",), (" cluster",)),
    "classification": (("分类",), (" classif",)),
    "regression": (("回归",), (" regress",)),
    "bayesian": (("贝叶斯",), (" bayes",)),
    "probability": (("概率",), (" probabil",)),
    "fine_tuning": (("微调",), (" finetun",)),
    "pretraining": (("预训练",), (" pretrain",)),
    "prompt": (("提示",), (" prompt",)),
    "instruction": (("指令",), (" instruct",)),
    "alignment": (("对齐",), (" align",)),
    "preference": (("偏好",), (" prefer",)),
    "reward": (("奖励",), (" reward",)),
    "token": (("令牌", "词元"), (" token",)),
    "embedding": (("嵌入",), (" embed",)),
    "encoder": (("编码器",), (" encoder",)),
    "decoding": (("解码",), (" decod",)),
    "vision": (("视觉",), (" vision", " visual")),
    "zero_shot": (("零样本",), (" zeroshot",)),
    "few_shot": (("少样本", "小样本"), (" fewshot",)),
    "self_supervised": (("自监督",), (" selfsupervis",)),
    "semi_supervised": (("半监督",), (" semisupervis",)),
    "unsupervised": (("无监督",), (" unsupervis",)),
    "continual": (("持续学习", "终身学习", "灾难性遗忘"), (" continual", " lifelong", " catastrophic forget")),
    "meta_learning": (("元学习",), (" metalearn",)),
    "transfer": (("迁移",), (" transfer",)),
    "domain_adaptation": (("域适应", "领域自适应", "域泛化"), (" domain adapt", " domain general")),
    "active_learning": (("主动学习",), (" active learn",)),
    "robustness": (("鲁棒",), (" robust",)),
    "interpretability": (("可解释",), (" interpret", " explainab")),
    "calibration": (("校准",), (" calibrat",)),
    "pruning": (("剪枝",), (" prun",)),
    "low_rank": (("低秩",), (" lowrank", " lora ")),
    "experts": (("混合专家",), (" mixture of experts", " moe ")),
    "long_context": (("长上下文",), (" long context",)),
    "tool": (("工具调用",), (" tool use", " tool call")),
    "annotation": (("标注",), (" annotat", " label")),
    "survey": (("综述",), (" survey",)),
    "kernel_methods": (("核方法",), (" kernel",)),
    "gaussian": (("高斯",), (" gaussian",)),
    # Vision and graphics
    "rendering": (("渲染",), (" render",)),
    "radiance": (("辐射场",), (" radiance",)),
    "mesh": (("网格",), (" mesh", " grid")),
    "animation": (("动画",), (" animat",)),
    "rotation": (("旋转",), (" rotat",)),
    "depth": (("深度估计", "深度图"), (" depth",)),
    "optical_flow": (("光流",), (" optical flow",)),
    "camera": (("相机", "摄像"), (" camera",)),
    "super_resolution": (("超分辨率",), (" superresolution",)),
    "denoising": (("去噪",), (" denois",)),
    "editing": (("编辑",), (" edit",)),
    "style": (("风格",), (" style", " stylist")),
    "art": (("艺术", "绘画"), (" art ", " artist", " paint")),
    "handwriting": (("手写",), (" handwrit",)),
    "gesture": (("手势", "手语"), (" gesture", " sign language")),
    "gaze": (("眼动", "视线", "注视"), (" gaze", " eye")),
    "sketch": (("草图",), (" sketch",)),
    "font": (("字体",), (" font",)),
    # Sensing and signals
    "signal": (("信号",), (" signal",)),
    "noise": (("噪声",), (" nois",)),
    "radar": (("雷达",), (" radar", " lidar")),
    "spectrum": (("频谱", "光谱"), (" spectr",)),
    "antenna": (("天线", "波束"), (" antenna", " beam")),
    "sensor": (("传感器",), (" sensor",)),
    "drone": (("无人机",), (" uav", " drone")),
    "wearable": (("可穿戴",), (" wearable",)),
    "mobile": (("移动设备", "手机", "智能手机"), (" mobile", " smartphone")),
    "trajectory": (("轨迹",), (" trajector",)),
    "locomotion": (("足式", "行走", "步态"), (" locomot", " legged", " walking", " gait")),
    "humanoid": (("人形",), (" humanoid",)),
    "dexterous": (("灵巧",), (" dexter",)),
    # Systems and software
    "parallel": (("并行",), (" parallel",)),
    "distributed": (("分布式",), (" distributed",)),
    "scheduling": (("调度",), (" schedul",)),
    "cache": (("缓存",), (" cach",)),
    "cloud": (("云计算", "云端", "边缘计算"), (" cloud", " edge comput")),
    "iot": (("物联网",), (" iot ", " internet of things")),
    "blockchain": (("区块链",), (" blockchain",)),
    "software": (("软件",), (" software",)),
    "vulnerability": (("漏洞",), (" vulnerab",)),
    "compiler": (("编译",), (" compil",)),
    "database": (("数据库",), (" database", " sql ")),
    "query": (("查询",), (" quer",)),
    "web": (("网页", "网站", "浏览器"), (" web", " browser")),
    "interface": (("用户界面", "图形界面"), (" gui ", " user interface")),
    "encryption": (("加密",), (" encrypt", " cryptograph")),
    "jailbreak": (("越狱",), (" jailbreak",)),
    "backdoor": (("后门",), (" backdoor",)),
    "poisoning": (("投毒",), (" poison",)),
    "toxicity": (("毒性", "有害"), (" toxic", " harmful")),
    "misinformation": (("虚假信息", "谣言", "假新闻"), (" misinformation", " disinformation", " fake news", " rumor")),
    "hate": (("仇恨",), (" hate ", " hateful")),
    "news": (("新闻",), (" news",)),
    "copyright": (("版权",), (" copyright",)),
    # Sciences, health and society
    "logic": (("逻辑",), (" logic",)),
    "geometry": (("几何",), (" geometr",)),
    "optics": (("光学",), (" optic", " photon")),
    "astronomy": (("天文", "星系", "恒星"), (" astro", " galax", " stellar")),
    "biology": (("生物",), (" biolog", " bio")),
    "cell": (("细胞",), (" cell ", " cells ", " cellular")),
    "heart": (("心电", "心脏"), (" ecg ", " cardi", " heart")),
    "health": (("健康",), (" health",)),
    "mental": (("心理", "抑郁"), (" mental", " psycholog", " depress")),
    "epidemic": (("疫情", "流行病", "传染"), (" epidem", " pandemic", " covid", " infect")),
    "agriculture": (("农业", "作物"), (" agricultur", " crop")),
    "ocean": (("海洋",), (" ocean", " marine")),
    "earthquake": (("地震",), (" seism", " earthquake")),
    "urban": (("城市",), (" urban", " city", " cities")),
    "battery": (("电池",), (" batter",)),
    "manufacturing": (("制造",), (" manufactur",)),
    "supply_chain": (("供应链",), (" supply chain",)),
    "economics": (("经济",), (" econom",)),
    "auction": (("拍卖",), (" auction",)),
    "insurance": (("保险",), (" insur",)),
    "politics": (("政治", "选举"), (" politic", " election")),
    "surgery": (("手术",), (" surg",)),
    "pathology": (("病理",), (" patholog",)),
    "skin": (("皮肤",), (" derma", " skin")),
    "retina": (("视网膜", "眼底"), (" retin", " fundus")),
    "dementia": (("阿尔茨海默", "痴呆"), (" alzheimer", " dementia")),
    "diabetes": (("糖尿病",), (" diabet",)),
    "sleep": (("睡眠",), (" sleep",)),
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
