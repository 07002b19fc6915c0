"""The one-paper commands: ``paper`` (spot-check a paper of a digest) and ``check`` (a loose pair).

No ``from __future__ import annotations``: typer reads the annotations (see ``checker.cli.app``).
"""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from checker.cli.common import EXIT_FINDINGS, EXIT_OK, Language, SpotFormat, app
from checker.cli.common import fail as _fail
from checker.cli.common import split_values as _split


@app.command()
def paper(
    query: Annotated[str, typer.Argument(help="arXiv id (with or without version), index in the digest, or title words.")],
    digests: Annotated[list[Path] | None, typer.Argument(help="Digests to search (default: ./data).")] = None,
    format: Annotated[SpotFormat, typer.Option("--format", "-f", help="The view (text) or json.")] = SpotFormat.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write it here, not stdout.")] = None,
    select: Annotated[list[str] | None, typer.Option(help="Only these rules.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rules.")] = None,
    width: Annotated[int | None, typer.Option(help="Terminal width for the view.")] = None,
    llm: Annotated[bool, typer.Option("--llm", help="Also ask the LLM judge about this paper.")] = False,
    model: Annotated[str | None, typer.Option(help="Judge model (default gpt-4o-mini; never the generator's $MODEL_NAME).")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible server (default $OPENAI_BASE_URL).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Ask the judge again even if cached.")] = False,
    cache_dir: Annotated[Path | None, typer.Option(help="Judge cache folder.")] = None,
) -> None:
    """Spot-check one paper: each summary sentence beside the abstract, highlights and findings."""
    with _one_paper_run(fast_exit=not llm):
        from checker.render import spot

        places = digests or [Path("data")]
        try:
            found = spot.locate(query, places)
        except spot.SpotError as exc:
            raise _fail(str(exc)) from None
        findings = spot.check(found.paper, found.language, _split(select), _split(ignore))
        if llm:
            findings = _judge_one(found, findings, model=model, base_url=base_url, no_cache=no_cache,
                                  cache_dir=cache_dir)
        from checker.render.common import repo_relative

        digest = repo_relative(found.digest)
        where = f"{digest}:{found.paper.line}" if found.paper.line else digest
        _show_spot(found.paper, findings, where, format, width, output)


exit_without_teardown = False  # set by a one-paper command: main() may skip the interpreter's teardown


@contextmanager
def _one_paper_run(*, fast_exit: bool = True) -> Iterator[None]:
    """A one-paper command: no cyclic garbage collection while it runs, and no teardown after it.

    Its time is mostly imports (pydantic, the rules, rich) whose objects live until exit: the
    collector would walk them again and again (~7% of a spot check) and the interpreter's teardown
    would free them one by one (~9%). Such a command leaves nothing to clean up (no open files,
    no threads, no worker processes), so ``main`` ends it with ``os._exit`` once the output is
    flushed; not with --llm, whose client and cache may still hold resources.
    """
    from checker.engine.gc_pause import paused_gc

    global exit_without_teardown
    exit_without_teardown = fast_exit
    with paused_gc():
        yield


def _judge_one(found: object, findings: list, *, model: str | None, base_url: str | None, no_cache: bool,
               cache_dir: Path | None) -> list:
    """Run the judge on the one located paper, through the same entry point as ``audit --llm``."""
    from checker.judge.entry import judge_from_cli
    from checker.model import AuditReport, DigestReport, PaperReport, summarize
    from checker.read.source import open_source
    from checker.render.spot import Located

    assert isinstance(found, Located)
    paper = found.paper
    paper_report = PaperReport(arxiv_id=paper.arxiv_id, index=paper.index, title=paper.title, line=paper.line,
                               findings=findings)
    source = open_source(Path(found.digest))
    report = AuditReport(digests=[DigestReport(path=str(source.path), format=source.format.value,
                                               language=found.language, papers_total=1, papers=[paper_report])])
    report.summary = summarize(report)
    judge_from_cli(report, [source], llm=True, model=model, base_url=base_url, llm_on="all", dry_run=False,
                   max_cost=None, max_tokens=None, no_cache=no_cache, cache_dir=cache_dir, concurrency=1)
    return list(report.digests[0].papers[0].findings)


@app.command()
def check(
    abstract: Annotated[str, typer.Option("--abstract", help="File with the English abstract, or - for stdin.")],
    summary: Annotated[str, typer.Option(
        "--summary", help="File with the summary (five labelled blocks or JSON), or - for stdin.")],
    language: Annotated[Language, typer.Option(help="Language of the summary.")] = Language.zh,
    format: Annotated[SpotFormat, typer.Option("--format", "-f", help="The view (text) or json.")] = SpotFormat.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write it here, not stdout.")] = None,
    select: Annotated[list[str] | None, typer.Option(help="Only these rules.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rules.")] = None,
    width: Annotated[int | None, typer.Option(help="Terminal width for the view.")] = None,
) -> None:
    """Check one abstract/summary pair that is not in a digest."""
    with _one_paper_run():
        from checker.render import spot

        stdin_text = sys.stdin.read() if "-" in (abstract, summary) else None
        try:
            abstract_text = spot.read_input(abstract, stdin_text)
            summary_text = spot.read_input(summary, None if abstract == "-" else stdin_text)
            loose = spot.loose_paper(abstract_text, summary_text)
        except spot.SpotError as exc:
            raise _fail(str(exc)) from None
        findings = spot.check(loose, language.value, _split(select), _split(ignore))
        _show_spot(loose, findings, "command line", format, width, output)


def _show_spot(paper: object, findings: list, where: str, format: SpotFormat, width: int | None,
               output: Path | None) -> None:
    from checker.model import Paper, Severity
    from checker.render import spot
    from checker.render.common import SafeWriter, stdout_writer

    assert isinstance(paper, Paper)
    if format is SpotFormat.json:
        text = spot.findings_json(paper, findings, where)
    else:
        text = spot.render(paper, findings, where, width, colour=False if output is not None else None)
    if output is None:
        writer = stdout_writer()
        writer.write(text)
        writer.flush()
    else:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            with output.open("wb") as handle:
                SafeWriter(handle).write(text)
        except OSError as exc:
            raise _fail(f"cannot write {output}: {exc.strerror}") from None
    raise typer.Exit(EXIT_FINDINGS if any(f.severity is Severity.error for f in findings) else EXIT_OK)
