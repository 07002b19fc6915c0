"""The HTML pages of a report, rendered from the Jinja2 templates in ``templates/`` with autoescaping.

Digest text is untrusted LLM output. Jinja2 escapes every value the templates write (autoescape is on for
.html templates), and a Content-Security-Policy allows only this page's own style sheet and script, by hash: no
inline style attribute, no other script, nothing from the network. So even a missed escape could not run
injected script, and the page works offline as one file.

A small run is one page (``index.html``). A large one (more papers than ``split_above``) is an index page with
the overview plus one page per digest (``digests/NNN-name.html``), each self-contained in the same way.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from checker.analysis.display_align import align, marks
from checker.model import BLOCK_LABELS, BLOCK_NAMES, AuditReport, Category, Severity
from checker.render.report.collect import DigestView, PaperView, RunTotals, run_totals, trend
from checker.render.report.score import FAILED, FORMULA, GOOD, STATUS_ORDER, WEIGHTS, Status, band
from checker.render.report.svg import Chart, HeatColumn, HeatRow, heatmap, line_chart, status_bar

if TYPE_CHECKING:
    from jinja2 import Environment

# Modern (2605.20209, v2 allowed) and old-style (hep-th/9901001, math.GT/0309136) arXiv identifiers. Only these
# are linked to arxiv.org; any other id string of a digest is shown, never used in a URL.
_ARXIV_ID = re.compile(r"(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")



@cache
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("checker.render.report", "templates"),
                      autoescape=select_autoescape(["html"], default_for_string=True, default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(band=band, status_order=STATUS_ORDER, block_labels=BLOCK_LABELS)
    return env


def _asset(name: str) -> str:
    return (files("checker.render.report") / "templates" / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@dataclass(frozen=True)
class Assets:
    """The page's one style sheet and one script, and the CSP that allows exactly these two by hash."""

    css: str
    script: str

    @property
    def csp(self) -> str:
        return (f"default-src 'none'; style-src 'sha256-{_sha256(self.css)}'; img-src data:; "
                f"script-src 'sha256-{_sha256(self.script)}'; base-uri 'none'; form-action 'none'")


@cache
def assets() -> Assets:
    css, script = _asset("report.css"), _asset("report.js")
    for text in (css, script):
        if "</" in text:  # would end the element early
            raise ValueError("report.css/report.js must not contain '</'")
    return Assets(css, script)


def paper_anchor(arxiv_id: str) -> str:
    """The element id of a paper's row: the arXiv id, prefixed so that it never meets the page's own ids."""
    return "arxiv-" + re.sub(r"\s+", "_", arxiv_id)


def arxiv_url(arxiv_id: str) -> str | None:
    return f"https://arxiv.org/abs/{arxiv_id}" if _ARXIV_ID.fullmatch(arxiv_id) else None


@dataclass(frozen=True)
class RuleChip:
    rule: str
    name: str
    severity: str
    count: int
    href: str = ""  # in a digest's head: the link that filters its papers to this rule


def rule_chips(view: PaperView) -> list[RuleChip]:
    """One chip per rule of the paper, worst severity first (the row names its rules even when collapsed)."""
    by_rule: dict[str, list[Any]] = {}
    for f in view.report.findings:
        by_rule.setdefault(f.rule, []).append(f)
    chips = [RuleChip(rule, found[0].name, max(found, key=lambda f: f.severity.rank).severity.value, len(found))
             for rule, found in by_rule.items()]
    return sorted(chips, key=lambda c: (-Severity(c.severity).rank, c.rule))


@dataclass(frozen=True)
class SideRow:
    label: str
    summary: list[tuple[str, str]]
    evidence: list[tuple[str, str]] | None
    missing: str = ""


def side_rows(view: PaperView) -> list[SideRow]:
    """Each summary sentence beside the abstract sentence that shares its numbers and names."""
    paper = view.paper
    if paper is None:
        return []
    abstract = paper.abstract or ""
    rows = []
    for name in BLOCK_NAMES:
        text = paper.block_text(name)
        if not text:
            continue
        block_findings = [f for f in view.report.findings if f.block == name]
        zh_spans = [f.summary_span for f in block_findings if f.summary_span]
        en_spans = [f.abstract_span for f in block_findings if f.abstract_span]
        for i, pair in enumerate(align(text, abstract)):
            label = BLOCK_LABELS.get(name, name) if i == 0 else ""
            if pair.evidence:
                rows.append(SideRow(label, marks(pair.summary, zh_spans), marks(pair.evidence, en_spans)))
            else:
                rows.append(SideRow(label, marks(pair.summary, zh_spans), None,
                                    "no abstract sentence shares a number or name" if abstract
                                    else "no English abstract in this digest"))
    return rows


@dataclass
class PaperRow:
    view: PaperView
    anchor: str
    url: str | None
    chips: list[RuleChip]
    detailed: bool
    open: bool
    side: list[SideRow] = field(default_factory=list)

    @property
    def categories(self) -> str:
        return " ".join(sorted({f.category.value for f in self.view.report.findings}))


@dataclass
class Section:
    view: DigestView
    rows: list[PaperRow]
    hidden_detail: int  # papers listed without side-by-side text (beyond detail_limit)
    rules: list[RuleChip]  # the digest's rules, most papers first
    bar: Chart


def _section(view: DigestView, detail_limit: int, taken: set[str], split: bool) -> Section:
    # The worst paper with a content finding (not only format) opens by default: it needs reading.
    opened = next((p for p in view.papers if p.paper is not None
                   and any(f.category is not Category.format for f in p.report.findings)), None)
    rows = []
    for i, paper in enumerate(view.papers):
        anchor = paper_anchor(paper.report.arxiv_id)
        if anchor in taken:  # the same paper in another digest of this page
            anchor = f"{anchor}--d{view.number}"
        taken.add(anchor)
        detailed = paper.paper is not None and (detail_limit <= 0 or i < detail_limit)
        rows.append(PaperRow(paper, anchor, arxiv_url(paper.report.arxiv_id), rule_chips(paper), detailed,
                             paper is opened, side_rows(paper) if detailed else []))
    papers: Counter[str] = Counter()
    first: dict[str, RuleChip] = {}
    worst: dict[str, int] = {}
    for row in rows:
        for chip in row.chips:
            papers[chip.rule] += 1
            first.setdefault(chip.rule, chip)
            worst[chip.rule] = max(worst.get(chip.rule, 0), Severity(chip.severity).rank)
    by_rank = {s.rank: s.value for s in Severity}
    prefix = "#filter=" if split else f"#filter=digest:{view.number},"
    rules = sorted((RuleChip(rule, first[rule].name, by_rank[worst[rule]], n, f"{prefix}rule:{rule}")
                    for rule, n in papers.items()), key=lambda c: (-c.count, c.rule))
    hidden = sum(row.view.paper is not None and not row.detailed for row in rows)
    return Section(view, rows, hidden, rules, status_bar(view.statuses, view.name))


@dataclass(frozen=True)
class RuleOption:
    rule: str
    name: str
    severity: str
    papers: int


def _rule_options(views: Iterable[DigestView]) -> list[RuleOption]:
    papers: Counter[str] = Counter()
    names: dict[str, str] = {}
    worst: dict[str, Severity] = {}
    for view in views:
        for paper in view.papers:
            for f in paper.report.findings:
                names.setdefault(f.rule, f.name)
                if f.rule not in worst or f.severity.rank > worst[f.rule].rank:
                    worst[f.rule] = f.severity
            papers.update({f.rule for f in paper.report.findings})
    return [RuleOption(rule, names[rule], worst[rule].value, papers[rule]) for rule in sorted(names)]


def _heatmap(views: list[DigestView], rules: list[RuleOption], split: bool) -> Chart:
    def href(view: DigestView, rule: str | None = None) -> str:
        if split:
            return view.page + (f"#filter=rule:{rule}" if rule else "")
        return f"#filter=digest:{view.number},rule:{rule}" if rule else f"#{view.anchor}"

    columns = [HeatColumn(v.report.date or v.name[:14], v.name, len(v.papers), href(v)) for v in views]
    ordered = sorted(rules, key=lambda r: (-Severity(r.severity).rank, -r.papers, r.rule))
    rows = []
    for rule in ordered:
        counts = [sum(any(f.rule == rule.rule for f in p.report.findings) for p in v.papers) for v in views]
        rows.append(HeatRow(f"{rule.rule} {rule.name}", rule.severity, counts,
                            [href(v, rule.rule) for v in views]))
    return heatmap(rows, columns, "rules × digests: papers flagged")


@dataclass
class DayRow:
    view: DigestView
    bar: Chart
    href: str

    @property
    def problems(self) -> str:
        return "; ".join(p.message for p in self.view.report.problems if p.severity is Severity.error)


def _page_context(report: AuditReport, title: str, views: list[DigestView]) -> dict[str, Any]:
    """What every page shows or filters by: the categories and severities of its papers' findings."""
    found = [f for v in views for p in v.papers for f in p.report.findings]
    return {"title": title, "assets": assets(), "formula": FORMULA, "weights": WEIGHTS, "good": GOOD,
            "failed_at": FAILED, "Status": Status, "report": report,
            "categories": sorted({f.category.value for f in found}),
            "severities": [s.value for s in Severity if any(f.severity is s for f in found)]}


def render_html(report: AuditReport, views: list[DigestView], title: str = "digest-check report",
                detail_limit: int = 150, split: bool = False) -> str:
    """The index page: the headline, the per-day status bars, the rule × digest heatmap and the trend; then,
    unless ``split``, every digest's papers (with ``split`` each digest has its own page, ``render_digest``)."""
    totals: RunTotals = run_totals(views)
    rules = _rule_options(views)
    days = [DayRow(v, status_bar(v.statuses, v.name), v.page if split else f"#{v.anchor}") for v in views]
    taken: set[str] = set()
    series = trend(views)
    # Sections worst digest first (the days table keeps the input order, which reads as a timeline); digests
    # without papers, which have no score, last.
    order = sorted(views, key=lambda v: (v.score is None, v.score or 0.0, v.number))
    sections = [] if split else [_section(v, detail_limit, taken, split) for v in order]
    return _environment().get_template("index.html").render(
        **_page_context(report, title, views), totals=totals, days=days, heat=_heatmap(views, rules, split),
        trend=line_chart(series, "digest score over days") if any(len(p) > 1 for p in series.values()) else None, rules=rules, sections=sections, split=split,
        root="", detail_limit=detail_limit)


def render_digest(report: AuditReport, view: DigestView, title: str = "digest-check report",
                  detail_limit: int = 150) -> str:
    """The page of one digest in a split report (``digests/NNN-name.html``), linking back to the index."""
    return _environment().get_template("digest.html").render(
        **_page_context(report, title, [view]), section=_section(view, detail_limit, set(), True),
        rules=_rule_options([view]),
        root="../", detail_limit=detail_limit, split=True)

