"""Spot-check one paper: find it in a digest (or take a loose abstract/summary pair), check it, show it.

The view is side by side (rich): each summary sentence beside the abstract sentence that best
supports it, numbers and names highlighted, the spans a finding points at marked, findings listed.
Only paper rules run (the digest rules need the whole file), so a spot check stays well under a
second even on a large digest: the file is streamed and reading stops at the paper.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from checker.model import BLOCK_LABELS, BLOCK_NAMES, Block, DigestFormat, Finding, Paper

if TYPE_CHECKING:
    from rich.text import Text

    from checker.read.source import DigestSource, PaperStub

_ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(v\d+)?$")
_LABELS: dict[str, str] = {
    "tldr": "tldr", "tl;dr": "tldr", "tl; dr": "tldr", "summary": "tldr", "总结": "tldr", "摘要": "tldr",
    "motivation": "motivation", "动机": "motivation", "研究动机": "motivation",
    "method": "method", "methods": "method", "方法": "method",
    "result": "result", "results": "result", "结果": "result",
    "conclusion": "conclusion", "conclusions": "conclusion", "结论": "conclusion",
}
_LABEL_LINE = re.compile(r"^\s*(?:[-*>#]+\s*)?(?:\*\*)?([A-Za-z;: \u4e00-\u9fff]{2,14}?)(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*(.*)$")


class SpotError(ValueError):
    """The paper was not found, the query is ambiguous, or the input cannot be read."""


@dataclass
class Located:
    paper: Paper
    digest: str
    language: str


def _matches(paper: PaperStub, query: str) -> bool:
    match = _ARXIV_ID.match(query)
    if match:
        bare = match.group(1)
        return paper.arxiv_id == query or paper.arxiv_id.split("v")[0] == bare or paper.arxiv_id == bare
    if query.isdigit():
        return paper.index == int(query)
    return query.casefold() in paper.title.casefold()


def locate(query: str, digests: Iterable[Path], default_language: str = "zh") -> Located:
    """The paper ``query`` names (arXiv id with or without version, digest index, or title fragment).

    Papers are matched on their id, index and title as read; only the one shown becomes a Paper model. An id
    or index query stops reading each digest at its match; when more than one digest has a match (index 17
    in a folder of daily digests, a paper listed on two days), the query is ambiguous and every match is
    named (``SpotError``), so that the user can name the digest.
    """
    from checker.read.discover import discover_sources

    query = query.strip()
    if not query:
        raise SpotError("empty paper query")
    exact = bool(_ARXIV_ID.match(query)) or query.isdigit()
    discovery = discover_sources([str(p) for p in digests], default_language=default_language)
    found: list[tuple[PaperStub, DigestSource]] = []
    searched = 0
    for source in discovery.sources:
        if source.format is DigestFormat.unknown:
            continue
        searched += 1
        for stub in source.iter_stubs():
            if not _matches(stub, query):
                continue
            found.append((stub, source))
            if exact or len(found) > 5:
                break  # an id or index: this digest's match; a title: enough to say it is ambiguous
        if len(found) > 5 and not exact:
            break
    if searched == 0:
        raise SpotError("no readable digest among: " + ", ".join(str(p) for p in digests))
    if len(found) == 1:
        stub, source = found[0]
        return Located(stub.build(), str(source.path), source.language)
    if found:
        listed = "".join(f"\n  {_candidate(stub, source)}" for stub, source in found[:10])
        more = f"\n  ... and {len(found) - 10} more" if len(found) > 10 else ""
        if exact:
            raise SpotError(f"'{query}' matches a paper in each of {len(found)} digests; name one of them:"
                            f"{listed}{more}")
        raise SpotError(f"'{query}' matches several papers; give more of the title, or the arXiv id:{listed}{more}")
    raise SpotError(f"no paper '{query}' in {searched} digest(s)")


def _candidate(stub: PaperStub, source: DigestSource) -> str:
    from checker.render.common import printable, repo_relative, shorten

    path = printable(repo_relative(str(source.path)))
    return f"{path} [{stub.index}] {printable(stub.arxiv_id)} {printable(shorten(stub.title, 60))}"


def parse_summary(text: str) -> dict[str, str]:
    """The five blocks from JSON (flat or under "AI") or from labelled lines ('TL;DR: ...', '方法：...')."""
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise SpotError(f"summary looks like JSON but is not: {exc}") from None
        if isinstance(data, dict) and isinstance(data.get("AI"), dict):
            data = data["AI"]
        if not isinstance(data, dict):
            raise SpotError("summary JSON must be an object with tldr, motivation, method, result, conclusion")
        blocks = {name: str(data[name]) for name in BLOCK_NAMES if data.get(name) is not None}
    else:
        blocks = {}
        current: str | None = None
        for line in text.splitlines():
            match = _LABEL_LINE.match(line)
            label = _LABELS.get(match.group(1).strip().casefold()) if match else None
            if match and label:
                current = label
                blocks[current] = match.group(2).strip()
            elif current and line.strip():
                blocks[current] = (blocks[current] + "\n" + line.strip()).strip()
    if not blocks:
        raise SpotError("no summary blocks found: give 'TL;DR: ...', 'Motivation: ...' lines or a JSON object")
    return blocks


def loose_paper(abstract: str, summary: str) -> Paper:
    blocks = parse_summary(summary)
    return Paper(arxiv_id="input", title="(abstract and summary given on the command line)",
                 abstract=" ".join(abstract.split()) or None,
                 blocks={name: Block(name=name, text=text) for name, text in blocks.items()})


def check(paper: Paper, language: str, select: list[str] | None = None, ignore: list[str] | None = None) -> list[Finding]:
    from checker.engine.audit import check_paper
    from checker.rules.registry import select_rules

    return check_paper(paper, language, select_rules(select, ignore))


def _styled(text: str, spans: list[str]) -> Text:

    from rich.text import Text

    from checker.analysis.display_align import marks
    from checker.render.common import printable_lines

    styles = {"num": "bold cyan", "name": "magenta", "flag": "bold white on red"}
    out = Text()
    for piece, kind in marks(text, spans):  # newlines and tabs stay (a block runs over lines); a CR does not
        out.append(printable_lines(piece).replace("\r", "\\x0d"), style=styles.get(kind, ""))
    return out


def render(paper: Paper, findings: list[Finding], where: str, width: int | None = None,
           colour: bool | None = None) -> str:
    """The side-by-side view as terminal text: ANSI colours when the console supports them (rich reads the
    terminal, NO_COLOR and FORCE_COLOR), or as ``colour`` says. Digest text is escaped (``printable``) and no
    line of the view starts a workflow command (``guard_lines``)."""
    from rich.console import Console, Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from checker.analysis.display_align import align
    from checker.render.common import guard_lines, printable
    from checker.render.report.score import paper_score

    if colour is None:
        console = Console(width=width, highlight=False, soft_wrap=False)
    else:
        console = Console(width=width, highlight=False, soft_wrap=False, force_terminal=colour, no_color=not colour,
                          color_system="standard" if colour else None)
    with console.capture() as capture:
        score = paper_score(findings)
        color = "red" if score < 50 else "yellow" if score < 90 else "green"
        head = Text.assemble((f" {score:.0f} ", f"bold {'white' if color == 'red' else 'black'} on {color}"), " ",
                             (f"[{paper.index}] " if paper.index is not None else "", ""),
                             (printable(paper.arxiv_id), "bold"), " ", printable(paper.title))
        console.print(Panel(Group(head, Text(printable(where), style="dim")), title="digest-check paper",
                            expand=True))
        if findings:
            listing = Table(show_header=True, header_style="bold", expand=True, box=None)
            listing.add_column("severity", no_wrap=True)
            listing.add_column("rule", no_wrap=True)
            listing.add_column("block", no_wrap=True)
            listing.add_column("message", overflow="fold", ratio=1)
            for f in findings:
                style = {"error": "bold red", "warning": "yellow", "info": "blue"}[f.severity.value]
                listing.add_row(Text(f.severity.value, style=style), Text(f"{f.rule} {printable(f.name)}"),
                                Text(printable(f.block or "")), Text(printable(f.message)))
            console.print(listing)
        else:
            console.print(Text("no findings", style="green"))
        table = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
        table.add_column("block", style="bold", no_wrap=True, min_width=10)
        table.add_column("summary", ratio=5, overflow="fold")
        table.add_column("English abstract (evidence)", ratio=6, overflow="fold")
        abstract = paper.abstract or ""
        for name in BLOCK_NAMES:
            text = paper.block_text(name)
            if not text:
                table.add_row(BLOCK_LABELS[name], Text("(missing)", style="dim italic"), "")
                continue
            block_findings = [f for f in findings if f.block == name]
            zh_spans = [f.summary_span for f in block_findings if f.summary_span]
            en_spans = [f.abstract_span for f in block_findings if f.abstract_span]
            for i, pair in enumerate(align(text, abstract)):
                evidence = (_styled(pair.evidence, en_spans) if pair.evidence else
                            Text("no abstract sentence shares a number or name" if abstract
                                 else "no English abstract", style="dim italic"))
                table.add_row(BLOCK_LABELS[name] if i == 0 else "", _styled(pair.summary, zh_spans), evidence)
        console.print(table)
        console.print(Text.assemble(("legend: ", "dim"), ("number", "bold cyan"), " ", ("name", "magenta"), " ",
                                    ("flagged span", "bold white on red")))
    return guard_lines(capture.get())


def findings_json(paper: Paper, findings: list[Finding], where: str) -> str:
    from checker.render.report.score import paper_score

    payload = {"arxiv_id": paper.arxiv_id, "index": paper.index, "title": paper.title, "where": where,
               "score": paper_score(findings), "findings": [json.loads(f.model_dump_json()) for f in findings]}
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def read_input(spec: str, stdin_text: str | None) -> str:
    """Text of FILE, or of stdin for '-'."""
    if spec == "-":
        if stdin_text is None:
            raise SpotError("'-' given twice: only one of --abstract and --summary can read stdin")
        return stdin_text
    try:
        return Path(spec).read_text(encoding="utf-8")
    except OSError as exc:
        raise SpotError(f"cannot read {spec}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise SpotError(f"{spec} is not UTF-8 text") from None
