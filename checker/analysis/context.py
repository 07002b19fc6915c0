"""What a rule sees: one paper with the digest's settings, or a sketch of the whole digest."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checker.model import BLOCK_NAMES, Paper
from checker.text.placeholders import is_placeholder


@dataclass
class PaperContext:
    paper: Paper
    language: str  # expected language of the AI text: zh, en, ja, ...
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def abstract(self) -> str:
        return self.paper.abstract or ""

    def content_blocks(self) -> list[tuple[str, str]]:
        """(block name, text) of blocks that hold real text: not missing, not a placeholder."""
        cached = self._memo.get("content_blocks")
        if cached is None:
            cached = [
                (name, text)
                for name in BLOCK_NAMES
                if (text := self.paper.block_text(name)) and not is_placeholder(text)
            ]
            self._memo["content_blocks"] = cached
        return cached

    def content_text(self) -> str:
        """All real block text joined by newlines: one cheap substring screen per paper instead of five."""
        cached = self._memo.get("content_text")
        if cached is None:
            cached = "\n".join(text for _, text in self.content_blocks())
            self._memo["content_text"] = cached
        return cached

    def failed_blocks(self) -> list[str]:
        """Blocks that are missing, empty or placeholders."""
        real = {name for name, _ in self.content_blocks()}
        return [name for name in BLOCK_NAMES if name not in real]

    def all_blocks_failed(self) -> bool:
        """Every block is missing, empty or a placeholder: the LLM call failed for the whole paper."""
        return len(self.failed_blocks()) == len(BLOCK_NAMES)

    def memo(self, key: str, compute: Any) -> Any:
        """Share an expensive analysis between rules of the same paper (compute is called once)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]


@dataclass
class PaperSketch:
    """The little the digest rules need to know about each paper, kept for the whole digest."""

    arxiv_id: str
    line: int | None
    title: str
    record_lines: list[int | None]
    summary_hash: int
    summaries_differ: bool = False
    abstract_terms: frozenset[str] = frozenset()
    summary_terms: frozenset[str] = frozenset()
    summary_chars: int = 0  # characters of real block text (placeholders excluded)


@dataclass
class DigestContext:
    path: str
    language: str
    sketches: dict[str, PaperSketch]
    raw_ids: dict[str, tuple[int, str]] | None  # raw crawl: id -> (line, title), when present
    raw_path: str | None
