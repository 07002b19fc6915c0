"""The label format and the scoring definitions of ``digest-check eval``."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.model import Category, Finding, Severity
from checker.model.labels import LabelFileError, PaperLabel, read_labels, rule_precision, score


def _finding(rule: str, category: Category, block: str | None, severity: Severity = Severity.warning) -> Finding:
    return Finding(rule=rule, name=rule.lower(), category=category, severity=severity, block=block, message="m")


@pytest.fixture
def labels() -> list[PaperLabel]:
    rows = [
        {"arxiv_id": "1", "errors": [{"type": "mismatched_claim", "block": "result", "summary_span": "显著",
                                      "abstract_span": "", "severity": "minor", "explanation": "intensifier"}]},
        {"arxiv_id": "2", "errors": [{"type": "format", "block": "all", "summary_span": "", "abstract_span": "",
                                      "severity": "major", "explanation": "failed"}]},
        {"arxiv_id": "3", "errors": []},
        {"arxiv_id": "4", "errors": []},
    ]
    return [PaperLabel.model_validate(row) for row in rows]


def test_a_finding_answers_an_error_of_its_family_on_its_block(labels: list[PaperLabel]) -> None:
    findings = {
        "1": [_finding("C103", Category.mismatched_claim, "tldr"), _finding("C103", Category.mismatched_claim, "result")],
        "2": [_finding("F103", Category.format, None)],
        "3": [_finding("N101", Category.hallucinated_number, "result")],
        "4": [_finding("O301", Category.omission, None, Severity.info)],  # info never counts
    }
    result = score(labels, findings)
    assert (result.papers, result.error_papers, result.errors, result.findings) == (4, 2, 2, 4)
    assert result.paper_recall == 1.0 and result.block_recall == 1.0
    assert result.clean_flag_rate == 0.5  # paper 3 flagged, paper 4 only has an info finding
    assert result.block_precision == 0.5  # the tldr finding and the one on clean paper 3 answer nothing


def test_a_finding_of_the_other_family_answers_nothing(labels: list[PaperLabel]) -> None:
    findings = {"1": [_finding("F301", Category.format, "result")]}
    result = score(labels, findings, "content")
    assert result.paper_recall == 0.0 and result.findings == 0
    assert score(labels, findings, "format").block_precision == 0.0


def test_rule_precision_counts_every_severity(labels: list[PaperLabel]) -> None:
    findings = {"1": [_finding("C103", Category.mismatched_claim, "result", Severity.info)],
                "3": [_finding("C103", Category.mismatched_claim, "tldr", Severity.info)]}
    assert rule_precision(labels, findings) == {"C103": (1, 2)}


def test_a_bad_label_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "x.labels.jsonl"
    path.write_text('{"arxiv_id": "1", "errors": []}\n{"arxiv_id": "2", "errors": [{"type": "typo"}]}\n',
                    encoding="utf-8")
    with pytest.raises(LabelFileError, match=r"x\.labels\.jsonl:2: not a label \(errors\.0\.type"):
        read_labels(path)
