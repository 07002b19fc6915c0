"""Judging past one machine: OpenAI Batch API JSONL out (``vllm run-batch`` reads it too), results back in.

``prepare`` writes one line per selected paper; its custom_id is "<arxiv id>#<input hash>", so results
join back in any order and a result for a paper whose text has changed since is not applied. ``collect``
accepts both result forms: the Batch API's ``{"response": {"status_code", "body"}}`` and vLLM's older
bare ``{"response": <completion>}``. Valid, complete judgments also go into the cache, so a later
``audit --llm`` reuses them. A batch cannot re-ask: a result that leaves out ids, was cut at max_tokens or
refused is J901 and the paper unjudged.

``submit``, ``status`` and ``download`` drive the Batch API through the openai SDK (files.create with
purpose "batch", batches.create, batches.retrieve, files.content), so a year of digests is judged at batch
price without a process held open. Inputs past the API's limits (50,000 requests, 200 MB a file) are split
into several batches; a small JSON state file (ids, model, server without credentials; never the key) ties
the three steps together.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openai import OpenAI
from pydantic import BaseModel, Field

from checker.judge.call import JSON_OBJECT, ModeState, missing_ids, parse_judgment
from checker.judge.pricing import load_price_table, price_for
from checker.judge.prompts import load_prompts
from checker.judge.request import FORMAT_VERSION, JudgeRequest, messages
from checker.judge.runner import (
    JudgeItem,
    JudgeSummary,
    Unjudged,
    apply_judgment,
    close_cache,
    count_answer,
    fail_item,
    finish,
    judge_key,
    new_summary,
    open_cache,
    prepare_items,
)
from checker.judge.schema import response_format
from checker.judge.secrets import Scrubber
from checker.judge.settings import JudgeSettings
from checker.model import AuditReport
from checker.read.source import DigestSource

ENDPOINT = "/v1/chat/completions"
MAX_BATCH_REQUESTS = 50_000  # the Batch API's limits per batch
MAX_BATCH_BYTES = 190 * 1024 * 1024  # of 200 MB, with room to spare
BATCH_DISCOUNT = 0.5  # the Batch API bills half the list price
STATE_VERSION = 1


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
    model: str = ""


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


def read_results(path: Path, scrubber: Scrubber | None = None) -> tuple[dict[str, BatchResult], int]:
    """Results by custom_id, and how many lines could not be read. Error texts come from the server: with a
    scrubber they are cleaned of the key."""
    clean = scrubber or Scrubber(None)
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
                results[cid] = BatchResult(None, clean.scrub(error or "no response"))
                continue
            try:
                choice = body["choices"][0]
                message = choice["message"]
                usage = body.get("usage") or {}
                used = (int(usage.get("prompt_tokens", 0)), int(usage.get("completion_tokens", 0)))
                model = clean.scrub(str(body.get("model") or ""))[:80]
                if message.get("refusal"):
                    results[cid] = BatchResult(None, f"the model refused: {clean.scrub(str(message['refusal']))[:120]}",
                                               *used, model)
                elif choice.get("finish_reason") == "length":
                    results[cid] = BatchResult(None, "reply cut at max_tokens; not used, not cached", *used, model)
                elif choice.get("finish_reason") == "content_filter":
                    results[cid] = BatchResult(None, "the reply was blocked by the provider's content filter",
                                               *used, model)
                else:
                    results[cid] = BatchResult(message.get("content"), None, *used, model)
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
    scrubber = Scrubber(settings.api_key)
    results, unreadable = read_results(results_path, scrubber)
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
                count_answer(summary, [result.model])
            used.add(cid)
            if result.error is not None:
                fail_item(item, summary, result.error)
                continue
            try:
                judgment = parse_judgment(result.content, scrubber)
            except ValueError as exc:
                fail_item(item, summary, f"invalid output (no repair in batch mode): {exc}")
                continue
            missing = missing_ids(item.request, judgment)
            if missing:
                fail_item(item, summary, f"no verdict for {len(missing)} of {len(item.request.all_ids())} ids "
                                         "(no re-ask in batch mode)")
                continue
            if cache is not None:
                cache.put(judge_key(settings, prompts, item.request), settings.model, settings.server,
                          prompts.hash, item.request.input_hash, judgment.model_dump_json(), result.model)
            apply_judgment(item, judgment, summary)
    finally:
        if cache is not None:
            close_cache(cache, summary)
    stale = len(set(results) - used) + unreadable
    if stale:
        summary.unjudged.append(Unjudged(path=str(results_path), arxiv_id="-",
                                         reason=f"{stale} result line(s) matched no paper (stale or unreadable)"))
    price = price_for(settings.model, load_price_table(settings.prices_file))
    summary.priced = price.known
    summary.cost_usd = price.cost(summary.input_tokens, summary.output_tokens) * BATCH_DISCOUNT
    if price.known:
        summary.notes.append("cost at the Batch API's price, half the list price")
    finish(report, summary, settings)
    return summary


# --- The Batch API: submit, status, download --------------------------------------------------------------------

class SubmittedBatch(BaseModel):
    id: str
    input_file_id: str
    requests: int


class BatchState(BaseModel):
    """What ``submit`` leaves for ``status`` and ``collect``: no key, no text of the papers."""

    version: int = STATE_VERSION
    model: str
    server: str
    selection: str
    format_version: str = FORMAT_VERSION
    created: float = Field(default_factory=time.time)
    batches: list[SubmittedBatch] = Field(default_factory=list)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.model_dump_json(indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> BatchState:
        return cls.model_validate_json(path.read_text(encoding="utf-8"))


def split_lines(lines: Iterable[str], max_requests: int = MAX_BATCH_REQUESTS,
                max_bytes: int = MAX_BATCH_BYTES) -> list[list[str]]:
    """JSONL lines in chunks that each fit one batch."""
    chunks: list[list[str]] = [[]]
    size = 0
    for line in lines:
        length = len(line.encode("utf-8")) + 1
        if chunks[-1] and (len(chunks[-1]) >= max_requests or size + length > max_bytes):
            chunks.append([])
            size = 0
        chunks[-1].append(line)
        size += length
    return [chunk for chunk in chunks if chunk]


def submit_batch(report: AuditReport, sources: Iterable[DigestSource], settings: JudgeSettings, client: OpenAI,
                 completion_window: str = "24h", max_requests: int = MAX_BATCH_REQUESTS,
                 max_bytes: int = MAX_BATCH_BYTES) -> tuple[JudgeSummary, BatchState]:
    """Upload the requests of the selected papers and create one batch per chunk."""
    mode = ModeState.for_server(settings)
    summary = new_summary(settings, load_prompts(), mode)
    items = prepare_items(report, sources, settings, summary)
    lines = [json.dumps(line, ensure_ascii=False) for line in batch_lines(items, settings, mode.mode)]
    state = BatchState(model=settings.model, server=settings.server, selection=summary.selection)
    for number, chunk in enumerate(split_lines(lines, max_requests, max_bytes), start=1):
        payload = ("\n".join(chunk) + "\n").encode("utf-8")
        uploaded = client.files.create(file=(f"digest-check-judge-{number}.jsonl", payload), purpose="batch")
        batch = client.batches.create(input_file_id=uploaded.id, endpoint=ENDPOINT,  # type: ignore[arg-type]
                                      completion_window=completion_window,  # type: ignore[arg-type]
                                      metadata={"tool": "digest-check", "part": str(number)})
        state.batches.append(SubmittedBatch(id=batch.id, input_file_id=uploaded.id, requests=len(chunk)))
        summary.requests += len(chunk)
    return summary, state


@dataclass
class BatchProgress:
    id: str
    status: str
    completed: int
    failed: int
    total: int
    output_file_id: str | None
    error_file_id: str | None

    @property
    def finished(self) -> bool:
        return self.status in ("completed", "failed", "expired", "cancelled")


def batch_status(state: BatchState, client: OpenAI) -> list[BatchProgress]:
    found = []
    for submitted in state.batches:
        batch = client.batches.retrieve(submitted.id)
        counts = batch.request_counts
        found.append(BatchProgress(batch.id, batch.status, counts.completed if counts else 0,
                                   counts.failed if counts else 0, counts.total if counts else submitted.requests,
                                   batch.output_file_id, batch.error_file_id))
    return found


class BatchNotReady(Exception):
    """A batch of the state has not finished: nothing to collect yet."""


def download_results(state: BatchState, client: OpenAI, output: Path) -> list[BatchProgress]:
    """The output and error files of every batch, one after the other, into ``output`` (JSONL)."""
    progress = batch_status(state, client)
    waiting = [p for p in progress if not p.finished]
    if waiting:
        raise BatchNotReady(", ".join(f"{p.id} is {p.status} ({p.completed}/{p.total})" for p in waiting))
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as handle:
        for item in progress:
            for file_id in (item.output_file_id, item.error_file_id):
                if not file_id:
                    continue
                with client.files.with_streaming_response.content(file_id) as response:
                    for chunk in response.iter_bytes():
                        handle.write(chunk)
                handle.write(b"\n")
    return progress
