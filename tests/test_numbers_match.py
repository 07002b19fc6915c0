"""Matching: rounding, unit changes, ranges, signs, qualifiers, derived values; property tests on formatting."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.numbers import (
    extract_chinese_quantities,
    extract_english_quantities,
    find_derivation,
    find_support,
    supports,
)
from checker.numbers.quantity import Quantity


def zh(text: str) -> Quantity:
    [quantity] = extract_chinese_quantities(text)
    return quantity


def en(text: str) -> list[Quantity]:
    return extract_english_quantities(text)


def status(summary: str, abstract: str) -> str:
    return find_support(zh(summary), en(abstract)).status


def test_same_value_same_kind() -> None:
    # dw-dengwei 2026-02-12, 2602.10137
    assert status("相比U-Net(4c)提升19.21% mIoU", "MeCSAFNet-base (6c) surpasses U-Net (4c) by +19.21%") == "supported"


def test_changed_value_is_unsupported_and_names_the_closest() -> None:
    support = find_support(zh("相比U-Net(4c)提升24.15% mIoU"), en("surpasses U-Net (4c) by +19.21%, SegFormer by +9.11%"))
    assert support.status == "unsupported"
    assert support.evidence is not None and support.evidence.value == 19.21


def test_rounding_to_the_precision_shown() -> None:
    assert status("p值为0.03", "a p-value of 0.026") == "supported"
    assert status("准确率提升约12%", "improves accuracy by 12.4%") == "supported"
    assert status("提升12%", "improves accuracy by 12.6%") == "unsupported"


def test_unit_changes() -> None:
    assert status("130亿参数", "13B parameters") == "supported"
    assert status("超过320万个文件", "labels for more than 3.2 million files") == "supported"
    assert status("约4700万个活动地址", "scanning about 47 million active addresses") == "supported"
    assert status("使用4.5千小时无标签ATC数据", "We train BEST-RQ models on 4.5k hours of unlabeled ATC data") == "supported"
    assert status("准确率为85%", "an accuracy of 0.85") == "supported"
    assert status("速度提升100%", "2x faster inference") == "supported"


def test_truncated_scaled_numbers() -> None:
    # MYZhangwww 2026-02-24, 2602.20300: "Using 369,837 real-world queries" -> "分析36.9万条真实查询数据"
    assert status("分析36.9万条真实查询数据", "Using 369,837 real-world queries") == "supported"


def test_sign_and_decrease() -> None:
    assert status("风险发生率降低36.8%", "achieving -36.8% risk occurrence") == "supported"


def test_range_endpoints() -> None:
    abstract = "35-48% of failures stem from an inability to tailor medical knowledge"
    assert [find_support(q, en(abstract)).status for q in extract_chinese_quantities("35-48%的失败")] == [
        "supported", "supported"]


def test_number_words() -> None:
    assert status("应用于十个基准测试", "we applied the method to ten benchmarks") == "supported"
    assert status("其训练时间减少了三倍", "a threefold reduction in training time") == "supported"


def test_qualifier_slack() -> None:
    assert status("超过40%", "an improvement of 43.2%") == "supported"
    assert status("超过40%", "an improvement of 52.0%") == "unsupported"
    # A bound of the abstract is restated as it is (mutation of 2506.04303: "outperforms baseline methods by over
    # 30%" -> "提升了27%以上", true but another number).
    assert status("提升了27%以上", "outperforms baseline methods by over 30%") == "unsupported"
    assert status("提升了30%以上", "outperforms baseline methods by over 30%") == "supported"
    assert status("不到10%", "an error of 8.7%") == "supported"


def test_points_and_percent_are_interchangeable_but_not_counts() -> None:
    assert status("高出45个百分点", "outperforms the baseline by 45%") == "supported"
    # A number word backs only its own kind: "five datasets" is no 5% gain, and "three" no 3.0倍 (mutation of
    # 2506.04678, "1.9x over BlobDB" -> 3.0倍, was taken as backed by the abstract's "three").
    assert supports(zh("提升5%"), en("five datasets")[0]) is False
    assert supports(zh("异步WAL模式下吞吐量提升3.0倍"), en("designed to address three key challenges")[0]) is False
    assert supports(zh("三个数据集"), en("three datasets")[0]) is True
    assert status("提升7%", "five datasets and 2 tasks") == "unsupported"


def test_derived_sum() -> None:
    # seed 2512.20655: "MaskOpt includes 104,714 metal-layer tiles and 121,952 via-layer tiles." -> 22.6万个图块
    abstract = en("MaskOpt includes 104,714 metal-layer tiles and 121,952 via-layer tiles.")
    support = find_support(zh("包含从45nm节点真实IC设计中提取的22.6万个图块"), abstract)
    assert support.status == "derived" and support.derivation is not None
    assert {support.derivation.left.value, support.derivation.right.value if support.derivation.right else 0} == {
        104714.0, 121952.0}


def test_derived_percentage_point_difference() -> None:
    derivation = find_derivation(zh("提升了15个百分点"), en("accuracy rises from 45% to 60%"))
    assert derivation is not None and derivation.operation == "-"


def test_small_counts_are_never_derived() -> None:
    assert find_derivation(zh("三个数据集"), en("5 tasks and 2 models")) is None


# ---------------------------------------------------------------- property tests: formatting never matters

_FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")

decimals = st.integers(min_value=0, max_value=3)
magnitudes = st.integers(min_value=1, max_value=99_999)


def _number(units: int, places: int) -> str:
    return f"{units / 10 ** places:.{places}f}"


@settings(max_examples=150, deadline=None)
@given(units=magnitudes, places=decimals, english=st.sampled_from(
    ["by {}%", "by {} percent", "by {}\\%", "by ${}\\%$", "by {} %", "of -{}%"]),
    chinese=st.sampled_from(["提升了{}%", "提升了{}％", "降低{}%", "约{}%", "达到{}%"]), full_width=st.booleans())
def test_percent_formatting_never_produces_a_finding(units: int, places: int, english: str, chinese: str,
                                                      full_width: bool) -> None:
    number = _number(units, places)
    summary = chinese.format(number.translate(_FULL_WIDTH) if full_width else number)
    abstract = en("Our method improves accuracy " + english.format(number) + " on the benchmark.")
    for quantity in extract_chinese_quantities(summary):
        assert find_support(quantity, abstract).status == "supported", (summary, abstract)
    assert extract_chinese_quantities(summary)


@settings(max_examples=150, deadline=None)
@given(units=st.integers(min_value=11, max_value=99_999), places=st.integers(min_value=0, max_value=2),
       english=st.sampled_from(["{}x", "{}×", "${}\\times$", "{}-fold", "{} times"]),
       chinese=st.sampled_from(["快{}倍", "提升{}倍", "加速{}x", "快{}×"]))
def test_multiplier_formatting_never_produces_a_finding(units: int, places: int, english: str, chinese: str) -> None:
    number = _number(units, places)
    abstract = en("The kernel is " + english.format(number) + " faster than the baseline.")
    quantities = extract_chinese_quantities(chinese.format(number))
    assert quantities
    for quantity in quantities:
        assert find_support(quantity, abstract).status == "supported"


@settings(max_examples=150, deadline=None)
@given(count=st.integers(min_value=2, max_value=900_000_000).filter(lambda n: not 1900 <= n <= 2099),
       separators=st.booleans(), chinese_scale=st.booleans())
def test_count_formatting_never_produces_a_finding(count: int, separators: bool, chinese_scale: bool) -> None:
    english_number = f"{count:,}" if separators else str(count)
    abstract = en(f"We collect {english_number} samples from public sources.")
    if chinese_scale and count >= 10_000:
        scaled = count / 1e8 if count >= 1e8 else count / 1e4
        unit = "亿" if count >= 1e8 else "万"
        summary = f"收集了{scaled:.1f}{unit}个样本"  # 22.6万: rounded or truncated to the digit shown
    else:
        summary = f"收集了{english_number}个样本"
    quantities = extract_chinese_quantities(summary)
    assert quantities
    for quantity in quantities:
        assert find_support(quantity, abstract).status == "supported", (summary, abstract)


@settings(max_examples=100, deadline=None)
@given(count=st.integers(min_value=2, max_value=99), english_words=st.booleans())
def test_count_words_never_produce_a_finding(count: int, english_words: bool) -> None:
    words = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
             12: "twelve", 14: "fourteen", 20: "twenty", 25: "twenty-five", 40: "forty", 99: "ninety-nine"}
    chinese_digits = "零一二三四五六七八九"
    tens, ones = divmod(count, 10)
    chinese = ("" if tens == 0 else ("十" if tens == 1 else chinese_digits[tens] + "十")) + (
        chinese_digits[ones] if ones else "")
    english = words.get(count, str(count)) if english_words else str(count)
    abstract = en(f"We evaluate on {english} benchmarks.")
    summary = extract_chinese_quantities(f"在{chinese}个基准上评估")
    assert [q.value for q in summary] == [float(count)]
    assert find_support(summary[0], abstract).status == "supported"


@settings(max_examples=100, deadline=None)
@given(units=st.integers(min_value=100, max_value=99_999), places=st.integers(min_value=2, max_value=3))
def test_rounding_the_abstract_never_produces_a_finding(units: int, places: int) -> None:
    number = units / 10 ** places
    abstract = en(f"an accuracy of {number:.{places}f}%")
    for shown in range(places):
        summary = zh(f"准确率为{round(number, shown):.{shown}f}%")
        assert find_support(summary, abstract).status == "supported"


def test_bound_slack_only_between_numbers_of_one_kind() -> None:
    # dw-dengwei 2025-12-20, 2512.20636: "within $2\%$ of the unpruned baseline" is not carried by "提高1.30倍"
    [within] = en("keeping average zero-shot accuracy within $2\\%$ of the unpruned baseline")
    assert supports(within, zh("可使推理吞吐量提高1.30倍")) is False
    assert status("准确率约40%", "an accuracy of 0.41") == "supported"


# ---------------------------------------------------------------- issue 11 item 5: a number bound to its kind

def test_a_percentage_is_no_count_and_a_count_no_percentage() -> None:
    assert status("提升20%", "evaluated on 20 tasks") == "unsupported"
    assert status("6个开源模型", "reduces attack success rates by 6%") == "unsupported"
    assert status("准确率85.2%", "reaches 85.2 mIoU on ADE20K") == "supported"  # a metric value without %
    assert status("RULER提升超过3分", "and over 3 points on RULER") == "supported"  # 分 counts points


def test_qualifier_slack_reaches_only_the_summarys_own_rounding() -> None:
    assert status("约40%", "retains 38.6% of the performance") == "supported"  # 40 is a round number
    assert status("约46.5%", "reduces input time by 46.7%") == "unsupported"
    assert status("约84%", "reduces omission errors by about 91%") == "unsupported"
    assert status("反射任务低于8%", "and below 7% on reflections") == "unsupported"  # a bound restated differently


def test_a_scaled_number_is_truncated_never_rounded_up() -> None:
    # dw-dengwei 2025-09-16, 2509.10555: "comprising nearly 240k clip-caption pairs" -> "包含24万视频片段-字幕对"
    assert status("包含24万视频片段-字幕对", "comprising nearly 240k clip-caption pairs") == "supported"
    assert status("包含25万视频片段-字幕对", "comprising nearly 240k clip-caption pairs") == "unsupported"
    assert status("3B参数的模型", "a small 2- or 4-billion-parameter model") == "unsupported"
