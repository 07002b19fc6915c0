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
    """id (or name) -> {"env": {...}, "run": str, "shell": str, "uses": str, "with": {...}, "if": str} for the
    action's steps (its YAML is kept simple)."""
    steps: dict[str, dict[str, object]] = {}
    for chunk in re.split(r"\n    - name: ", "\n" + action_text.split("\n  steps:\n", 1)[1])[1:]:
        step_id = re.search(r"^      id: (\S+)$", chunk, re.M)
        env_block = re.search(r"^      env:\n((?:        .*\n)+)", chunk, re.M)
        env = dict(re.findall(r"^        ([A-Z_]+): (.*)$", env_block.group(1), re.M)) if env_block else {}
        with_block = re.search(r"^      with:\n((?:        .*\n)+)", chunk + "\n", re.M)
        with_ = dict(re.findall(r"^        ([a-z-]+): (.*)$", with_block.group(1), re.M)) if with_block else {}
        run = re.search(r"^      run: \|\n((?:        .*\n|\n)+)", chunk + "\n", re.M)
        shell = re.search(r"^      shell: (\S+)$", chunk, re.M)
        uses = re.search(r"^      uses: (\S+)$", chunk, re.M)
        condition = re.search(r"^      if: (.*)$", chunk, re.M)
        steps[step_id.group(1) if step_id else chunk.split("\n", 1)[0]] = {
            "env": env, "run": re.sub(r"^        ", "", run.group(1), flags=re.M) if run else "",
            "shell": shell.group(1) if shell else None, "uses": uses.group(1) if uses else None, "with": with_,
            "if": condition.group(1) if condition else None}
    return steps


def _resolve(value: str, inputs: dict[str, str], bin_dir: Path | None = None) -> str:
    def expression(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        if name.startswith("inputs."):
            return inputs.get(name[len("inputs."):], "")
        return {"github.action_path": str(ROOT), "steps.install.outputs.bin": str(bin_dir or TOOL_BIN)}[name]

    return re.sub(r"\$\{\{([^}]*)\}\}", expression, value)


def _defaults(action_text: str) -> dict[str, str]:
    inputs = action_text.split("\ninputs:\n", 1)[1].split("\noutputs:\n", 1)[0]
    defaults = {}
    for name, body in re.findall(r"^  ([a-z-]+):\n((?:    .*\n)+)", inputs, re.M):
        default = re.search(r"^    default: (.*)$", body, re.M)
        defaults[name] = json.loads(default.group(1)) if default and default.group(1).startswith('"') else (
            default.group(1) if default else "")
    return defaults


def _counting_bin(tmp_path: Path) -> Path:
    """A bin folder whose digest-check counts its runs (in runs.txt) before running the real one."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name, before in (("digest-check", f'echo "$*" >> {tmp_path / "runs.txt"}\n'), ("python", "")):
        script = folder / name
        script.write_text(f'#!/bin/sh\n{before}exec {TOOL_BIN / name} "$@"\n', encoding="utf-8")
        script.chmod(0o755)
    return folder


def _run_check_step(tmp_path: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    step = _steps(text)["check"]
    values = _defaults(text) | inputs
    summary, outputs = tmp_path / "summary.md", tmp_path / "outputs.txt"
    bin_dir = _counting_bin(tmp_path)
    env = {key: _resolve(str(value), values, bin_dir) for key, value in dict(step["env"]).items()}  # type: ignore[call-overload]
    env |= {"PATH": "/usr/bin:/bin", "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary),
            "GITHUB_OUTPUT": str(outputs), "GITHUB_WORKSPACE": str(tmp_path), "HOME": str(tmp_path)}
    result = subprocess.run(["bash", "-e", "-c", str(step["run"])], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=60, check=False)
    return result, summary, outputs


def test_action_is_composite_with_shells_and_env_only_inputs() -> None:
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert "\n  using: composite\n" in text
    steps = _steps(text)
    assert list(steps) == ["prepare", "Cache pip", "install", "check"]
    for step in steps.values():
        if step["uses"]:
            continue
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
    # every format from one audit
    runs = (tmp_path / "runs.txt").read_text(encoding="utf-8").splitlines()
    assert len(runs) == 1 and runs[0].startswith("audit ") and "--format json" in runs[0]


def test_action_reports_match_what_the_cli_writes_for_each_format(tmp_path: Path) -> None:
    """The annotations, SARIF, JUnit and JSON rendered from the one audit are what `--format X` writes."""
    shutil.copy(FIXTURE, tmp_path / FIXTURE.name)
    result, summary, _ = _run_check_step(tmp_path, paths=FIXTURE.name, sarif="r.sarif", junit="r.xml",
                                         json="r.json", args="--select F,N")
    assert result.returncode == 1, result.stderr
    env = {"PATH": "/usr/bin:/bin", "GITHUB_WORKSPACE": str(tmp_path), "HOME": str(tmp_path)}
    for format, produced in (("sarif", "r.sarif"), ("junit", "r.xml"), ("json", "r.json")):
        direct = subprocess.run([str(TOOL_BIN / "digest-check"), "audit", FIXTURE.name, "--select", "F,N",
                                 "--format", format, "--exit-zero"], cwd=tmp_path, env=env,
                                capture_output=True, text=True, timeout=60, check=False)
        assert (tmp_path / produced).read_text(encoding="utf-8") == direct.stdout, format
    github = subprocess.run([str(TOOL_BIN / "digest-check"), "audit", FIXTURE.name, "--select", "F,N",
                             "--format", "github", "--exit-zero"], cwd=tmp_path, capture_output=True, text=True,
                            env=env | {"GITHUB_STEP_SUMMARY": str(tmp_path / "direct.md")}, timeout=60, check=False)
    assert result.stdout == github.stdout
    assert summary.read_text(encoding="utf-8") == (tmp_path / "direct.md").read_text(encoding="utf-8")


def test_action_notes_reach_the_job_summary_and_job_summary_can_be_off(tmp_path: Path) -> None:
    shutil.copy(FIXTURE, tmp_path / FIXTURE.name)
    baseline = tmp_path / "baseline.json"
    subprocess.run([str(TOOL_BIN / "digest-check"), "audit", FIXTURE.name, "--select", "F103",
                    "--write-baseline", str(baseline)], cwd=tmp_path, capture_output=True, check=True, timeout=60)
    result, summary, outputs = _run_check_step(tmp_path, paths=FIXTURE.name, args="--select F103",
                                               baseline=str(baseline))
    assert result.returncode == 0, result.stderr
    assert "5 suppressed by baseline" in summary.read_text(encoding="utf-8")
    assert "exit-code=0" in outputs.read_text(encoding="utf-8")

    quiet = tmp_path / "quiet"
    quiet.mkdir()
    shutil.copy(FIXTURE, quiet / FIXTURE.name)
    result, summary, _ = _run_check_step(quiet, paths=FIXTURE.name, args="--select F103", **{"job-summary": "false"})
    assert result.returncode == 1 and result.stdout.count("::error ") == 5
    assert not summary.exists()


def test_action_cannot_check_is_exit_2(tmp_path: Path) -> None:
    """Nothing readable: exit 2 is kept; the reports say so (an empty SARIF run, as `--format sarif` writes)."""
    result, _, outputs = _run_check_step(tmp_path, paths="missing/*.jsonl", sarif="r.sarif")
    assert result.returncode == 2
    assert "exit-code=2" in outputs.read_text(encoding="utf-8")
    assert json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))["runs"][0]["results"] == []
    (tmp_path / "bad").mkdir()
    bad, _, _ = _run_check_step(tmp_path / "bad", paths=FIXTURE.name, args="--select NOPE")
    assert bad.returncode == 2 and "unknown rule" in bad.stderr


def test_action_caches_pip_keyed_on_python_and_packaging(tmp_path: Path) -> None:
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    steps = _steps(text)
    cache = steps["Cache pip"]
    assert str(cache["uses"]).startswith("actions/cache@v") and cache["if"] == "inputs.cache == 'true'"
    assert dict(cache["with"]) == {"path": "${{ steps.prepare.outputs.dir }}",  # type: ignore[call-overload]
                                   "key": "${{ steps.prepare.outputs.key }}",
                                   "restore-keys": "${{ steps.prepare.outputs.restore }}"}
    assert dict(steps["install"]["env"])["PIP_CACHE_DIR"] == "${{ steps.prepare.outputs.dir }}"  # type: ignore[call-overload]
    prepare = steps["prepare"]
    outputs = tmp_path / "outputs.txt"
    env = {"PATH": "/usr/bin:/bin", "GITHUB_OUTPUT": str(outputs), "RUNNER_TEMP": str(tmp_path), "RUNNER_OS": "Linux",
           "ACTION_PATH": str(ROOT), "INPUT_PYTHON": sys.executable}
    done = subprocess.run(["bash", "-e", "-c", str(prepare["run"])], env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    values = dict(line.split("=", 1) for line in outputs.read_text(encoding="utf-8").splitlines())
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    assert values["dir"] == f"{tmp_path}/digest-check-pip"
    assert re.fullmatch(rf"digest-check-pip-Linux-py{re.escape(version)}-[0-9a-f]{{16}}", values["key"])
    assert values["key"].startswith(values["restore"])


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


@pytest.mark.parametrize("fixture", ["2025-09-16_AI_enhanced_Chinese.jsonl", "2026-05-21_AI_enhanced_Chinese.jsonl"])
def test_pre_commit_hook_prints_errors_only(tmp_path: Path, fixture: str) -> None:
    """The hook's entry, as pre-commit runs it (file names appended): error findings only, no totals."""
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entries = re.findall(r"^\s*entry: (.+)$", text, re.M)
    assert len(set(entries)) == 1
    command = entries[0].split()
    shutil.copy(FIXTURE.parent / fixture, tmp_path / fixture)
    loud = [word for word in command[1:] if word != "--quiet"]
    full = subprocess.run([str(TOOL_BIN / "digest-check"), *loud, fixture], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, check=False)  # the same without --quiet
    assert re.search(r": (warning|info) ", full.stdout)
    hook = subprocess.run([str(TOOL_BIN / "digest-check"), *command[1:], fixture], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, check=False)
    assert hook.returncode == 1
    findings = re.findall(r"^\s+\d+: (error|warning|info) [A-Z]\d{3} ", hook.stdout, re.M)
    assert findings and set(findings) == {"error"}
    assert "with findings" not in hook.stdout + hook.stderr
