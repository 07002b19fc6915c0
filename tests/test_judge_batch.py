"""judge-batch: Batch API JSONL out, results (OpenAI wrapped or vLLM bare, any order) back into a report."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from judge_helpers import REAL_QUOTE, audited, judgment, settings

from checker.judge.batch import collect_batch, prepare_batch

CONTRADICT = {"result:1": {"label": "contradicted", "error_type": "entity", "reason": "r", "evidence": REAL_QUOTE}}


def _prepared(tmp_path: Path) -> list[dict]:
    report, sources = audited()
    out = tmp_path / "batch.jsonl"
    summary = prepare_batch(report, sources, settings(tmp_path), out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.requests == len(lines) == 3
    return lines


def _completion_for(line: dict) -> dict:
    request = httpx.Request("POST", "http://x", json=line["body"])
    content = json.dumps(judgment(request, overrides=CONTRADICT))
    return {"id": "c", "object": "chat.completion", "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": 1000, "completion_tokens": 100}}


def test_prepare_writes_batch_api_lines(tmp_path: Path) -> None:
    lines = _prepared(tmp_path)
    first = lines[0]
    assert set(first) == {"custom_id", "method", "url", "body"}
    assert first["url"] == "/v1/chat/completions" and first["method"] == "POST"
    assert first["body"]["response_format"]["type"] == "json_schema"
    assert len({line["custom_id"] for line in lines}) == 3


def test_collect_accepts_both_forms_in_any_order(tmp_path: Path) -> None:
    lines = _prepared(tmp_path)
    wrapped = {"id": "b1", "custom_id": lines[2]["custom_id"], "error": None,
               "response": {"status_code": 200, "request_id": "r", "body": _completion_for(lines[2])}}
    bare = {"id": "b2", "custom_id": lines[0]["custom_id"], "response": _completion_for(lines[0])}
    failed = {"id": "b3", "custom_id": lines[1]["custom_id"], "error": None,
              "response": {"status_code": 500, "request_id": "r", "body": {"error": {"message": "boom"}}}}
    stale = {"id": "b4", "custom_id": "2512.00000#deadbeef", "response": _completion_for(lines[0])}
    results = tmp_path / "results.jsonl"
    results.write_text("\n".join(json.dumps(x) for x in (wrapped, stale, failed, bare)) + "\nnot json\n",
                       encoding="utf-8")
    report, sources = audited()
    summary = collect_batch(report, sources, settings(tmp_path), results)
    assert summary.papers_judged == 2 and summary.failed == 1
    assert summary.input_tokens == 3000 - 1000  # the failed line reported no usage
    rules = {p.arxiv_id: [f.rule for f in p.findings if f.source == "llm"] for p in report.digests[0].papers}
    first_id = lines[0]["custom_id"].split("#")[0]
    assert "J101" in rules[first_id]
    assert "J901" in rules[lines[1]["custom_id"].split("#")[0]]
    assert any("2 result line(s) matched no paper" in u.reason for u in summary.unjudged)


def test_missing_results_leave_papers_unjudged(tmp_path: Path) -> None:
    _prepared(tmp_path)
    results = tmp_path / "empty.jsonl"
    results.write_text("", encoding="utf-8")
    report, sources = audited()
    summary = collect_batch(report, sources, settings(tmp_path), results)
    assert summary.papers_judged == 0 and len(summary.unjudged) == 3
