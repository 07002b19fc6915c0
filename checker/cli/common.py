"""What every command shares: the typer app, exit codes, option enums and the one-line failure."""

from enum import Enum

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
    github = "github"
    sarif = "sarif"
    junit = "junit"


class SpotFormat(str, Enum):
    """What ``paper`` and ``check`` can write: the side-by-side view, or JSON."""

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


def split_values(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def fail(message: str) -> typer.Exit:
    """Say what stops the command on standard error, each line escaped, and return the exit to raise (code 2)."""
    import sys

    from checker.render.common import guard_lines, printable

    lines = [printable(line) for line in f"digest-check: {message}".split("\n")]
    sys.stderr.write(guard_lines("\n".join(lines)) + "\n")
    sys.stderr.flush()
    return typer.Exit(EXIT_CANNOT_CHECK)
