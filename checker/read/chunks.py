"""Splitting a large JSONL file into line-aligned byte ranges that worker processes read on their own."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

_BLOCK = 8 * 1024 * 1024


class Chunk(NamedTuple):
    start: int  # byte offset of the chunk's first line
    end: int  # byte offset just past its last line
    first_line: int  # 1-based line number of its first line


def split_lines(path: Path, parts: int) -> list[Chunk]:
    """About ``parts`` chunks of similar size, each starting at the beginning of a line."""
    size = path.stat().st_size
    if parts <= 1 or size == 0:
        return [Chunk(0, size, 1)]
    target = max(1, size // parts)
    chunks: list[Chunk] = []
    start, first_line, line, offset = 0, 1, 1, 0
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            cursor = block.find(b"\n")
            while cursor >= 0:
                line += 1
                boundary = offset + cursor + 1
                if boundary - start >= target and len(chunks) < parts - 1 and boundary < size:
                    chunks.append(Chunk(start, boundary, first_line))
                    start, first_line = boundary, line
                cursor = block.find(b"\n", cursor + 1)
            offset += len(block)
    chunks.append(Chunk(start, size, first_line))
    return chunks
