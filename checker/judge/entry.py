"""The CLI's way in: options -> settings (exit 2 on a bad option or a missing key) -> judge -> one stderr summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:  # the judge's modules load only with --llm: `audit` without it starts lean
    from checker.judge.settings import JudgeSettings
    from checker.model import AuditReport
    from checker.read.source import DigestSource

EXIT_CANNOT_CHECK = 2
SHOWN_IDS = 8
NO_KEY = "digest-check: --llm needs an API key in OPENAI_API_KEY (any value for a local server that ignores it)"


def cli_settings(*, model: str | None, base_url: str | None, llm_on: str, dry_run: bool = False,
                 max_cost: float | None = None, max_tokens: int | None = None, no_cache: bool = False,
                 cache_dir: Path | None = None, concurrency: int = 8, need_key: bool = True,
                 timeout: float | None = None) -> JudgeSettings:
    """Settings from CLI options and the environment; exits 2 with one line when they cannot work.

    Warns on stderr when the judge is the generator's model ($MODEL_NAME)."""
    from checker.judge.pricing import load_price_table, price_for
    from checker.judge.settings import PaperSelection, SettingsError, same_as_generator, settings_from_env

    try:
        settings = settings_from_env(
            model, base_url, selection=PaperSelection.parse(llm_on), dry_run=dry_run, max_cost=max_cost,
            max_tokens_budget=max_tokens, use_cache=not no_cache, cache_dir=cache_dir, concurrency=concurrency,
            timeout_s=timeout,
        )
    except SettingsError as exc:
        typer.echo(f"digest-check: {exc}", err=True)
        raise typer.Exit(EXIT_CANNOT_CHECK) from None
    if need_key and not settings.dry_run and not settings.api_key:
        typer.echo(NO_KEY, err=True)
        raise typer.Exit(EXIT_CANNOT_CHECK)
    try:
        price = price_for(settings.model, load_price_table(settings.prices_file))
    except (OSError, ValueError, TypeError, IndexError, AttributeError) as exc:
        typer.echo(f"digest-check: cannot read the price table: {exc}", err=True)
        raise typer.Exit(EXIT_CANNOT_CHECK) from None
    if settings.max_cost is not None and not price.known:
        typer.echo(f"digest-check: --max-cost needs a price for {settings.model!r}: add it to a prices file "
                   "($DIGEST_CHECK_PRICES) or use --max-tokens", err=True)
        raise typer.Exit(EXIT_CANNOT_CHECK)
    if same_as_generator(settings):
        typer.echo(f"digest-check: warning: the judge model {settings.model!r} is the generator's ($MODEL_NAME); "
                   "a model judging its own summaries tends to pass them: pick another with --model", err=True)
    return settings


def judge_from_cli(report: AuditReport, sources: Iterable[DigestSource], *, llm: bool, model: str | None,
                   base_url: str | None, llm_on: str, dry_run: bool, max_cost: float | None,
                   max_tokens: int | None, no_cache: bool, cache_dir: Path | None, concurrency: int,
                   timeout: float | None = None) -> None:
    """Called by ``audit`` (and ``paper``, ``eval``) after the heuristics; does nothing without --llm."""
    if not llm:
        if dry_run or max_cost is not None or max_tokens is not None or timeout is not None:
            typer.echo("digest-check: --dry-run, --max-cost, --max-tokens and --timeout need --llm", err=True)
            raise typer.Exit(EXIT_CANNOT_CHECK)
        return
    settings = cli_settings(model=model, base_url=base_url, llm_on=llm_on, dry_run=dry_run, max_cost=max_cost,
                            max_tokens=max_tokens, no_cache=no_cache, cache_dir=cache_dir,
                            concurrency=concurrency, timeout=timeout)
    from checker.judge.runner import apply_judge, describe

    try:
        summary = apply_judge(report, sources, settings)
    except OSError as exc:  # cache folder not writable, prompt files missing
        typer.echo(f"digest-check: judge cannot run: {exc.strerror or exc}", err=True)
        raise typer.Exit(EXIT_CANNOT_CHECK) from None
    typer.echo(describe(summary), err=True)
    reasons = Counter(item.reason for item in summary.unjudged)
    for reason, count in sorted(reasons.items()):
        ids = [item.arxiv_id for item in summary.unjudged if item.reason == reason]
        more = f" and {count - SHOWN_IDS} more (see the JSON report)" if count > SHOWN_IDS else ""
        typer.echo(f"  unjudged, {reason}: {', '.join(ids[:SHOWN_IDS])}{more}", err=True)
