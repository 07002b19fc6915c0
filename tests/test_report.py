"""Quality reports: the three files, scores, trend, alignment, self-containment and escaping."""

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
from checker.render.report.score import digest_score, paper_score

FIXTURES = Path(__file__).parent / "fixtures"
DIGESTS = FIXTURES / "ci"
HOSTILE = FIXTURES / "ci-xss"  # a real record with <script>, <img onerror> and a javascript: link added


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_bodies: list[str] = []
        self.text: list[str] = []  # the page's text, entities decoded
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.script_bodies if self._in_script else self.text).append(data)


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = CliRunner().invoke(app, ["report", str(DIGESTS), str(HOSTILE), "--out", str(out),
                                      "--select", "F103,F104,F202,F302"])  # rules with known findings here
    assert result.exit_code == 0, result.output
    return out


def test_writes_three_files(report_dir: Path) -> None:
    assert sorted(p.name for p in report_dir.iterdir()) == ["index.html", "report.json", "report.md"]


def test_html_is_self_contained_and_only_runs_its_own_script(report_dir: Path) -> None:
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    parser = _Elements()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in {"link", "iframe", "object", "embed", "img"}, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not value or value.startswith("#"), (tag, attrs)
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assert len(scripts) == 1 and len(parser.script_bodies) == 1
    digest = base64.b64encode(hashlib.sha256(parser.script_bodies[0].encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html and "default-src 'none'" in html
    assert html.count("<svg") >= 3


def test_hostile_summary_text_is_escaped(report_dir: Path) -> None:
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    parser = _Elements()
    parser.feed(html)
    text = "".join(parser.text)
    # The markup arrives as visible text, not as elements (sentences are cut at ';', hence two pieces).
    assert "<script>window.__pwned=1;" in text and 'document.title="PWNED"</script>' in text
    assert "<img src=x onerror=\"window.__pwned=2;" in text
    assert "<script>window.__pwned_title=1</script>" in text  # the title too
    assert [tag for tag, _ in parser.tags].count("script") == 1
    assert 'href="javascript' not in html
    md = (report_dir / "report.md").read_text(encoding="utf-8")
    assert "<script" not in md


def test_worst_papers_first_and_scores(report_dir: Path) -> None:
    data = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))
    scores = data["scores"]
    assert "weight error 20" in scores["formula"]
    by_path = {Path(d["path"]).name: d for d in scores["digests"] if "ci-xss" not in d["path"]}
    may = by_path["2026-05-21_AI_enhanced_Chinese.jsonl"]
    assert may["papers"]["2605.20209"] == 80.0 and may["papers"]["2605.20274"] == 100.0
    assert may["score"] == pytest.approx((7 * 100 + 5 * 80) / 12, abs=0.05)
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    section = html[html.index("2026-05-21_AI_enhanced_Chinese.jsonl</h2>"):]
    section = section[: section.index("</section>")]
    badges = [int(s) for s in re.findall(r'<span class="score s-\w+">(\d+)</span>', section)]
    assert badges[1:] == sorted(badges[1:]) and badges[1] == 80  # badges[0] is the digest's own


def test_trend_over_dates(report_dir: Path) -> None:
    trend = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))["scores"]["trend"]
    assert [p["date"] for p in trend["ci"]] == ["2025-09-16", "2026-05-21"]


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


def test_score_formula() -> None:
    def f(severity: Severity, confidence: float = 1.0) -> Finding:
        return Finding(rule="X1", name="x", category=Category.omission, severity=severity, message="m",
                       confidence=confidence)

    assert paper_score([]) == 100.0
    assert paper_score([f(Severity.error), f(Severity.warning), f(Severity.info)]) == 70.0
    assert paper_score([f(Severity.error, 0.5)]) == 90.0
    assert paper_score([f(Severity.error)] * 6) == 0.0
    assert digest_score([100.0, 80.0]) == 90.0 and digest_score([]) == 100.0


def test_report_on_nothing_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", str(tmp_path), "--out", str(tmp_path / "r")])
    assert result.exit_code == 2
