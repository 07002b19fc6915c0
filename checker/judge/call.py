"""Judging one paper: json_schema with json_object fallback, validation, one repair, one re-ask for missing
ids, retries with backoff.

Every way this can go wrong ends in a JudgeFailure (reported as judge-failed, J901, and the paper unjudged) or
BudgetExhausted (paper listed as unjudged); nothing here raises anything else to the runner. A paper is judged
only when every claim id, key-fact id and hint id has a verdict: ids left out are asked for once more, alone;
still missing, the paper fails. So does a refusal, a content-filter stop, a reply cut at max_tokens (never
cached), a reply body over the size cap, and invalid JSON after one repair. Every text of the server that ends
up in a reason passes the key scrubber first.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import random
import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import httpx
import openai
from openai.types.chat import ChatCompletion
from pydantic import ValidationError

from checker.judge.budget import Budget
from checker.judge.client import ReplyTooLarge
from checker.judge.prompts import PromptSet
from checker.judge.request import JudgeRequest, messages
from checker.judge.schema import Judgment, response_format
from checker.judge.secrets import Scrubber
from checker.judge.settings import JudgeSettings
from checker.judge.tokens import TokenCounter

JSON_SCHEMA, JSON_OBJECT = "json_schema", "json_object"
_JSON_OBJECT_ONLY = ("deepseek", "dashscope", "aliyuncs")  # servers known to reject json_schema
MAX_RETRY_AFTER_S = 60.0
REPAIR_PROMPT = (
    "Your previous reply could not be used ({error}). Reply again with only the JSON object described "
    "above: every claim id, key fact id and hint id, no other text."
)
REASK_PROMPT = (
    "Your reply left out these ids: {ids}. Reply with the same JSON object holding verdicts for these ids "
    "only (the other lists empty), no other text."
)
SHOWN_MISSING = 6


class JudgeFailure(Exception):
    """The paper could not be judged; the message says why (never contains the key)."""


@dataclass
class ModeState:
    """Which response_format the server takes; switched once, for all papers, on the first 400/422."""

    mode: str

    @classmethod
    def for_server(cls, settings: JudgeSettings) -> ModeState:
        if settings.json_mode:
            return cls(settings.json_mode)
        where = f"{settings.base_url} {settings.model}".lower()
        return cls(JSON_OBJECT if any(name in where for name in _JSON_OBJECT_ONLY) else JSON_SCHEMA)


@dataclass
class CallStats:
    requests: int = 0
    input_tokens: int = 0  # as the server billed them (its usage), else our count
    output_tokens: int = 0
    cached_input_tokens: int = 0  # input the server says it read from its prompt cache
    answered_by: list[str] = field(default_factory=list)  # the model snapshot of each reply
    notes: list[str] = field(default_factory=list)


def retry_after_s(exc: Exception) -> float | None:
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    try:
        if headers.get("retry-after-ms"):
            return min(float(headers["retry-after-ms"]) / 1000.0, MAX_RETRY_AFTER_S)
        value = headers.get("retry-after")
        if not value:
            return None
        try:
            return min(max(float(value), 0.0), MAX_RETRY_AFTER_S)
        except ValueError:
            when = email.utils.parsedate_to_datetime(value)
            return min(max(when.timestamp() - time.time(), 0.0), MAX_RETRY_AFTER_S)
    except (TypeError, ValueError, OverflowError):
        return None


def _retryable(exc: Exception) -> bool:
    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError)):
        return True
    return isinstance(exc, openai.APIStatusError) and (exc.status_code in (408, 409, 429) or exc.status_code >= 500)


def _describe(exc: Exception, scrubber: Scrubber | None = None) -> str:
    """A short reason; for an HTTP error, the server's own message (scrubbed of the key) after the status."""
    if isinstance(exc, openai.APITimeoutError):
        return "timeout"
    if isinstance(exc, openai.APIConnectionError):
        return "connection error"
    if isinstance(exc, openai.APIStatusError):
        message = _error_message(exc)
        if message and scrubber is not None:
            return f"HTTP {exc.status_code}: {scrubber.scrub(message)[:160]}"
        return f"HTTP {exc.status_code}"
    return type(exc).__name__


def _error_message(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
        return " ".join(str(message or "").split())
    return " ".join(str(body or "").split())


def cached_tokens(usage: Any) -> int:
    """Prompt tokens served from the provider's cache: OpenAI's prompt_tokens_details.cached_tokens, DeepSeek's
    prompt_cache_hit_tokens; 0 when the server says nothing."""
    if usage is None:
        return 0
    details = getattr(usage, "prompt_tokens_details", None)
    value = getattr(details, "cached_tokens", None) if details is not None else None
    if value is None:
        extra = getattr(usage, "model_extra", None) or {}
        value = extra.get("prompt_cache_hit_tokens")
    try:
        return max(int(value or 0), 0)
    except (TypeError, ValueError):
        return 0


def missing_ids(request: JudgeRequest, judgment: Judgment) -> list[str]:
    answered = judgment.answered_ids()
    return [wanted for wanted in request.all_ids() if wanted not in answered]


def merge_judgments(first: Judgment, second: Judgment) -> Judgment:
    """The first reply's verdicts, plus the second's for ids the first left out."""
    have = first.answered_ids()
    return Judgment(sentences=first.sentences + [v for v in second.sentences if v.id.strip() not in have],
                    key_facts=first.key_facts + [v for v in second.key_facts if v.id.strip() not in have],
                    hints=first.hints + [v for v in second.hints if v.id.strip() not in have])


class PaperJudge:
    """Judges papers one request at a time; shared by all concurrent tasks of a run."""

    def __init__(self, client: openai.AsyncOpenAI, settings: JudgeSettings, prompts: PromptSet,
                 counter: TokenCounter, budget: Budget, mode: ModeState) -> None:
        self.client = client
        self.settings = settings
        self.prompts = prompts
        self.counter = counter
        self.budget = budget
        self.mode = mode
        self.scrubber = Scrubber(settings.api_key)
        self._count_fixed = lru_cache(maxsize=4)(counter.count)  # the system prompt, the same every time

    def count_messages(self, chat: list[dict[str, Any]]) -> int:
        return sum((self._count_fixed(m["content"]) if m["role"] == "system" else self.counter.count(str(m["content"])))
                   + 4 for m in chat) + 3

    async def judge(self, request: JudgeRequest, stats: CallStats) -> Judgment:
        mode = self.mode.mode
        chat = messages(request, self.prompts, json_object=mode == JSON_OBJECT)
        content, mode = await self._send(request, chat, mode, stats)
        chat = chat_for(request, self.prompts, mode)  # rebuilt when the server made us fall back to json_object
        try:
            judgment = parse_judgment(content, self.scrubber)
        except ValueError as exc:
            stats.notes.append(f"repair after invalid output ({exc})")
            chat = [*chat_for(request, self.prompts, mode), {"role": "assistant", "content": content or " "},
                    {"role": "user", "content": REPAIR_PROMPT.format(error=str(exc)[:200])}]
            content, mode = await self._send(request, chat, mode, stats)
            try:
                judgment = parse_judgment(content, self.scrubber)
            except ValueError as again:
                raise JudgeFailure(f"invalid output after one repair: {again}") from None
        missing = missing_ids(request, judgment)
        if not missing:
            return judgment
        # Re-ask once, for the missing ids only, in the same conversation.
        stats.notes.append(f"re-asked for {len(missing)} missing id(s)")
        reask = [*chat, {"role": "assistant", "content": content or " "},
                 {"role": "user", "content": REASK_PROMPT.format(ids=", ".join(missing))}]
        content, mode = await self._send(request, reask, mode, stats)
        try:
            judgment = merge_judgments(judgment, parse_judgment(content, self.scrubber))
        except ValueError as exc:
            raise JudgeFailure(f"invalid output when re-asked for missing ids: {exc}") from None
        still = missing_ids(request, judgment)
        if still:
            shown = ", ".join(still[:SHOWN_MISSING]) + (f" and {len(still) - SHOWN_MISSING} more"
                                                         if len(still) > SHOWN_MISSING else "")
            raise JudgeFailure(f"no verdict for {len(still)} of {len(request.all_ids())} ids after a re-ask ({shown})")
        return judgment

    async def _post(self, chat: list[dict[str, Any]], mode: str) -> ChatCompletion:
        # The SDK's generic post: same auth, errors and parsing as chat.completions.create, without re-walking
        # the nested schema and messages as TypedDicts (4 ms a request, measured). wait_for is the hard
        # deadline: httpx's timeouts are per read, and a server that trickles bytes never trips them.
        try:
            return await asyncio.wait_for(self.client.post("/chat/completions", cast_to=ChatCompletion, body={
                "model": self.settings.model,
                "messages": chat,
                "response_format": response_format(mode),
                "temperature": 0,
                "max_tokens": self.settings.max_output_tokens,
            }), timeout=self.settings.timeout_s)
        except asyncio.TimeoutError:
            raise openai.APITimeoutError(request=_PLACEHOLDER_REQUEST) from None

    async def _send(self, request: JudgeRequest, chat: list[dict[str, Any]], mode: str,
                    stats: CallStats) -> tuple[str, str]:
        """One completion, with retries; falls back to json_object on 400/422 to json_schema."""
        attempt = timeouts = 0
        while True:
            held = self.budget.reserve(self.count_messages(chat), self.settings.max_output_tokens)
            stats.requests += 1
            try:
                completion = await self._post(chat, mode)
            except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
                self.budget.settle(held, 0, 0)
                if mode == JSON_SCHEMA:
                    stats.notes.append(f"{_describe(exc)} on json_schema: fell back to json_object")
                    self.mode.mode = mode = JSON_OBJECT
                    chat = _to_json_object(request, chat, self.prompts)
                    continue
                raise JudgeFailure(f"request rejected ({_describe(exc, self.scrubber)})") from None
            except openai.APIError as exc:
                if isinstance(exc.__cause__, ReplyTooLarge):
                    # Billed, but by how much the server does not say: keep the worst case as spent.
                    self.budget.settle(held, held.input_tokens, held.output_tokens)
                    stats.input_tokens += held.input_tokens
                    stats.output_tokens += held.output_tokens
                    raise JudgeFailure(str(exc.__cause__)) from None
                timed_out = isinstance(exc, openai.APITimeoutError)
                # A timed-out request may still be billed: keep its reservation as spent.
                self.budget.settle(held, held.input_tokens if timed_out else 0,
                                   held.output_tokens if timed_out else 0)
                if timed_out:
                    stats.input_tokens += held.input_tokens
                    stats.output_tokens += held.output_tokens
                    timeouts += 1
                out_of_tries = attempt >= self.settings.retries or (
                    timed_out and timeouts > self.settings.timeout_retries)
                if not _retryable(exc) or out_of_tries:
                    tries = f" after {attempt + 1} attempts" if attempt else ""
                    raise JudgeFailure(f"{_describe(exc, self.scrubber)}{tries}") from None
                delay = retry_after_s(exc)
                if delay is None:
                    delay = min(self.settings.backoff_base_s * 2 ** attempt, self.settings.backoff_max_s)
                    delay *= 0.5 + random.random() / 2  # jitter, so parallel tasks do not retry in step
                attempt += 1
                await asyncio.sleep(delay)
                continue
            usage = completion.usage
            choice = completion.choices[0] if completion.choices else None
            content = (choice.message.content if choice else None) or ""
            # What the server bills is what counts, however far above the reservation it is.
            used_in = usage.prompt_tokens if usage else held.input_tokens
            used_out = usage.completion_tokens if usage else self.counter.count(content)
            self.budget.settle(held, used_in, used_out)
            stats.input_tokens += used_in
            stats.output_tokens += used_out
            stats.cached_input_tokens += cached_tokens(usage)
            if completion.model:
                stats.answered_by.append(self.scrubber.scrub(str(completion.model))[:80])
            if choice is None:
                return "", mode
            refusal = getattr(choice.message, "refusal", None)
            if refusal:
                raise JudgeFailure(f"the model refused: {self.scrubber.scrub(str(refusal))[:120]}")
            if choice.finish_reason == "content_filter":
                raise JudgeFailure("the reply was blocked by the provider's content filter")
            if choice.finish_reason == "length":
                raise JudgeFailure(f"reply cut at max_tokens ({self.settings.max_output_tokens}); not used, not cached")
            return content, mode


_PLACEHOLDER_REQUEST = httpx.Request("POST", "http://judge.invalid/chat/completions")


def chat_for(request: JudgeRequest, prompts: PromptSet, mode: str) -> list[dict[str, Any]]:
    return messages(request, prompts, json_object=mode == JSON_OBJECT)


def _to_json_object(request: JudgeRequest, chat: list[dict[str, Any]], prompts: PromptSet) -> list[dict[str, Any]]:
    """The same conversation, with the first two messages rebuilt for json_object (schema in the prompt)."""
    return [*messages(request, prompts, json_object=True), *chat[2:]]


def parse_judgment(content: str | None, scrubber: Scrubber | None = None) -> Judgment:
    """Validate a reply; ValueError with a short reason when it is blank, not JSON, or the wrong shape.

    With a scrubber, every string of the reply is cleaned of the key before the judgment exists."""
    text = (content or "").strip()
    if not text:
        raise ValueError("blank reply")
    if text.startswith("```"):  # some local models fence their JSON despite json mode
        text = text.strip("`")
        text = text[4:] if text.lower().startswith("json") else text
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc.msg} at char {exc.pos}") from None
    if scrubber is not None:
        data = scrubber.scrub_data(data)
    try:
        return Judgment.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValueError(f"wrong shape: {where}: {first['msg']}") from None
