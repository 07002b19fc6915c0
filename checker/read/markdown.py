"""Markdown digests: standard, early and extended layouts, read line by line into papers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from checker.model import Block, InputProblem, Paper, Severity
from checker.read.text import clean_value, decode_line

ProblemSink = Callable[[InputProblem], None]

_HEADING_RE = re.compile(r"^###\s+(?:\[(?P<index>\d+)\]\s+)?\[(?P<title>.*)\]\((?P<url>[^)\s]*)\)\s*$")
_ID_RE = re.compile(r"(\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)\s*$")
_LABEL_RE = re.compile(
    r"^(?:>\s*)?(?:\*\*)?(?P<label>TL;DR|Task|Motivation|Method|Result|Conclusion|Abstract|ai_Abstract|"
    r"摘要翻译|Keywords|Comment|AI_Comments|Main category|Category)\s*[:：]\s*(?:\*\*)?\s?(?P<rest>.*)$"
)
# Lines that end any open field: layout of the template, not content.
_STRUCTURE_RE = re.compile(
    r"^(?:</?details>|<summary>.*</summary>|<div id=.*</div>|<a id=.*</a>|#{1,2}\s|---\s*$|"
    r"\[⬆️|\[\[Back\]\])"
)
_LABEL_TO_FIELD: dict[str, str] = {
    "TL;DR": "tldr",
    "Task": "tldr",
    "Motivation": "motivation",
    "Method": "method",
    "Result": "result",
    "Conclusion": "conclusion",
    "Abstract": "abstract",
    "ai_Abstract": "ai_abstract",
    "摘要翻译": "translation",
    "Keywords": "keywords",
    "AI_Comments": "comments",
}
_BLOCK_FIELDS = ("tldr", "motivation", "method", "result", "conclusion")


@dataclass
class MarkdownEntry:
    """One paper's heading and labelled fields as read, before they become a Paper."""

    arxiv_id: str
    index: int | None
    title: str
    line: int
    fields: dict[str, list[str]] = field(default_factory=dict)
    field_lines: dict[str, int] = field(default_factory=dict)

    def to_paper(self, position: int) -> Paper:
        def text(name: str) -> str | None:
            lines = self.fields.get(name)
            return clean_value("\n".join(lines)) if lines is not None else None

        blocks = {
            name: Block(name=name, text=text(name), line=self.field_lines.get(name)) for name in _BLOCK_FIELDS
        }
        extra = {k: v for k in ("ai_abstract", "translation", "keywords", "comments") if (v := text(k))}
        return Paper(
            arxiv_id=self.arxiv_id,
            index=self.index if self.index is not None else position,
            title=self.title,
            line=self.line,
            abstract=text("abstract"),
            abstract_line=self.field_lines.get("abstract"),
            blocks=blocks,
            extra=extra,
        )


def iter_markdown_papers(path: Path, report: ProblemSink) -> Iterator[Paper]:
    for entry, position in iter_markdown_entries(path, report):
        yield entry.to_paper(position)


def iter_markdown_entries(path: Path, report: ProblemSink) -> Iterator[tuple[MarkdownEntry, int]]:
    """Each paper's raw entry and its position (from 1), before it becomes a Paper model.

    A spot check matches on the entry's id, index and title and builds only the paper it wants.
    """
    entry: MarkdownEntry | None = None
    current: str | None = None  # the field that continuation lines belong to
    position = 0
    bad_encoding_reported = False
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            line, ok = decode_line(raw)
            if not ok and not bad_encoding_reported:
                bad_encoding_reported = True
                report(InputProblem(path=str(path), line=number, severity=Severity.error, code="bad-encoding",
                                    message="not valid UTF-8; bad bytes replaced"))
            line = line.rstrip("\r\n")
            heading = _HEADING_RE.match(line)
            if heading:
                if entry is not None:
                    yield entry, position
                position += 1
                url = heading.group("url")
                id_match = _ID_RE.search(url)
                arxiv_id = id_match.group(1) if id_match else url
                index = int(heading.group("index")) if heading.group("index") else None
                entry = MarkdownEntry(arxiv_id=arxiv_id, index=index, title=heading.group("title"), line=number)
                current = None
                continue
            if entry is None:
                continue
            stripped = line.strip()
            if current == "abstract" and not stripped.startswith("</details>") and not line.startswith("#"):
                # A hard-wrapped abstract may contain anything; only the end of <details> closes it.
                entry.fields["abstract"].append(stripped)
                continue
            label = _LABEL_RE.match(stripped)
            if label:
                name = _LABEL_TO_FIELD.get(label.group("label"))
                current = name
                if name is not None and name not in entry.fields:
                    entry.fields[name] = [label.group("rest").rstrip("*").strip()]
                    entry.field_lines[name] = number
                elif name is not None:
                    current = None  # a repeated label: keep the first value
                continue
            if _STRUCTURE_RE.match(stripped):
                current = None
                continue
            if current is not None:
                entry.fields[current].append(stripped.removeprefix(">").strip())
    if entry is not None:
        yield entry, position
