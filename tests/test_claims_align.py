"""Clause splitting, number normalization and clause-to-sentence alignment."""

from __future__ import annotations

from checker.analysis.align import align, clauses, normalize_number, numbers_in, sentences
from checker.analysis.keys import first_key, has_any, keys, padded

# From 2506.15912 (tests/fixtures/claims_papers.jsonl).
ABSTRACT = (
    "With the Whisper family of models, we perform a systematic architecture search over the joint space of "
    "sparsification stage (a certain encoder layer) and compression ratio (sparsity). We found that the best "
    "resulting solutions under 1% accuracy degradation choose to sparsify the hidden state to 40-60% sparsity at "
    "an early encoding stage, and thereby achieve up to 1.6x runtime acceleration in English speech transcription "
    "tasks on Nvidia GPUs without any fine-tuning."
)


def test_numbers_are_normalized() -> None:
    assert normalize_number("1,000") == "1000"
    assert normalize_number("12.30") == "12.3"
    assert normalize_number("5.0") == "5"
    assert numbers_in("达到1,000个样本和12.50%") == frozenset({"1000", "12.5"})


def test_clauses_split_at_chinese_punctuation_but_not_inside_numbers() -> None:
    assert clauses("在精度下降小于1%的情况下，稀疏化到40-60%。加速1,000倍") == [
        "在精度下降小于1%的情况下", "稀疏化到40-60%", "加速1,000倍"]


def test_clause_aligns_with_the_sentence_sharing_its_number() -> None:
    found = align("将Whisper模型的语音转录速度提高1.6倍", sentences(ABSTRACT))
    assert found is not None and "1.6x" in found.text


def test_clause_without_shared_number_or_two_names_does_not_align() -> None:
    assert align("该方法很有效", sentences(ABSTRACT)) is None
    assert align("使用Whisper", sentences(ABSTRACT)) is None  # one name is not enough
    assert align("使用Whisper", sentences(ABSTRACT), weak_ok=True) is not None


def test_padded_keys_match_word_starts_and_whole_words() -> None:
    text = padded("State-of-the-art results; it may improve.")
    assert has_any(text, keys("stateoftheart", "improv*"))
    assert not has_any(text, keys("ma"))
    assert first_key(text, keys("might", "may")) == "may"
