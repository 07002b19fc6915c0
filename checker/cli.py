"""The ``digest-check`` command line (typer). Heavy modules are imported inside the commands."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="digest-check",
    help="Check that the AI summaries of an arXiv digest say what the English abstracts say.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_CHECK = 0, 1, 2


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Language(str, Enum):
    zh = "zh"
    en = "en"
    ja = "ja"


def _split(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _fail(message: str) -> typer.Exit:
    typer.echo(f"digest-check: {message}", err=True)
    return typer.Exit(EXIT_CANNOT_CHECK)


@app.command()
def audit(
    paths: Annotated[list[str], typer.Argument(help="Digest files (.jsonl, .md), folders or globs.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here, not stdout.")] = None,
    fail_on: Annotated[FailOn, typer.Option(help="Exit 1 when a finding is at least this severe.")] = FailOn.error,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even with findings.")] = False,
    select: Annotated[list[str] | None, typer.Option(help="Only these rules (ids, prefixes, names).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rules (ids, prefixes, names).")] = None,
    language: Annotated[Language | None, typer.Option(
        help="Expected summary language when the file name does not say (default zh).")] = None,
    progress: Annotated[bool, typer.Option(help="Progress on stderr (only on a terminal).")] = True,
) -> None:
    """Audit digests and report findings with their evidence."""
    from checker.checks.registry import select_rules, unknown_rule_patterns
    from checker.engine import AuditOptions
    from checker.engine import audit as run_audit
    from checker.models import DigestFormat, Severity
    from checker.output.text_report import format_problem
    from checker.read import discover_sources

    selected, ignored = _split(select), _split(ignore)
    unknown = unknown_rule_patterns(selected + ignored)
    if unknown:
        raise _fail(f"unknown rule(s): {', '.join(unknown)} (see 'digest-check rules')")
    discovery = discover_sources(paths, default_language=(language.value if language else "zh"))
    readable = [s for s in discovery.sources if s.format is not DigestFormat.unknown]
    options = AuditOptions(rules=select_rules(selected, ignored))
    counter = _Progress() if progress and sys.stderr.isatty() else None
    if counter:
        options.on_paper = counter.tick
    report = run_audit(discovery.sources, options)
    report.problems = discovery.problems
    from checker.results import summarize

    report.summary = summarize(report)
    if counter:
        counter.done()
    for problem in report.problems + [p for d in report.digests for p in d.problems]:
        typer.echo(format_problem(problem), err=True)
    _write(_render(report, format), output)
    if not readable:
        raise typer.Exit(EXIT_CANNOT_CHECK)
    if exit_zero or fail_on is FailOn.never:
        raise typer.Exit(EXIT_OK)
    worst = report.worst_severity()
    threshold = Severity(fail_on.value)
    raise typer.Exit(EXIT_FINDINGS if worst is not None and worst.rank >= threshold.rank else EXIT_OK)


def _render(report: object, format: OutputFormat) -> str:
    from checker.results import AuditReport

    assert isinstance(report, AuditReport)
    if format is OutputFormat.json:
        from checker.output.json_report import render_json

        return render_json(report)
    from checker.output.text_report import render_text

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


@app.command()
def rules(
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,
) -> None:
    """List the rules: id, name, category, default severity and what each catches."""
    import json

    from checker.checks.registry import all_rules

    listed = all_rules()
    if format is OutputFormat.json:
        payload = [
            {"id": r.id, "name": r.name, "category": r.category.value, "severity": r.severity.value,
             "scope": r.scope, "doc": r.doc}
            for r in listed
        ]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for r in listed:
        typer.echo(f"{r.id}  {r.name:<24} {r.category.value:<20} {r.severity.value:<8} {r.summary}")


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    if version:
        from checker import __version__

        typer.echo(f"digest-check {__version__}")
        raise typer.Exit(0)


def main() -> None:
    app()
