"""index.html: one self-contained page (inline CSS, SVG and a small script; no network).

Digest text is untrusted LLM output. Every piece of it goes through html.escape, and a
Content-Security-Policy allows only this page's own script (by hash), so even a missed escape
could not run injected script.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from html import escape

from checker.analysis.display_align import align, marks
from checker.model import BLOCK_LABELS, BLOCK_NAMES, AuditReport, Finding
from checker.render.report.collect import DigestView, PaperView, trend
from checker.render.report.score import FORMULA
from checker.render.report.svg import PALETTE, bar_chart, histogram, line_chart

_CSS = """
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans SC",sans-serif;margin:0;color:#1f2937;background:#f8fafc}
header{background:#0f172a;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}
main{padding:16px 24px;max-width:1400px}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:8px 0 16px}.card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:10px 16px;min-width:120px}
.card b{display:block;font-size:22px}.charts{display:flex;flex-wrap:wrap;gap:16px}.chartbox{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:8px 12px}
.chartbox h3{margin:4px 0 6px;font-size:14px}svg.chart text{font-size:11px;fill:#374151}
table{border-collapse:collapse;background:#fff}th,td{border:1px solid #e5e7eb;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#f1f5f9}td.n{text-align:right}
.filters{position:sticky;top:0;background:#f8fafc;padding:8px 0;border-bottom:1px solid #e5e7eb;z-index:2}
.filters label{margin-right:10px;white-space:nowrap}
details.paper{background:#fff;border:1px solid #e5e7eb;border-radius:6px;margin:6px 0;padding:4px 10px}
details.paper>summary{cursor:pointer}.score{display:inline-block;min-width:42px;text-align:center;border-radius:4px;color:#fff;font-weight:600;margin-right:6px}
.s-bad{background:#dc2626}.s-mid{background:#d97706}.s-good{background:#16a34a}
.finding{margin:4px 0;padding:3px 6px;border-left:4px solid #999;background:#f9fafb}
.sev-error{border-color:#dc2626}.sev-warning{border-color:#d97706}.sev-info{border-color:#2563eb}
.tag{font-size:11px;border-radius:3px;padding:0 4px;background:#e5e7eb;margin-right:4px}
table.side{width:100%;table-layout:fixed;margin:6px 0}table.side th{width:48%}table.side th.blk{width:90px}table.side td.blk{font-weight:600}
.num{background:#dbeafe;border-radius:2px}.name{background:#ede9fe;border-radius:2px}.flag{background:#fecaca;outline:1px solid #dc2626;border-radius:2px}
.none{color:#9ca3af;font-style:italic}.muted{color:#6b7280}.hidden{display:none}
.legend span{margin-right:10px}
"""

# The filter script reads only data-* attributes written by this module; it never inserts HTML.
# A link such as index.html#filter=severity:error,category:omission opens the page filtered.
_SCRIPT = """
(function(){
var boxes=document.querySelectorAll('.filters input[type=checkbox]');
function apply(){
 var on={};boxes.forEach(function(b){on[b.dataset.kind+':'+b.value]=b.checked;});
 var clean=document.getElementById('show-clean').checked;
 document.querySelectorAll('.finding').forEach(function(f){
  var show=on['category:'+f.dataset.category]!==false&&on['severity:'+f.dataset.severity]!==false;
  f.classList.toggle('hidden',!show);});
 document.querySelectorAll('.paper').forEach(function(p){
  var all=p.querySelectorAll('.finding').length,vis=p.querySelectorAll('.finding:not(.hidden)').length;
  p.classList.toggle('hidden',all?vis===0:!clean);});
 var c=document.getElementById('visible-count');
 if(c){c.textContent=String(document.querySelectorAll('.paper:not(.hidden)').length);}
}
boxes.forEach(function(b){b.addEventListener('change',apply);});
var m=/filter=([a-z_:,]+)/.exec(location.hash);
if(m){var want=m[1].split(',');boxes.forEach(function(b){
 var key=b.dataset.kind+':'+b.value;var kinds=want.map(function(w){return w.split(':')[0];});
 if(kinds.indexOf(b.dataset.kind)>=0){b.checked=want.indexOf(key)>=0;}});
 document.getElementById('show-clean').checked=false;}
apply();
})();
"""


def _score_badge(score: float) -> str:
    kind = "s-bad" if score < 50 else "s-mid" if score < 90 else "s-good"
    return f'<span class="score {kind}">{score:.0f}</span>'


def _marked(text: str, spans: list[str]) -> str:
    out = []
    for piece, kind in marks(text, spans):
        out.append(f'<span class="{kind}">{escape(piece)}</span>' if kind else escape(piece))
    return "".join(out)


def _finding_html(f: Finding) -> str:
    parts = [f'<div class="finding sev-{escape(f.severity.value)}" data-category="{escape(f.category.value)}" '
             f'data-severity="{escape(f.severity.value)}">',
             f'<span class="tag">{escape(f.severity.value)}</span><span class="tag">{escape(f.category.value)}</span>',
             f"<b>{escape(f.rule)} {escape(f.name)}</b>",
             f" [{escape(f.block)}]" if f.block else "",
             f" line {f.line}" if f.line else "",
             f": {escape(f.message)}"]
    if f.summary_span:
        parts.append(f'<br><span class="muted">summary:</span> <span class="flag">{escape(f.summary_span)}</span>')
    if f.abstract_span:
        parts.append(f'<br><span class="muted">abstract:</span> {escape(f.abstract_span)}')
    parts.append("</div>")
    return "".join(parts)


def _side_by_side(view: PaperView) -> str:
    paper = view.paper
    if paper is None:
        return '<p class="none">The digest does not hold this paper (dropped by the pipeline).</p>'
    abstract = paper.abstract or ""
    rows = []
    for name in BLOCK_NAMES:
        text = paper.block_text(name)
        if not text:
            continue
        block_findings = [f for f in view.report.findings if f.block == name]
        zh_spans = [f.summary_span for f in block_findings if f.summary_span]
        en_spans = [f.abstract_span for f in block_findings if f.abstract_span]
        pairs = align(text, abstract)
        for i, pair in enumerate(pairs):
            label = escape(BLOCK_LABELS.get(name, name)) if i == 0 else ""
            evidence = (_marked(pair.evidence, en_spans) if pair.evidence
                        else '<span class="none">no abstract sentence shares a number or name</span>'
                        if abstract else '<span class="none">no English abstract in this digest</span>')
            rows.append(f'<tr><td class="blk">{label}</td><td>{_marked(pair.summary, zh_spans)}</td>'
                        f"<td>{evidence}</td></tr>")
    if not rows:
        return '<p class="none">No summary text.</p>'
    return ('<table class="side"><thead><tr><th class="blk">block</th><th>summary sentence</th>'
            '<th>English evidence (abstract)</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")


def _paper_html(view: PaperView, detailed: bool, open_: bool = False) -> str:
    r = view.report
    label = f"[{r.index}] " if r.index is not None else ""
    cats = " ".join(sorted({f.category.value for f in r.findings}))
    head = (f"<summary>{_score_badge(view.score)} {escape(label)}<b>{escape(r.arxiv_id)}</b> "
            f"{escape(r.title[:160])} <span class=\"muted\">· {len(r.findings)} finding(s)"
            f"{' · dropped' if r.dropped else ''}</span></summary>")
    body = "".join(_finding_html(f) for f in r.findings)
    if detailed:
        body += _side_by_side(view)
    return f'<details class="paper" data-categories="{escape(cats)}"{" open" if open_ else ""}>{head}{body}</details>'


def _digest_section(number: int, view: DigestView, detail_limit: int) -> str:
    d = view.report
    errors = sum(p.has_error for p in view.papers)
    out = [f'<section id="digest-{number}"><h2>{escape(d.path)}</h2>',
           f'<p>{_score_badge(view.score)} {d.papers_total} papers, {errors} with errors, '
           f'{len(d.findings())} findings · format {escape(d.format)} · language {escape(d.language)}'
           f'{" · date " + escape(d.date) if d.date else ""}</p>']
    for problem in d.problems:
        out.append(f'<div class="finding sev-{escape(problem.severity.value)}">input problem '
                   f'{escape(problem.code)}{" line " + str(problem.line) if problem.line else ""}: '
                   f"{escape(problem.message)}</div>")
    by_rule = Counter(f"{f.rule} {f.name}" for f in d.findings())
    if by_rule:
        out.append('<div class="chartbox">' + bar_chart(sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))[:12],
                                                         "findings by rule", PALETTE[4]) + "</div>")
    # The worst paper with a content finding (not only format) opens by default: it needs reading.
    opened = next((p for p in view.papers if p.paper is not None
                   and any(f.category.value != "format" for f in p.report.findings)), None)
    for i, view_paper in enumerate(view.papers):
        out.append(_paper_html(view_paper, detailed=detail_limit <= 0 or i < detail_limit,
                               open_=view_paper is opened))
    if 0 < detail_limit < len(view.papers):
        out.append(f'<p class="muted">Side-by-side text shown for the {detail_limit} worst papers; '
                   f"the other {len(view.papers) - detail_limit} list their findings only "
                   f"(use --details 0 for all).</p>")
    out.append("</section>")
    return "".join(out)


def render_html(report: AuditReport, views: list[DigestView], title: str = "digest-check report",
                detail_limit: int = 150) -> str:
    s = report.summary
    scores = [p.score for v in views for p in v.papers]
    mean = sum(scores) / len(scores) if scores else 100.0
    categories = sorted(s.by_category)
    severities = [sev for sev in ("error", "warning", "info") if sev in s.by_severity]
    overview = [
        '<div class="cards">',
        f"<div class=card><b>{s.digests}</b>digests</div>",
        f"<div class=card><b>{s.papers}</b>papers</div>",
        f"<div class=card><b>{s.papers_with_errors}</b>papers with errors</div>",
        f"<div class=card><b>{s.findings}</b>findings</div>",
        f"<div class=card><b>{mean:.1f}</b>mean paper score</div>",
        "</div>",
        '<div class="charts">',
        '<div class="chartbox"><h3>Findings by category</h3>'
        + bar_chart(sorted(s.by_category.items(), key=lambda kv: (-kv[1], kv[0])), "findings by category")
        + "</div>",
        '<div class="chartbox"><h3>Paper scores</h3>' + histogram(scores, "paper score distribution") + "</div>",
        '<div class="chartbox"><h3>Digest score over days</h3>' + line_chart(trend(views), "score trend") + "</div>",
        "</div>",
        f'<p class="muted">Score: {escape(FORMULA)}.</p>',
    ]
    table = ['<h2>Digests</h2><table><thead><tr><th>digest</th><th>date</th><th>papers</th><th>with errors</th>'
             "<th>findings</th><th>score</th></tr></thead><tbody>"]
    for number, view in enumerate(views):
        d = view.report
        table.append(f'<tr><td><a href="#digest-{number}">{escape(d.path)}</a></td><td>{escape(d.date or "")}</td>'
                     f'<td class="n">{d.papers_total}</td><td class="n">{sum(p.has_error for p in view.papers)}</td>'
                     f'<td class="n">{len(d.findings())}</td><td class="n">{view.score:.1f}</td></tr>')
    table.append("</tbody></table>")
    for problem in report.problems:
        table.append(f'<p class="finding sev-error">{escape(problem.path)}: {escape(problem.message)}</p>')
    filters = ['<div class="filters"><b>Show</b> ']
    filters += [f'<label><input type="checkbox" data-kind="category" value="{escape(c)}" checked> {escape(c)}</label>'
                for c in categories]
    filters += [f'<label><input type="checkbox" data-kind="severity" value="{escape(v)}" checked> {escape(v)}</label>'
                for v in severities]
    filters.append('<label><input type="checkbox" id="show-clean" checked> papers without findings</label>'
                   ' · <span id="visible-count"></span> papers shown · '
                   '<span class="legend"><span class="num">number</span><span class="name">name</span>'
                   '<span class="flag">flagged span</span></span></div>')
    # Sections worst digest first (the table above keeps the input order, which reads as a timeline).
    order = sorted(range(len(views)), key=lambda n: (views[n].score, n))
    sections = [_digest_section(n, views[n], detail_limit) for n in order]
    script_hash = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
    csp = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{script_hash}'"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{escape(title)}</h1></header><main>"
        + "".join(overview) + "".join(table) + "".join(filters) + "".join(sections)
        + f"</main><script>{_SCRIPT}</script></body></html>\n"
    )
