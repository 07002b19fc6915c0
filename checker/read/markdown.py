"""Markdown digests: standard, early and extended layouts, read line by line into papers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from checker.model import Block, InputProblem, Paper, Severity
from checker.read.limits import MAX_FIELD_CHARS, MAX_MARKDOWN_LINE_BYTES
from checker.read.text import bounded_lines, clean_value, decode_cut_line, decode_line

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
    field_sizes: dict[str, int] = field(default_factory=dict)  # characters of each field's text so far

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
    A line longer than ``MAX_MARKDOWN_LINE_BYTES`` is cut and a field (title included) longer than
    ``MAX_FIELD_CHARS`` too: each is one problem, and the rest of the file is read as usual.
    """
    entry: MarkdownEntry | None = None
    current: str | None = None  # the field that continuation lines belong to
    position = 0
    bad_encoding_reported = False
    with path.open("rb") as handle:
        for number, (raw, size) in enumerate(bounded_lines(handle, MAX_MARKDOWN_LINE_BYTES), start=1):
            cut = size > len(raw)
            line, ok = decode_cut_line(raw) if cut else decode_line(raw)
            if cut:
                report(InputProblem(path=str(path), line=number, severity=Severity.error, code="line-too-long",
                                    message=f"line is {size} bytes; only its first {len(raw)} are read"))
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
                title = heading.group("title")
                if len(title) > MAX_FIELD_CHARS:
                    if not cut:
                        report(_field_too_long(path, number, "title", len(title)))
                    title = title[:MAX_FIELD_CHARS]
                entry = MarkdownEntry(arxiv_id=arxiv_id, index=index, title=title, line=number)
                current = None
                continue
            if entry is None:
                continue
            stripped = line.strip()
            if current == "abstract" and not stripped.startswith("</details>") and not line.startswith("#"):
                # A hard-wrapped abstract may contain anything; only the end of <details> closes it.
                _add(entry, "abstract", stripped, number, path, report, cut)
                continue
            label = _LABEL_RE.match(stripped)
            if label:
                name = _LABEL_TO_FIELD.get(label.group("label"))
                current = name
                if name is not None and name not in entry.fields:
                    entry.fields[name] = []
                    entry.field_lines[name] = number
                    _add(entry, name, label.group("rest").rstrip("*").strip(), number, path, report, cut)
                elif name is not None:
                    current = None  # a repeated label: keep the first value
                continue
            if _STRUCTURE_RE.match(stripped):
                current = None
                continue
            if current is not None:
                _add(entry, current, stripped.removeprefix(">").strip(), number, path, report, cut)
    if entry is not None:
        yield entry, position


def _add(entry: MarkdownEntry, name: str, text: str, number: int, path: Path, report: ProblemSink,
         line_cut: bool) -> None:
    """One line more of a field. A field's text starts on its first non-blank line (the label's when it has
    text after it), and stops growing at ``MAX_FIELD_CHARS`` (reported once, unless the line was)."""
    lines = entry.fields[name]
    if text and not any(lines):
        entry.field_lines[name] = number
    size = entry.field_sizes.get(name, -1) + 1 + len(text)  # "\n" between lines
    if size <= MAX_FIELD_CHARS:
        lines.append(text)
        entry.field_sizes[name] = size
        return
    room = MAX_FIELD_CHARS - entry.field_sizes.get(name, -1) - 1
    if room >= 0:
        lines.append(text[:room])
        entry.field_sizes[name] = MAX_FIELD_CHARS + 1  # full: later lines are dropped, and not reported again
        if not line_cut:
            report(_field_too_long(path, number, name, size))


def _field_too_long(path: Path, number: int, name: str, size: int) -> InputProblem:
    return InputProblem(path=str(path), line=number, severity=Severity.error, code="field-too-long",
                        message=f"the {name} field is longer than {MAX_FIELD_CHARS} characters ({size}); cut")
