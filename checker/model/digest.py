"""The data model: digests, papers, blocks and findings (pydantic v2)."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, Field, field_validator


class Category(str, Enum):
    hallucinated_number = "hallucinated_number"
    omission = "omission"
    mismatched_claim = "mismatched_claim"
    unsupported_claim = "unsupported_claim"
    format = "format"  # type: ignore[assignment]  # the JSON contract names this category "format"


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


BLOCK_NAMES: tuple[str, ...] = ("tldr", "motivation", "method", "result", "conclusion")
BLOCK_LABELS: dict[str, str] = {
    "tldr": "TL;DR",
    "motivation": "Motivation",
    "method": "Method",
    "result": "Result",
    "conclusion": "Conclusion",
}


class DigestFormat(str, Enum):
    jsonl = "jsonl"  # AI-enhanced JSONL (standard, early, extended schemas)
    jsonl_raw = "jsonl-raw"  # raw crawl, no AI object
    markdown = "markdown"  # standard Markdown (to_md template)
    markdown_early = "markdown-early"  # early Markdown: no index, Task: before <details>
    markdown_extended = "markdown-extended"  # xmkxabc fork: bold labels, no English abstract
    markdown_degenerate = "markdown-degenerate"  # README template, "no new papers", empty TOC
    unknown = "unknown"


class Block(BaseModel):
    """One AI-written block of a paper; ``text`` is None when the field is missing or null."""

    name: str
    text: str | None = None
    line: int | None = None


class Paper(BaseModel):
    arxiv_id: str
    index: int | None = None
    title: str = ""
    line: int | None = None
    abstract: str | None = None
    abstract_line: int | None = None
    blocks: dict[str, Block] = Field(default_factory=dict)
    extra: dict[str, str] = Field(default_factory=dict)
    """Other AI fields of extended schemas (keywords, translation, ...), kept for reference."""

    def block(self, name: str) -> Block:
        return self.blocks.get(name) or Block(name=name)

    def block_text(self, name: str) -> str:
        block = self.blocks.get(name)  # no Block is built for a missing one: rules ask for text very often
        return (block.text or "") if block is not None else ""


def printable_path(path: str) -> str:
    """A file name as text every writer can encode: bytes that are not UTF-8 (which ``os.fsdecode`` keeps as
    lone surrogates) are shown escaped, ``\\xff``; any other lone surrogate as ``\\udxxx``."""
    if path.isascii():
        return path
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return "".join(_escaped(char) for char in path)


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte the file system name held that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if 0xD800 <= code <= 0xDFFF:
        return f"\\u{code:04x}"
    return char


class InputProblem(BaseModel):
    """Something wrong with the input itself (unreadable line, empty file, template file)."""

    path: str
    line: int | None = None
    severity: Severity = Severity.error
    code: str
    message: str

    @field_validator("path")
    @classmethod
    def _printable(cls, path: str) -> str:
        return printable_path(path)


class Finding(BaseModel):
    rule: str
    name: str
    category: Category
    severity: Severity
    block: str | None = None
    message: str
    summary_span: str | None = None
    abstract_span: str | None = None
    line: int | None = None
    source: str = "heuristic"
    confidence: float = 1.0


class Digest(BaseModel):
    """A digest read fully into memory (small inputs, spot checks, tests)."""

    path: str
    format: DigestFormat
    date: str | None = None
    language: str = "zh"
    papers: list[Paper] = Field(default_factory=list)
    problems: list[InputProblem] = Field(default_factory=list)
