"""Digest-wide rules: repeated records and papers the generator dropped."""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.context import DigestContext
from checker.model import Category, Severity
from checker.rules.registry import Hit, digest_rule


@digest_rule("F105", "duplicate-record", Category.format, Severity.warning)
def duplicate_record(ctx: DigestContext) -> Iterator[Hit]:
    """The same arXiv id appears more than once in one digest (reported once, on the first record).

    Real example: dw-dengwei 2025-03-19 holds 206 records for 172 papers.
    """
    for sketch in ctx.sketches.values():
        if len(sketch.record_lines) > 1:
            lines = ", ".join(str(n) for n in sketch.record_lines[1:])
            differ = " with a different summary" if sketch.summaries_differ else ""
            yield Hit(arxiv_id=sketch.arxiv_id, line=sketch.line,
                      message=f"record repeated {len(sketch.record_lines) - 1}x{differ} (also at line {lines})",
                      severity=Severity.warning if sketch.summaries_differ else Severity.info)


@digest_rule("O101", "paper-dropped", Category.omission, Severity.warning)
def paper_dropped(ctx: DigestContext) -> Iterator[Hit]:
    """A paper of the day's raw crawl has no summary in the AI file: the pipeline lost it.

    Real example: MYZhangwww 2026-02-24 crawled 281 papers and summarized none. Upstream's
    sensitivity filter silently drops about 20% of papers. Needs the raw ``DATE.jsonl`` beside the AI file.
    """
    if ctx.raw_ids is None:
        return
    for arxiv_id, (line, _title) in sorted(ctx.raw_ids.items(), key=lambda item: item[1][0]):
        if arxiv_id not in ctx.sketches:
            yield Hit(arxiv_id=arxiv_id,
                      message=f"paper dropped from digest: in the raw crawl {ctx.raw_path} (line {line}) "
                              "but not summarized")
