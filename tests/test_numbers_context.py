"""Numbers bound to their context (issue 11, item 5): each false-alarm class fixed and each miss class caught,
on real papers of the dev half copied into tests/fixtures/numbers_context_papers.jsonl (dw-dengwei and
Alice-Shimada/hepstoday-en digests of ../shared/data/real, and the seed digest), some with one block edited.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from helpers import graded

from checker.engine.audit import check_paper
from checker.model import Finding, Paper
from checker.rules.registry import select_rules

RULES = graded(select_rules(["N", "O2"], None), "N101", "O201")  # their hits as the rules grade them
CORPUS = "numbers_context_papers.jsonl"
Records = dict[str, dict[str, Any]]


@pytest.fixture(scope="module")
def records(corpus_records: Callable[[str], Records]) -> Records:
    return corpus_records(CORPUS)


@pytest.fixture
def paper(records: Records, make_paper: Callable[..., Paper]) -> Callable[..., Paper]:
    def build(record_id: str, *, abstract: str | None = None, **blocks: str) -> Paper:
        made = make_paper(records[record_id], **blocks)
        return made.model_copy(update={"abstract": abstract}) if abstract is not None else made
    return build


def found(p: Paper, rule: str, language: str = "zh") -> list[Finding]:
    return [f for f in check_paper(p, language, RULES) if f.rule == rule]


# ------------------------------------------------------------------ hyphenated scale words (seven-billion ↔ 70亿)

def test_a_hyphenated_scale_is_read_and_a_wrong_restatement_caught(paper: Callable[..., Paper]) -> None:
    # dw-dengwei 2025-03-19, 2503.13956: "among 7-billion-parameter video LLMs" -> "在7亿参数视频大语言模型中":
    # 7亿 is 700 million, a real error the digit "7" of the abstract used to hide.
    [hit] = found(paper("2503.13956"), "N101")
    # a warning, not an error: the abstract writes the digit 7, so a looser reading would take it (a near miss)
    assert hit.block == "result" and hit.severity.value == "warning" and "7亿" in hit.message
    fixed = paper("2503.13956").block_text("result").replace("7亿参数", "70亿参数")
    assert found(paper("2503.13956", result=fixed), "N101") == []


def test_spelled_hyphenated_scale_backs_its_chinese_count(paper: Callable[..., Paper], records: Records) -> None:
    abstract = records["2503.13956"]["summary"].replace("7-billion-parameter", "seven-billion-parameter")
    result = paper("2503.13956").block_text("result").replace("7亿参数", "70亿参数")
    assert found(paper("2503.13956", abstract=abstract, result=result), "N101") == []


def test_a_suspended_hyphen_takes_the_scale_of_the_last_number(paper: Callable[..., Paper]) -> None:
    # dw-dengwei 2026-05-21, 2605.20942: "a small 2- or 4-billion-parameter model" -> "（2B或4B参数）", "(2-4B)"
    assert found(paper("2605.20942"), "N101") == []
    assert found(paper("2605.20942", result="仅用20-80个场景训练的小模型（3B参数）即可取得稳定增益"), "N101")


# ------------------------------------------------------------------ fractions (one-sixth ↔ 1/6, 三分之一)

def test_a_spelled_fraction_backs_its_chinese_form_and_a_changed_one_is_caught(paper: Callable[..., Paper]) -> None:
    # dw-dengwei 2026-02-12, 2602.10725: "is at most one third of the number of compatibility types" ->
    # "不超过兼容类型数量的三分之一"
    assert found(paper("2602.10725"), "N101") == []
    result = paper("2602.10725").block_text("result").replace("三分之一", "四分之一")
    [hit] = found(paper("2602.10725", result=result), "N101")
    assert "四分之一" in hit.message and hit.severity.value == "warning"
    assert found(paper("2602.10725", result=result.replace("四分之一", "1/3")), "N101") == []


def test_a_proportion_in_words_backs_a_chinese_fraction(paper: Callable[..., Paper]) -> None:
    # dw-dengwei 2026-05-21, 2605.21178: "one in three metaphors in the output were changed" -> "三分之一隐喻输出被修改"
    assert found(paper("2605.21178"), "N101") == []
    result = paper("2605.21178").block_text("result").replace("三分之一", "四分之一")
    assert found(paper("2605.21178", result=result), "N101")


# ------------------------------------------------------------------ digits inside names

def test_a_size_written_in_a_dataset_name_backs_the_summary_count(paper: Callable[..., Paper]) -> None:
    # dw-dengwei 2025-09-16, 2509.11589: the abstract names "MVQA-68K"; the summary writes "68,000个视频"
    assert found(paper("2509.11589"), "N101") == []
    method = paper("2509.11589").block_text("method").replace("68,000", "6.8万")
    assert found(paper("2509.11589", method=method), "N101") == []


def test_a_data_size_is_backed_by_its_name_and_never_compared_with_an_unrelated_count(
        paper: Callable[..., Paper], records: Records) -> None:
    # 2509.11589 with the abstract's "over 68,000" taken out: only the name MVQA-68K states the size
    abstract = records["2509.11589"]["summary"].replace("comprising over\n68,000 carefully", "comprising carefully")
    assert "68,000" not in abstract
    assert found(paper("2509.11589", abstract=abstract), "N101") == []
    method = paper("2509.11589").block_text("method").replace("68,000", "93,000")
    [hit] = found(paper("2509.11589", abstract=abstract, method=method), "N101")
    assert "93,000" in hit.message and "the abstract has no such number" in hit.message  # not "abstract says seven"


def test_digits_of_a_name_do_not_back_a_changed_multiplier(paper: Callable[..., Paper]) -> None:
    # dw-dengwei 2026-05-21, 2605.20315: "up to a 3x speedup"; the abstract also names FP4 and NVFP4
    assert found(paper("2605.20315"), "N101") == []
    result = paper("2605.20315").block_text("result").replace("3倍", "4倍")
    [hit] = found(paper("2605.20315", result=result), "N101")
    assert "4倍" in hit.message and hit.severity.value == "warning"  # 4 is written in FP4: a near miss
    far = paper("2605.20315").block_text("result").replace("3倍", "9倍")
    [error] = found(paper("2605.20315", result=far), "N101")
    assert "9倍" in error.message and error.severity.value == "error"


def test_a_name_written_with_a_unicode_hyphen_is_still_a_name(paper: Callable[..., Paper], records: Records) -> None:
    abstract = records["2509.11589"]["summary"].replace("MVQA-68K", "MVQA\u201068K")
    assert found(paper("2509.11589", abstract=abstract), "O201") == []  # 68K is no key number of it
    assert found(paper("2509.11589", abstract=abstract), "N101") == []


# ------------------------------------------------------------------ LaTeX

def test_latex_font_commands_keep_a_scale_on_its_number(paper: Callable[..., Paper]) -> None:
    # dw-dengwei 2026-02-12, 2602.10657: "$8.5\mathrm{B}$ to $60\mathrm{B}$ tokens" -> "（8.5B到60B tokens）"
    assert found(paper("2602.10657"), "N101") == []
    method = paper("2602.10657").block_text("method").replace("60B", "80B")
    [hit] = found(paper("2602.10657", method=method), "N101")
    assert "80B" in hit.message


def test_a_power_of_ten_is_exact_and_shown_short(paper: Callable[..., Paper]) -> None:
    # hepstoday 2026-03-12, 2603.10818: "at the level of $10^{-6}$"
    assert found(paper("2603.10818"), "N101", "en") == []
    abstract = "The conversion rate reaches $10^{30}$ in the early universe."
    hits = found(paper("2603.10818", abstract=abstract, result="The rate reaches 10^{31} early on."), "N101", "en")
    [hit] = [h for h in hits if h.block == "result"]
    assert "1e+31" in hit.message and "1e+30" in hit.message
    hits = found(paper("2603.10818", abstract=abstract, result="The rate reaches $10^{30}$."), "N101", "en")
    assert [h for h in hits if h.block == "result"] == []


def test_a_near_miss_by_value_is_only_info(paper: Callable[..., Paper]) -> None:
    # 2503.13951: "achieving 82.28% and 95.68% accuracy ... respectively"; "超过78.4%" for 82.28% is true but another
    # number, and a looser reading (a tenth of slack) would take it: info, not a warning
    result = paper("2503.13951").block_text("result").replace("82.28%", "超过78.4%")
    [hit] = found(paper("2503.13951", result=result), "N101")
    assert "78.4%" in hit.message and hit.severity.value == "info"


# ------------------------------------------------------------------ small counts bound to what they count

def test_a_small_count_is_checked_against_what_it_counts(paper: Callable[..., Paper]) -> None:
    # dw-dengwei 2025-09-16, 2509.10980: "systematically categorized into 6 classes" -> "分为6个皮肤色调类别"
    assert found(paper("2509.10980"), "N101") == []
    method = paper("2509.10980").block_text("method").replace("6个皮肤色调类别", "三个皮肤色调类别")
    [hit] = found(paper("2509.10980", method=method), "N101")
    assert hit.severity.value == "warning" and "abstract says 6" in hit.message


def test_a_count_word_of_what_the_abstract_never_counts_is_quiet(paper: Callable[..., Paper]) -> None:
    # dw-dengwei 2025-09-16, 2509.10710: "结合这两种模态" counts the RGB data and pose just named
    assert found(paper("2509.10710"), "N101") == []


def test_a_derived_count_in_digits_is_only_info(paper: Callable[..., Paper]) -> None:
    # dw-dengwei 2026-05-21, 2605.21369: "6个传统方法" = ten systems minus four LLM-based ones
    [hit] = found(paper("2605.21369"), "N101")
    assert hit.severity.value == "info" and "6" in hit.message


def test_the_parts_of_a_fraction_are_counts(paper: Callable[..., Paper]) -> None:
    # seed 2512.20732: "completed 30/33 tasks at least once and 26/33 tasks all five times" -> "33个任务", "26个"
    assert found(paper("2512.20732"), "N101") == []


def test_points_are_counted(paper: Callable[..., Paper]) -> None:
    # dw-dengwei 2025-09-16, 2509.10798: "over 3 points on RULER" -> "RULER提升超过3分"
    assert found(paper("2509.10798"), "N101") == []


# ------------------------------------------------------------------ a value moved onto another role

def test_a_value_bound_to_another_metric_is_caught(paper: Callable[..., Paper]) -> None:
    # dw-dengwei 2025-09-16, 2509.11952: "mIoU of 56.02% and OA of 84.56%" -> "mIoU达56.02%、OA达84.56%"
    assert found(paper("2509.11952"), "N101") == []
    result = paper("2509.11952").block_text("result").replace("mIoU达56.02%", "mIoU达84.56%")
    hits = found(paper("2509.11952", result=result), "N101")
    assert any("84.56%" in h.message and "miou" in h.message for h in hits)
    assert all(h.severity.value == "warning" for h in hits)


def test_a_value_stated_twice_where_the_abstract_gives_it_once(paper: Callable[..., Paper]) -> None:
    # dw-dengwei 2025-03-19, 2503.13951: "1.83% and 2.33% better than the original" -> "分别提高了1.83%和2.33%"
    assert found(paper("2503.13951"), "N101") == []
    result = paper("2503.13951").block_text("result").replace("1.83%", "2.33%")
    [hit] = found(paper("2503.13951", result=result), "N101")
    assert "2.33%" in hit.message and "1.83%" in hit.message and hit.severity.value == "warning"


def test_our_value_given_to_the_baseline_is_caught(paper: Callable[..., Paper]) -> None:
    # dw-dengwei 2025-03-19, 2503.13806: "a mean Dice of 0.937, outperforming MedSAM (0.893)"
    assert found(paper("2503.13806"), "N101") == []
    result = paper("2503.13806").block_text("result").replace("0.937", "0.893")
    assert any("0.893" in h.message for h in found(paper("2503.13806", result=result), "N101"))


# ------------------------------------------------------------------ O201 / O202: results, not settings or baselines

@pytest.mark.parametrize(("record_id", "why_quiet"), [
    ("2512.20884", "E[θ]=0.5 is a setting the method chose"),
    ("2602.10940", "1.30×-1.46× is how the baseline USP scales"),
    ("2509.11020", "about 20% is a figure of the competition organizers, before the paper speaks"),
    ("2509.11220", "3.43 and 3.38 are the FID scores of the baselines VAE and WAE"),
    ("2509.12130", "0.6941 and 0.6461 are the baselines' scores"),
])
def test_numbers_that_are_not_results_are_not_omissions(paper: Callable[..., Paper], record_id: str,
                                                          why_quiet: str) -> None:
    assert found(paper(record_id), "O201") == [], why_quiet


def test_a_share_of_the_data_is_a_detail(paper: Callable[..., Paper]) -> None:
    # dw-dengwei 2025-09-16, 2509.11303: "19.7% of questions contain culturally specific elements"
    [hit] = found(paper("2509.11303"), "O201")
    assert hit.severity.value == "info"


def test_a_summary_without_any_result_of_the_paper_is_a_warning(paper: Callable[..., Paper]) -> None:
    # dw-dengwei 2025-03-19, 2503.13883: "outperforming the previous best methods by 2.7% mAP50 and 1.6% ..."
    [omitted] = found(paper("2503.13883"), "O201")
    [no_numbers] = found(paper("2503.13883"), "O202")
    assert omitted.severity.value == "warning" and "2.7%" in omitted.message
    assert no_numbers.severity.value == "info"  # O202's calibrated ceiling
    result = "YOLO-LLTS在TT100K-night上比此前最佳方法高2.7% mAP50和1.6% mAP50:95。"
    partial = found(paper("2503.13883", result=result), "O201")
    assert [f.severity.value for f in partial] == ["info"]  # the summary reports results; the rest are details
    assert found(paper("2503.13883", result=result), "O202") == []


def test_a_prior_work_share_is_background(paper: Callable[..., Paper], records: Records) -> None:
    abstract = "Prior studies report that only 30% of generated answers are accurate. " + records["2503.13883"]["summary"]
    result = "YOLO-LLTS在TT100K-night上比此前最佳方法高2.7% mAP50和1.6% mAP50:95，在CNTSSS上高1.3% mAP50和1.9% mAP50:95。"
    hits = found(paper("2503.13883", abstract=abstract, result=result), "O201")
    assert all("30%" not in h.message for h in hits)
