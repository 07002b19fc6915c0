"""Project configuration: ``[tool.digest-check]`` in pyproject.toml or the top level of digest-check.toml.

Example (digest-check.toml)::

    select = ["F", "N", "C"]
    ignore = ["F305"]
    language = "zh"
    fail-on = "error"

    [severity]
    O101 = "info"

    [[per-paper-ignores]]
    arxiv-id = "2503.12345"
    rules = ["N101"]
    reason = "the abstract gives the number in a table we do not see"

    [llm]
    model = "deepseek-chat"
    base-url = "https://api.deepseek.com"

The API key is never read from configuration: it comes from the environment only.
Any unknown or ill-typed key raises ConfigError naming the key (the CLI exits 2).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.model import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_FILE = "digest-check.toml"
PYPROJECT = "pyproject.toml"
_TOP_KEYS = {"select", "ignore", "severity", "per-paper-ignores", "language", "fail-on", "llm", "baseline"}
_LLM_KEYS = {"model", "base-url", "provider", "concurrency", "timeout", "max-papers", "max-tokens", "max-cost",
             "temperature", "cache", "cache-dir", "on", "select", "batch", "prices-file"}
_SECRET_KEYS = {"api-key", "api_key", "key", "token", "openai-api-key"}
_FAIL_ON = {"error", "warning", "info", "never"}


class ConfigError(ValueError):
    """Invalid configuration; ``key`` is the dotted name of the offending key."""

    def __init__(self, path: Path, key: str, problem: str) -> None:
        super().__init__(f"{path}: invalid configuration key '{key}': {problem}")
        self.path = path
        self.key = key


@dataclass(frozen=True)
class PaperIgnore:
    arxiv_id: str  # without version
    rules: tuple[str, ...]  # rule ids, prefixes or names; empty = every rule
    reason: str


@dataclass
class Config:
    path: Path | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    per_paper_ignores: list[PaperIgnore] = field(default_factory=list)
    language: str | None = None
    fail_on: str | None = None
    baseline: str | None = None
    llm: dict[str, Any] = field(default_factory=dict)

    def paper_ignore(self, arxiv_id: str, rule_id: str, rule_name: str) -> PaperIgnore | None:
        """The per-paper ignore that covers this finding, if any."""
        bare = strip_version(arxiv_id)
        for entry in self.per_paper_ignores:
            if entry.arxiv_id != bare:
                continue
            if not entry.rules or any(rule_id.startswith(r.upper()) or rule_name == r.lower() for r in entry.rules):
                return entry
        return None


def strip_version(arxiv_id: str) -> str:
    head, sep, tail = arxiv_id.rpartition("v")
    return head if sep and tail.isdigit() and head and head[-1].isdigit() else arxiv_id


def find_config(start: Path) -> Path | None:
    """Nearest digest-check.toml, or pyproject.toml holding [tool.digest-check], from ``start`` upwards."""
    for folder in [start, *start.parents]:
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if isinstance(data.get("tool"), dict) and "digest-check" in data["tool"]:
                return pyproject
    return None


def load_config(explicit: Path | None = None, start: Path | None = None) -> Config:
    """Read the configuration file (explicit, else discovered); no file gives the defaults."""
    path = explicit if explicit is not None else find_config((start or Path.cwd()).resolve())
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(path, "(file)", f"cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(path, "(file)", "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "(file)", f"not valid TOML: {exc}") from None
    if path.name == PYPROJECT or "tool" in data:
        tool = data.get("tool", {})
        table = tool.get("digest-check", {}) if isinstance(tool, dict) else {}
        prefix = "tool.digest-check."
    else:
        table, prefix = data, ""
    if not isinstance(table, dict):
        raise ConfigError(path, prefix.rstrip("."), "must be a table")
    return parse_config(table, path, prefix)


def parse_config(table: dict[str, Any], path: Path, prefix: str = "") -> Config:
    def bad(key: str, problem: str) -> ConfigError:
        return ConfigError(path, prefix + key, problem)

    for key in table:
        if key not in _TOP_KEYS:
            raise bad(key, f"unknown key (known: {', '.join(sorted(_TOP_KEYS))})")
    config = Config(path=path)
    config.select = _string_list(table.get("select", []), "select", bad)
    config.ignore = _string_list(table.get("ignore", []), "ignore", bad)
    _check_rule_patterns(config.select + config.ignore, bad)
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise bad("severity", "must be a table of rule = \"error\"|\"warning\"|\"info\"")
    for rule, value in severity.items():
        if value not in {s.value for s in Severity}:
            raise bad(f"severity.{rule}", f"must be error, warning or info, not {value!r}")
        _check_rule_patterns([rule], lambda _k, problem, rule=rule: bad(f"severity.{rule}", problem))
        config.severity[rule] = Severity(value)
    config.per_paper_ignores = _paper_ignores(table.get("per-paper-ignores", []), bad)
    language = table.get("language")
    if language is not None and (not isinstance(language, str) or not language.isalpha() or len(language) > 12):
        raise bad("language", "must be a language code such as \"zh\"")
    config.language = language
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in _FAIL_ON:
        raise bad("fail-on", f"must be one of {', '.join(sorted(_FAIL_ON))}")
    config.fail_on = fail_on
    baseline = table.get("baseline")
    if baseline is not None and not isinstance(baseline, str):
        raise bad("baseline", "must be a file path")
    config.baseline = baseline
    config.llm = _llm(table.get("llm", {}), bad)
    return config


def _string_list(value: Any, key: str, bad: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise bad(key, "must be a list of strings")
    return [v.strip() for v in value]


def _check_rule_patterns(patterns: list[str], bad: Any) -> None:
    from checker.rules.registry import unknown_rule_patterns

    unknown = unknown_rule_patterns(patterns)
    if unknown:
        raise bad(unknown[0] if len(patterns) == 1 else "select/ignore",
                  f"unknown rule(s): {', '.join(unknown)} (see 'digest-check rules')")


def _paper_ignores(value: Any, bad: Any) -> list[PaperIgnore]:
    if not isinstance(value, list):
        raise bad("per-paper-ignores", "must be an array of tables ([[per-paper-ignores]])")
    entries = []
    for i, item in enumerate(value):
        where = f"per-paper-ignores[{i}]"
        if not isinstance(item, dict):
            raise bad(where, "must be a table with arxiv-id, rules and reason")
        for key in item:
            if key not in {"arxiv-id", "rules", "reason"}:
                raise bad(f"{where}.{key}", "unknown key (known: arxiv-id, rules, reason)")
        arxiv_id = item.get("arxiv-id")
        if not isinstance(arxiv_id, str) or not arxiv_id.strip():
            raise bad(f"{where}.arxiv-id", "required: the paper's arXiv id")
        reason = item.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise bad(f"{where}.reason", "required: say why this paper's findings are accepted")
        rules = _string_list(item.get("rules", []), f"{where}.rules", bad)
        if rules:
            _check_rule_patterns(rules, lambda _k, problem, w=where: bad(f"{w}.rules", problem))
        entries.append(PaperIgnore(strip_version(arxiv_id.strip()), tuple(rules), reason.strip()))
    return entries


def _llm(value: Any, bad: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise bad("llm", "must be a table")
    for key in value:
        if key.lower() in _SECRET_KEYS:
            raise bad(f"llm.{key}", "API keys never go in configuration: set OPENAI_API_KEY in the environment")
        if key not in _LLM_KEYS:
            raise bad(f"llm.{key}", f"unknown key (known: {', '.join(sorted(_LLM_KEYS))})")
    return dict(value)
