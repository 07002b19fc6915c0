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


def sentence_ids(request: httpx.Request) -> list[str]:
    user = request_json(request)["messages"][1]["content"]
    return re.findall(r"^([a-z]+:\d+) ", user, flags=re.M)


def fact_ids(request: httpx.Request) -> list[str]:
    user = request_json(request)["messages"][1]["content"]
    return re.findall(r"^(K\d+) ", user, flags=re.M)


def judgment(request: httpx.Request, overrides: dict[str, dict[str, Any]] | None = None,
             extra: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Every sentence supported and every key fact covered, except what ``overrides`` changes."""
    sentences = []
    for sid in sentence_ids(request):
        verdict = {"id": sid, "label": "supported", "error_type": "no_error", "reason": "ok", "evidence": None}
        verdict.update((overrides or {}).get(sid, {}))
        sentences.append(verdict)
    sentences += extra or []
    facts = [{"id": fid, "covered": True, "sentence": "tldr:1"} for fid in fact_ids(request)]
    return {"sentences": sentences, "key_facts": facts}


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
