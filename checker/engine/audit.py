"""Running the rules over digests: papers in, findings out, in a stable order, streamed digest by digest.

``audit_stream`` hands on each digest as soon as it is done: its header (a ``DigestReport`` without papers)
and an iterator of its papers, read once. Nothing of a digest stays in memory after it has been handed on, so
a run over many files keeps only what its consumer keeps. Within one digest the digest rules (duplicates,
dropped papers, misattached summaries) need a sketch of every paper, and they add findings to papers checked
long before: the digest's papers wait for them in memory, or, past ``AuditOptions.spool_above`` papers, in a
temporary file. ``audit`` collects the stream into one ``AuditReport`` (small inputs, tests, the judge).
"""

from __future__ import annotations

import gc
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from checker.analysis.context import DigestContext, PaperContext, PaperSketch
from checker.analysis.terms import salient_prose_terms, salient_terms
from checker.engine.gc_pause import paused_gc
from checker.engine.spool import AuditedDigest, PaperSpool
from checker.model import (
    BLOCK_NAMES,
    AuditReport,
    DigestFormat,
    DigestReport,
    Finding,
    InputProblem,
    Paper,
    PaperReport,
    Severity,
    finding_sort_key,
    summarize,
)
from checker.read.chunks import Chunk, split_lines
from checker.read.jsonl import iter_jsonl_papers
from checker.read.source import DigestSource
from checker.rules.registry import Hit, Rule, all_rules
from checker.rules.spec import Needs


@dataclass
class AuditOptions:
    rules: list[Rule]
    severity_overrides: dict[str, Severity] = field(default_factory=dict)
    on_paper: Callable[[], None] | None = None  # progress callback
    jobs: int = 0  # worker processes for big JSONL digests; 0 = one per CPU (at most 4)
    spool_above: int = 5_000  # papers of one digest kept in memory until its digest rules ran; the rest wait on disk


PARALLEL_MIN_BYTES = 8 * 1024 * 1024  # about 3,000 papers: below this, process start-up is not worth it
CHUNK_BYTES = 2 * 1024 * 1024  # at most about 750 papers per chunk a worker checks and sends back at once
COLLECT_EVERY = 20_000  # papers between two collections of the young generations (the collector is paused)


def hit_line(paper: Paper, hit: Hit) -> int | None:
    if hit.line is not None:
        return hit.line
    if hit.block is None:
        return paper.line
    block = paper.block(hit.block)
    if block.line is None:
        return paper.line
    text = block.text or ""
    # Only a Markdown block's text runs over file lines; a JSONL block is one string on its record's line
    # (which is also the paper's line), whatever newlines the string holds.
    if hit.summary_span and text and block.line != paper.line:
        offset = text.find(hit.summary_span)
        if offset > 0:
            return block.line + text.count("\n", 0, offset)
    return block.line


def capped(wanted: Severity | None, ceiling: Severity) -> Severity:
    """The severity a hit asked for, at most the rule's ceiling (its default)."""
    if wanted is None or wanted.rank > ceiling.rank:
        return ceiling
    return wanted


def to_finding(rule: Rule, hit: Hit, line: int | None, overrides: dict[str, Severity]) -> Finding:
    # A rule's default severity is the most it may emit, the level its held-out precision earned
    # (checker/data/calibration.json): a hit may lower it, never raise it. A user's override wins.
    severity = overrides.get(rule.id) or overrides.get(rule.name) or capped(hit.severity, rule.severity)
    return Finding(
        rule=rule.id,
        name=rule.name,
        category=rule.category,
        severity=severity,
        block=hit.block,
        message=hit.message,
        summary_span=hit.summary_span,
        abstract_span=hit.abstract_span,
        line=line,
        confidence=hit.confidence,
    )


def check_paper(paper: Paper, language: str, rules: Iterable[Rule],
                overrides: dict[str, Severity] | None = None, ctx: PaperContext | None = None) -> list[Finding]:
    """Run the paper rules on one paper and return its findings, sorted (``ctx``: the paper's context, when the
    caller wants the analyses the rules made)."""
    ctx = ctx or PaperContext(paper=paper, language=language)
    findings: list[Finding] = []
    has_abstract = bool(paper.abstract)
    for rule in rules:
        if rule.scope != "paper" or rule.check is None or (rule.needs_abstract and not has_abstract):
            continue
        try:
            hits = list(rule.check(ctx))
        except Exception as exc:  # a rule's bug must not stop the audit of a whole digest
            hits = [Hit(message=f"internal error in this rule, paper not checked by it: {type(exc).__name__}: {exc}",
                        severity=Severity.info, confidence=0.0)]
        for hit in hits:
            findings.append(to_finding(rule, hit, hit_line(paper, hit), overrides or {}))
    return sorted(findings, key=finding_sort_key)


def _summary_hash(paper: Paper) -> int:
    """Stable across processes (unlike hash()), so workers and the parent agree."""
    return zlib.crc32("\x1f".join(paper.block_text(name) for name in BLOCK_NAMES).encode("utf-8"))


class CheckedPaper(NamedTuple):
    """One paper checked, as plain data: workers send it back, and tuples pickle several times faster than
    models and dataclasses. The digest stage turns it into a PaperReport and a PaperSketch."""

    arxiv_id: str
    paper_index: int | None
    title: str
    line: int | None
    findings: list[Finding]
    sketch: tuple[Any, ...]  # the PaperSketch's field values, in field order: PaperSketch(*sketch)


def _check_one(paper: Paper, language: str, rules: list[Rule], overrides: dict[str, Severity]) -> CheckedPaper:
    abstract_terms: frozenset[str] = frozenset()
    summary_terms: frozenset[str] = frozenset()
    if any(Needs.SALIENT_TERMS in rule.needs for rule in rules):  # the terms cost time: only when a rule reads them
        # Interned, the terms shared by many papers travel from a worker as one string each, not one per paper.
        abstract_terms = frozenset(map(sys.intern, salient_prose_terms(f"{paper.title} {paper.abstract or ''}")))
        summary_terms = frozenset(map(sys.intern, salient_terms(" ".join(paper.block_text(name)
                                                                         for name in BLOCK_NAMES))))
    ctx = PaperContext(paper=paper, language=language)
    findings = check_paper(paper, language, rules, overrides, ctx)
    sketch = PaperSketch(arxiv_id=paper.arxiv_id, line=paper.line, title=paper.title, record_lines=[paper.line],
                         summary_hash=_summary_hash(paper), abstract_terms=abstract_terms, summary_terms=summary_terms,
                         summary_chars=len(ctx.content_text()))
    return CheckedPaper(paper.arxiv_id, paper.index, paper.title, paper.line, findings, tuple(vars(sketch).values()))


def _check_chunk(path: Path, chunk: Chunk, language: str, rule_ids: list[str],
                 overrides: dict[str, Severity]) -> tuple[list[CheckedPaper], list[InputProblem]]:
    """Worker: read and check one line range of a JSONL digest."""
    rules = [r for r in all_rules() if r.id in set(rule_ids)]
    problems: list[InputProblem] = []
    papers = iter_jsonl_papers(path, problems.append, chunk.start, chunk.end, chunk.first_line)
    checked = [_check_one(paper, language, rules, overrides) for paper in papers]
    gc.collect(1)  # the collector is paused (inherited): free the little cyclic garbage of the chunk's papers
    return checked, problems


def _fork_available() -> bool:
    # multiprocessing is imported here, not at the top: only big digests fork (a spot check saves ~10 ms)
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _jobs(options: AuditOptions) -> int:
    return options.jobs or min(os.cpu_count() or 1, 4)


def _checked_papers(source: DigestSource, options: AuditOptions) -> Iterator[CheckedPaper]:
    """Every record of the digest, checked; big JSONL files are split over worker processes.

    At most a few chunks per worker are in flight: results wait for the parent in bounded number."""
    jobs = _jobs(options)
    if jobs <= 1 or not _is_big(source) or not _fork_available():
        for paper in source.iter_papers():
            yield _check_one(paper, source.language, options.rules, options.severity_overrides)
        return
    data = source.data_path
    # Small chunks (~800 papers of 100k, 64 per worker at least): no worker idles long at the end, and what
    # a worker sends back at once stays small however big the file.
    chunks = split_lines(data, max(jobs * 64, data.stat().st_size // CHUNK_BYTES))
    rule_ids = [r.id for r in options.rules]
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending: list[Future[tuple[list[CheckedPaper], list[InputProblem]]]] = []
        upcoming = iter(chunks)
        for chunk in upcoming:
            pending.append(pool.submit(_check_chunk, data, chunk, source.language, rule_ids,
                                       options.severity_overrides))
            if len(pending) >= jobs * 3:
                break
        while pending:
            checked, problems = pending.pop(0).result()
            following = next(upcoming, None)
            if following is not None:
                pending.append(pool.submit(_check_chunk, data, following, source.language, rule_ids,
                                           options.severity_overrides))
            for problem in problems:
                source.report(problem)
            yield from checked


class _DigestRun:
    """One digest's papers as they are checked, then its digest rules, then its papers handed on."""

    def __init__(self, source: DigestSource, options: AuditOptions) -> None:
        self.source = source
        self.options = options
        self.sketches: dict[str, PaperSketch] = {}
        self.spool = PaperSpool(max(options.spool_above, 1))
        self.renumber = source.format is DigestFormat.jsonl  # chunk-local indexes become digest-wide ones
        self.position = 0
        # Equal term sets and titles (a repeated record, a summary reused) are kept once for the digest rules.
        self._shared: dict[Any, Any] = {}

    def add(self, checked: CheckedPaper) -> None:
        self.position += 1
        sketch = PaperSketch(*checked.sketch)
        first = self.sketches.get(sketch.arxiv_id)
        if first is not None:
            # Repeated record: reported once by the duplicate rule, on the first record.
            first.record_lines.append(sketch.line)
            first.summaries_differ |= sketch.summary_hash != first.summary_hash
            return
        shared = self._shared
        if sketch.abstract_terms:
            sketch.abstract_terms = shared.setdefault(sketch.abstract_terms, sketch.abstract_terms)
        if sketch.summary_terms:
            sketch.summary_terms = shared.setdefault(sketch.summary_terms, sketch.summary_terms)
        sketch.title = shared.setdefault(sketch.title, sketch.title)
        self.sketches[sketch.arxiv_id] = sketch
        self.spool.add((checked.arxiv_id, self.position if self.renumber else checked.paper_index, checked.title,
                        checked.line, checked.findings))
        if self.options.on_paper:
            self.options.on_paper()
        if self.spool.count % COLLECT_EVERY == 0:
            gc.collect(1)

    def finish(self) -> AuditedDigest:
        source, options = self.source, self.options
        self._shared = {}
        header = DigestReport(path=str(source.path), format=source.format.value, language=source.language,
                              date=source.date, skipped_same_day=[str(p) for p in source.skipped_duplicates],
                              papers_total=self.spool.count)
        extra: dict[str, list[Finding]] = {}
        dropped: dict[str, PaperReport] = {}
        raw_ids = source.raw_ids()
        digest_ctx = DigestContext(path=str(source.path), language=source.language, sketches=self.sketches,
                                   raw_ids=raw_ids, raw_path=str(source.raw_path) if source.raw_path else None)
        for rule in options.rules:
            if rule.scope != "digest" or rule.check is None:
                continue
            for hit in rule.check(digest_ctx):
                if hit.arxiv_id is None:
                    continue
                sketch = self.sketches.get(hit.arxiv_id)
                if sketch is not None:
                    line = hit.line if hit.line is not None else sketch.line
                    extra.setdefault(hit.arxiv_id, []).append(to_finding(rule, hit, line, options.severity_overrides))
                    continue
                target = dropped.get(hit.arxiv_id)
                if target is None:  # a paper the digest does not hold (dropped by the pipeline)
                    target = PaperReport(arxiv_id=hit.arxiv_id, line=hit.line, dropped=True,
                                         title=raw_ids.get(hit.arxiv_id, (0, ""))[1] if raw_ids else "")
                    dropped[hit.arxiv_id] = target
                target.findings.append(to_finding(rule, hit, hit.line if hit.line is not None else target.line,
                                                  options.severity_overrides))
                target.findings.sort(key=finding_sort_key)
        self.sketches = {}
        header.papers_dropped = len(dropped)
        header.problems = sorted(source.problems, key=lambda p: (p.path, p.line or 0, p.code))
        return AuditedDigest(header, self._papers(extra, list(dropped.values())))

    def _papers(self, extra: dict[str, list[Finding]], dropped: list[PaperReport]) -> Iterator[PaperReport]:
        for arxiv_id, index, title, line, findings in self.spool:
            more = extra.get(arxiv_id)
            if more:
                findings = sorted(findings + more, key=finding_sort_key)
            yield PaperReport(arxiv_id=arxiv_id, index=index, title=title, line=line, findings=findings)
        yield from dropped


def _stream_source(source: DigestSource, options: AuditOptions) -> AuditedDigest:
    run = _DigestRun(source, options)
    for checked in _checked_papers(source, options):
        run.add(checked)
    return run.finish()


def audit_source(source: DigestSource, options: AuditOptions) -> DigestReport:
    """One digest audited, with its papers in memory."""
    header, papers = _stream_source(source, options)
    header.papers = list(papers)
    return header


def audit(sources: Iterable[DigestSource], options: AuditOptions) -> AuditReport:
    """Every digest audited into one report in memory (for small inputs; the CLI streams: ``audit_stream``)."""
    # A report of 100k papers is millions of live objects: the parent spent 8x the CPU for 5x the papers
    # in collections, and forked workers 30% of theirs.
    with paused_gc(collect_after=True):
        report = AuditReport(digests=audit_digests(list(sources), options))
        report.summary = summarize(report)
    return report


PARALLEL_FILES_MIN_BYTES = 2 * 1024 * 1024  # about 700 papers in small files: below this, one process is faster
_FORKED: tuple[list[DigestSource], AuditOptions] | None = None  # what forked file workers read (nothing pickled)


def _is_big(source: DigestSource) -> bool:
    """A JSONL file big enough to be checked in chunks by worker processes of its own (see _checked_papers)."""
    return source.format is DigestFormat.jsonl and source.data_path.stat().st_size >= PARALLEL_MIN_BYTES


def audit_digests(sources: list[DigestSource], options: AuditOptions) -> list[DigestReport]:
    """Each digest audited, in the given order, with its papers in memory."""
    reports = []
    for header, papers in audit_stream(sources, options):
        header.papers = list(papers)
        reports.append(header)
    return reports


def audit_stream(sources: Sequence[DigestSource], options: AuditOptions) -> Iterator[AuditedDigest]:
    """Each digest audited and handed on in the given order (see the module's doc); read each digest's papers
    before asking for the next digest.

    Many small files (a year of daily digests) are shared out to worker processes a file at a time, a few per
    worker ahead of the one handed on; a big file is split by _checked_papers instead. The caller pauses the
    garbage collector (``paused_gc``) if it wants: the stream collects the young generations as it goes."""
    jobs = _jobs(options)
    sizes = {i: source.data_path.stat().st_size for i, source in enumerate(sources)
             if source.format is not DigestFormat.unknown and not _is_big(source)}
    if jobs <= 1 or len(sizes) < 2 or sum(sizes.values()) < PARALLEL_FILES_MIN_BYTES or not _fork_available():
        for source in sources:
            yield _stream_source(source, options)
        return
    global _FORKED
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    _FORKED = (list(sources), options)
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            ahead: dict[int, Future[DigestReport]] = {}
            queue = iter(sorted(sizes))
            for i, source in enumerate(sources):
                while len(ahead) < jobs * 4 and (j := next(queue, None)) is not None:
                    ahead[j] = pool.submit(_audit_forked_source, j)
                if i not in ahead:  # unreadable (nothing to check) or big (checked in chunks): here
                    yield _stream_source(source, options)
                    continue
                digest = ahead.pop(i).result()
                papers, digest.papers = digest.papers, []
                if options.on_paper is not None:
                    for _ in papers:
                        options.on_paper()
                yield AuditedDigest(digest, iter(papers))
                gc.collect(1)
    finally:
        _FORKED = None


def _audit_forked_source(position: int) -> DigestReport:
    """Worker: audit one small digest of the list the parent forked with."""
    assert _FORKED is not None
    sources, options = _FORKED
    options = AuditOptions(rules=options.rules, severity_overrides=options.severity_overrides, jobs=1)
    report = audit_source(sources[position], options)
    gc.collect(1)
    return report
