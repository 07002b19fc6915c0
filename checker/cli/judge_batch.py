"""``digest-check judge-batch prepare|submit|status|collect``: the Batch API route for the judge (typer sub-app).

Two ways through it:
- OpenAI's Batch API, driven here: ``submit`` uploads the requests and creates the batch(es), writing a small
  state file; ``status STATE`` shows progress; ``collect --state STATE DIGESTS`` downloads the results and
  merges them. Nothing has to stay running while the batch works (up to 24 hours, at half the price).
- Files, for ``vllm run-batch`` or a manual upload: ``prepare`` writes the input JSONL, and
  ``collect RESULTS DIGESTS`` reads the output JSONL.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from checker.judge.batch import BatchState
    from checker.judge.settings import JudgeSettings
    from checker.model import AuditReport
    from checker.read.source import DigestSource

EXIT_CANNOT_CHECK = 2

batch_app = typer.Typer(name="judge-batch", help="Judge through the OpenAI Batch API or `vllm run-batch`.",
                        no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)

ModelOpt = Annotated[str | None, typer.Option(help="Judge model (default gpt-4o-mini on the OpenAI API).")]
BaseUrlOpt = Annotated[str | None, typer.Option(help="Server (default $OPENAI_BASE_URL); decides json mode.")]
LlmOnOpt = Annotated[str, typer.Option(help="all, flagged or sample:N[:SEED]; use the same for collect.")]
StateOpt = Annotated[Path, typer.Option("--state", help="The state file submit writes (batch ids, no key).")]
TimeoutOpt = Annotated[float | None, typer.Option(help="Seconds per API call (default 60).")]


def _heuristic_report(paths: list[str]) -> tuple[AuditReport, list[DigestSource]]:
    from checker.engine.audit import AuditOptions, audit
    from checker.read import discover_sources
    from checker.rules.registry import all_rules

    discovery = discover_sources(paths, default_language="zh")
    report = audit(discovery.sources, AuditOptions(rules=all_rules()))
    report.problems = discovery.problems
    return report, list(discovery.sources)


@batch_app.command()
def prepare(
    paths: Annotated[list[str], typer.Argument(help="Digest files, folders or globs.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Batch input JSONL to write.")],
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    llm_on: LlmOnOpt = "all",
) -> None:
    """Write one chat-completions request per selected paper (OpenAI Batch API / vllm run-batch JSONL)."""
    from checker.judge.batch import prepare_batch
    from checker.judge.entry import cli_settings

    settings = cli_settings(model=model, base_url=base_url, llm_on=llm_on, need_key=False)
    report, sources = _heuristic_report(paths)
    try:
        summary = prepare_batch(report, sources, settings, output)
    except OSError as exc:
        typer.echo(f"digest-check: cannot write {output}: {exc.strerror or exc}", err=True)
        raise typer.Exit(EXIT_CANNOT_CHECK) from None
    typer.echo(f"wrote {summary.requests} requests to {output} ({summary.response_format}; "
               f"{len(summary.unjudged)} selected papers cannot be judged)", err=True)


@batch_app.command()
def submit(
    paths: Annotated[list[str], typer.Argument(help="Digest files, folders or globs.")],
    state: StateOpt = Path("judge-batch.json"),
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    llm_on: LlmOnOpt = "all",
    window: Annotated[str, typer.Option(help="The Batch API's completion window.")] = "24h",
    timeout: TimeoutOpt = None,
) -> None:
    """Upload one request per selected paper to the Batch API and create the batch(es); writes --state."""
    from checker.judge.batch import submit_batch
    from checker.judge.client import make_sync_client
    from checker.judge.entry import cli_settings

    settings = cli_settings(model=model, base_url=base_url, llm_on=llm_on, timeout=timeout)
    report, sources = _heuristic_report(paths)
    client = make_sync_client(settings)
    try:
        summary, saved = submit_batch(report, sources, settings, client, completion_window=window)
    except _api_errors() as exc:
        raise _api_failure("submit", exc, settings) from None
    finally:
        client.close()
    saved.save(state)
    ids = ", ".join(b.id for b in saved.batches) or "none (nothing to judge)"
    typer.echo(f"submitted {summary.requests} requests in {len(saved.batches)} batch(es): {ids}; "
               f"state in {state} ({len(summary.unjudged)} selected papers cannot be judged)", err=True)


@batch_app.command()
def status(
    state: Annotated[Path, typer.Argument(help="The state file submit wrote.")],
    base_url: BaseUrlOpt = None,
    timeout: TimeoutOpt = None,
) -> None:
    """Show each batch's status and request counts (collect works once every one has finished)."""
    from checker.judge.batch import batch_status
    from checker.judge.client import make_sync_client

    saved = _load_state(state)
    settings = _state_settings(saved, base_url, timeout)
    client = make_sync_client(settings)
    try:
        progress = batch_status(saved, client)
    except _api_errors() as exc:
        raise _api_failure("status", exc, settings) from None
    finally:
        client.close()
    for item in progress:
        typer.echo(f"{item.id}  {item.status:<11} {item.completed}/{item.total} done, {item.failed} failed")
    if all(item.finished for item in progress):
        typer.echo(f"all finished: digest-check judge-batch collect --state {state} DIGESTS...", err=True)


@batch_app.command()
def collect(
    paths: Annotated[list[str], typer.Argument(
        help="RESULTS.jsonl then the digests; with --state, the digests only.")],
    state: Annotated[Path | None, typer.Option("--state", help="Download the results of these batches.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here.")] = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    llm_on: Annotated[str | None, typer.Option(
        help="all, flagged or sample:N[:SEED], as prepared (default: the state's, else all).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not store the judgments in the cache.")] = False,
    cache_dir: Annotated[Path | None, typer.Option(help="Cache folder.")] = None,
    timeout: TimeoutOpt = None,
) -> None:
    """Merge batch results into a normal audit report (findings with source llm)."""
    from checker.judge.batch import collect_batch
    from checker.judge.entry import cli_settings
    from checker.judge.runner import describe
    from checker.render.json_report import render_json
    from checker.render.text import render_text

    if state is not None:
        saved = _load_state(state)
        settings = cli_settings(model=model or saved.model, base_url=base_url or saved.server,
                                llm_on=llm_on or saved.selection, no_cache=no_cache, cache_dir=cache_dir,
                                timeout=timeout)
        results = _download(saved, settings, state.with_name(state.name + ".results.jsonl"))
    else:
        if len(paths) < 2:
            typer.echo("digest-check: collect needs RESULTS.jsonl and the digests, or --state STATE", err=True)
            raise typer.Exit(EXIT_CANNOT_CHECK)
        results, paths = Path(paths[0]), paths[1:]
        if not results.is_file():
            typer.echo(f"digest-check: no such results file: {results}", err=True)
            raise typer.Exit(EXIT_CANNOT_CHECK)
        settings = cli_settings(model=model, base_url=base_url, llm_on=llm_on or "all", no_cache=no_cache,
                                cache_dir=cache_dir, need_key=False)
    report, sources = _heuristic_report(paths)
    summary = collect_batch(report, sources, settings, results)
    typer.echo(describe(summary), err=True)
    text = render_json(report) if format == "json" else render_text(report)
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
    worst = report.worst_severity()
    raise typer.Exit(1 if worst is not None and worst.value == "error" else 0)


def _api_errors() -> tuple[type[Exception], ...]:
    import openai

    from checker.judge.client import ReplyTooLarge

    return (openai.APIError, ReplyTooLarge, OSError)


def _api_failure(step: str, exc: Exception, settings: JudgeSettings) -> typer.Exit:
    """One line, exit 2; the server's message passes the key scrubber."""
    import openai

    from checker.judge.secrets import Scrubber

    if isinstance(exc, openai.APIStatusError):
        detail = f"HTTP {exc.status_code}: {exc.message}"
    else:
        detail = type(exc).__name__ if isinstance(exc, openai.APIError) else str(exc)
    typer.echo(f"digest-check: judge-batch {step} failed: {Scrubber(settings.api_key).scrub(detail)[:200]}", err=True)
    return typer.Exit(EXIT_CANNOT_CHECK)


def _load_state(path: Path) -> BatchState:
    from pydantic import ValidationError

    from checker.judge.batch import BatchState

    try:
        return BatchState.load(path)
    except (OSError, ValueError, ValidationError) as exc:
        typer.echo(f"digest-check: cannot read the batch state {path}: {exc.__class__.__name__}", err=True)
        raise typer.Exit(EXIT_CANNOT_CHECK) from None


def _state_settings(saved: BatchState, base_url: str | None, timeout: float | None) -> JudgeSettings:
    from checker.judge.entry import cli_settings

    return cli_settings(model=saved.model, base_url=base_url or saved.server, llm_on=saved.selection,
                        timeout=timeout)


def _download(saved: BatchState, settings: JudgeSettings, results: Path) -> Path:
    from checker.judge.batch import BatchNotReady, download_results
    from checker.judge.client import make_sync_client

    client = make_sync_client(settings)
    try:
        download_results(saved, client, results)
    except BatchNotReady as exc:
        typer.echo(f"digest-check: not finished yet: {exc}", err=True)
        raise typer.Exit(EXIT_CANNOT_CHECK) from None
    except _api_errors() as exc:
        raise _api_failure("collect", exc, settings) from None
    finally:
        client.close()
    typer.echo(f"downloaded the results to {results}", err=True)
    return results
