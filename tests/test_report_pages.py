"""A large run's report: an index page plus a page per digest, each one self-contained with the same CSP.

What sets ``SPLIT_ABOVE`` (2,000 papers), measured with `digest-check report`: on the real corpus and the seed
(../shared/data/real and examples/seed-digest.md, 2,932 papers in 15 digests) one page held 6.7 MB (side-by-side
text for the 150 worst papers of each digest is about 3 KB a paper, a row without it 0.5 KB), as the old
renderer's one page held 15 MB for 33k papers. Split, the index is 107 KB and the largest digest page (779
papers) 1.24 MB. The corpus copied eleven times (31,284 papers in 154 digests): index 786 KB, 154 digest pages
of 69 MB in all, the largest 1.24 MB; 1 min 56 s and 504 MB for the whole command on two cores.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checker.engine.audit import AuditOptions
from checker.render.report import SPLIT_ABOVE, collect, write_report
from checker.rules.registry import select_rules

FIXTURES = Path(__file__).parent / "fixtures"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.csp: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("href"):
            self.hrefs.append(values["href"] or "")
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.csp.append(values.get("content") or "")


def _links(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("split")
    report, views = collect([str(FIXTURES / "ci")], AuditOptions(rules=select_rules(["F103", "F202", "F302"], None)))
    written = write_report(report, views, out, split_above=10)  # 27 papers: above 10, so split
    assert [p.relative_to(out).as_posix() for p in written.pages] == [
        "index.html", "digests/000-2025-09-16_AI_enhanced_Chinese.html",
        "digests/001-2026-05-21_AI_enhanced_Chinese.html"]
    return out


def test_small_runs_stay_one_page(tmp_path: Path) -> None:
    report, views = collect([str(FIXTURES / "ci")], AuditOptions(rules=select_rules(["F103"], None)))
    written = write_report(report, views, tmp_path)
    assert sum(len(v.papers) for v in views) <= SPLIT_ABOVE and written.pages == [tmp_path / "index.html"]
    assert not (tmp_path / "digests").exists()


def test_the_index_links_each_digest_page_and_holds_no_papers(split: Path) -> None:
    index = _links(split / "index.html")
    pages = {href.split("#")[0] for href in index.hrefs if href.startswith("digests/")}
    assert pages == {"digests/000-2025-09-16_AI_enhanced_Chinese.html",
                     "digests/001-2026-05-21_AI_enhanced_Chinese.html"}
    assert all((split / page).is_file() for page in pages)
    assert not any(i.startswith("arxiv-") for i in index.ids)  # papers are on the digest pages
    html = (split / "index.html").read_text(encoding="utf-8")
    assert "digests/001-2026-05-21_AI_enhanced_Chinese.html#filter=rule:F103" in html  # a heatmap cell


def test_each_digest_page_is_self_contained_with_anchors_and_links(split: Path) -> None:
    for page in sorted((split / "digests").iterdir()):
        parsed = _links(page)
        assert len(parsed.csp) == 1 and "default-src 'none'" in parsed.csp[0] and "script-src 'sha256-" in parsed.csp[0]
        assert "../index.html" in parsed.hrefs
        for href in parsed.hrefs:
            assert href == "../index.html" or href.startswith("#") or re.fullmatch(
                r"https://arxiv\.org/abs/\d{4}\.\d{4,5}", href), href
        anchors = {i for i in parsed.ids if i.startswith("arxiv-")}
        arxiv = {h.rsplit("/", 1)[1] for h in parsed.hrefs if h.startswith("https://arxiv.org/abs/")}
        assert anchors and anchors == {f"arxiv-{a}" for a in arxiv}, page.name
    may = (split / "digests/001-2026-05-21_AI_enhanced_Chinese.html").read_text(encoding="utf-8")
    assert 'id="arxiv-2605.20209"' in may and "F103" in may and "<title>2026-05-21_AI_enhanced_Chinese.jsonl" in may
