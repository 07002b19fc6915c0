"""Chinese extraction: Arabic and full-width digits, 万/亿, %, 百分之, 个百分点, 倍, 成, numerals with counters.

Sentences are taken from the Chinese blocks of the dev corpus (shared/data/real and the seed digest).
"""

from __future__ import annotations

import pytest

from checker.numbers import extract_chinese_quantities, normalize_chinese
from checker.numbers.chinese import chinese_years, may_hold_quantity, normalize_and_extract
from checker.numbers.cn_numerals import chinese_to_number
from checker.numbers.quantity import APPROX, DOWN, LOWER, RANGE, WORD
from checker.numbers.view import NumberView


def values(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.kind) for q in extract_chinese_quantities(text)]


def test_percent_next_to_names() -> None:
    # dw-dengwei 2026-02-12, 2602.10137
    text = "在FBP数据集上，MeCSAFNet-base(6c)相比U-Net(4c)提升19.21% mIoU，相比SegFormer(4c)提升19.62% mIoU"
    assert values(text) == [(19.21, "percent"), (19.62, "percent")]


def test_names_are_not_quantities() -> None:
    # dw-dengwei 2026-02-12: "在Qwen3-VL-8B-Instruct上平均相对提升21.3%，在GLM-4.1V-Thinking上提升20.1%"
    text = "在Qwen3-VL-8B-Instruct上平均相对提升21.3%，在GLM-4.1V-Thinking上提升20.1%"
    assert values(text) == [(21.3, "percent"), (20.1, "percent")]
    assert values("Qwen2.5-3B、GPT-4o、ResNet-18、MIMIC-IV、Llama-3-8B、F1、L2、2D、3D") == []


def test_full_width_digits_keep_their_spans() -> None:
    text = "准确率提升１２．５％"
    [quantity] = extract_chinese_quantities(text)
    assert (quantity.value, quantity.kind) == (12.5, "percent")
    assert normalize_chinese(text)[quantity.start:quantity.end] == "12.5%"
    assert len(normalize_chinese(text)) == len(text)


def test_wan_and_yi() -> None:
    # real blocks: "超过320万个文件", "（>20亿更新/秒）", "拥有超过1.02亿母语使用者", seed "22.6万个图块"
    assert values("通过收集超过320万个文件的哈希") == [(3.2e6, "count")]
    assert values("高吞吐量（>20亿更新/秒）") == [(2e9, "count")]
    assert values("拥有超过1.02亿母语使用者") == [(1.02e8, "count")]
    [tiles] = extract_chinese_quantities("包含从45nm节点真实IC设计中提取的22.6万个图块")
    assert (tiles.value, tiles.resolution) == (226000.0, 1000.0)
    assert values("130亿参数") == [(1.3e10, "count")]
    assert values("使用4.5千小时无标签ATC数据") == [(4500.0, "count")]


def test_more_than_before_a_scale() -> None:
    [ads] = extract_chinese_quantities("通过分析来自澳大利亚、美国和英国的250多万份职位广告")
    assert ads.value == 2.5e6 and LOWER in ads.qualifiers


def test_points_multipliers_and_tenths() -> None:
    assert values("这一成功率显著优于最近的基线（高出45个百分点）") == [(45.0, "points")]
    assert values("审查员速度效率提高了54倍") == [(54.0, "multiplier")]
    assert values("比最新的SOTA快1.6~9.8倍") == [(1.6, "multiplier"), (9.8, "multiplier")]
    assert values("推理速度快3×") == [(3.0, "multiplier")]
    assert values("准确率达到百分之八十") == [(80.0, "percent")]
    [tenths] = extract_chinese_quantities("八成的样本")
    assert (tenths.value, tenths.kind) == (80.0, "percent") and APPROX in tenths.qualifiers
    assert values("完成了生成与构成") == []


def test_decrease_and_qualifiers() -> None:
    [drop] = extract_chinese_quantities("风险发生率降低36.8%")
    assert (drop.value, drop.kind) == (36.8, "percent") and DOWN in drop.qualifiers
    [about] = extract_chinese_quantities("实时推理（约500 FPS）")
    assert APPROX in about.qualifiers


def test_ranges() -> None:
    # dw-dengwei 2026-02-12, 2602.10810: "35-48%的失败源于无法将医学知识适应到患者特定约束"
    found = extract_chinese_quantities("35-48%的失败源于无法将医学知识适应到患者特定约束")
    assert [(q.value, q.kind) for q in found] == [(35.0, "percent"), (48.0, "percent")]
    assert all(RANGE in q.qualifiers for q in found)


def test_numerals_with_counters() -> None:
    # xmkxabc 2025-12-20, 2512.20638; Tech-ASan; "三个数据集"
    assert values("应用于两个开源模型和十个基准测试") == [(2.0, "count"), (10.0, "count")]
    assert values("Tech-ASan是一种基于两阶段检查技术的ASan加速方法") == [(2.0, "count")]
    assert values("模型在三个数据集上分别实现了AUROCs为0.89") == [(3.0, "count"), (0.89, "plain")]
    [ten] = extract_chinese_quantities("十个基准")
    assert (ten.value, ten.kind) == (10.0, "count") and WORD in ten.qualifiers


@pytest.mark.parametrize("text", ["一种新方法", "统一的框架", "一个模型", "进一步提升", "第一", "三维重建", "四元数",
                                  "二次聚类", "近十年", "数十个", "三四个"])
def test_words_that_are_not_counts(text: str) -> None:
    assert values(text) == []


def test_list_markers_years_and_dates() -> None:
    # dw-dengwei 2026-02-12, 2602.10810: "1) LiveMedBench包含2,756个真实病例，涵盖38个医学专业"
    text = "1) LiveMedBench包含2,756个真实病例，涵盖38个医学专业；2) 对38个LLM的广泛评估"
    assert values(text) == [(2756.0, "count"), (38.0, "count"), (38.0, "count")]
    assert values("1）首先 (2) 其次 ① 再次") == []
    assert values("因为这是CLEF 2026即将举办的实验室介绍，2024年3月") == []
    assert [year for year, _, _ in chinese_years("重建了1.16亿以太坊账户自2015至2025年完整链历史")] == ["2015", "2025"]


def test_fractions_ordinals_dimensions() -> None:
    [fraction] = extract_chinese_quantities("在仅使用Qwen2.5-VL约1/10训练数据的情况下")
    assert fraction.value == pytest.approx(0.1)
    assert values("成功举办了第20届KICSS国际会议") == [(20.0, "count")]
    assert values("在极低分辨率（64x48）条件下") == [(64.0, "count"), (48.0, "count")]
    assert values("O(L^3/2)稀疏度") == []


@pytest.mark.parametrize("span, number", [("三", 3), ("十", 10), ("十五", 15), ("二十五", 25), ("一百", 100),
                                          ("三百万", 3_000_000), ("一亿二千万", 120_000_000), ("两", 2),
                                          ("一千零五", 1005), ("二〇二五", 2025)])
def test_chinese_numeral_converter(span: str, number: int) -> None:
    assert chinese_to_number(span) == number


@pytest.mark.parametrize("span", ["", "万", "三四", "abc", "十x"])
def test_chinese_numeral_converter_rejects(span: str) -> None:
    assert chinese_to_number(span) is None


@pytest.mark.parametrize("text", ["", "％", "万亿", "第", "1/0", "百分之"])
def test_bad_input_without_a_number_yields_nothing(text: str) -> None:
    # a sign, a scale or a counter word with no number, and a division by zero: no quantity, and no exception
    assert extract_chinese_quantities(text) == []


def test_bad_input_with_huge_numbers_yields_one_quantity_each() -> None:
    [long] = extract_chinese_quantities("９" * 300)  # full-width digits, read as one count over the whole run
    assert (long.kind, long.start, long.end, long.text) == ("count", 0, 300, "9" * 300)
    assert long.value == pytest.approx(1e300)
    # 10^999 is beyond a float: the power is dropped and the base read, rather than an overflow raised
    assert values("$10^{999}$") == [(10.0, "count")]


def test_a_block_without_numerals_is_normalized_only_when_asked_and_the_same() -> None:
    raw = "基于$\\alpha$-散度的方法－在“一种”框架下统一建模"  # LaTeX and a full-width sign, no numeral but 一
    assert not may_hold_quantity(raw)
    view = NumberView("We propose a method.", "Title", [("tldr", raw)], "zh")
    [block] = view.blocks
    assert block.quantities == [] and block._text is None  # not normalized while building the view
    assert block.text == normalize_and_extract(raw)[0] == normalize_chinese(raw)
    assert "$" not in block.text


def test_chinese_numeral_converter_agrees_on_spans_of_one_and_zero() -> None:
    # The count reader skips 一/零/〇 before calling the converter: it must say the same (at most one).
    assert [chinese_to_number(span) for span in ("一", "零", "〇")] == [1, 0, 0]
    assert chinese_to_number("一一一一") == 1111 and may_hold_quantity("一一一一个")


def test_a_year_like_number_before_a_counter_is_a_count() -> None:
    # Real sentences (2512.20983, 2602.10384) with their counts changed to year-like values by the mutation harness.
    assert [(q.value, q.kind) for q in extract_chinese_quantities("发布了包含2035个问题的数据集")] == [(2035.0, "count")]
    assert [q.value for q in extract_chinese_quantities("包含1928个专家验证问题")] == [1928.0]
    assert extract_chinese_quantities("使用2023年西甲联赛数据") == []
    assert extract_chinese_quantities("2019-2023年间") == []


def test_percentages_in_a_slash_list_are_each_read() -> None:
    # 2605.20743: "在平面/立体基准上提升结果准确率最高4.1%/16.4%"; a fraction (3/5) is still one value.
    assert [q.value for q in extract_chinese_quantities("提升结果准确率最高4.1%/16.4%")] == [4.1, 16.4]
    assert [q.value for q in extract_chinese_quantities("分别为93%/90%/91%")] == [93.0, 90.0, 91.0]
    assert [q.text for q in extract_chinese_quantities("比例为3/5")] == ["3/5"]


def test_spelled_fractions_and_ranges_with_a_unit_on_each_end() -> None:
    # dw-dengwei 2026-02-12, 2602.10725: "在类型模型中不超过兼容类型数量的三分之一"
    [third] = extract_chinese_quantities("在类型模型中不超过兼容类型数量的三分之一")
    assert round(third.value, 4) == 0.3333 and WORD in third.qualifiers
    assert [round(q.value, 4) for q in extract_chinese_quantities("成本降至六分之一，千分之五的误差")] == [0.1667, 0.005]
    assert values("扩展到1.3倍-1.5倍") == [(1.3, "multiplier"), (1.5, "multiplier")]
