"""Shared helpers for the judge tests: a fixture digest, audited; settings; a fake judge reply."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx

from checker.engine.audit import AuditOptions, audit
from checker.judge.settings import JudgeSettings, PaperSelection
from checker.model import AuditReport
from checker.read import discover_sources
from checker.read.source import DigestSource
from checker.rules.registry import all_rules

FIXTURE = Path(__file__).parent / "fixtures" / "judge" / "three-papers.md"
BASE_URL = "http://judge.test/v1"
ENDPOINT = BASE_URL + "/chat/completions"
SECRET = "sk-test-DO-NOT-LEAK-4f9a1c"
# A real phrase of the first paper's abstract, and one that is in none of them.
REAL_QUOTE = "we applied the method to two popular open-source models and ten benchmarks"
FAKE_QUOTE = "we applied the method to seven closed models"


def audited(path: Path = FIXTURE) -> tuple[AuditReport, list[DigestSource]]:
    discovery = discover_sources([str(path)], default_language="zh")
    report = audit(discovery.sources, AuditOptions(rules=all_rules()))
    return report, list(discovery.sources)


def settings(tmp_path: Path, **overrides: Any) -> JudgeSettings:
    values: dict[str, Any] = dict(model="gpt-4o-mini", base_url=BASE_URL, api_key=SECRET, cache_dir=tmp_path / "cache",
                                  retries=0, backoff_base_s=0.0, progress=False, concurrency=4,
                                  selection=PaperSelection("all"))
    values.update(overrides)
    return JudgeSettings(**values)


def request_json(request: httpx.Request) -> dict[str, Any]:
    return json.loads(request.content)


def user_text(request: httpx.Request) -> str:
    return str(request_json(request)["messages"][1]["content"])


def sentence_ids(request: httpx.Request) -> list[str]:
    return re.findall(r"^([a-z]+:\d+[a-z]?) ", user_text(request), flags=re.M)


def fact_ids(request: httpx.Request) -> list[str]:
    return re.findall(r"^(K\d+) ", user_text(request), flags=re.M)


def hint_ids(request: httpx.Request) -> list[str]:
    return re.findall(r"^(H\d+) ", user_text(request), flags=re.M)


def abstract_of(request: httpx.Request) -> str:
    """The abstract as the request sends it (between the first pair of fences)."""
    return user_text(request).split("<<<", 1)[1].split(">>>", 1)[0].strip()


def judgment(request: httpx.Request, overrides: dict[str, dict[str, Any]] | None = None,
             extra: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Every claim supported, every key fact covered and every hint confirmed (quoting the abstract's first
    words), except what ``overrides`` changes. An override for "result:1" also applies to "result:1a", the
    first claim of a long sentence."""
    sentences = []
    for sid in sentence_ids(request):
        verdict = {"id": sid, "evidence": None, "reason": "ok", "label": "supported", "kind": "none"}
        for key, change in (overrides or {}).items():
            if sid in (key, key + "a"):
                verdict.update(change)
        sentences.append(verdict)
    sentences += extra or []
    first = sentence_ids(request)[0]
    facts = [{"id": fid, "sentence": first, "covered": True} for fid in fact_ids(request)]
    opening = " ".join(abstract_of(request).split()[:8])
    hints = [{"id": hid, "evidence": opening, "reason": "the abstract says so", "verdict": "confirmed"}
             for hid in hint_ids(request)]
    return {"sentences": sentences, "key_facts": facts, "hints": hints}


def completion(content: str | None, refusal: str | None = None, finish: str = "stop") -> dict[str, Any]:
    return {
        "id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": "gpt-4o-mini",
        "choices": [{"index": 0, "finish_reason": finish,
                     "message": {"role": "assistant", "content": content, "refusal": refusal}}],
        "usage": {"prompt_tokens": 900, "completion_tokens": 200, "total_tokens": 1100},
    }


def ok(request: httpx.Request, **kwargs: Any) -> httpx.Response:
    return httpx.Response(200, json=completion(json.dumps(judgment(request, **kwargs))))


NO_RETRY = {"x-should-retry": "false"}
