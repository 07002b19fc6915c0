"""Latin names in Chinese text and their look-up in an abstract."""

from __future__ import annotations

from checker.claims.entities import SourceIndex, generic_terms, is_name_like, latin_names, normalize
from checker.text.terms import salient_prose_terms, salient_terms

# From 2509.10683 (tests/fixtures/claims_papers.jsonl).
ABSTRACT = (
    "We investigate the effectiveness of LLMs for medical imaging tasks, specifically glioma classification and "
    "segmentation, and compare their performance to that of traditional convolutional neural networks (CNNs). "
    "Using the BraTS 2020 dataset of multi-modal brain MRIs, we evaluated a general-purpose vision-language LLM "
    "(LLaMA 3.2 Instruct) both before and after fine-tuning."
)


def test_normalize_ignores_case_hyphens_and_plural() -> None:
    assert normalize("Chain-of-Thought") == normalize("chain of thoughts") == "chainofthought"
    assert normalize("CNNs") == normalize("cnn")


def test_name_like_tokens() -> None:
    assert all(is_name_like(t) for t in ("GPT-4o", "ImageNet", "BLEU", "LoRA", "Qwen2.5-7B", "3DGS"))
    assert not any(is_name_like(t) for t in ("pipeline", "Transformer", "zero-shot"))


def test_latin_names_in_chinese_text() -> None:
    text = "LLaMA通过LoRA微调，在BraTS上优于GPT-4o，LoRA再次出现"
    assert latin_names(text, name_like_only=True) == ["LLaMA", "LoRA", "BraTS", "GPT-4o"]


def test_source_lookup() -> None:
    source = SourceIndex(ABSTRACT)
    assert source.has("BraTS") and source.has("brats")
    assert source.has("LLaMA-3.2")  # every part is in the abstract
    assert source.has("MRI")  # "MRIs"
    assert not source.has("GSM8K")
    assert not source.has("Mistral-7B")


def test_acronym_spelled_out_in_the_abstract_counts() -> None:
    source = SourceIndex("We train a vision transformer with reinforcement learning from human feedback.")
    assert source.has("RLHF")
    assert not source.has("DPO")


def test_generic_terms_come_from_the_data_file() -> None:
    terms = generic_terms()
    assert {"llm", "gpu", "api", "sota"} <= terms
    assert "gsm8k" not in terms


def test_salient_terms_agree_between_prose_and_chinese_text() -> None:
    prose = salient_prose_terms("Our model GPT-4o reaches 12.5% on ImageNet (Qwen2.5-7B).")
    chinese = salient_terms("GPT-4o在ImageNet上达到12.5%，Qwen2.5-7B")
    assert chinese <= prose
    assert {"gpt-4o", "imagenet", "12.5", "qwen2.5-7b"} <= chinese
