"""The HTML report in a real browser (headless Debian chromium): DOM after scripts, the CSP honoured without a
refusal, filters from the address, search, anchors, screenshot."""

from __future__ import annotations

import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures"
BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no chromium binary (.ci/run installs Debian's chromium with apt-get; none here)")


class _Attributes(HTMLParser):
    """Event-handler attributes and script elements of a serialized DOM."""

    def __init__(self) -> None:
        super().__init__()
        self.handlers: list[tuple[str, str]] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        self.handlers += [(tag, name) for name, _ in attrs if name.startswith("on")]


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    command = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={tmp_path / 'profile'}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser-report")
    result = CliRunner().invoke(app, ["report", str(FIXTURES / "ci"), str(FIXTURES / "ci-xss"), "--out", str(out),
                                      "--select", "F103,F104,F202,F302"])
    assert result.exit_code == 0, result.output
    return out / "index.html"


def _tag_of(dom: str, anchor: str) -> str:
    """The start tag of the element with this id, as the browser serialised it after the script ran."""
    at = dom.index(f'id="{anchor}"')
    return dom[dom.rindex("<", 0, at):dom.index(">", at) + 1]


def test_dom_after_scripts_has_no_injected_code(report: Path, tmp_path: Path) -> None:
    run = _chromium(tmp_path, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", "--dump-dom",
                    report.as_uri())
    dom = run.stdout
    assert "</html>" in dom, run.stderr[-2000:]
    # Injected handlers never ran: they would have renamed the page or marked the body.
    assert "<title>digest-check report</title>" in dom and "PWNED</title>" not in dom
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert "<img" not in dom and "&lt;img src=x onerror=" in dom
    assert "&lt;script&gt;window.__pwned=" in dom
    attributes = _Attributes()
    attributes.feed(dom)
    assert attributes.handlers == [] and attributes.scripts == 1
    # Our own script ran (the CSP hash matches): it counted the visible papers (12 + 15 + 1).
    assert '<b id="visible-count">28</b>' in dom
    # The browser applied the style sheet and ran the script under the CSP without refusing anything.
    assert "Content Security Policy" not in run.stderr, [line for line in run.stderr.splitlines()
                                                          if "Content Security Policy" in line][:3]


def test_filter_from_the_link_hides_other_papers(report: Path, tmp_path: Path) -> None:
    run = _chromium(tmp_path, "--virtual-time-budget=3000", "--dump-dom", report.as_uri() + "#filter=severity:info")
    dom = run.stdout
    # no info finding is left in these fixtures since F104 stopped flagging 2509.10644 (a complete abstract)
    assert '<b id="visible-count">0</b>' in dom, run.stderr[-2000:]
    assert "hidden" in _tag_of(dom, "arxiv-2605.20209")


def test_rule_filter_keeps_only_that_rules_papers(report: Path, tmp_path: Path) -> None:
    run = _chromium(tmp_path, "--virtual-time-budget=3000", "--dump-dom", report.as_uri() + "#filter=rule:F103")
    dom = run.stdout
    # F103 flags the five placeholder papers of 2026-05-21 and 2509.10541 of 2025-09-16 (and its copy in ci-xss)
    assert '<b id="visible-count">6</b>' in dom, run.stderr[-2000:]
    assert "hidden" not in _tag_of(dom, "arxiv-2605.20209") and "hidden" in _tag_of(dom, "arxiv-2605.20274")


def test_search_for_an_id_shows_and_opens_that_paper(report: Path, tmp_path: Path) -> None:
    run = _chromium(tmp_path, "--virtual-time-budget=3000", "--dump-dom", report.as_uri() + "#filter=q:2605.20274")
    dom = run.stdout
    assert '<b id="visible-count">1</b>' in dom, run.stderr[-2000:]
    assert " open" in _tag_of(dom, "arxiv-2605.20274") and "hidden" not in _tag_of(dom, "arxiv-2605.20274")


def test_an_anchor_opens_its_paper(report: Path, tmp_path: Path) -> None:
    run = _chromium(tmp_path, "--virtual-time-budget=3000", "--dump-dom", report.as_uri() + "#arxiv-2605.20209")
    tag = _tag_of(run.stdout, "arxiv-2605.20209")
    assert tag.startswith("<details") and " open" in tag, tag


def test_screenshot_is_a_real_picture(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    run = _chromium(tmp_path, "--window-size=1400,1600", "--hide-scrollbars", f"--screenshot={shot}", report.as_uri())
    assert shot.exists(), run.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1400, 1600)
    assert len(data) > 30_000  # charts and text, not a blank page
