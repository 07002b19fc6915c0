"""Running the judge over an audited report: which papers, budget, cache, concurrency, and the summary.

``apply_judge(report, sources, settings)`` is the CLI's single entry point. It re-reads the selected papers
from their digests (the heuristic engine streams and keeps none), judges them, merges the findings into
the report, and records a JudgeSummary on ``report.judge``. It never raises for a judging problem.
"""

from __future__ import annotations

import asyncio
import random
import sqlite3
import sys
from collections.abc import Iterable
from dataclasses import dataclass

import httpx
from pydantic import BaseModel, Field

from checker.judge.budget import Budget, BudgetExhausted
from checker.judge.cache import JudgeCache, cache_key
from checker.judge.call import JSON_OBJECT, CallStats, JudgeFailure, ModeState, PaperJudge, parse_judgment
from checker.judge.client import make_client
from checker.judge.merge import merge_findings
from checker.judge.pricing import load_price_table, price_for
from checker.judge.prompts import PromptSet, load_prompts
from checker.judge.request import FORMAT_VERSION, JudgeRequest, build_request, messages
from checker.judge.schema import Judgment
from checker.judge.secrets import Scrubber
from checker.judge.settings import JudgeSettings, same_as_generator
from checker.judge.tokens import token_counter
from checker.judge.verify import failed_finding, judgment_findings
from checker.model import AuditReport, Paper, PaperReport, summarize
from checker.read.source import DigestSource

# Output estimate for dry runs: the JSON envelope, one verdict per claim (a quote of up to 30 words, a reason,
# the label), one line per key fact, one verdict per hint.
EST_OUTPUT_BASE, EST_OUTPUT_PER_SENTENCE, EST_OUTPUT_PER_FACT, EST_OUTPUT_PER_HINT = 30, 75, 14, 60


class Unjudged(BaseModel):
    path: str
    arxiv_id: str
    reason: str


class JudgeSummary(BaseModel):
    model: str
    server: str
    prompt_hash: str
    tokenizer: str
    tokens_estimated: bool = True  # counted with an encoding that is not the model's (or by characters)
    format_version: str = FORMAT_VERSION
    response_format: str
    selection: str
    dry_run: bool = False
    papers_selected: int = 0
    papers_judged: int = 0
    from_cache: int = 0
    failed: int = 0
    requests: int = 0
    input_tokens: int = 0  # as billed by the server (its usage), where it reported it
    output_tokens: int = 0
    cached_input_tokens: int = 0  # of input_tokens, read from the provider's prompt cache (when it says)
    estimated_output_tokens: int = 0
    cost_usd: float = 0.0
    priced: bool = True
    answered_by: dict[str, int] = Field(default_factory=dict)  # model snapshot -> replies (cache included)
    claims_discarded: int = 0
    quotes_dropped: int = 0  # unsupported verdicts kept without a quote that failed the check
    hints_sent: int = 0
    hints_confirmed: int = 0
    hints_rejected: int = 0
    unjudged: list[Unjudged] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


@dataclass
class JudgeItem:
    path: str
    paper_report: PaperReport
    paper: Paper | None = None
    request: JudgeRequest | None = None


def select_papers(report: AuditReport, settings: JudgeSettings) -> list[tuple[str, PaperReport]]:
    candidates = [(d.path, p) for d in report.digests for p in d.papers if not p.dropped]
    mode = settings.selection.mode
    if mode == "flagged":
        return [(path, p) for path, p in candidates if any(f.source != "llm" for f in p.findings)]
    if mode == "sample":
        order = sorted(range(len(candidates)), key=lambda i: (candidates[i][0], candidates[i][1].arxiv_id))
        rng = random.Random(settings.selection.seed)
        chosen = set(rng.sample(order, min(settings.selection.sample_size, len(order))))
        return [c for i, c in enumerate(candidates) if i in chosen]
    return candidates


def _load_papers(items: list[JudgeItem], sources: Iterable[DigestSource]) -> None:
    """Read the selected papers again and build their requests (the rules' findings become hints)."""
    wanted: dict[str, dict[str, JudgeItem]] = {}
    for item in items:
        wanted.setdefault(item.path, {})[item.paper_report.arxiv_id] = item
    for source in sources:
        by_id = wanted.get(str(source.path))
        if not by_id:
            continue
        kept = list(source.problems)  # the heuristic pass already reported the reading problems
        for paper in source.iter_papers():
            found = by_id.get(paper.arxiv_id)
            if found is not None and found.paper is None:
                found.paper = paper
                found.request = build_request(paper, source.language, found.paper_report.findings)
        source.problems[:] = kept


def prepare_items(report: AuditReport, sources: Iterable[DigestSource], settings: JudgeSettings,
                  summary: JudgeSummary) -> list[JudgeItem]:
    """The selected papers that can be judged, each with its request; the others go to ``unjudged``."""
    items = [JudgeItem(path, paper_report) for path, paper_report in select_papers(report, settings)]
    summary.papers_selected = len(items)
    _load_papers(items, sources)
    runnable: list[JudgeItem] = []
    for item in items:
        if item.request is None or item.paper is None:
            if item.paper is None:
                why = "paper not found again in its digest"
            else:
                why = "no English abstract" if not (item.paper.abstract or "").strip() else "no summary text"
            summary.unjudged.append(Unjudged(path=item.path, arxiv_id=item.paper_report.arxiv_id, reason=why))
        else:
            runnable.append(item)
    summary.hints_sent = sum(len(item.request.hints) for item in runnable if item.request is not None)
    return runnable


def new_summary(settings: JudgeSettings, prompts: PromptSet, mode: ModeState) -> JudgeSummary:
    selection = settings.selection
    label = selection.mode if selection.mode != "sample" else f"sample:{selection.sample_size}:{selection.seed}"
    counter = token_counter(settings.model)
    summary = JudgeSummary(model=settings.model, server=settings.server, prompt_hash=prompts.hash,
                           tokenizer=counter.method, tokens_estimated=counter.estimate, response_format=mode.mode,
                           selection=label, dry_run=settings.dry_run)
    if same_as_generator(settings):
        summary.notes.append(f"warning: the judge model {settings.model!r} is the generator's ($MODEL_NAME): "
                             "a model judging its own summaries tends to pass them; pick another with --model")
    return summary


def apply_judge(report: AuditReport, sources: Iterable[DigestSource], settings: JudgeSettings,
                http_client: httpx.AsyncClient | None = None) -> JudgeSummary:
    """Judge the selected papers of an audited report in place; returns (and stores) the run summary."""
    prompts = load_prompts()
    mode = ModeState.for_server(settings)
    summary = new_summary(settings, prompts, mode)
    runnable = prepare_items(report, sources, settings, summary)
    cache = open_cache(settings, summary)
    try:
        if settings.dry_run:
            _dry_run(runnable, settings, prompts, mode, cache, summary)
        else:
            asyncio.run(_judge_all(runnable, settings, prompts, mode, cache, summary, http_client))
    finally:
        if cache is not None:
            close_cache(cache, summary)
    finish(report, summary, settings)
    return summary


def finish(report: AuditReport, summary: JudgeSummary, settings: JudgeSettings) -> None:
    """Sort, round, and a last pass of the key scrubber over everything the judge added; store on the report."""
    scrubber = Scrubber(settings.api_key)
    summary.unjudged.sort(key=lambda u: (u.path, u.arxiv_id))
    for item in summary.unjudged:
        item.reason = scrubber.scrub(item.reason)
    summary.notes = [scrubber.scrub(note) for note in summary.notes]
    summary.answered_by = {scrubber.scrub(k): v for k, v in sorted(summary.answered_by.items())}
    summary.cost_usd = round(summary.cost_usd, 6)
    for digest in report.digests:
        for paper in digest.papers:
            if any(f.source != "heuristic" for f in paper.findings):
                paper.findings = [f if f.source == "heuristic" else f.model_copy(update={
                    "message": scrubber.scrub(f.message),
                    "summary_span": scrubber.scrub(f.summary_span) if f.summary_span else f.summary_span,
                    "abstract_span": scrubber.scrub(f.abstract_span) if f.abstract_span else f.abstract_span})
                    for f in paper.findings]
    report.judge = summary.model_dump(mode="json")
    report.summary = summarize(report)


def open_cache(settings: JudgeSettings, summary: JudgeSummary) -> JudgeCache | None:
    """The cache, or None (with a note) when it is off or cannot be opened: the run goes on without it."""
    if not settings.use_cache:
        return None
    try:
        return JudgeCache(settings.resolved_cache_dir())
    except (OSError, sqlite3.Error) as exc:
        summary.notes.append(f"cache not used: {exc}")
        return None


def close_cache(cache: JudgeCache, summary: JudgeSummary) -> None:
    if cache.errors:
        summary.notes.append(f"cache: {cache.errors} read/write error(s); those papers were not cached")
    cache.close()


def judge_key(settings: JudgeSettings, prompts: PromptSet, request: JudgeRequest) -> str:
    """Model, server, prompt files, schema and message format, input: a change to any of them re-judges."""
    return cache_key(settings.model, settings.server, prompts.hash, request.input_hash, FORMAT_VERSION)


def _cached(cache: JudgeCache | None, key: str, request: JudgeRequest,
            scrubber: Scrubber | None = None) -> tuple[Judgment, str] | None:
    from checker.judge.call import missing_ids

    if cache is None:
        return None
    stored = cache.get_entry(key)
    if stored is None:
        return None
    try:
        judgment = parse_judgment(stored[0], scrubber)
    except ValueError:
        return None  # an old or damaged entry: judge again
    if missing_ids(request, judgment):
        return None  # only complete judgments are stored; anything else is judged again
    return judgment, stored[1]


def count_answer(summary: JudgeSummary, answered_by: Iterable[str]) -> None:
    for model in answered_by:
        if model:
            summary.answered_by[model] = summary.answered_by.get(model, 0) + 1


def apply_judgment(item: JudgeItem, judgment: Judgment, summary: JudgeSummary) -> None:
    assert item.paper is not None and item.request is not None
    verified = judgment_findings(item.paper, item.request, judgment)
    summary.claims_discarded += verified.discarded
    summary.quotes_dropped += verified.quotes_dropped
    summary.hints_confirmed += sum(effect.confirmed for effect in verified.hints)
    summary.hints_rejected += sum(not effect.confirmed for effect in verified.hints)
    item.paper_report.findings = merge_findings(item.paper_report.findings, verified.findings, verified.hints)
    summary.papers_judged += 1


def _dry_run(items: list[JudgeItem], settings: JudgeSettings, prompts: PromptSet, mode: ModeState,
             cache: JudgeCache | None, summary: JudgeSummary) -> None:
    counter = token_counter(settings.model)
    price = price_for(settings.model, load_price_table(settings.prices_file))
    summary.priced = price.known
    for item in items:
        assert item.request is not None
        if _cached(cache, judge_key(settings, prompts, item.request), item.request) is not None:
            summary.from_cache += 1
            continue
        chat = messages(item.request, prompts, json_object=mode.mode == JSON_OBJECT)
        tokens_in = sum(counter.count(str(m["content"])) + 4 for m in chat) + 3
        tokens_out = (EST_OUTPUT_BASE + EST_OUTPUT_PER_SENTENCE * len(item.request.sentences)
                      + EST_OUTPUT_PER_FACT * len(item.request.key_facts) + EST_OUTPUT_PER_HINT * len(item.request.hints))
        summary.requests += 1
        summary.input_tokens += tokens_in
        summary.estimated_output_tokens += tokens_out
        summary.cost_usd += price.cost(tokens_in, tokens_out)


async def _judge_all(items: list[JudgeItem], settings: JudgeSettings, prompts: PromptSet, mode: ModeState,
                     cache: JudgeCache | None, summary: JudgeSummary,
                     http_client: httpx.AsyncClient | None) -> None:
    pending: list[tuple[JudgeItem, str]] = []
    scrubber = Scrubber(settings.api_key)
    for item in items:
        assert item.request is not None
        key = judge_key(settings, prompts, item.request)
        hit = _cached(cache, key, item.request, scrubber)
        if hit is not None:
            summary.from_cache += 1
            count_answer(summary, [hit[1]])
            apply_judgment(item, hit[0], summary)
        else:
            pending.append((item, key))
    if not pending:
        return
    price = price_for(settings.model, load_price_table(settings.prices_file))
    summary.priced = price.known
    budget = Budget(price, settings.max_cost, settings.max_tokens_budget)
    client = make_client(settings, http_client)
    judge = PaperJudge(client, settings, prompts, token_counter(settings.model), budget, mode)
    semaphore = asyncio.Semaphore(settings.concurrency)
    bar = _progress_bar(settings, len(pending))

    async def one(item: JudgeItem, key: str) -> None:
        assert item.request is not None and item.paper is not None
        stats = CallStats()
        async with semaphore:
            try:
                judgment = await judge.judge(item.request, stats)
            except BudgetExhausted:
                summary.unjudged.append(Unjudged(path=item.path, arxiv_id=item.paper.arxiv_id,
                                                 reason="budget (--max-cost/--max-tokens) reached"))
                judgment = None
            except JudgeFailure as exc:
                fail_item(item, summary, str(exc))
                judgment = None
            except Exception as exc:  # a bug or an SDK surprise must not crash the audit
                fail_item(item, summary, f"unexpected {type(exc).__name__}")
                judgment = None
        summary.requests += stats.requests
        summary.input_tokens += stats.input_tokens
        summary.output_tokens += stats.output_tokens
        summary.cached_input_tokens += stats.cached_input_tokens
        count_answer(summary, stats.answered_by)
        if judgment is not None:
            if cache is not None:
                cache.put(key, settings.model, settings.server, prompts.hash, item.request.input_hash,
                          judgment.model_dump_json(), stats.answered_by[-1] if stats.answered_by else "")
            apply_judgment(item, judgment, summary)
        if bar is not None:
            bar.advance()

    try:
        await asyncio.gather(*(one(item, key) for item, key in pending))
    finally:
        if bar is not None:
            bar.close()
        await client.close()
    summary.response_format = mode.mode
    summary.cost_usd = budget.spent_cost
    if budget.overbilled:
        summary.notes.append(f"{budget.overbilled} reply(ies) billed above their reservation; the bill was "
                             "counted as the server reported it")
    if budget.over_limit:
        summary.notes.append("the server's bills passed the limit (--max-cost/--max-tokens) while requests were "
                             "in flight; nothing was sent after the bill that passed it")


def fail_item(item: JudgeItem, summary: JudgeSummary, reason: str) -> None:
    assert item.paper is not None
    summary.failed += 1
    summary.unjudged.append(Unjudged(path=item.path, arxiv_id=item.paper.arxiv_id, reason=f"judge failed: {reason}"))
    item.paper_report.findings = merge_findings(
        item.paper_report.findings, [failed_finding(item.paper, item.paper.arxiv_id, item.paper.line, reason)])


class _Bar:
    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self._progress = Progress(console=Console(stderr=True), transient=True)
        self._task = self._progress.add_task("judging", total=total)
        self._progress.start()

    def advance(self) -> None:
        self._progress.advance(self._task)

    def close(self) -> None:
        self._progress.stop()


def _progress_bar(settings: JudgeSettings, total: int) -> _Bar | None:
    return _Bar(total) if settings.progress and total > 1 and sys.stderr.isatty() else None


def describe(summary: JudgeSummary) -> str:
    """One or two lines for stderr; no key, ever (the summary never holds it)."""
    cost = f"${summary.cost_usd:.4f}" if summary.priced else "cost unknown (model not in the price table)"
    tokens = f"tokens estimated by {summary.tokenizer}" if summary.tokens_estimated else \
        f"tokens by {summary.tokenizer}"
    head = f"judge: {summary.model} at {summary.server} ({summary.response_format}; {tokens})"
    if summary.dry_run:
        body = (f"dry run: {summary.requests} requests ({summary.from_cache} cached), "
                f"{'~' if summary.tokens_estimated else ''}{summary.input_tokens} input + "
                f"~{summary.estimated_output_tokens} output tokens, ~{cost}")
    else:
        body = (f"{summary.papers_judged}/{summary.papers_selected} papers judged ({summary.from_cache} cached), "
                f"{summary.failed} failed, {len(summary.unjudged)} unjudged, {summary.claims_discarded} judge "
                f"claims discarded; {summary.requests} requests, {summary.input_tokens} in "
                f"({summary.cached_input_tokens} cached) / {summary.output_tokens} out tokens billed, {cost}")
    return "\n".join([head, body, *summary.notes])

