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
    paths: Annotated[list[str], typer.Argument(help="Digest files (.jsonl, .md), folders or globs.")],
    format: Annotated[OutputFormat | None, typer.Option(
        "--format", "-f", help="Output format (default text; github when GITHUB_ACTIONS=true).")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here, not stdout.")] = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        help="Exit 1 when a finding is at least this severe (default error).")] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even with findings.")] = False,
    select: Annotated[list[str] | None, typer.Option(help="Only these rules (ids, prefixes, names).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rules (ids, prefixes, names).")] = None,
    language: Annotated[Language | None, typer.Option(
        help="Expected summary language when the file name does not say (default zh).")] = None,
    progress: Annotated[bool, typer.Option(help="Progress on stderr (only on a terminal).")] = True,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, help="Worker processes for big or many digests (0: one per CPU, at most 4).")] = 0,
    config: Annotated[Path | None, typer.Option(
        "--config", help="digest-check.toml or pyproject.toml (default: found from the current folder up).")] = None,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", help="Accept the findings listed in this baseline file; report only new ones.")] = None,
    write_baseline: Annotated[Path | None, typer.Option(
        "--write-baseline", help="Write today's findings to this baseline file (and exit 0).")] = None,
    llm: Annotated[bool, typer.Option("--llm", help="Also run the LLM judge (key from OPENAI_API_KEY).")] = False,
    model: Annotated[str | None, typer.Option(help="Judge model (default: config, $MODEL_NAME, gpt-4o-mini).")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible server (default $OPENAI_BASE_URL).")] = None,
    llm_on: Annotated[str, typer.Option(help="Judge all papers, flagged ones, or sample:N[:SEED].")] = "all",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="With --llm: estimate requests, tokens, cost.")] = False,
    max_cost: Annotated[float | None, typer.Option(help="With --llm: hard limit in USD.")] = None,
    max_tokens: Annotated[int | None, typer.Option(help="With --llm: hard limit in tokens (in + out).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="With --llm: ignore the judgment cache.")] = False,
    cache_dir: Annotated[Path | None, typer.Option(help="With --llm: cache folder.")] = None,
    concurrency: Annotated[int, typer.Option(help="With --llm: requests in flight.")] = 8,
) -> None:
    """Audit digests and report findings with their evidence."""
    from checker.engine.audit import AuditOptions
    from checker.engine.audit import audit as run_audit
    from checker.model import DigestFormat, Severity
    from checker.read import discover_sources
    from checker.render.text import format_problem

    settings, rules = _settings_and_rules(config, select, ignore)
    default_language = language.value if language else settings.language or "zh"
    discovery = discover_sources(paths, default_language=default_language)
    readable = [s for s in discovery.sources if s.format is not DigestFormat.unknown]
    options = AuditOptions(rules=rules, severity_overrides=_severity_overrides(settings), jobs=jobs)
    counter = _Progress() if progress and sys.stderr.isatty() else None
    if counter:
        options.on_paper = counter.tick
    report = run_audit(discovery.sources, options)
    report.problems = discovery.problems
    from checker.judge.entry import judge_from_cli

    judge_from_cli(report, discovery.sources, llm=llm, model=model or settings.llm.get("model"),
                   base_url=base_url or settings.llm.get("base-url"), llm_on=llm_on, dry_run=dry_run,
                   max_cost=max_cost, max_tokens=max_tokens, no_cache=no_cache, cache_dir=cache_dir,
                   concurrency=concurrency)
    from checker.model import summarize

    notes = _apply_paper_ignores(report, settings)
    report.summary = summarize(report)
    if counter:
        counter.done()
    if write_baseline is not None:
        from checker.engine.baseline import Baseline

        _write(Baseline.from_report(report).to_json(), write_baseline)
        typer.echo(f"digest-check: wrote {len(report.all_findings())} finding(s) to baseline {write_baseline}", err=True)
    elif baseline is not None or settings.baseline:
        notes.append(_apply_baseline(report, baseline or Path(settings.baseline or "")))
    for problem in report.problems + [p for d in report.digests for p in d.problems]:
        typer.echo(format_problem(problem), err=True)
    chosen = format or (OutputFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else OutputFormat.text)
    _write(_render(report, chosen, notes), output)
    for note in notes:
        typer.echo(f"digest-check: {note}", err=True)
    if not readable:
        raise typer.Exit(EXIT_CANNOT_CHECK)
    threshold_name = fail_on.value if fail_on else settings.fail_on or "error"
    if exit_zero or threshold_name == "never" or write_baseline is not None:
        raise typer.Exit(EXIT_OK)
    worst = report.worst_severity()
    threshold = Severity(threshold_name)
    raise typer.Exit(EXIT_FINDINGS if worst is not None and worst.rank >= threshold.rank else EXIT_OK)


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
    """Drop findings a per-paper ignore of the configuration covers; say how many."""
    if not settings.per_paper_ignores:
        return []
    dropped = 0
    for digest in report.digests:
        for paper in digest.papers:
            kept = [f for f in paper.findings if settings.paper_ignore(paper.arxiv_id, f.rule, f.name) is None]
            dropped += len(paper.findings) - len(kept)
            paper.findings = kept
    return [f"{dropped} finding(s) ignored by per-paper-ignores in {settings.path}"] if dropped else []


def _apply_baseline(report: "AuditReport", path: Path) -> str:
    from checker.engine.baseline import Baseline, BaselineError, apply_baseline

    try:
        result = apply_baseline(report, Baseline.load(path))
    except BaselineError as exc:
        raise _fail(str(exc)) from None
    for entry in result.stale[:20]:
        typer.echo(f"digest-check: stale baseline entry {entry.rule} {entry.arxiv_id} [{entry.block}] "
                   f"{entry.span[:60]!r}", err=True)
    return result.describe()


def _render(report: "AuditReport", format: OutputFormat, notes: list[str] | None = None) -> str:
    if format is OutputFormat.json:
        from checker.render.json_report import render_json

        return render_json(report)
    if format is OutputFormat.github:
        from checker.render.github import render_github
        from checker.render.markdown import append_job_summary, render_markdown

        append_job_summary(render_markdown(report, notes=notes or ()))
        return render_github(report)
    if format is OutputFormat.sarif:
        from checker.render.sarif import render_sarif

        return render_sarif(report)
    if format is OutputFormat.junit:
        from checker.render.junit import render_junit

        return render_junit(report)
    from checker.render.text import render_text

    return render_text(report)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise _fail(f"cannot write {output}: {exc.strerror}") from None


class _Progress:
    def __init__(self) -> None:
        self.count = 0

    def tick(self) -> None:
        self.count += 1
        if self.count % 500 == 0:
            sys.stderr.write(f"\rchecked {self.count} papers")
            sys.stderr.flush()

    def done(self) -> None:
        if self.count >= 500:
            sys.stderr.write(f"\rchecked {self.count} papers\n")


class RulesFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command()
def rules(
    format: Annotated[RulesFormat, typer.Option("--format", "-f")] = RulesFormat.text,
) -> None:
    """List the rules: id, name, category, default severity and what each catches."""
    import json

    from checker.rules.registry import all_rules

    listed = all_rules()
    if format is RulesFormat.markdown:
        typer.echo("| id | name | category | default severity | what it catches |")
        typer.echo("|---|---|---|---|---|")
        for r in listed:
            typer.echo(f"| {r.id} | `{r.name}` | {r.category.value} | {r.severity.value} | {r.summary} |")
        return
    if format is RulesFormat.json:
        payload = [
            {"id": r.id, "name": r.name, "category": r.category.value, "severity": r.severity.value,
             "scope": r.scope, "doc": r.doc}
            for r in listed
        ]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for r in listed:
        typer.echo(f"{r.id}  {r.name:<24} {r.category.value:<20} {r.severity.value:<8} {r.summary}")


@app.command()
def report(
    paths: Annotated[list[str], typer.Argument(help="Digest files, folders or globs.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for index.html, report.md, report.json.")] = Path(
        "reports/latest"),
    select: Annotated[list[str] | None, typer.Option(help="Only these rules (ids, prefixes, names).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rules (ids, prefixes, names).")] = None,
    language: Annotated[Language | None, typer.Option(help="Summary language when the file name does not say.")] = None,
    details: Annotated[int, typer.Option(help="Papers per digest shown side by side, worst first (0 = all).")] = 150,
    config: Annotated[Path | None, typer.Option("--config", help="digest-check.toml or pyproject.toml.")] = None,
) -> None:
    """Write a quality report: a self-contained index.html with charts, report.md and report.json."""
    from checker.engine.audit import AuditOptions
    from checker.model import AuditReport, DigestReport
    from checker.render.report import collect, write_report

    settings, rules = _settings_and_rules(config, select, ignore)
    options = AuditOptions(rules=rules, severity_overrides=_severity_overrides(settings))

    def adjust(digest: DigestReport) -> None:
        _apply_paper_ignores(AuditReport(digests=[digest]), settings)

    audited, views = collect(paths, options, language.value if language else settings.language or "zh", adjust)
    if not any(v.report.papers for v in views):
        raise _fail("no papers found in: " + " ".join(paths))
    try:
        write_report(audited, views, out, detail_limit=details)
    except OSError as exc:
        raise _fail(f"cannot write {out}: {exc.strerror}") from None
    s = audited.summary
    typer.echo(f"wrote {out / 'index.html'}, report.md, report.json: {s.papers} papers in {s.digests} digest(s), "
               f"{s.findings} findings")


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
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
