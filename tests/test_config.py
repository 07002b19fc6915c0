"""Configuration: discovery, every key's effect, and exit 2 naming the offending key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli.app import app
from checker.cli.config import ConfigError, find_config, load_config
from checker.model import Severity

DIGESTS = Path(__file__).parent / "fixtures" / "ci"
SEP = DIGESTS / "2025-09-16_AI_enhanced_Chinese.jsonl"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_discovery_prefers_digest_check_toml_and_reads_pyproject(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    _write(tmp_path, "pyproject.toml", '[tool.digest-check]\nselect = ["F"]\n')
    assert find_config(nested) == tmp_path / "pyproject.toml"
    assert load_config(start=nested).select == ["F"]
    _write(tmp_path / "a", "digest-check.toml", 'ignore = ["F104"]\n')
    config = load_config(start=nested)
    assert config.ignore == ["F104"] and config.select == []


def test_pyproject_without_the_table_is_skipped(tmp_path: Path) -> None:
    _write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(tmp_path) != tmp_path / "pyproject.toml"


def test_full_config_parses(tmp_path: Path) -> None:
    path = _write(tmp_path, "digest-check.toml", """
select = ["F", "O"]
ignore = "F305"
language = "zh"
fail-on = "warning"
[severity]
O101 = "info"
[[per-paper-ignores]]
arxiv-id = "2509.10541v2"
rules = ["F103"]
reason = "the generator failed on this one; re-run scheduled"
[llm]
model = "deepseek-chat"
base-url = "https://api.deepseek.com"
""")
    config = load_config(path)
    assert config.select == ["F", "O"] and config.ignore == ["F305"]
    assert config.severity == {"O101": Severity.info} and config.fail_on == "warning"
    assert config.paper_ignore("2509.10541", "F103", "paper-not-summarized") is not None
    assert config.paper_ignore("2509.10541", "F104", "abstract-problem") is None
    assert config.llm["model"] == "deepseek-chat"


@pytest.mark.parametrize(("text", "key"), [
    ("selct = ['F']", "selct"),
    ("select = [1]", "select"),
    ("select = ['Z999']", "Z999"),
    ("[severity]\nF103 = 'fatal'", "severity.F103"),
    ("[[per-paper-ignores]]\narxiv-id = '2509.1'\nrules = ['F103']", "per-paper-ignores[0].reason"),
    ("[llm]\napi-key = 'sk-123'", "llm.api-key"),
    ("[llm]\ntemprature = 0", "llm.temprature"),
    ("fail-on = 'always'", "fail-on"),
    ("language = 3", "language"),
    ("select = [", "(file)"),
])
def test_invalid_config_names_the_key(tmp_path: Path, text: str, key: str) -> None:
    path = _write(tmp_path, "digest-check.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.key == key
    result = CliRunner().invoke(app, ["audit", str(SEP), "--config", str(path)])
    assert result.exit_code == 2
    assert f"'{key}'" in result.stderr


def test_pyproject_keys_are_named_with_their_table(tmp_path: Path) -> None:
    path = _write(tmp_path, "pyproject.toml", "[tool.digest-check.severity]\nF103 = 'loud'\n")
    result = CliRunner().invoke(app, ["audit", str(SEP), "--config", str(path)])
    assert result.exit_code == 2 and "'tool.digest-check.severity.F103'" in result.stderr


def test_config_changes_what_the_audit_reports(tmp_path: Path) -> None:
    path = _write(tmp_path, "digest-check.toml", """
select = ["F103", "F104", "F202", "F302"]
ignore = ["F302"]
[severity]
F202 = "warning"
[[per-paper-ignores]]
arxiv-id = "2509.10541"
reason = "known generator failure"
""")
    result = CliRunner().invoke(app, ["audit", str(SEP), "--config", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output  # the only error left became a warning
    findings = [(p["arxiv_id"], f["rule"], f["severity"]) for p in json.loads(result.stdout)["digests"][0]["papers"]
                for f in p["findings"]]
    assert ("2509.10541", "F103", "error") not in findings
    assert any(rule == "F202" and severity == "warning" for _, rule, severity in findings)
    assert not any(rule == "F302" for _, rule, _ in findings)
    assert "1 finding(s) ignored by per-paper-ignores" in result.stderr
