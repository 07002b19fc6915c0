"""`digest-check paper ID --llm`: the judge on one spot-checked paper (respx, no network, no key)."""

from __future__ import annotations

import json
from pathlib import Path

import respx
from judge_helpers import BASE_URL, ENDPOINT, FIXTURE, REAL_QUOTE, SECRET, ok, request_json
from typer.testing import CliRunner

from checker.cli.app import app


def _runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # click >= 8.2 keeps stderr apart by default
        return CliRunner()


@respx.mock
def test_paper_llm_judges_only_that_paper(tmp_path: Path) -> None:
    contradict = {"result:1": {"label": "contradicted", "error_type": "entity", "reason": "r", "evidence": REAL_QUOTE}}
    route = respx.post(ENDPOINT).mock(side_effect=lambda r: ok(r, overrides=contradict))
    result = _runner().invoke(app, ["paper", "2512.20638", str(FIXTURE), "--llm", "--base-url", BASE_URL,
                                    "--model", "gpt-4o-mini", "--cache-dir", str(tmp_path), "-f", "json"],
                              env={"OPENAI_API_KEY": SECRET, "MODEL_NAME": "gpt-4o-mini"})
    assert result.exit_code in (0, 1), result.stderr
    assert route.call_count == 1
    user_message = request_json(route.calls[0].request)["messages"][1]["content"]
    assert "sparse autoencoders (SAEs)" in user_message  # this paper's abstract, not another's
    findings = json.loads(result.stdout)["findings"]
    judged = [f for f in findings if f["rule"] == "J101"]
    assert len(judged) == 1 and judged[0]["block"] == "result" and "llm" in judged[0]["source"]
    assert SECRET not in result.stdout + result.stderr


def test_paper_llm_without_key_exits_2() -> None:
    result = _runner().invoke(app, ["paper", "2512.20638", str(FIXTURE), "--llm"], env={"OPENAI_API_KEY": ""})
    assert result.exit_code == 2
