"""checker.analysis.objects: what a Chinese direction word acts on (real summary clauses)."""

from __future__ import annotations

from checker.analysis.objects import about_cost, chinese_term, object_after


def test_the_head_noun_after_de_is_the_object() -> None:
    assert object_after("低相关性令牌的权重") == "权重"
    # 2512.20831: 、 joins two modifiers of one head noun
    assert object_after("稀疏奖励、长视野任务的样本效率") == "样本效率"
    # a clause conjunction before 的 ends the object instead
    assert object_after("延迟并提高吞吐量的上限") == "延迟"


def test_de_before_what_the_phrase_describes_leaves_the_object_before_it() -> None:
    # 2506.04398: "一种降低无目标方法样本效率的新方法"; but "...的系统延迟" is a latency
    assert object_after("无目标方法样本效率的新方法") == "无目标方法样本效率"
    assert object_after("推理的系统延迟") == "系统延迟"


def test_a_word_followed_by_a_conjunction_has_no_object() -> None:
    # 2605.20950: "实现了高达2.53倍加速和67%的FLOPs缩减"
    assert object_after("和67%的FLOPs缩减") == ""


def test_a_cost_as_head_noun_and_a_concept_as_head_noun() -> None:
    assert about_cost("提高推理成本的", verb_at=0) is True  # 2602.20205: 推理 only modifies 成本
    assert about_cost("将推理成本提高了数量级", verb_at=5) is True  # 2509.10837
    assert about_cost("单位内存吞吐量下降高达10³倍", verb_at=7) is False  # 2512.20687: a throughput
    assert about_cost("风险预测模型性能") is False
    assert about_cost("检测幻觉的准确性") is False  # the accuracy of a detection
    assert about_cost("提高推理成本的") is None  # without the word's position: too tangled to read


def test_the_english_word_of_a_modifier_next_to_the_word() -> None:
    assert chinese_term("大语言模型的注意力", at_end=False) is None
    assert chinese_term("注意力", at_end=False) == "attention"
    assert chinese_term("GPT-5.2-XHigh尽管推理能力", at_end=True) == "reasoning"  # a generic head noun dropped
    assert chinese_term("“推理”", at_end=False) == "reasoning"
