"""checker.analysis.valence: each side of a shared number read at its nearest direction word (real sentences)."""

from __future__ import annotations

from checker.analysis.valence import (
    chinese_bound,
    chinese_reading,
    disagree,
    english_bound,
    english_reading,
    strong_first,
)

# 2506.16698: both ways in one sentence; 2.4 is about the improvement, 3 about the reduction.
NE_SENTENCE = ("The proposed enhancements when applied to a large-scale industrial ads-recommendation system achieves "
               "2.4X improvement in normalized entropy (NE) gain and 3X reduction in data footprint compared to "
               "traditional SID methods.")


def test_the_word_nearest_the_number_is_read() -> None:
    assert english_reading(NE_SENTENCE, "2.4") == (True, 1, False)
    assert english_reading(NE_SENTENCE, "3") == (False, -1, True)  # "3X reduction in data footprint"


def test_a_word_after_a_comma_is_about_something_else() -> None:
    # 2506.15837: "improves PSNR by up to 2.1 dB, reduces FADE by 30 percent".
    sentence = ("On Cityscapes and the real-world RTTS benchmark, ADAM-Dehaze improves PSNR by up to 2.1 dB, reduces "
                "FADE by 30 percent, and increases object detection mAP by up to 13 points")
    assert english_reading(sentence, "2.1") == (True, 1, False)
    assert chinese_reading("ADAM-Dehaze将PSNR提高高达2.1 dB", "2.1") == (False, 1, False)


def test_cost_is_read_in_the_stretch_around_the_word() -> None:
    # 2503.13740: 提升 inside brackets is about 0.2dB of performance; 降低 about complexity.
    clause = "C2D-ISR框架在超分辨率性能（提升至0.2dB）和计算复杂度降低（高达11%）方面显著优于现有优化框架HiT"
    assert chinese_reading(clause, "0.2") == (False, 1, False)
    assert chinese_reading(clause, "11") == (False, -1, True)


def test_readings_compare_like_with_like() -> None:
    up_cost, down_cost = (False, 1, True), (False, -1, True)
    better, worse = (True, 1, False), (True, -1, False)
    assert disagree(up_cost, down_cost) is True
    assert disagree((False, 1, False), down_cost) is None  # a cost against a non-cost: not comparable
    assert disagree(worse, better) is True
    assert disagree(up_cost, better) is None  # "响应时间提高了16%" for "16% improvement in response time"
    assert disagree((False, -1, False), better) is True


def test_p_values_are_not_read_and_strong_numbers_come_first() -> None:
    assert strong_first(frozenset({"0.01", "0.71", "3"}), "降低了均匀性指数0.71（p < 0.01）") == ["0.71", "3"]


def test_bounds_on_both_sides() -> None:
    assert chinese_bound("准确率超过98.36%（死亡检测）", "98.36") == 1
    assert chinese_bound("准确率低于98.36%（死亡检测）", "98.36") == -1
    assert chinese_bound("比SA-UNet减少50%以上", "50") == 1
    sentence = "achieving an accuracy exceeding 98.36% for mortality detection"
    assert english_bound(sentence, "98.36") == 1
    assert english_bound("with only 1.2MB memory and 0.26M parameters (less than 50% of SA-UNet)", "50") == 0
    assert english_bound("no pre-trained system in our benchmark, including six VLM judges, exceeds 0.55", "0.55") == 0


def test_a_negated_bound_and_a_sign_are_the_other_bound() -> None:
    # Issue 11, "less than" kept as 小于 and its class: 不超过 and "no more than" say at most, 不低于 and "no less
    # than" at least; <, ≤, \leq and >, ≥, \geq are bounds too. 不超过 read as 超过 once made "less than 5%"
    # restated as 不超过5% a flipped bound.
    assert chinese_bound("单步误差不超过5%", "5") == -1 == english_bound("a per-step error of less than 5%", "5")
    assert chinese_bound("准确率不低于90%", "90") == 1 == english_bound("an accuracy no less than 90%", "90")
    assert english_bound("an error that does not exceed 5% on all splits", "5") == -1
    assert english_bound("achieving $<5\\%$ error", "5") == -1
    assert english_bound("with accuracy $\\geq 90\\%$", "90") == 1
    assert english_bound("keeping the latency within 5 ms", "5") == -1


def test_the_change_of_a_change_is_not_read() -> None:
    # 2506.04752: "the reduction in tire wear increased to 65.20%" is a reduction of 65.20%.
    sentence = ("In the more challenging scene: the desired trajectory is offset by 60 degrees from the vehicle's "
                "heading, the reduction in tire wear increased to 65.20% compared to the kinematic model")
    assert english_reading(sentence, "65.2") is None


def test_numbers_are_matched_as_written() -> None:
    # 2512.20636: "$1.30\\times$ higher inference throughput" holds the shared number 1.3.
    sentence = "Pruning $8$--$16$ attention sublayers yields up to $1.30\\times$ higher inference throughput"
    assert english_reading(sentence, "1.3") == (False, 1, False)
    assert chinese_reading("剪除8-16个注意力子层可使推理吞吐量降低1.30倍", "1.3") == (False, -1, False)


def test_with_a_cost_and_a_good_quantity_the_head_noun_of_the_object_decides() -> None:
    # 2512.20674: the trainable parameters belong to the condition; 下降 is about 模型性能 at 4.7.
    assert chinese_reading("在保持可训练参数不变的情况下下降模型性能4.7%", "4.7") == (False, -1, False)
    # 2503.14325: 和 ends the object of 减少, which is the FLOPs before it, not the speed after it.
    assert chinese_reading("LeanVAE提供了高达50倍的FLOPs减少和44倍的推理速度提升", "50") == (False, -1, True)
    # the last noun of the object after the word: a latency of reasoning is a cost
    assert chinese_reading("降低了模型推理的延迟30%", "30") == (False, -1, True)
