"""Fixtures the tests share: the real fixture digests, papers read from them, and the CLI run in-process.

Ask for them by name in a test's arguments:

- ``repo_root``, ``fixtures_dir`` (tests/fixtures), ``digests_dir`` (tests/fixtures/digests), ``seed_digest``
  (examples/seed-digest.md): paths;
- ``fixture_path(relative)``: a real digest snippet under tests/fixtures/digests (fails when missing);
- ``cli(*args)``: ``digest-check`` run in-process, a ``CliResult`` (exit_code, stdout, stderr, .json());
- ``papers``: the papers of the files a module names with ``pytestmark = pytest.mark.papers(path, ...)``, by
  arXiv id (paths from the repository root; a later file's paper replaces an earlier one's of the same id);
  ``papers_from(*paths)`` reads the same way, for a second set in one module;
- ``real_paper(relative, arxiv_id)``: one paper of a digest under tests/fixtures/digests;
- ``corpus_records(name)``: the records of a corpus file in tests/fixtures (``numbers_papers.jsonl``), by id;
- ``make_paper(record, **blocks)``: a Paper from such a record, with some blocks replaced.

Plain values and pure functions (the digest name prefixes for parametrize lists, ``findings_of``, ``edited``)
are in tests/helpers.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import DIGESTS, FIXTURES, ROOT, SEED, CliResult, digest_path, run_cli

from checker.model import BLOCK_NAMES, Block, Paper
from checker.read import read_digest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "papers(*paths): the files the `papers` fixture reads (from the root)")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def digests_dir() -> Path:
    return DIGESTS


@pytest.fixture(scope="session")
def seed_digest() -> Path:
    return SEED


@pytest.fixture(scope="session")
def fixture_path() -> Callable[[str], Path]:
    return digest_path


@pytest.fixture(scope="session")
def cli() -> Callable[..., CliResult]:
    return run_cli


@pytest.fixture(scope="session")
def papers_from() -> Callable[..., dict[str, Paper]]:
    def read(*relative: str) -> dict[str, Paper]:
        found: dict[str, Paper] = {}
        for name in relative:
            path = ROOT / name
            assert path.exists(), f"missing fixture {path}"
            found.update({p.arxiv_id: p for p in read_digest(str(path)).papers})
        assert found, f"no paper in {relative}"
        return found

    return read


@pytest.fixture(scope="module")
def papers(request: pytest.FixtureRequest, papers_from: Callable[..., dict[str, Paper]]) -> dict[str, Paper]:
    marker = request.node.get_closest_marker("papers")
    if marker is None or not marker.args:
        pytest.fail("the `papers` fixture needs `pytestmark = pytest.mark.papers('tests/fixtures/x.jsonl')`")
    return papers_from(*marker.args)


@pytest.fixture(scope="session")
def real_paper() -> Callable[[str, str], Paper]:
    def read(relative: str, arxiv_id: str) -> Paper:
        papers = [p for p in read_digest(digest_path(relative)).papers if p.arxiv_id == arxiv_id]
        assert papers, f"no paper {arxiv_id} in {relative}"
        return papers[0]

    return read


@pytest.fixture(scope="session")
def corpus_records() -> Callable[[str], dict[str, dict[str, Any]]]:
    def read(name: str) -> dict[str, dict[str, Any]]:
        path = FIXTURES / name
        assert path.exists(), f"missing fixture {path}"
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return {record["id"]: record for record in records}

    return read


@pytest.fixture(scope="session")
def make_paper() -> Callable[..., Paper]:
    def make(record: dict[str, Any], **blocks: str | None) -> Paper:
        texts = {**record["AI"], **blocks}
        return Paper(arxiv_id=record["id"], title=record["title"], abstract=record["summary"],
                     blocks={name: Block(name=name, text=texts.get(name)) for name in BLOCK_NAMES})

    return make

