"""Judging one paper: json_schema with json_object fallback, validation, one repair, retries with backoff.

Every way this can go wrong ends in a JudgeFailure (reported as judge-failed) or BudgetExhausted
(paper listed as unjudged); nothing here raises anything else to the runner.
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

import openai
from openai.types.chat import ChatCompletion
from pydantic import ValidationError

from checker.judge.budget import Budget
from checker.judge.prompts import PromptSet
from checker.judge.request import JudgeRequest, messages
from checker.judge.schema import Judgment, response_format
from checker.judge.settings import JudgeSettings
from checker.judge.tokens import TokenCounter

JSON_SCHEMA, JSON_OBJECT = "json_schema", "json_object"
_JSON_OBJECT_ONLY = ("deepseek", "dashscope", "aliyuncs")  # servers known to reject json_schema
MAX_RETRY_AFTER_S = 60.0
REPAIR_PROMPT = (
    "Your previous reply could not be used ({error}). Reply again with only the JSON object described "
    "above: every sentence id and key fact id, no other text."
)


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
    input_tokens: int = 0
    output_tokens: int = 0
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


def _describe(exc: Exception) -> str:
    if isinstance(exc, openai.APITimeoutError):
        return "timeout"
    if isinstance(exc, openai.APIConnectionError):
        return "connection error"
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}"
    return type(exc).__name__


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
        self._count_fixed = lru_cache(maxsize=4)(counter.count)  # the system prompt, the same every time

    def count_messages(self, chat: list[dict[str, Any]]) -> int:
        return sum((self._count_fixed(m["content"]) if m["role"] == "system" else self.counter.count(str(m["content"])))
                   + 4 for m in chat) + 3

    async def judge(self, request: JudgeRequest, stats: CallStats) -> Judgment:
        mode = self.mode.mode
        chat = messages(request, self.prompts, json_object=mode == JSON_OBJECT)
        content, mode = await self._send(request, chat, mode, stats)
        try:
            return parse_judgment(content)
        except ValueError as exc:
            stats.notes.append(f"repair after invalid output ({exc})")
            repair = [*chat_for(request, self.prompts, mode), {"role": "assistant", "content": content or " "},
                      {"role": "user", "content": REPAIR_PROMPT.format(error=str(exc)[:200])}]
            content, _ = await self._send(request, repair, mode, stats)
            try:
                return parse_judgment(content)
            except ValueError as again:
                raise JudgeFailure(f"invalid output after one repair: {again}") from None

    async def _send(self, request: JudgeRequest, chat: list[dict[str, Any]], mode: str,
                    stats: CallStats) -> tuple[str, str]:
        """One completion, with retries; falls back to json_object on 400/422 to json_schema."""
        attempt = 0
        while True:
            held = self.budget.reserve(self.count_messages(chat), self.settings.max_output_tokens)
            stats.requests += 1
            try:
                # The SDK's generic post: same auth, errors and parsing as chat.completions.create, without
                # re-walking the nested schema and messages as TypedDicts (4 ms a request, measured).
                completion = await self.client.post("/chat/completions", cast_to=ChatCompletion, body={
                    "model": self.settings.model,
                    "messages": chat,
                    "response_format": response_format(mode),
                    "temperature": 0,
                    "max_tokens": self.settings.max_output_tokens,
                })
            except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
                self.budget.settle(held, 0, 0)
                if mode == JSON_SCHEMA:
                    stats.notes.append(f"{_describe(exc)} on json_schema: fell back to json_object")
                    self.mode.mode = mode = JSON_OBJECT
                    chat = _to_json_object(request, chat, self.prompts)
                    continue
                raise JudgeFailure(f"request rejected ({_describe(exc)})") from None
            except openai.APIError as exc:
                timed_out = isinstance(exc, openai.APITimeoutError)
                # A timed-out request may still be billed: keep its reservation as spent.
                self.budget.settle(held, held.input_tokens if timed_out else 0,
                                   held.output_tokens if timed_out else 0)
                if not _retryable(exc) or attempt >= self.settings.retries:
                    tries = f" after {attempt + 1} attempts" if attempt else ""
                    raise JudgeFailure(f"{_describe(exc)}{tries}") from None
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
            used_in = usage.prompt_tokens if usage else held.input_tokens
            used_out = usage.completion_tokens if usage else self.counter.count(content)
            self.budget.settle(held, used_in, used_out)
            stats.input_tokens += used_in
            stats.output_tokens += used_out
            if choice is None:
                return "", mode
            refusal = getattr(choice.message, "refusal", None)
            if refusal:
                raise JudgeFailure(f"the model refused: {str(refusal)[:120]}")
            if choice.finish_reason == "content_filter":
                raise JudgeFailure("the reply was blocked by the provider's content filter")
            if choice.finish_reason == "length":
                stats.notes.append("reply cut at max_tokens")
            return content, mode


def chat_for(request: JudgeRequest, prompts: PromptSet, mode: str) -> list[dict[str, Any]]:
    return messages(request, prompts, json_object=mode == JSON_OBJECT)


def _to_json_object(request: JudgeRequest, chat: list[dict[str, Any]], prompts: PromptSet) -> list[dict[str, Any]]:
    """The same conversation, with the first two messages rebuilt for json_object (schema in the prompt)."""
    return [*messages(request, prompts, json_object=True), *chat[2:]]


def parse_judgment(content: str | None) -> Judgment:
    """Validate a reply; ValueError with a short reason when it is blank, not JSON, or the wrong shape."""
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
    try:
        return Judgment.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValueError(f"wrong shape: {where}: {first['msg']}") from None
