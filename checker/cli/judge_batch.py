"""``digest-check judge-batch prepare|collect``: the Batch API route for the judge (typer sub-app)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from checker.model import AuditReport
    from checker.read.source import DigestSource

EXIT_CANNOT_CHECK = 2

batch_app = typer.Typer(name="judge-batch", help="Judge through the OpenAI Batch API or `vllm run-batch`.",
                        no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)

ModelOpt = Annotated[str | None, typer.Option(help="Judge model (default $MODEL_NAME or gpt-4o-mini).")]
BaseUrlOpt = Annotated[str | None, typer.Option(help="Server (default $OPENAI_BASE_URL); decides json mode.")]
LlmOnOpt = Annotated[str, typer.Option(help="all, flagged or sample:N[:SEED]; use the same for collect.")]


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
def collect(
    results: Annotated[Path, typer.Argument(help="Batch output JSONL (OpenAI or vLLM).")],
    paths: Annotated[list[str], typer.Argument(help="The same digests that were prepared.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here.")] = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    llm_on: LlmOnOpt = "all",
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not store the judgments in the cache.")] = False,
    cache_dir: Annotated[Path | None, typer.Option(help="Cache folder.")] = None,
) -> None:
    """Merge batch results into a normal audit report (findings with source llm)."""
    from checker.judge.batch import collect_batch
    from checker.judge.runner import describe
    from checker.render.json_report import render_json
    from checker.render.text import render_text

    if not results.is_file():
        typer.echo(f"digest-check: no such results file: {results}", err=True)
        raise typer.Exit(EXIT_CANNOT_CHECK)
    from checker.judge.entry import cli_settings

    settings = cli_settings(model=model, base_url=base_url, llm_on=llm_on, no_cache=no_cache,
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
