"""The drop-ins: run the composite action's commands and the documented workflow step locally."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "ci" / "2026-05-21_AI_enhanced_Chinese.jsonl"
TOOL_BIN = Path(sys.executable).parent
pytestmark = pytest.mark.skipif(
    not (TOOL_BIN / "digest-check").exists() or shutil.which("bash") is None,
    reason="needs bash and the installed digest-check script next to the test interpreter")


def _steps(action_text: str) -> dict[str, dict[str, object]]:
    """id -> {"env": {...}, "run": str, "shell": str} for the action's steps (its YAML is kept simple)."""
    steps: dict[str, dict[str, object]] = {}
    for chunk in re.split(r"\n    - name: ", "\n" + action_text.split("\n  steps:\n", 1)[1])[1:]:
        step_id = re.search(r"^      id: (\S+)$", chunk, re.M).group(1)  # type: ignore[union-attr]
        env_block = re.search(r"^      env:\n((?:        .*\n)+)", chunk, re.M)
        env = dict(re.findall(r"^        ([A-Z_]+): (.*)$", env_block.group(1), re.M)) if env_block else {}
        run = re.search(r"^      run: \|\n((?:        .*\n|\n)+)", chunk + "\n", re.M)
        shell = re.search(r"^      shell: (\S+)$", chunk, re.M)
        steps[step_id] = {"env": env, "run": re.sub(r"^        ", "", run.group(1), flags=re.M) if run else "",
                          "shell": shell.group(1) if shell else None}
    return steps


def _resolve(value: str, inputs: dict[str, str]) -> str:
    def expression(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        if name.startswith("inputs."):
            return inputs.get(name[len("inputs."):], "")
        return {"github.action_path": str(ROOT), "steps.install.outputs.bin": str(TOOL_BIN)}[name]

    return re.sub(r"\$\{\{([^}]*)\}\}", expression, value)


def _defaults(action_text: str) -> dict[str, str]:
    inputs = action_text.split("\ninputs:\n", 1)[1].split("\noutputs:\n", 1)[0]
    defaults = {}
    for name, body in re.findall(r"^  ([a-z-]+):\n((?:    .*\n)+)", inputs, re.M):
        default = re.search(r"^    default: (.*)$", body, re.M)
        defaults[name] = json.loads(default.group(1)) if default and default.group(1).startswith('"') else (
            default.group(1) if default else "")
    return defaults


def _run_check_step(tmp_path: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    step = _steps(text)["check"]
    values = _defaults(text) | inputs
    summary, outputs = tmp_path / "summary.md", tmp_path / "outputs.txt"
    env = {key: _resolve(str(value), values) for key, value in dict(step["env"]).items()}  # type: ignore[arg-type]
    env |= {"PATH": "/usr/bin:/bin", "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary),
            "GITHUB_OUTPUT": str(outputs), "GITHUB_WORKSPACE": str(tmp_path), "HOME": str(tmp_path)}
    result = subprocess.run(["bash", "-e", "-c", str(step["run"])], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=60, check=False)
    return result, summary, outputs


def test_action_is_composite_with_shells_and_env_only_inputs() -> None:
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert "\n  using: composite\n" in text
    steps = _steps(text)
    assert set(steps) == {"install", "check"}
    for step in steps.values():
        assert step["shell"] == "bash"
        assert "${{" not in str(step["run"])  # inputs reach scripts as env vars only (no injection)
        syntax = subprocess.run(["bash", "-n", "-c", str(step["run"])], capture_output=True, text=True, check=False)
        assert syntax.returncode == 0, syntax.stderr
    assert "value: ${{ steps.check.outputs.exit-code }}" in text


def test_action_check_step_annotates_and_writes_reports(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURE, data / FIXTURE.name)
    result, summary, outputs = _run_check_step(tmp_path, paths="data/*_AI_enhanced_Chinese.jsonl",
                                               sarif="out/digest-check.sarif", junit="out/junit.xml",
                                               args="--select F103")
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 5
    assert errors[0].startswith("::error file=data/2026-05-21_AI_enhanced_Chinese.jsonl,line=1,title=F103 ")
    assert "exit-code=1" in outputs.read_text(encoding="utf-8")
    assert "| 🔴 error |" in summary.read_text(encoding="utf-8")
    sarif = json.loads((tmp_path / "out" / "digest-check.sarif").read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == 5
    assert ET.parse(tmp_path / "out" / "junit.xml").getroot().get("failures") == "5"


def test_action_fail_on_never_and_no_shell_injection(tmp_path: Path) -> None:
    shutil.copy(FIXTURE, tmp_path / FIXTURE.name)
    result, _, outputs = _run_check_step(tmp_path, paths=f"{FIXTURE.name} $(touch pwned)", **{"fail-on": "never"},
                                         args="--select F")
    assert result.returncode == 0, result.stderr
    assert "exit-code=0" in outputs.read_text(encoding="utf-8")
    assert not (tmp_path / "pwned").exists()


def test_documented_workflow_step_runs_on_a_digest(tmp_path: Path) -> None:
    """docs/ci.md's plain `run:` step, after enhance.py, on data/<date>_AI_enhanced_<LANGUAGE>.jsonl."""
    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", doc, re.S)
    with_action = next(b for b in blocks if "uses: OWNER/digest-checker@v1" in b)
    plain = next(b for b in blocks if "run: |" in b and "digest-check audit" in b and "CRAWL_DATE" in b)
    for block in (with_action, plain):
        assert "continue-on-error: true" in block
        assert "steps.dedup_check.outputs.has_new_content == 'true'" in block
    assert "_AI_enhanced_${{ vars.LANGUAGE }}.jsonl" in with_action
    script = plain.split("run: |\n", 1)[1]
    script = "\n".join(line.strip() for line in script.splitlines() if "pip install" not in line)
    (tmp_path / "data").mkdir()
    shutil.copy(FIXTURE, tmp_path / "data" / FIXTURE.name)
    env = {"PATH": f"{TOOL_BIN}:/usr/bin:/bin", "LANGUAGE": "Chinese", "CRAWL_DATE": "2026-05-21",
           "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
           "GITHUB_WORKSPACE": str(tmp_path), "HOME": str(tmp_path)}
    result = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 1  # findings; continue-on-error keeps the workflow publishing
    failed = re.findall(r"^::error file=data/2026-05-21_AI_enhanced_Chinese\.jsonl,line=(\d+),title=F103 ",
                        result.stdout, re.M)
    assert failed == ["1", "4", "7", "10", "12"]  # every rule runs here; the generator failures are all flagged
    assert "2605.20764" in (tmp_path / "summary.md").read_text(encoding="utf-8")


def test_pre_commit_hooks_are_offline_and_complete() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    hooks = re.split(r"^- ", text, flags=re.M)[1:]
    assert len(hooks) == 2
    for hook in hooks:
        for key in ("id", "name", "entry", "language", "files"):
            assert re.search(rf"^\s*{key}: \S", hook, re.M), key
        assert "--llm" not in hook
    pattern = re.search(r"files: (\S+)", hooks[0]).group(1)  # type: ignore[union-attr]
    assert re.search(pattern, "data/2026-05-21_AI_enhanced_Chinese.jsonl")
    assert not re.search(pattern, "data/2026-05-21.jsonl")
