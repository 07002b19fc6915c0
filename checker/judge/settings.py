"""What the judge calls and how: model, server, key (environment only), which papers, budget, cache."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_TIMEOUT_S = 60.0
GENERATOR_MODEL_VARIABLE = "MODEL_NAME"  # what daily-arXiv-ai-enhanced writes the summaries with


class SettingsError(ValueError):
    """A judge option that cannot be used (the CLI exits 2 with the message)."""


@dataclass(frozen=True)
class PaperSelection:
    mode: str  # all | flagged | sample
    sample_size: int = 0
    seed: int = 0

    @classmethod
    def parse(cls, text: str) -> PaperSelection:
        text = text.strip().lower()
        if text in ("all", "flagged"):
            return cls(text)
        match = re.fullmatch(r"sample:(\d+)(?::(\d+))?", text)
        if match and int(match.group(1)) > 0:
            return cls("sample", int(match.group(1)), int(match.group(2) or 0))
        raise SettingsError(f"--llm-on must be all, flagged or sample:N[:SEED], not {text!r}")


@dataclass
class JudgeSettings:
    model: str = DEFAULT_MODEL
    base_url: str = DEFAULT_BASE_URL
    api_key: str | None = field(default=None, repr=False)  # never printed, logged or cached
    selection: PaperSelection = field(default_factory=lambda: PaperSelection("all"))
    dry_run: bool = False
    max_cost: float | None = None  # USD
    max_tokens_budget: int | None = None  # input + output tokens, all requests together
    use_cache: bool = True
    cache_dir: Path | None = None
    concurrency: int = 8
    max_output_tokens: int = 4000  # per request, and what the budget reserves (a quote per claim: ~1,000 est.)
    max_reply_bytes: int = 256 * 1024  # a reply body past this is cut off and the paper fails (J901)
    timeout_s: float = DEFAULT_TIMEOUT_S  # per request, a hard deadline (a server trickling bytes included)
    retries: int = 3  # on 429, 5xx and connection errors
    timeout_retries: int = 1  # a request that timed out is tried at most this many more times
    backoff_base_s: float = 1.0
    backoff_max_s: float = 30.0
    json_mode: str | None = None  # "json_schema" | "json_object"; None = by provider, with fallback
    prices_file: Path | None = None
    progress: bool = True
    generator_model: str | None = None  # $MODEL_NAME: the model that wrote the summaries (warned about)

    def __repr__(self) -> str:  # the key must never show up, even in a traceback
        return f"JudgeSettings(model={self.model!r}, base_url={server_id(self.base_url)!r})"

    @property
    def server(self) -> str:
        return server_id(self.base_url)

    def resolved_cache_dir(self) -> Path:
        if self.cache_dir is not None:
            return self.cache_dir
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "digest-check"


def server_id(base_url: str) -> str:
    """The base URL without credentials, query or trailing slash: what the cache key records."""
    parts = urlsplit(base_url.strip())
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme.lower(), host.lower(), parts.path.rstrip("/"), "", ""))


def is_openai(base_url: str) -> bool:
    return (urlsplit(base_url.strip()).hostname or "").lower() == "api.openai.com"


def settings_from_env(
    model: str | None = None,
    base_url: str | None = None,
    environ: dict[str, str] | None = None,
    **options: object,
) -> JudgeSettings:
    """Options first, then OPENAI_BASE_URL, then defaults; the key only from OPENAI_API_KEY.

    The model is never taken from $MODEL_NAME: that is the generator's model, and a judge that wrote the
    summaries prefers them. Without --model the judge is gpt-4o-mini on the OpenAI API; another server needs
    --model (its model names are its own)."""
    env = os.environ if environ is None else environ
    settings = JudgeSettings(
        model=model or DEFAULT_MODEL,
        base_url=base_url or env.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL,
        api_key=env.get("OPENAI_API_KEY") or None,
        generator_model=env.get(GENERATOR_MODEL_VARIABLE) or None,
    )
    if not model and not is_openai(settings.base_url):
        raise SettingsError(f"name the judge model with --model (or [llm] model in the config) for "
                            f"{settings.server}: the judge does not default to ${GENERATOR_MODEL_VARIABLE}, "
                            "the model that wrote the summaries")
    for name, value in options.items():
        if value is not None:
            setattr(settings, name, value)
    if settings.concurrency < 1:
        raise SettingsError("--concurrency must be at least 1")
    if settings.max_cost is not None and settings.max_cost < 0:
        raise SettingsError("--max-cost must not be negative")
    if settings.max_tokens_budget is not None and settings.max_tokens_budget < 0:
        raise SettingsError("--max-tokens must not be negative")
    if not settings.timeout_s > 0:
        raise SettingsError("--timeout must be more than 0 seconds")
    return settings


def same_as_generator(settings: JudgeSettings) -> bool:
    """Whether the judge is the model that wrote the summaries ($MODEL_NAME), date suffixes aside."""
    generator = (settings.generator_model or "").strip().lower()
    judge = settings.model.strip().lower()
    if not generator:
        return False
    return judge == generator or judge.split("/")[-1] == generator.split("/")[-1]
