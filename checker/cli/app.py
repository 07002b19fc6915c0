"""The ``digest-check`` command line (typer). Heavy modules are imported inside the commands.

No ``from __future__ import annotations`` here: typer would evaluate every option's annotation
string twice each time it builds the commands (~20 ms of each run, --help included). Annotations
that name modules imported only for type checking are quoted instead.
"""

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from checker.cli.config import Config
    from checker.engine.baseline import Baseline
    from checker.model import AuditReport, Severity
    from checker.rules.registry import Rule

from checker.cli.common import (
    EXIT_CANNOT_CHECK,
    EXIT_FINDINGS,
    EXIT_OK,
    FailOn,
    Language,
    OutputFormat,
    app,
)
from checker.cli.common import fail as _fail
from checker.cli.common import split_values as _split


@app.command()
def audit(
    paths: Annotated[list[str], typer.Argument(
        help="Digest files (.jsonl, .md), folders or globs; - for standard input.")],
    format: Annotated[OutputFormat | None, typer.Option(
        "--format", "-f", help="Output format (default text; github when GITHUB_ACTIONS=true).")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here, not stdout.")] = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        help="Exit 1 when a finding is at least this severe (default error).")] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even with findings.")] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Text: only findings at or above --fail-on, no totals. Any format: no progress "
        "and no notes on stderr.")] = False,
    statistics: Annotated[bool, typer.Option(
        "--statistics", help="Only the number of findings per rule (text or json), as ruff --statistics.")] = False,
    select: Annotated[list[str] | None, typer.Option(help="Only these rules (ids, prefixes, names).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rules (ids, prefixes, names).")] = None,
    language: Annotated[Language | None, typer.Option(
        help="Expected summary language when the file name does not say (default zh).")] = None,
    progress: Annotated[bool, typer.Option(help="Progress bar on stderr (only on a terminal).")] = True,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, help="Worker processes for big or many digests (0: one per CPU, at most 4).")] = 0,
    config: Annotated[Path | None, typer.Option(
        "--config", help="digest-check.toml or pyproject.toml (default: found from the current folder up).")] = None,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", help="Accept the findings listed in this baseline file; report only new ones.")] = None,
    write_baseline: Annotated[Path | None, typer.Option(
        "--write-baseline", help="Write today's findings to this baseline file (and exit 0).")] = None,
    llm: Annotated[bool, typer.Option("--llm", help="Also run the LLM judge (key from OPENAI_API_KEY).")] = False,
    model: Annotated[str | None, typer.Option(help="Judge model (default: config, else gpt-4o-mini; never the generator's $MODEL_NAME).")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible server (default $OPENAI_BASE_URL).")] = None,
    llm_on: Annotated[str, typer.Option(help="Judge all papers, flagged ones, or sample:N[:SEED].")] = "all",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="With --llm: estimate requests, tokens, cost.")] = False,
    max_cost: Annotated[float | None, typer.Option(help="With --llm: hard limit in USD.")] = None,
    max_tokens: Annotated[int | None, typer.Option(help="With --llm: hard limit in tokens (in + out).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="With --llm: ignore the judgment cache.")] = False,
    cache_dir: Annotated[Path | None, typer.Option(help="With --llm: cache folder.")] = None,
    concurrency: Annotated[int, typer.Option(help="With --llm: requests in flight.")] = 8,
    timeout: Annotated[float | None, typer.Option(help="With --llm: seconds per request (default 60).")] = None,
) -> None:
    """Audit digests and report findings with their evidence."""
    from checker.render.common import safe_streams

    safe_streams()
    _refuse_stdin_twice(paths)
    from checker.cli import pipeline as run
    from checker.engine.audit import AuditOptions, audit_stream
    from checker.engine.gc_pause import paused_gc
    from checker.model import DigestFormat, Severity
    from checker.read import discover_sources

    settings, rules = _settings_and_rules(config, select, ignore)
    threshold_name = fail_on.value if fail_on else settings.fail_on or "error"
    chosen = format or (OutputFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else OutputFormat.text)
    if statistics and chosen not in (OutputFormat.text, OutputFormat.json):
        raise _fail(f"--statistics writes text or json, not {chosen.value}")
    filters = run.Filters(ignore=run.paper_ignorer(settings) if settings.per_paper_ignores else None)
    if write_baseline is not None:
        filters.collect_baseline = run.BaselineBuilder()
    elif baseline is not None or settings.baseline:
        filters.baseline = run.BaselineFilter(_load_baseline(baseline or Path(settings.baseline or "")))
    default_language = language.value if language else settings.language or "zh"
    discovery = discover_sources(paths, default_language=default_language)
    readable = [s for s in discovery.sources if s.format is not DigestFormat.unknown]
    options = AuditOptions(rules=rules, severity_overrides=_severity_overrides(settings), jobs=jobs)
    try:
        out, close = run.open_output(output)
    except OSError as exc:
        raise _fail(f"cannot write {output}: {exc.strerror}") from None
    quiet_below = Severity(threshold_name if threshold_name != "never" else "error") if quiet else None
    writer, job_summary = run.make_writer(chosen, out, statistics=statistics, quiet_below=quiet_below,
                                          plain=output is not None)
    bar = run.ProgressBar(run.estimate_papers(run.source_paths(readable))) \
        if readable and run.progress_wanted(progress and not quiet) else None
    if bar is not None:
        options.on_paper = bar.tick
    try:
        with paused_gc(collect_after=True):
            judge = None
            if llm:
                from checker.engine.audit import audit as run_audit
                from checker.judge.entry import judge_from_cli

                report = run_audit(discovery.sources, options)
                report.problems = discovery.problems
                judge_from_cli(report, discovery.sources, llm=llm, model=model or settings.llm.get("model"),
                               base_url=base_url or settings.llm.get("base-url"), llm_on=llm_on, dry_run=dry_run,
                               max_cost=max_cost, max_tokens=max_tokens, no_cache=no_cache, cache_dir=cache_dir,
                               concurrency=concurrency, timeout=timeout)
                stream = run.report_stream(report)
                judge = report.judge
            else:
                stream = audit_stream(discovery.sources, options)
            tally = run.run_stream(stream, discovery.problems, writer, filters, judge=judge)
    finally:
        if bar is not None:
            bar.close()
        close()
    notes = []
    if filters.ignored:
        notes.append(f"{filters.ignored} finding(s) ignored by per-paper-ignores in {settings.path}")
    if filters.baseline is not None:
        result = filters.baseline.result()
        if not quiet:
            for entry in result.stale[:20]:
                run.echo_err(f"digest-check: stale baseline entry {entry.rule} {entry.arxiv_id} [{entry.block}] "
                             f"{entry.span[:60]!r}")
        notes.append(result.describe())
    if job_summary is not None:
        from checker.render.markdown import append_job_summary

        job_summary.notes = notes
        append_job_summary(job_summary.render(tally.summary()))
    if filters.collect_baseline is not None and write_baseline is not None:
        _write(filters.collect_baseline.baseline.to_json(), write_baseline)
        run.echo_err(f"digest-check: wrote {filters.collect_baseline.findings} finding(s) to baseline "
                     f"{write_baseline}")
    for note in notes if not quiet else []:
        run.echo_err(f"digest-check: {note}")
    if not readable:  # each path said why on stderr ("no digest files in this folder", ...)
        raise typer.Exit(EXIT_CANNOT_CHECK)
    if exit_zero or threshold_name == "never" or write_baseline is not None:
        raise typer.Exit(EXIT_OK)
    worst = tally.worst
    threshold = Severity(threshold_name)
    raise typer.Exit(EXIT_FINDINGS if worst is not None and worst.rank >= threshold.rank else EXIT_OK)


def _refuse_stdin_twice(paths: list[str]) -> None:
    if paths.count("-") > 1:
        raise _fail("'-' (standard input) given more than once: it can be read only once")


def _load_baseline(path: Path) -> "Baseline":
    from checker.engine.baseline import Baseline, BaselineError

    try:
        return Baseline.load(path)
    except BaselineError as exc:
        raise _fail(str(exc)) from None


def _settings_and_rules(config: Path | None, select: list[str] | None,
                        ignore: list[str] | None) -> "tuple[Config, list[Rule]]":
    """The configuration and the rules chosen by it and the command line (--select replaces, --ignore adds)."""
    from checker.rules.registry import select_rules, unknown_rule_patterns

    settings = _load_settings(config)
    selected, ignored = _split(select) or settings.select, _split(ignore) + settings.ignore
    unknown = unknown_rule_patterns(selected + ignored)
    if unknown:
        raise _fail(f"unknown rule(s): {', '.join(unknown)} (see 'digest-check rules')")
    return settings, select_rules(selected, ignored)


def _load_settings(path: Path | None) -> "Config":
    from checker.cli.config import ConfigError, load_config

    try:
        return load_config(path)
    except ConfigError as exc:
        raise _fail(str(exc)) from None


def _severity_overrides(settings: "Config") -> "dict[str, Severity]":
    """Config severities keyed by rule id (prefixes and names expanded to the rules they match)."""
    from checker.rules.registry import select_rules

    overrides = {}
    for pattern, severity in settings.severity.items():
        for rule in select_rules([pattern], None):
            overrides[rule.id] = severity
    return overrides


def _apply_paper_ignores(report: "AuditReport", settings: "Config") -> list[str]:
    """Drop findings a per-paper ignore of the configuration covers; say how many (``eval`` uses it)."""
    if not settings.per_paper_ignores:
        return []
    from checker.cli.pipeline import paper_ignorer

    drop = paper_ignorer(settings)
    dropped = sum(drop(paper) for digest in report.digests for paper in digest.papers)
    return [f"{dropped} finding(s) ignored by per-paper-ignores in {settings.path}"] if dropped else []


def _write(text: str, output: Path | None) -> None:
    """All of ``text`` to ``output`` or stdout, never raising on what it holds (see ``SafeWriter``)."""
    from checker.render.common import SafeWriter, stdout_writer

    if output is None:
        writer = stdout_writer()
        writer.write(text)
        writer.flush()
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        with output.open("wb") as handle:
            SafeWriter(handle).write(text)
    except OSError as exc:
        raise _fail(f"cannot write {output}: {exc.strerror}") from None


class RulesFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command()
def rules(
    format: Annotated[RulesFormat, typer.Option("--format", "-f")] = RulesFormat.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the list here, not stdout.")] = None,
) -> None:
    """List the rules: id, name, category, default severity, held-out precision and what each catches."""
    import json

    from checker.rules.calibration import FOOTNOTE, calibrations, heldout_cells
    from checker.rules.registry import all_rules

    listed = all_rules()
    if format is RulesFormat.markdown:
        lines = ["| id | name | category | default severity | held-out precision | held-out recall | what it catches |",
                 "|---|---|---|---|---|---|---|"]
        lines += [f"| {r.id} | `{r.name}` | {r.category.value} | {r.severity.value} | "
                  f"{' | '.join(heldout_cells(r.id))} | {r.summary} |" for r in listed]
        lines += ["", FOOTNOTE]
    elif format is RulesFormat.json:
        measured = calibrations()
        payload = [
            {"id": r.id, "name": r.name, "category": r.category.value, "severity": r.severity.value,
             "scope": r.scope, "doc": r.doc,
             "heldout": vars(measured[r.id].heldout) if r.id in measured else None}
            for r in listed
        ]
        lines = [json.dumps(payload, ensure_ascii=False, indent=2)]
    else:
        lines = [f"{r.id}  {r.name:<26} {r.category.value:<19} {r.severity.value:<8} "
                 f"{heldout_cells(r.id)[0]:>12}  {r.summary}" for r in listed]
        lines += ["", FOOTNOTE]
    _write("\n".join(lines) + "\n", output)


@app.command()
def report(
    paths: Annotated[list[str], typer.Argument(help="Digest files, folders or globs; - for standard input.")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Folder for index.html, report.md, report.json [default: reports/latest].")] = None,
    out: Annotated[Path | None, typer.Option("--out", hidden=True, help="Old name of --output.")] = None,
    select: Annotated[list[str] | None, typer.Option(help="Only these rules (ids, prefixes, names).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rules (ids, prefixes, names).")] = None,
    language: Annotated[Language | None, typer.Option(help="Summary language when the file name does not say.")] = None,
    details: Annotated[int, typer.Option(help="Papers per digest shown side by side, worst first (0 = all).")] = 150,
    config: Annotated[Path | None, typer.Option("--config", help="digest-check.toml or pyproject.toml.")] = None,
    progress: Annotated[bool, typer.Option(help="Progress bar on stderr (only on a terminal).")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary line.")] = False,
) -> None:
    """Write a quality report: a self-contained index.html with charts, report.md and report.json."""
    from checker.render.common import safe_streams

    safe_streams()
    _refuse_stdin_twice(paths)
    if output is not None and out is not None and output != out:
        raise _fail("give the report folder once: --output (or its old name --out)")
    folder = output or out or Path("reports/latest")
    from checker.cli import pipeline as run
    from checker.engine.audit import AuditOptions
    from checker.model import DigestReport
    from checker.render.report import collect, write_report

    settings, rules = _settings_and_rules(config, select, ignore)
    options = AuditOptions(rules=rules, severity_overrides=_severity_overrides(settings))
    ignorer = run.paper_ignorer(settings) if settings.per_paper_ignores else None

    def adjust(digest: DigestReport) -> None:
        if ignorer is not None:
            for paper in digest.papers:
                ignorer(paper)

    bar = run.ProgressBar(run.estimate_papers(run.plain_files(paths))) \
        if run.progress_wanted(progress and not quiet) else None
    if bar is not None:
        options.on_paper = bar.tick
    try:
        audited, views = collect(paths, options, language.value if language else settings.language or "zh", adjust)
        for problem in audited.problems + [p for d in audited.digests for p in d.problems]:
            run.echo_err(run.problem_line(problem))
        if not any(v.report.format != "unknown" for v in views):  # each path said why on stderr
            raise typer.Exit(EXIT_CANNOT_CHECK)
        if not any(v.report.papers for v in views):
            raise _fail("no papers found in: " + " ".join(paths))
        if bar is not None:
            bar.describe("writing the report")
        try:
            write_report(audited, views, folder, detail_limit=details)
        except OSError as exc:
            raise _fail(f"cannot write {folder}: {exc.strerror}") from None
    finally:
        if bar is not None:
            bar.close()
    s = audited.summary
    if not quiet:
        run.echo_err(f"wrote {folder / 'index.html'}, report.md, report.json: {s.papers} papers in "
                     f"{s.digests} digest(s), {s.findings} findings")


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", help="Show the version and exit.")] = False,
) -> None:
    if version:
        from checker import __version__

        typer.echo(f"digest-check {__version__}")
        raise typer.Exit(0)


import checker.cli.eval_command  # noqa: E402,F401  (registers eval)
from checker.cli import spot_commands  # noqa: E402  (registers paper and check)
from checker.cli.judge_batch import batch_app  # noqa: E402  (the judge's Batch API commands)

app.add_typer(batch_app, name="judge-batch")


def main() -> None:
    spot_commands.exit_without_teardown = False
    try:
        app()
    except SystemExit as done:
        if spot_commands.exit_without_teardown and (done.code is None or isinstance(done.code, int)):
            _exit_now(done.code or 0)
        raise


def _exit_now(code: int) -> None:
    """Flush the output and leave without the interpreter's teardown (see ``_one_paper_run``)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # a closed pipe: the ordinary exit deals with it, as before
    os._exit(code)
