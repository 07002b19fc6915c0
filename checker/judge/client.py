"""The one place an OpenAI client is built (tests inject an httpx client that respx intercepts).

openai is pinned below 3 (pyproject): 3.x sends through httpx2, which respx cannot see. Injecting an
``httpx.AsyncClient`` here keeps the tests on the real openai client either way. The SDK's own retries
are off: call.py retries itself so it can honour Retry-After and count every attempt against the budget.
"""

from __future__ import annotations

from typing import Any

import httpx
from openai import AsyncOpenAI

from checker.judge.settings import JudgeSettings


def make_client(settings: JudgeSettings, http_client: httpx.AsyncClient | None = None) -> AsyncOpenAI:
    limits = httpx.Limits(max_connections=max(settings.concurrency, 1) * 2,
                          max_keepalive_connections=max(settings.concurrency, 1))
    client: Any = http_client or httpx.AsyncClient(limits=limits, timeout=settings.timeout_s)
    return AsyncOpenAI(
        api_key=settings.api_key or "unused",
        base_url=settings.base_url,
        http_client=client,
        max_retries=0,
        timeout=settings.timeout_s,
    )
