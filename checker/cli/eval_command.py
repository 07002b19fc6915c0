"""``digest-check eval LABELS... --digest DIGEST...``: score the audit (with or without the judge) on hand labels.

The labels are issue 8's format (``eval/labels/STANDARD.md``); the definitions are
``checker.model.labels.score``: only warning and error findings count, families are format and content, a
finding answers a labelled error of its family on the error's block (``all`` takes any block, a paper-level
finding answers every block). Each label file is scored against its own digest:

    digest-check eval eval/labels/heldout/X.labels.jsonl --digest eval/labels/digests/heldout/X.jsonl
    digest-check eval eval/labels/heldout --digest eval/labels/digests/heldout     # folders, paired by name
    digest-check eval eval/labels/heldout                                          # the digests/ layout
    digest-check eval eval/labels/heldout --llm --model gpt-4o-mini --format json  # the judge's agreement

Exit 0 whatever the figures; 2 when a file cannot be read or paired.

No ``from __future__ import annotations``: typer reads the annotations (see ``checker.cli.app``).
"""

import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checker.cli.common import EXIT_OK, app
from checker.cli.common import fail as _fail

if TYPE_CHECKING:
    from checker.model import Finding
    from checker.model.labels import PaperLabel, Score

LABEL_SUFFIX = ".labels.jsonl"
SHOWN = 200  # misses and false alarms listed in the text output, each


class EvalFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("eval")
def eval_labels(
    labels: Annotated[list[Path], typer.Argument(help="Label files (*.labels.jsonl) or folders of them.")],
    digest: Annotated[list[Path] | None, typer.Option(
        "--digest", help="The digest of each label file, in order, or a folder holding <name>.jsonl for each "
                         "<name>.labels.jsonl (default: ../digests/<half>/ beside the labels' folder).")] = None,
    format: Annotated[EvalFormat, typer.Option("--format", "-f", help="text or json.")] = EvalFormat.text,
    config: Annotated[Path | None, typer.Option(
        "--config", help="digest-check.toml or pyproject.toml (default: found from the current folder up).")] = None,
    llm: Annotated[bool, typer.Option("--llm", help="Also run the LLM judge (key from OPENAI_API_KEY).")] = False,
    model: Annotated[str | None, typer.Option(help="Judge model (default: config, gpt-4o-mini).")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible server (default $OPENAI_BASE_URL).")] = None,
    llm_on: Annotated[str, typer.Option(help="Judge all papers, flagged ones, or sample:N[:SEED].")] = "all",
    max_cost: Annotated[float | None, typer.Option(help="With --llm: hard limit in USD.")] = None,
    max_tokens: Annotated[int | None, typer.Option(help="With --llm: hard limit in tokens (in + out).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="With --llm: ignore the judgment cache.")] = False,
    cache_dir: Annotated[Path | None, typer.Option(help="With --llm: cache folder.")] = None,
    concurrency: Annotated[int, typer.Option(help="With --llm: requests in flight.")] = 8,
    timeout: Annotated[float | None, typer.Option(help="With --llm: seconds per request (default 60).")] = None,
) -> None:
    """Score the audit against hand labels: paper and block recall, clean-paper flag rate, block precision."""
    from checker.model.labels import LabelFileError, read_labels

    pairs = pair_files(labels, digest or [])
    all_labels: list[PaperLabel] = []
    try:
        for number, (label_file, _) in enumerate(pairs):
            all_labels += [label.model_copy(update={"arxiv_id": f"{number}#{label.arxiv_id}"})
                           for label in read_labels(label_file)]
    except LabelFileError as exc:
        raise _fail(str(exc)) from None
    findings = _audit(pairs, config, llm=llm, model=model, base_url=base_url, llm_on=llm_on, max_cost=max_cost,
                      max_tokens=max_tokens, no_cache=no_cache, cache_dir=cache_dir, concurrency=concurrency,
                      timeout=timeout)
    from checker.model.labels import score

    result = score(all_labels, findings)
    if format is EvalFormat.json:
        sys.stdout.write(json.dumps(result.model_dump(), indent=2) + "\n")
    else:
        sys.stdout.write(render_eval(result, all_labels, findings, pairs, judged=llm))
    sys.stdout.flush()
    raise typer.Exit(EXIT_OK)


def pair_files(labels: list[Path], digests: list[Path]) -> list[tuple[Path, Path]]:
    """(label file, digest) pairs: explicit files in order, a folder by name, or the eval/labels layout."""
    label_files: list[Path] = []
    for path in labels:
        if path.is_dir():
            found = sorted(path.glob(f"*{LABEL_SUFFIX}"))
            if not found:
                raise _fail(f"no *{LABEL_SUFFIX} files in {path}")
            label_files += found
        elif path.is_file():
            label_files.append(path)
        else:
            raise _fail(f"no such label file or folder: {path}")
    if digests and not (len(digests) == 1 and digests[0].is_dir()):
        if len(digests) != len(label_files):
            raise _fail(f"{len(label_files)} label file(s) but {len(digests)} --digest file(s): give one digest "
                        "per label file, in the same order, or a folder")
        missing = [d for d in digests if not d.is_file()]
        if missing:
            raise _fail(f"no such digest: {missing[0]}")
        return list(zip(label_files, digests, strict=True))
    pairs = []
    for label_file in label_files:
        stem = label_file.name[: -len(LABEL_SUFFIX)] if label_file.name.endswith(LABEL_SUFFIX) else label_file.stem
        folder = digests[0] if digests else label_file.parent.parent / "digests" / label_file.parent.name
        candidates = [folder / f"{stem}.jsonl", folder / f"{stem}.md"]
        found_digest = next((c for c in candidates if c.is_file()), None)
        if found_digest is None:
            raise _fail(f"no digest for {label_file} (looked for {candidates[0]}); name it with --digest")
        pairs.append((label_file, found_digest))
    return pairs


def _audit(pairs: list[tuple[Path, Path]], config: Path | None, *, llm: bool, model: str | None,
           base_url: str | None, llm_on: str, max_cost: float | None, max_tokens: int | None, no_cache: bool,
           cache_dir: Path | None, concurrency: int, timeout: float | None) -> "dict[str, list[Finding]]":
    """Findings of every paper, keyed "<pair>#<arxiv id>" (a paper's records together), as ``audit`` makes them."""
    from checker.cli.app import _apply_paper_ignores, _settings_and_rules, _severity_overrides
    from checker.engine.audit import AuditOptions, audit
    from checker.judge.entry import judge_from_cli
    from checker.read import discover_sources

    settings, rules = _settings_and_rules(config, None, None)
    discovery = discover_sources([str(d) for _, d in pairs], default_language=settings.language or "zh")
    report = audit(discovery.sources, AuditOptions(rules=rules, severity_overrides=_severity_overrides(settings)))
    judge_from_cli(report, discovery.sources, llm=llm, model=model or settings.llm.get("model"),
                   base_url=base_url or settings.llm.get("base-url"), llm_on=llm_on, dry_run=False,
                   max_cost=max_cost, max_tokens=max_tokens, no_cache=no_cache, cache_dir=cache_dir,
                   concurrency=concurrency, timeout=timeout)
    _apply_paper_ignores(report, settings)
    by_path = {Path(d.path).resolve(): d for d in report.digests}
    findings: dict[str, list[Finding]] = {}
    for number, (_, digest_path) in enumerate(pairs):
        digest_report = by_path.get(digest_path.resolve())
        if digest_report is None:
            for problem in discovery.problems:
                typer.echo(f"digest-check: {problem.message}", err=True)
            raise _fail(f"cannot read the digest {digest_path}")
        for paper in digest_report.papers:
            findings.setdefault(f"{number}#{paper.arxiv_id}", []).extend(paper.findings)
    return findings


def render_eval(result: "Score", labels: "list[PaperLabel]", findings: "dict[str, list[Finding]]",
                pairs: list[tuple[Path, Path]], judged: bool) -> str:
    from checker.model.labels import answers, counts

    def pct(value: float | None) -> str:
        return "-" if value is None else f"{100 * value:.1f}%"

    lines = [f"{len(pairs)} label file(s), {result.papers} papers ({result.error_papers} with a labelled error), "
             f"{result.errors} labelled errors; {'rules and judge' if judged else 'rules alone'}",
             f"  paper recall     {pct(result.paper_recall)}  papers with an error that get a finding answering one",
             f"  block recall     {pct(result.block_recall)}  labelled errors answered by a finding",
             f"  clean flag rate  {pct(result.clean_flag_rate)}  clean papers that get any finding",
             f"  block precision  {pct(result.block_precision)}  of {result.findings} findings (warning, error) on "
             "labelled papers, those answering a labelled error", ""]
    misses, alarms = [], []
    for label in labels:
        number, arxiv_id = label.arxiv_id.split("#", 1)
        where = pairs[int(number)][1].name
        found = [f for f in findings.get(label.arxiv_id, []) if counts(f)]
        for error in label.errors:
            if not any(answers(f, error) for f in found):
                misses.append(f"  {arxiv_id} [{error.block}] {error.type}: {error.summary_span[:60] or '(omission)'}"
                              f"  ({error.explanation[:60]}; {where})")
        for finding in found:
            if not any(answers(finding, error) for error in label.errors):
                alarms.append(f"  {arxiv_id} {finding.rule} [{finding.block or 'paper'}] {finding.message[:90]}")
    for title, rows in (("missed (labelled errors no finding answers)", misses),
                        ("false alarms (findings answering no labelled error)", alarms)):
        lines.append(f"{title}: {len(rows)}")
        lines += rows[:SHOWN]
        if len(rows) > SHOWN:
            lines.append(f"  ... and {len(rows) - SHOWN} more")
        lines.append("")
    return "\n".join(lines)
