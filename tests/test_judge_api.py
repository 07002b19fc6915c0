"""The judge against the real openai client, with respx standing in for the server (no network, no key)."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import httpx
import pytest
import respx
from judge_helpers import (
    ENDPOINT,
    FAKE_QUOTE,
    NO_RETRY,
    REAL_QUOTE,
    audited,
    completion,
    ok,
    request_json,
    settings,
)

from checker.judge.runner import apply_judge

CONTRADICT = {"result:1": {"label": "contradicted", "error_type": "entity", "reason": "wrong count",
                           "evidence": REAL_QUOTE}}


def _first_paper_findings(report, rule):  # type: ignore[no-untyped-def]
    return [f for f in report.digests[0].papers[0].findings if f.rule == rule]


@respx.mock
def test_success_with_json_schema(tmp_path: Path) -> None:
    route = respx.post(ENDPOINT).mock(side_effect=lambda r: ok(r, overrides=CONTRADICT))
    report, sources = audited()
    summary = apply_judge(report, sources, settings(tmp_path))
    assert route.call_count == 3
    body = request_json(route.calls[0].request)
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True
    assert summary.papers_judged == 3 and summary.failed == 0 and summary.unjudged == []
    found = [f for p in report.digests[0].papers for f in p.findings if f.rule == "J101"]
    assert len(found) == 1  # result:1 of every paper is "contradicted", quoting paper 1: only its quote is real
    first = _first_paper_findings(report, "J101")
    assert first and first[0].source == "llm" and first[0].abstract_span == REAL_QUOTE
    assert first[0].block == "result" and first[0].line is not None
    assert summary.claims_discarded == 2  # papers 2 and 3: that quote is not in their abstracts
    assert report.judge is not None and report.summary.by_rule.get("J101") == 1


@respx.mock
def test_400_on_json_schema_falls_back_to_json_object(tmp_path: Path) -> None:
    def server(request: httpx.Request) -> httpx.Response:
        if request_json(request)["response_format"]["type"] == "json_schema":
            return httpx.Response(400, json={"error": {"message": "This response_format type is unavailable now"}})
        return ok(request)

    route = respx.post(ENDPOINT).mock(side_effect=server)
    report, sources = audited()
    summary = apply_judge(report, sources, settings(tmp_path, concurrency=1))
    assert summary.papers_judged == 3 and summary.response_format == "json_object"
    # One 400, then every request in json_object mode: the schema in the system prompt (the fixed prefix, so
    # provider prompt caching still applies) and the word JSON in the user message, as DashScope requires.
    assert route.call_count == 4
    last = request_json(route.calls[-1].request)
    assert "JSON schema" in last["messages"][0]["content"] and '"key_facts"' in last["messages"][0]["content"]
    assert "JSON" in last["messages"][1]["content"]


@respx.mock
def test_deepseek_starts_with_json_object(tmp_path: Path) -> None:
    route = respx.post(ENDPOINT).mock(side_effect=ok)
    report, sources = audited()
    apply_judge(report, sources, settings(tmp_path, model="deepseek-chat"))
    assert {request_json(c.request)["response_format"]["type"] for c in route.calls} == {"json_object"}


@respx.mock
def test_429_then_success_honours_retry_after(tmp_path: Path) -> None:
    calls = {"n": 0}

    def server(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] == 1:
            return httpx.Response(429, headers={"retry-after-ms": "50", **NO_RETRY}, json={"error": {"message": "slow"}})
        return ok(request)

    respx.post(ENDPOINT).mock(side_effect=server)
    report, sources = audited()
    started = time.perf_counter()
    summary = apply_judge(report, sources, settings(tmp_path, retries=2, concurrency=1))
    assert time.perf_counter() - started >= 0.05
    assert summary.papers_judged == 3 and summary.failed == 0 and summary.requests == 4


@respx.mock
def test_500_then_failure_is_judge_failed_never_a_pass(tmp_path: Path) -> None:
    route = respx.post(ENDPOINT).mock(return_value=httpx.Response(500, headers=NO_RETRY, json={"error": {}}))
    report, sources = audited()
    summary = apply_judge(report, sources, settings(tmp_path, retries=1))
    assert route.call_count == 6  # one retry each
    assert summary.failed == 3 and summary.papers_judged == 0
    assert [u.reason for u in summary.unjudged] == ["judge failed: HTTP 500 after 2 attempts"] * 3
    failed = _first_paper_findings(report, "J901")
    assert failed and failed[0].severity.value == "info" and failed[0].source == "llm"


@respx.mock
def test_timeout_is_judge_failed(tmp_path: Path) -> None:
    respx.post(ENDPOINT).mock(side_effect=httpx.ReadTimeout("slow"))
    report, sources = audited()
    summary = apply_judge(report, sources, settings(tmp_path))
    assert summary.failed == 3
    assert "timeout" in _first_paper_findings(report, "J901")[0].message


@respx.mock
def test_invalid_json_is_repaired_once(tmp_path: Path) -> None:
    seen: list[list[dict[str, str]]] = []

    def server(request: httpx.Request) -> httpx.Response:
        chat = request_json(request)["messages"]
        seen.append(chat)
        if len(chat) == 2:
            return httpx.Response(200, json=completion("Sure! Here is my verdict: {sentences: ["))
        return ok(request)

    respx.post(ENDPOINT).mock(side_effect=server)
    report, sources = audited()
    summary = apply_judge(report, sources, settings(tmp_path))
    assert summary.papers_judged == 3 and summary.failed == 0
    repair = [chat for chat in seen if len(chat) == 4][0]
    assert repair[2]["role"] == "assistant" and "not JSON" in repair[3]["content"]


@respx.mock
def test_blank_output_twice_fails(tmp_path: Path) -> None:
    route = respx.post(ENDPOINT).mock(return_value=httpx.Response(200, json=completion("   ")))
    report, sources = audited()
    summary = apply_judge(report, sources, settings(tmp_path))
    assert route.call_count == 6 and summary.failed == 3
    assert "invalid output after one repair: blank reply" in _first_paper_findings(report, "J901")[0].message


@respx.mock
def test_wrong_shape_fails_after_repair(tmp_path: Path) -> None:
    wrong = json.dumps({"sentences": [{"id": "tldr:1", "label": "fine"}], "key_facts": []})
    respx.post(ENDPOINT).mock(return_value=httpx.Response(200, json=completion(wrong)))
    report, sources = audited()
    summary = apply_judge(report, sources, settings(tmp_path))
    assert summary.failed == 3 and summary.papers_judged == 0
    assert "wrong shape" in _first_paper_findings(report, "J901")[0].message


@respx.mock
def test_refusal_is_judge_failed(tmp_path: Path) -> None:
    respx.post(ENDPOINT).mock(return_value=httpx.Response(200, json=completion(None, refusal="I can't help")))
    report, sources = audited()
    summary = apply_judge(report, sources, settings(tmp_path))
    assert summary.failed == 3
    assert "refused" in _first_paper_findings(report, "J901")[0].message


@respx.mock
def test_evidence_not_in_abstract_is_discarded(tmp_path: Path) -> None:
    fake = {"result:1": {"label": "number_error", "error_type": "circumstantial", "reason": "x", "evidence": FAKE_QUOTE},
            "tldr:1": {"label": "contradicted", "error_type": "predicate", "reason": "y", "evidence": None}}
    respx.post(ENDPOINT).mock(side_effect=lambda r: ok(r, overrides=fake))
    report, sources = audited()
    summary = apply_judge(report, sources, settings(tmp_path))
    assert summary.claims_discarded == 6  # both claims, three papers
    assert not [f for d in report.digests for p in d.papers for f in p.findings if f.source != "heuristic"]


@respx.mock
def test_out_of_range_ids_are_discarded(tmp_path: Path) -> None:
    extra = [{"id": "method:99", "evidence": REAL_QUOTE, "reason": "z", "label": "mismatched", "kind": "contradiction"}]

    def server(request: httpx.Request) -> httpx.Response:
        body = json.loads(ok(request, extra=extra).json()["choices"][0]["message"]["content"])
        body["key_facts"].append({"id": "K99", "covered": False, "sentence": None})
        return httpx.Response(200, json=completion(json.dumps(body)))

    respx.post(ENDPOINT).mock(side_effect=server)
    report, sources = audited()
    summary = apply_judge(report, sources, settings(tmp_path))
    assert summary.claims_discarded == 6 and summary.papers_judged == 3
    assert not [f for p in report.digests[0].papers for f in p.findings if f.source == "llm"]


def _reservations(tmp_path: Path) -> list[int]:
    """What each of the three papers' first request reserves (input + 30% + 16, and max_tokens of output)."""
    from checker.judge.budget import Budget
    from checker.judge.call import ModeState, PaperJudge
    from checker.judge.pricing import Price
    from checker.judge.prompts import load_prompts
    from checker.judge.request import messages
    from checker.judge.runner import new_summary, prepare_items
    from checker.judge.tokens import token_counter

    report, sources = audited()
    chosen = settings(tmp_path)
    items = prepare_items(report, sources, chosen, new_summary(chosen, load_prompts(), ModeState("json_schema")))
    budget = Budget(Price("m", 0, 0, True))
    judge = PaperJudge(None, chosen, load_prompts(), token_counter(chosen.model), budget,  # type: ignore[arg-type]
                       ModeState("json_schema"))
    held = [budget.reserve(judge.count_messages(messages(i.request, load_prompts(), False)), chosen.max_output_tokens)
            for i in items]
    return [h.input_tokens + h.output_tokens for h in held]


@respx.mock
def test_budget_is_never_exceeded_and_unjudged_are_listed(tmp_path: Path) -> None:
    route = respx.post(ENDPOINT).mock(side_effect=ok)
    report, sources = audited()
    # Each request reserves its input (+30%) and 4,000 output tokens; the mock reports 1,100 used. A cap of
    # one reply plus the largest reservation lets two requests out, and the third cannot fit.
    held = _reservations(tmp_path)
    cap = 1100 + max(held)
    assert 2 * 1100 + min(held) > cap
    summary = apply_judge(report, sources, settings(tmp_path, concurrency=1, max_tokens_budget=cap))
    assert route.call_count == 2 and summary.papers_judged == 2
    assert summary.input_tokens + summary.output_tokens <= cap
    assert len(summary.unjudged) == 1 and "budget" in summary.unjudged[0].reason
    tight, sources = audited()
    summary = apply_judge(tight, sources, settings(tmp_path, use_cache=False, max_tokens_budget=4000))
    assert route.call_count == 2 and len(summary.unjudged) == 3  # the first worst case already exceeds it


@respx.mock
def test_cost_budget_zero_sends_nothing(tmp_path: Path) -> None:
    route = respx.post(ENDPOINT).mock(side_effect=ok)
    report, sources = audited()
    summary = apply_judge(report, sources, settings(tmp_path, max_cost=0.0))
    assert route.call_count == 0 and len(summary.unjudged) == 3


@respx.mock
def test_rerun_hits_the_cache_and_makes_zero_requests(tmp_path: Path) -> None:
    route = respx.post(ENDPOINT).mock(side_effect=lambda r: ok(r, overrides=CONTRADICT))
    report, sources = audited()
    apply_judge(report, sources, settings(tmp_path))
    assert route.call_count == 3
    again, sources = audited()
    summary = apply_judge(again, sources, settings(tmp_path))
    assert route.call_count == 3 and summary.from_cache == 3 and summary.requests == 0
    assert [f.rule for f in again.digests[0].papers[0].findings] == [f.rule for f in report.digests[0].papers[0].findings]
    fresh, sources = audited()
    apply_judge(fresh, sources, settings(tmp_path, use_cache=False))
    assert route.call_count == 6


@respx.mock
def test_requests_really_run_in_parallel(tmp_path: Path) -> None:
    state = {"now": 0, "max": 0}

    async def server(request: httpx.Request) -> httpx.Response:
        state["now"] += 1
        state["max"] = max(state["max"], state["now"])
        await asyncio.sleep(0.2)
        state["now"] -= 1
        return ok(request)

    respx.post(ENDPOINT).mock(side_effect=server)
    report, sources = audited()
    started = time.perf_counter()
    apply_judge(report, sources, settings(tmp_path, concurrency=3, use_cache=False))
    assert state["max"] == 3
    assert time.perf_counter() - started < 0.55  # serial would take 0.6 s


@pytest.mark.parametrize("selection,expected", [("flagged", None), ("sample:2:7", 2)])
def test_selection(tmp_path: Path, selection: str, expected: int | None) -> None:
    from checker.judge.runner import select_papers
    from checker.judge.settings import PaperSelection

    report, _ = audited()
    chosen = select_papers(report, settings(tmp_path, selection=PaperSelection.parse(selection)))
    if expected is None:
        assert [p.arxiv_id for _, p in chosen] == [p.arxiv_id for p in report.digests[0].papers if p.findings]
    else:
        again = select_papers(report, settings(tmp_path, selection=PaperSelection.parse(selection)))
        assert len(chosen) == expected and chosen == again


@respx.mock
def test_unusable_cache_dir_does_not_stop_the_judge(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    respx.post(ENDPOINT).mock(side_effect=ok)
    report, sources = audited()
    summary = apply_judge(report, sources, settings(tmp_path, cache_dir=blocker / "cache"))
    assert summary.papers_judged == 3 and summary.notes and "cache not used" in summary.notes[0]
