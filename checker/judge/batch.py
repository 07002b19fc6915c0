"""Judging past one machine: OpenAI Batch API JSONL out (``vllm run-batch`` reads it too), results back in.

``prepare`` writes one line per selected paper; its custom_id is "<arxiv id>#<input hash>", so results
join back in any order and a result for a paper whose text has changed since is not applied. ``collect``
accepts both result forms: the Batch API's ``{"response": {"status_code", "body"}}`` and vLLM's older
bare ``{"response": <completion>}``. Valid judgments also go into the cache, so a later ``audit --llm``
reuses them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.judge.call import JSON_OBJECT, ModeState, parse_judgment
from checker.judge.prompts import load_prompts
from checker.judge.request import JudgeRequest, messages
from checker.judge.runner import (
    JudgeItem,
    JudgeSummary,
    Unjudged,
    apply_judgment,
    close_cache,
    fail_item,
    judge_key,
    new_summary,
    open_cache,
    prepare_items,
)
from checker.judge.schema import response_format
from checker.judge.settings import JudgeSettings
from checker.model import AuditReport, summarize
from checker.read.source import DigestSource

ENDPOINT = "/v1/chat/completions"


def custom_id(request: JudgeRequest) -> str:
    return f"{request.arxiv_id}#{request.input_hash[:16]}"


def batch_lines(items: Iterable[JudgeItem], settings: JudgeSettings, mode: str) -> Iterator[dict[str, Any]]:
    prompts = load_prompts()
    seen: set[str] = set()
    for item in items:
        assert item.request is not None
        cid = custom_id(item.request)
        if cid in seen:  # the same paper in two digests: one request serves both
            continue
        seen.add(cid)
        yield {
            "custom_id": cid,
            "method": "POST",
            "url": ENDPOINT,
            "body": {
                "model": settings.model,
                "messages": messages(item.request, prompts, json_object=mode == JSON_OBJECT),
                "response_format": response_format(mode),
                "temperature": 0,
                "max_tokens": settings.max_output_tokens,
            },
        }


def prepare_batch(report: AuditReport, sources: Iterable[DigestSource], settings: JudgeSettings,
                  output: Path) -> JudgeSummary:
    mode = ModeState.for_server(settings)
    summary = new_summary(settings, load_prompts(), mode)
    items = prepare_items(report, sources, settings, summary)
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8") as handle:
        for line in batch_lines(items, settings, mode.mode):
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
            summary.requests += 1
    return summary


@dataclass
class BatchResult:
    content: str | None
    error: str | None
    input_tokens: int = 0
    output_tokens: int = 0


def _completion(entry: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """(completion body, error) from one result line, wrapped or bare."""
    if entry.get("error"):
        error = entry["error"]
        return None, str(error.get("message") if isinstance(error, dict) else error)[:200]
    response = entry.get("response")
    if not isinstance(response, dict):
        return None, "no response"
    if "choices" in response:  # vLLM's older bare form
        return response, None
    status = response.get("status_code", 200)
    body = response.get("body")
    if status != 200 or not isinstance(body, dict):
        message = body.get("error", {}).get("message") if isinstance(body, dict) and isinstance(
            body.get("error"), dict) else None
        return None, f"HTTP {status}" + (f": {str(message)[:160]}" if message else "")
    return body, None


def read_results(path: Path) -> tuple[dict[str, BatchResult], int]:
    """Results by custom_id, and how many lines could not be read."""
    results: dict[str, BatchResult] = {}
    unreadable = 0
    with path.open(encoding="utf-8", errors="replace") as handle:
        for raw in handle:
            if not raw.strip():
                continue
            try:
                entry = json.loads(raw)
                cid = str(entry["custom_id"])
            except (json.JSONDecodeError, KeyError, TypeError):
                unreadable += 1
                continue
            body, error = _completion(entry)
            if body is None:
                results[cid] = BatchResult(None, error)
                continue
            try:
                choice = body["choices"][0]
                message = choice["message"]
                if message.get("refusal"):
                    results[cid] = BatchResult(None, f"the model refused: {str(message['refusal'])[:120]}")
                    continue
                usage = body.get("usage") or {}
                results[cid] = BatchResult(message.get("content"), None, int(usage.get("prompt_tokens", 0)),
                                           int(usage.get("completion_tokens", 0)))
            except (KeyError, IndexError, TypeError, AttributeError, ValueError):
                results[cid] = BatchResult(None, "completion without a message")
    return results, unreadable


def collect_batch(report: AuditReport, sources: Iterable[DigestSource], settings: JudgeSettings,
                  results_path: Path) -> JudgeSummary:
    """Merge batch results into an audited report, as ``apply_judge`` would have."""
    prompts = load_prompts()
    mode = ModeState.for_server(settings)
    summary = new_summary(settings, prompts, mode)
    items = prepare_items(report, sources, settings, summary)
    results, unreadable = read_results(results_path)
    used: set[str] = set()
    cache = open_cache(settings, summary)
    try:
        for item in items:
            assert item.request is not None
            cid = custom_id(item.request)
            result = results.get(cid)
            if result is None:
                summary.unjudged.append(Unjudged(path=item.path, arxiv_id=item.request.arxiv_id,
                                                 reason="no result for it in the batch output"))
                continue
            if cid not in used:
                summary.requests += 1
                summary.input_tokens += result.input_tokens
                summary.output_tokens += result.output_tokens
            used.add(cid)
            if result.error is not None:
                fail_item(item, summary, result.error)
                continue
            try:
                judgment = parse_judgment(result.content)
            except ValueError as exc:
                fail_item(item, summary, f"invalid output (no repair in batch mode): {exc}")
                continue
            if cache is not None:
                cache.put(judge_key(settings, prompts, item.request), settings.model, settings.server,
                          prompts.hash, item.request.input_hash, judgment.model_dump_json())
            apply_judgment(item, judgment, summary)
    finally:
        if cache is not None:
            close_cache(cache, summary)
    stale = len(set(results) - used) + unreadable
    if stale:
        summary.unjudged.append(Unjudged(path=str(results_path), arxiv_id="-",
                                         reason=f"{stale} result line(s) matched no paper (stale or unreadable)"))
    summary.unjudged.sort(key=lambda u: (u.path, u.arxiv_id))
    report.judge = summary.model_dump(mode="json")
    report.summary = summarize(report)
    return summary
