"""Baselines: accept today's findings and fail only on new ones.

A finding's fingerprint is rule + arXiv id (without version) + block + normalised span, never a line
number, so moving a paper inside the file or re-rendering the Markdown keeps it matched. A finding with no
span falls back on its message, with the line numbers a message may name replaced by ``#`` (F105's "also at
line 12", O101's line in the raw crawl): inserting or removing another record moves those lines and must
not change this paper's fingerprint. A baseline stores a count per fingerprint (one paper can repeat the
same finding); entries that no longer match any finding are reported as stale. An entry written before
line numbers were masked still matches its finding (by the old key) until the baseline is rewritten.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.model import AuditReport, Finding, summarize
from checker.read import limits

BASELINE_VERSION = 1
_SPACE = re.compile(r"\s+")
# "line 12", "lines 3, 7 and 9", "line 4-6": positions in the file, which other records move.
_LINE_NUMBERS = re.compile(r"\b(lines?) \d+(?:(?:, ?| and | ?[-–] ?)\d+)*", re.IGNORECASE)
_SPAN_CHARS = 200  # the span kept in a baseline entry


class BaselineError(ValueError):
    """The baseline file cannot be read or is not a digest-check baseline."""


def normalize_span(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed: the same claim written slightly differently still matches."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def bare_id(arxiv_id: str) -> str:
    match = re.fullmatch(r"(.+\d)v\d+", arxiv_id)
    return match.group(1) if match else arxiv_id


def mask_line_numbers(text: str) -> str:
    """``text`` with every "line N" / "lines N, M" written as "line #" / "lines #"."""
    return _LINE_NUMBERS.sub(lambda match: f"{match.group(1)} #", text)


def fingerprint_parts(finding: Finding, arxiv_id: str) -> tuple[str, str, str, str]:
    span = finding.summary_span or finding.abstract_span or mask_line_numbers(finding.message)
    return (finding.rule, bare_id(arxiv_id), finding.block or "", normalize_span(span))


def _legacy_fingerprint(finding: Finding, arxiv_id: str) -> str | None:
    """The key a baseline written before line numbers were masked holds for ``finding`` (None: the same key)."""
    if finding.summary_span or finding.abstract_span or mask_line_numbers(finding.message) == finding.message:
        return None
    return _hash(finding.rule, bare_id(arxiv_id), finding.block or "", normalize_span(finding.message))


def _hash(rule: str, arxiv_id: str, block: str, span: str) -> str:
    return hashlib.sha256("\x1f".join((rule, arxiv_id, block, span)).encode("utf-8")).hexdigest()[:32]


def fingerprint(finding: Finding, arxiv_id: str) -> str:
    """A stable hex id of a finding (sha256 of its parts, 32 hex characters)."""
    return _hash(*fingerprint_parts(finding, arxiv_id))


@dataclass
class BaselineEntry:
    fingerprint: str
    rule: str
    arxiv_id: str
    block: str
    span: str
    count: int = 1


@dataclass
class Baseline:
    entries: dict[str, BaselineEntry] = field(default_factory=dict)

    @classmethod
    def from_report(cls, report: AuditReport) -> Baseline:
        baseline = cls()
        for digest in report.digests:
            for paper in digest.papers:
                for finding in paper.findings:
                    key = fingerprint(finding, paper.arxiv_id)
                    entry = baseline.entries.get(key)
                    if entry is None:
                        rule, arxiv_id, block, span = fingerprint_parts(finding, paper.arxiv_id)
                        baseline.entries[key] = BaselineEntry(key, rule, arxiv_id, block, span[:_SPAN_CHARS])
                    else:
                        entry.count += 1
        return baseline

    def to_json(self) -> str:
        entries = sorted(self.entries.values(), key=lambda e: (e.arxiv_id, e.rule, e.block, e.fingerprint))
        payload = {
            "tool": "digest-check",
            "version": BASELINE_VERSION,
            "fingerprint": "sha256(rule, arXiv id without version, block, normalised span or message, "
                           "line numbers masked)[:32]",
            "entries": [
                {"fingerprint": e.fingerprint, "rule": e.rule, "arxiv_id": e.arxiv_id, "block": e.block,
                 "span": e.span, "count": e.count}
                for e in entries
            ],
        }
        return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """The baseline in ``path``; any fault of the file is one :class:`BaselineError`, never a traceback."""
        try:
            data = limits.loads(path.read_text(encoding="utf-8"), constants=False)
        except OSError as exc:
            raise BaselineError(f"cannot read baseline {path}: {exc.strerror}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"baseline {path} is not JSON: {exc}") from None
        except limits.JsonLimitError as exc:
            raise BaselineError(f"baseline {path} is not valid: {exc}") from None
        if not isinstance(data, dict) or data.get("tool") != "digest-check" or not isinstance(data.get("entries"), list):
            raise BaselineError(f"{path} is not a digest-check baseline (expected tool and entries)")
        if data.get("version") != BASELINE_VERSION:
            raise BaselineError(f"baseline {path} has version {data.get('version')!r:.40}; expected {BASELINE_VERSION}")
        data, _ = limits.replace_surrogates(data)
        baseline = cls()
        for number, item in enumerate(data["entries"], start=1):
            if not isinstance(item, dict):
                raise BaselineError(f"baseline {path} has a malformed entry (number {number}: not an object)")
            try:
                valid = _EntryData.model_validate(item)
            except ValidationError as exc:
                error = exc.errors()[0]
                where = ".".join(str(part) for part in error["loc"])
                raise BaselineError(f"baseline {path} has a malformed entry (number {number}, {where}: "
                                    f"{error['msg']})") from None
            entry = BaselineEntry(valid.fingerprint, valid.rule, valid.arxiv_id, valid.block, valid.span, valid.count)
            baseline.entries[entry.fingerprint] = entry
        return baseline


class _EntryData(BaseModel):
    """One entry of a baseline file, as :meth:`Baseline.to_json` writes it (other keys are ignored)."""

    model_config = ConfigDict(strict=True, extra="ignore")

    fingerprint: str = Field(min_length=1, max_length=10_000)
    rule: str = Field(max_length=10_000)
    arxiv_id: str = Field(max_length=10_000)
    block: str = Field("", max_length=10_000)
    span: str = Field("", max_length=10_000)
    count: int = Field(1, ge=0, le=1_000_000_000)


@dataclass
class BaselineResult:
    suppressed: int = 0
    stale: list[BaselineEntry] = field(default_factory=list)

    def describe(self) -> str:
        text = f"{self.suppressed} suppressed by baseline"
        if self.stale:
            text += f"; {len(self.stale)} stale baseline entr{'y' if len(self.stale) == 1 else 'ies'} (fixed or gone)"
        return text


def apply_baseline(report: AuditReport, baseline: Baseline) -> BaselineResult:
    """Remove findings the baseline accepts (up to each entry's count); re-summarise the report."""
    remaining = {key: entry.count for key, entry in baseline.entries.items()}
    result = BaselineResult()
    for digest in report.digests:
        for paper in digest.papers:
            kept: list[Finding] = []
            for finding in paper.findings:
                key = fingerprint(finding, paper.arxiv_id)
                if remaining.get(key, 0) <= 0:
                    key = _legacy_fingerprint(finding, paper.arxiv_id) or key
                if remaining.get(key, 0) > 0:
                    remaining[key] -= 1
                    result.suppressed += 1
                else:
                    kept.append(finding)
            paper.findings = kept
    result.stale = [baseline.entries[key] for key in sorted(remaining) if remaining[key] == baseline.entries[key].count]
    report.summary = summarize(report)
    return result
