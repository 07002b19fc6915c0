"""A local OpenAI-compatible stub for the judge benchmark: POST /v1/chat/completions after a fixed latency.

Listens on 127.0.0.1 only. Bounded: it stops by itself after --max-requests, after --idle seconds without a
request, or after --deadline seconds in all. Replies with a valid judgment that marks every sentence id
and key-fact id of the request supported/covered, so the client does its full parse and verify work.

    python bench/judge_stub_server.py --latency 0.2 --port 0   # prints "listening on 127.0.0.1:PORT"
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import time

_SENTENCE = re.compile(r"^([a-z]+:\d+[a-z]?) ", re.M)
_FACT = re.compile(r"^(K\d+) ", re.M)
_HINT = re.compile(r"^(H\d+) ", re.M)


def reply_for(body: dict) -> dict:
    user = body["messages"][1]["content"] if len(body.get("messages", [])) > 1 else ""
    judgment = {
        "sentences": [{"id": sid, "evidence": None, "reason": "stub", "label": "supported", "kind": "none"}
                      for sid in _SENTENCE.findall(user)],
        "key_facts": [{"id": fid, "sentence": None, "covered": True} for fid in _FACT.findall(user)],
        "hints": [{"id": hid, "evidence": None, "reason": "stub", "verdict": "confirmed"} for hid in _HINT.findall(user)],
    }
    content = json.dumps(judgment)
    prompt_chars = sum(len(str(m.get("content", ""))) for m in body.get("messages", []))
    return {"id": "chatcmpl-stub", "object": "chat.completion", "created": int(time.time()),
            "model": body.get("model", "stub"),
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": prompt_chars // 3, "completion_tokens": len(content) // 4,
                      "total_tokens": prompt_chars // 3 + len(content) // 4}}


class Stub:
    def __init__(self, latency: float, max_requests: int, idle: float, deadline: float) -> None:
        self.latency = latency
        self.max_requests = max_requests
        self.idle = idle
        self.deadline = time.monotonic() + deadline
        self.served = 0
        self.last = time.monotonic()
        self.done = asyncio.Event()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while not self.done.is_set():
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
                length = int(headers.get("content-length", "0"))
                if length > 4_000_000:
                    break
                raw = await reader.readexactly(length) if length else b""
                self.last = time.monotonic()
                await asyncio.sleep(self.latency)
                try:
                    payload = json.dumps(reply_for(json.loads(raw))).encode()
                    status = "200 OK"
                except (ValueError, KeyError, TypeError):
                    payload, status = b'{"error": {"message": "bad request"}}', "400 Bad Request"
                writer.write(f"HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: "
                             f"{len(payload)}\r\nconnection: keep-alive\r\n\r\n".encode() + payload)
                await writer.drain()
                self.served += 1
                if self.served >= self.max_requests:
                    self.done.set()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    async def watchdog(self) -> None:
        while not self.done.is_set():
            now = time.monotonic()
            if now - self.last > self.idle or now > self.deadline:
                self.done.set()
            await asyncio.sleep(0.2)


async def serve(port: int, latency: float, max_requests: int, idle: float, deadline: float) -> None:
    stub = Stub(latency, max_requests, idle, deadline)
    server = await asyncio.start_server(stub.handle, "127.0.0.1", port, limit=8_000_000)
    bound = server.sockets[0].getsockname()[1]
    print(f"listening on 127.0.0.1:{bound}", flush=True)
    watchdog = asyncio.create_task(stub.watchdog())
    await stub.done.wait()
    watchdog.cancel()
    server.close()
    print(f"served {stub.served} requests", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.2, help="seconds before each reply")
    parser.add_argument("--max-requests", type=int, default=5000)
    parser.add_argument("--idle", type=float, default=30.0, help="stop after this long without a request")
    parser.add_argument("--deadline", type=float, default=600.0, help="stop after this long in all")
    args = parser.parse_args()
    asyncio.run(serve(args.port, args.latency, args.max_requests, args.idle, args.deadline))
    sys.exit(0)


if __name__ == "__main__":
    main()
