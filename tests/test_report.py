"""Quality reports: the three files, truthful scores on failed, empty and good days, anchors and arXiv links, rule
chips, filters, the per-day status bars and the heatmap, templates with autoescaping, the CSP, escaping."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.analysis.display_align import align, marks
from checker.cli.app import app
from checker.model import Category, Finding, Severity
from checker.render.report.score import Status, band, digest_score, paper_score, paper_status

FIXTURES = Path(__file__).parent / "fixtures"
DIGESTS = FIXTURES / "ci"
HOSTILE = FIXTURES / "ci-xss"  # a real record with <script>, <img onerror> and a javascript: link added
# The real "no new papers" day of xmkxabc/daily-arXiv-ai-enhanced, 2025-06-18.md, as it is.
NO_NEW_PAPERS = "# AI-Enhanced arXiv Daily 2025-06-18\n\n### 今日没有找到新论文。\n"
ARXIV = "https://arxiv.org/abs/"


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_bodies: list[str] = []
        self.style_bodies: list[str] = []
        self.text: list[str] = []  # the page's text, entities decoded
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        {"script": self.script_bodies, "style": self.style_bodies}.get(self._in or "", self.text).append(data)


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _report(out: Path, *args: str) -> Path:
    result = CliRunner().invoke(app, ["report", *args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _report(tmp_path_factory.mktemp("report"), str(DIGESTS), str(HOSTILE),
                   "--select", "F103,F104,F202,F302")  # rules with known findings here


@pytest.fixture(scope="module")
def days(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of three days, from real records: one where every summary failed (the five papers of
    dw-dengwei 2026-05-21 that carry the English placeholders), a "今日没有找到新论文" day, an empty AI file, and a
    good day (the other seven papers of that digest)."""
    folder = tmp_path_factory.mktemp("days")
    records = (DIGESTS / "2026-05-21_AI_enhanced_Chinese.jsonl").read_text(encoding="utf-8").splitlines()
    failed = [r for r in records if "Summary generation failed" in r]
    assert len(failed) == 5 and len(records) == 12
    (folder / "2026-05-20_AI_enhanced_Chinese.jsonl").write_text("\n".join(failed) + "\n", encoding="utf-8")
    good = [r for r in records if r not in failed]
    (folder / "2026-05-21_AI_enhanced_Chinese.jsonl").write_text("\n".join(good) + "\n", encoding="utf-8")
    (folder / "2025-06-18.md").write_text(NO_NEW_PAPERS, encoding="utf-8")
    (folder / "2025-06-19_AI_enhanced_Chinese.jsonl").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def days_report(days: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _report(tmp_path_factory.mktemp("days-report"), str(days))


def _scores(out: Path) -> dict[str, dict]:
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {Path(d["path"]).name: d for d in data["scores"]["digests"]}


def _row_of(html: str, anchor: str) -> str:
    """The markup of one paper's row, from its element id to the end of its element."""
    start = html.rindex("<", 0, html.index(f'id="{anchor}"'))
    tag = html[start + 1:html.index(" ", start)]
    return html[start:html.index(f"</{tag}>", start)]


# --- the done-when: failed, empty and good days, anchors and links ---------------------------------


def test_a_day_where_every_summary_failed_scores_0_to_10(days_report: Path) -> None:
    failed = _scores(days_report)["2026-05-20_AI_enhanced_Chinese.jsonl"]
    assert failed["score"] is not None and 0 <= failed["score"] <= 10
    assert failed["statuses"]["not-summarised"] == 5 and failed["statuses"]["clean"] == 0
    html = (days_report / "index.html").read_text(encoding="utf-8")
    row = html[html.index(">2026-05-20_AI_enhanced_Chinese.jsonl</a>"):]
    row = row[:row.index("</tr>")]
    assert '<span class="score bad">0</span>' in row and "good" not in row


def test_an_empty_day_is_not_scored_as_a_good_day(days_report: Path) -> None:
    scores = _scores(days_report)
    for name in ("2025-06-18.md", "2025-06-19_AI_enhanced_Chinese.jsonl"):
        assert scores[name]["score"] is None, name  # no score, not 100
        html = (days_report / "index.html").read_text(encoding="utf-8")
        row = html[html.index(f">{name}</a>"):]
        row = row[:row.index("</tr>")]
        assert '<span class="score grey">–</span>' in row and "score good" not in row, name
        assert "no papers" in row
    assert "the digest says no new papers were found" in html  # why the day has no papers
    good = scores["2026-05-21_AI_enhanced_Chinese.jsonl"]["score"]
    assert good is not None and good >= 85 and band(good) in ("good", "mid")


def test_the_headline_counts_the_papers_a_reader_cannot_trust(days_report: Path) -> None:
    data = json.loads((days_report / "report.json").read_text(encoding="utf-8"))
    run = data["scores"]["run"]
    assert run["papers"] == 12 and run["untrusted"] >= 5 and run["statuses"]["not-summarised"] == 5
    assert run["failed_digests"] == 1 and run["empty_digests"] == 2
    html = (days_report / "index.html").read_text(encoding="utf-8")
    headline = html[html.index('<p class="headline'):html.index("</p>", html.index('<p class="headline'))]
    assert f"{run['untrusted']} of 12 papers" in headline and "1 digest failed outright" in headline
    assert "2 digests have no papers and no score" in headline
    assert "mean score" not in html
    md = (days_report / "report.md").read_text(encoding="utf-8")
    assert f"{run['untrusted']} of 12 papers" in md


def test_every_paper_has_an_anchor_with_its_arxiv_id_and_an_arxiv_link(days_report: Path) -> None:
    html = (days_report / "index.html").read_text(encoding="utf-8")
    data = json.loads((days_report / "report.json").read_text(encoding="utf-8"))
    ids = [p["arxiv_id"] for d in data["digests"] for p in d["papers"]]
    assert len(ids) == 12
    for arxiv_id in ids:
        row = _row_of(html, f"arxiv-{arxiv_id}")
        assert f'<a class="arxiv" href="{ARXIV}{arxiv_id}" rel="noreferrer"' in row, arxiv_id


def test_anchors_stay_unique_when_a_paper_is_in_two_digests(tmp_path: Path) -> None:
    folder = tmp_path / "two"
    folder.mkdir()
    text = (DIGESTS / "2026-05-21_AI_enhanced_Chinese.jsonl").read_text(encoding="utf-8")
    (folder / "2026-05-21_AI_enhanced_Chinese.jsonl").write_text(text, encoding="utf-8")
    (folder / "2026-05-22_AI_enhanced_Chinese.jsonl").write_text(text, encoding="utf-8")
    html = (_report(tmp_path / "out", str(folder), "--select", "F103") / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r' id="(arxiv-[^"]+)"', html)
    assert len(ids) == 24 and len(set(ids)) == 24
    assert 'id="arxiv-2605.20209"' in html and 'id="arxiv-2605.20209--d1"' in html


# --- scores -------------------------------------------------------------------------------------------------


def _finding(severity: Severity, confidence: float = 1.0, rule: str = "X1") -> Finding:
    return Finding(rule=rule, name="x", category=Category.omission, severity=severity, message="m",
                   confidence=confidence)


def test_score_formula() -> None:
    assert paper_score([]) == 100.0
    assert paper_score([_finding(Severity.warning), _finding(Severity.info)]) == 88.0
    assert paper_score([_finding(Severity.warning, 0.5)]) == 95.0
    assert paper_score([_finding(Severity.error)]) == 0.0  # one error at full confidence: no trust left
    assert paper_score([_finding(Severity.error, 0.6)]) == 40.0
    assert paper_score([], delivered=False) == 0.0  # dropped or not summarised
    assert digest_score([100.0, 80.0]) == 90.0 and digest_score([]) is None
    # A digest scores no more than its share of papers without an error.
    assert digest_score([100.0] * 8 + [paper_score([_finding(Severity.error)])] * 2) == 80.0


def test_severity_is_read_from_the_findings_not_from_rule_ids() -> None:
    # The same rule id weighs what its finding's severity says (severities are recalibrated by held-out precision).
    assert paper_score([_finding(Severity.info, rule="F103")]) == 98.0
    assert paper_score([_finding(Severity.error, rule="C103")]) == 0.0
    assert paper_status([_finding(Severity.warning, rule="F103")]) is Status.warning
    assert paper_status([_finding(Severity.info)]) is Status.clean
    assert paper_status([], dropped=True) is Status.dropped
    assert paper_status([_finding(Severity.error)], unsummarised=True) is Status.not_summarised


def test_bands() -> None:
    assert band(None) == "grey" and band(0) == "bad" and band(49.9) == "bad" and band(50) == "mid"
    assert band(89.9) == "mid" and band(90) == "good" and band(100) == "good"


def test_worst_papers_first_and_scores(report_dir: Path) -> None:
    scores = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))["scores"]
    assert "weight error 100" in scores["formula"]
    by_path = {Path(d["path"]).name: d for d in scores["digests"] if "ci-xss" not in d["path"]}
    may = by_path["2026-05-21_AI_enhanced_Chinese.jsonl"]
    assert may["papers"]["2605.20209"] == 0.0 and may["papers"]["2605.20274"] == 100.0
    assert may["score"] == pytest.approx(7 * 100 / 12, abs=0.05)  # 5 of 12 papers have no summary
    assert may["statuses"] == {"clean": 7, "warning": 0, "error": 0, "not-summarised": 5, "dropped": 0}
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    section = html[html.index(">2026-05-21_AI_enhanced_Chinese.jsonl</h2>"):]
    section = section[: section.index("</section>")]
    badges = [int(s) for s in re.findall(r'<span class="score \w+">(\d+)</span>', section)]
    assert badges[0] == 58  # the digest's own
    assert badges[1:] == sorted(badges[1:]) and badges[1] == 0


def test_trend_over_dates(report_dir: Path) -> None:
    trend = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))["scores"]["trend"]
    assert [p["date"] for p in trend["ci"]] == ["2025-09-16", "2026-05-21"]


# --- the page: rows, chips, filters, charts ------------------------------------------------------------------


def test_collapsed_rows_name_their_rules(report_dir: Path) -> None:
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    data = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))
    flagged = 0
    for digest in data["digests"]:
        for paper in digest["papers"]:
            if "ci-xss" in digest["path"]:
                continue
            row = _row_of(html, f"arxiv-{paper['arxiv_id']}")
            head = row[row.index("<summary>"):row.index("</summary>")] if "<summary>" in row else row
            for f in paper["findings"]:
                assert f'<b>{f["rule"]}</b> {f["name"]}' in head, (paper["arxiv_id"], f["rule"])
                flagged += 1
    assert flagged >= 8


def test_filters_cover_rules_categories_severities_and_search(report_dir: Path) -> None:
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    summary = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))["summary"]
    bar = html[html.index('<div class="filters" id="filters">'):]
    bar = bar[:bar.index("</div>")]
    assert '<input type="search" id="f-search"' in bar
    for rule in summary["by_rule"]:
        assert f'<option value="{rule}">' in bar, rule
    for category in summary["by_category"]:
        assert f'data-kind="category" value="{category}"' in bar, category
    for severity in summary["by_severity"]:
        assert f'data-kind="severity" value="{severity}"' in bar, severity
    # every finding carries what the filters read
    assert html.count('<div class="finding ') == summary["findings"]
    assert len(re.findall(r'<div class="finding [^>]*data-rule="[A-Z]\d{3}" data-category="\w+" '
                          r'data-severity="\w+"', html)) == summary["findings"]


def test_status_bars_and_heatmap(days_report: Path) -> None:
    html = (days_report / "index.html").read_text(encoding="utf-8")
    parser = _parse(html)
    bars = [attrs for tag, attrs in parser.tags if tag == "rect" and (attrs.get("class") or "").startswith("st-")]
    assert {"st-not-summarised", "st-clean"} <= {attrs["class"] for attrs in bars}
    heat = html[html.index("<title>rules × digests"):]
    heat = heat[:heat.index("</svg>")]
    # F103's cell in the failed day's column: 5 of 5 papers, linked to those papers
    assert "F103 paper-not-summarized in 2026-05-20_AI_enhanced_Chinese.jsonl: 5 of 5 papers (100.0%)" in heat
    assert 'href="#filter=digest:' in heat and "rule:F103" in heat
    assert 'class="cell-na"' in heat  # the empty days' columns are marked, not blank
    assert "<title>Paper scores" not in html and "paper score distribution" not in html  # the one-bar histogram


# --- safety: templates, CSP, escaping, offline ---------------------------------------------------------------


def test_writes_three_files(report_dir: Path) -> None:
    assert sorted(p.name for p in report_dir.iterdir()) == ["index.html", "report.json", "report.md"]


def test_html_is_self_contained_and_only_runs_its_own_script_and_style(report_dir: Path) -> None:
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    parser = _parse(html)
    for tag, attrs in parser.tags:
        assert tag not in {"link", "iframe", "object", "embed", "img", "base", "form"}, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "style" not in attrs, (tag, attrs)  # no inline style: the CSP allows the one sheet by hash
        assert "src" not in attrs, (tag, attrs)
        href = attrs.get("href") or ""
        assert not href or href.startswith("#") or re.fullmatch(re.escape(ARXIV) + r"\d{4}\.\d{4,5}", href), href
    assert len(parser.script_bodies) == 1 and len(parser.style_bodies) == 1
    csp = [attrs["content"] for tag, attrs in parser.tags
           if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"]
    assert csp == [(f"default-src 'none'; style-src 'sha256-{_sha256(parser.style_bodies[0])}'; "
                            f"img-src data:; script-src 'sha256-{_sha256(parser.script_bodies[0])}'; "
                            "base-uri 'none'; form-action 'none'")]
    assert html.count("<svg") >= 4


def test_hostile_summary_text_is_escaped(report_dir: Path) -> None:
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    parser = _parse(html)
    text = "".join(parser.text)
    # The markup arrives as visible text, not as elements (sentences are cut at ';', hence two pieces).
    assert "<script>window.__pwned=1;" in text and 'document.title="PWNED"</script>' in text
    assert "<img src=x onerror=\"window.__pwned=2;" in text
    assert "<script>window.__pwned_title=1</script>" in text  # the title too
    assert [tag for tag, _ in parser.tags].count("script") == 1
    assert 'href="javascript' not in html
    md = (report_dir / "report.md").read_text(encoding="utf-8")
    assert "<script" not in md


def test_only_arxiv_ids_are_linked() -> None:
    from checker.render.report.html import arxiv_url, paper_anchor

    assert arxiv_url("2605.20209") == ARXIV + "2605.20209" and arxiv_url("2605.20209v2") == ARXIV + "2605.20209v2"
    assert arxiv_url("hep-th/9901001") == ARXIV + "hep-th/9901001"
    for hostile in ("javascript:alert(1)", "2605.20209/../x", "x\" onmouseover=\"a", "//evil.example/2605.20209"):
        assert arxiv_url(hostile) is None, hostile
    assert paper_anchor("2605.20209") == "arxiv-2605.20209" and paper_anchor("a b") == "arxiv-a_b"


def test_templates_autoescape() -> None:
    from checker.render.report.html import _environment

    env = _environment()
    assert env.get_template("macros.html").module.badge(None) == '<span class="score grey">–</span>'  # type: ignore[attr-defined]
    assert str(env.from_string("{{ x }}").render(x="<b>")) == "&lt;b&gt;"


def test_templates_are_package_data() -> None:
    from importlib.resources import files

    folder = files("checker.render.report") / "templates"
    names = {p.name for p in folder.iterdir()}
    assert {"base.html", "index.html", "digest.html", "macros.html", "charts.html", "report.css",
            "report.js"} <= names
    pyproject = (Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"checker.render.report" = ["templates/*"]' in pyproject


# --- the side-by-side view -----------------------------------------------------------------------------------


def test_side_by_side_highlights_numbers_and_names(report_dir: Path) -> None:
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    row = html[html.index("平均攻击成功率达到"):]
    row = row[: row.index("</tr>")]
    assert row.count('<span class="num">93.18%</span>') == 2  # in the summary and in the evidence
    assert '<span class="name">GPT-4.1</span>' in row
    assert "achieving an average attack success" in row


def test_align_picks_the_sentence_sharing_numbers() -> None:
    abstract = ("We study X. Extensive experiments show an average success rate of 93.18% on GPT-4.1. "
                "We hope this helps.")
    pairs = align("平均攻击成功率达到93.18%。本研究很重要。", abstract)
    assert pairs[0].evidence is not None and pairs[0].evidence.startswith("Extensive experiments")
    assert pairs[1].evidence is None


def test_marks_cover_the_text_and_flag_spans() -> None:
    text = "在FIN-Bench上达到93.18%的成功率"
    pieces = marks(text, ["成功率"])
    assert "".join(p for p, _ in pieces) == text
    assert ("93.18%", "num") in pieces and ("FIN-Bench", "name") in pieces and ("成功率", "flag") in pieces


def test_report_on_nothing_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", str(tmp_path), "--out", str(tmp_path / "r")])
    assert result.exit_code == 2
