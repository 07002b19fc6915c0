"""The one place an OpenAI client is built (tests inject an httpx client that respx intercepts).

openai is pinned below 3 (pyproject): 3.x sends through httpx2, which respx cannot see. Injecting an
``httpx.AsyncClient`` here keeps the tests on the real openai client either way. The SDK's own retries
are off: call.py retries itself so it can honour Retry-After and count every attempt against the budget.

Reply bodies are capped (``max_reply_bytes``): the transport stops reading a body past the cap and raises
``ReplyTooLarge``, so a server that streams megabytes of output costs no memory and no cache space.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
from openai import AsyncOpenAI, OpenAI

from checker.judge.settings import JudgeSettings


class ReplyTooLarge(Exception):
    """A reply body over the cap; the SDK wraps it in APIConnectionError (found through ``__cause__``)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"reply body over {limit} bytes")
        self.limit = limit


class _CappedStream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream, limit: int) -> None:
        self._inner = inner
        self._limit = limit

    async def __aiter__(self) -> AsyncIterator[bytes]:
        seen = 0
        async for chunk in self._inner:
            seen += len(chunk)
            if seen > self._limit:
                raise ReplyTooLarge(self._limit)
            yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()


class _CappedSyncStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream, limit: int) -> None:
        self._inner = inner
        self._limit = limit

    def __iter__(self) -> Iterator[bytes]:
        seen = 0
        for chunk in self._inner:
            seen += len(chunk)
            if seen > self._limit:
                raise ReplyTooLarge(self._limit)
            yield chunk

    def close(self) -> None:
        self._inner.close()


class CappedTransport(httpx.AsyncBaseTransport):
    """Wraps a transport so that no response body is read past ``limit`` bytes."""

    def __init__(self, inner: httpx.AsyncBaseTransport, limit: int) -> None:
        self._inner = inner
        self._limit = limit

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        length = response.headers.get("content-length")
        if length and length.isdigit() and int(length) > self._limit:
            await response.aclose()
            raise ReplyTooLarge(self._limit)
        assert isinstance(response.stream, httpx.AsyncByteStream)
        return httpx.Response(response.status_code, headers=response.headers,
                              stream=_CappedStream(response.stream, self._limit), extensions=response.extensions)

    async def aclose(self) -> None:
        await self._inner.aclose()


class CappedSyncTransport(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport, limit: int) -> None:
        self._inner = inner
        self._limit = limit

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        length = response.headers.get("content-length")
        if length and length.isdigit() and int(length) > self._limit:
            response.close()
            raise ReplyTooLarge(self._limit)
        assert isinstance(response.stream, httpx.SyncByteStream)
        return httpx.Response(response.status_code, headers=response.headers,
                              stream=_CappedSyncStream(response.stream, self._limit), extensions=response.extensions)

    def close(self) -> None:
        self._inner.close()


def make_client(settings: JudgeSettings, http_client: httpx.AsyncClient | None = None) -> AsyncOpenAI:
    limits = httpx.Limits(max_connections=max(settings.concurrency, 1) * 2,
                          max_keepalive_connections=max(settings.concurrency, 1))
    client: Any = http_client or httpx.AsyncClient(
        transport=CappedTransport(httpx.AsyncHTTPTransport(limits=limits), settings.max_reply_bytes),
        timeout=settings.timeout_s)
    return AsyncOpenAI(
        api_key=settings.api_key or "unused",
        base_url=settings.base_url,
        http_client=client,
        max_retries=0,
        timeout=settings.timeout_s,
    )


def make_sync_client(settings: JudgeSettings, http_client: httpx.Client | None = None,
                     max_body_bytes: int | None = None) -> OpenAI:
    """A blocking client for the Batch API commands (upload, create, retrieve, download).

    Downloads of batch output are big by nature: ``max_body_bytes`` caps them separately (default 2 GiB)."""
    limit = max_body_bytes if max_body_bytes is not None else 2 * 1024 ** 3
    client: Any = http_client or httpx.Client(transport=CappedSyncTransport(httpx.HTTPTransport(), limit),
                                              timeout=settings.timeout_s)
    return OpenAI(api_key=settings.api_key or "unused", base_url=settings.base_url, http_client=client,
                  max_retries=2, timeout=settings.timeout_s)
