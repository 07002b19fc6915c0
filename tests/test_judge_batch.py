"""judge-batch: Batch API JSONL out, results (OpenAI wrapped or vLLM bare, any order) back into a report."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
import respx
from judge_helpers import BASE_URL, FIXTURE, REAL_QUOTE, SECRET, audited, judgment, settings

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


# --- The Batch API through the openai SDK (respx as the server) ------------------------------------------------

def _batch(batch_id: str, status: str, output: str | None = None, counts: tuple[int, int, int] = (0, 0, 0)) -> dict:
    return {"id": batch_id, "object": "batch", "endpoint": "/v1/chat/completions", "input_file_id": "file-in",
            "completion_window": "24h", "status": status, "created_at": 0, "output_file_id": output,
            "error_file_id": None, "request_counts": {"completed": counts[0], "failed": counts[1], "total": counts[2]}}


def _cli(args: list[str]):  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from checker.cli.app import app

    try:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        runner = CliRunner()
    return runner.invoke(app, args, env={"OPENAI_API_KEY": SECRET})


@respx.mock
def test_submit_status_collect_through_the_batch_api(tmp_path: Path) -> None:
    uploads: list[bytes] = []

    def upload(request: httpx.Request) -> httpx.Response:
        uploads.append(request.content)
        return httpx.Response(200, json={"id": f"file-{len(uploads)}", "object": "file", "bytes": 1, "created_at": 0,
                                         "filename": "x.jsonl", "purpose": "batch", "status": "processed"})

    created: list[dict] = []

    def create(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        created.append(body)
        return httpx.Response(200, json=_batch(f"batch_{len(created)}", "validating"))

    state_of = {"batch_1": "in_progress"}
    respx.post(f"{BASE_URL}/files").mock(side_effect=upload)
    respx.post(f"{BASE_URL}/batches").mock(side_effect=create)
    respx.get(f"{BASE_URL}/batches/batch_1").mock(side_effect=lambda r: httpx.Response(
        200, json=_batch("batch_1", state_of["batch_1"], "file-out" if state_of["batch_1"] == "completed" else None,
                         (3, 0, 3) if state_of["batch_1"] == "completed" else (1, 0, 3))))
    state = tmp_path / "state.json"
    result = _cli(["judge-batch", "submit", str(FIXTURE), "--state", str(state), "--base-url", BASE_URL,
                   "--model", "gpt-4o-mini"])
    assert result.exit_code == 0, result.stderr
    assert "submitted 3 requests in 1 batch(es): batch_1" in result.stderr
    lines = [json.loads(line) for line in uploads[0].split(b"\r\n\r\n", 1)[1].splitlines() if line.startswith(b"{")]
    assert len(lines) == 3 and {line["url"] for line in lines} == {"/v1/chat/completions"}
    assert created[0]["endpoint"] == "/v1/chat/completions" and created[0]["completion_window"] == "24h"
    saved = state.read_text(encoding="utf-8")
    assert "batch_1" in saved and SECRET not in saved

    result = _cli(["judge-batch", "status", str(state)])
    assert result.exit_code == 0 and "in_progress" in result.stdout and "1/3 done" in result.stdout
    result = _cli(["judge-batch", "collect", "--state", str(state), str(FIXTURE)])
    assert result.exit_code == 2 and "not finished yet" in result.stderr

    state_of["batch_1"] = "completed"
    output = []
    for line in lines:
        output.append(json.dumps({"id": "r", "custom_id": line["custom_id"], "error": None,
                                  "response": {"status_code": 200, "body": _completion_for(line)}}))
    respx.get(f"{BASE_URL}/files/file-out/content").mock(
        return_value=httpx.Response(200, content=("\n".join(output) + "\n").encode()))
    result = _cli(["judge-batch", "collect", "--state", str(state), str(FIXTURE), "-f", "json",
                   "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert report["judge"]["papers_judged"] == 3 and report["summary"]["by_rule"].get("J101") == 1
    assert report["judge"]["cost_usd"] == pytest.approx(3 * (1000 * 0.15 + 100 * 0.60) / 1e6 / 2)


def test_big_inputs_are_split_into_batches_within_the_api_limits() -> None:
    from checker.judge.batch import split_lines

    lines = [json.dumps({"n": i, "pad": "x" * 50}) for i in range(10)]
    assert [len(c) for c in split_lines(lines, max_requests=4)] == [4, 4, 2]
    size = len(lines[0].encode()) + 1
    assert [len(c) for c in split_lines(lines, max_bytes=3 * size)] == [3, 3, 3, 1]


@respx.mock
def test_a_batch_api_error_is_one_line_without_the_key(tmp_path: Path) -> None:
    respx.post(f"{BASE_URL}/files").mock(return_value=httpx.Response(
        401, json={"error": {"message": f"Incorrect API key provided: {SECRET}"}}))
    result = _cli(["judge-batch", "submit", str(FIXTURE), "--state", str(tmp_path / "s.json"), "--base-url", BASE_URL,
                   "--model", "gpt-4o-mini"])
    assert result.exit_code == 2 and "judge-batch submit failed: HTTP 401" in result.stderr
    assert SECRET not in result.stderr + result.stdout and not (tmp_path / "s.json").exists()


def test_a_batch_result_that_leaves_out_ids_is_j901(tmp_path: Path) -> None:
    lines = _prepared(tmp_path)
    partial = []
    for line in lines:
        completion = _completion_for(line)
        body = json.loads(completion["choices"][0]["message"]["content"])
        body["sentences"] = body["sentences"][1:]
        completion["choices"][0]["message"]["content"] = json.dumps(body)
        partial.append({"custom_id": line["custom_id"], "response": {"status_code": 200, "body": completion}})
    results = tmp_path / "results.jsonl"
    results.write_text("\n".join(json.dumps(x) for x in partial) + "\n", encoding="utf-8")
    report, sources = audited()
    summary = collect_batch(report, sources, settings(tmp_path), results)
    assert summary.papers_judged == 0 and summary.failed == 3
    assert all("no re-ask in batch mode" in u.reason for u in summary.unjudged)
