"""Hand labels of real errors (the label format of eval/labels/STANDARD.md) and how an audit is scored on them.

A label file is JSONL, one line per paper: ``{"arxiv_id", "errors": [{"type", "block", "summary_span",
"abstract_span", "severity", "explanation"}], "notes"}``; a clean paper has ``"errors": []``.

Scoring (``score``), the definitions ``digest-check eval`` publishes:
- only findings of severity warning or error count;
- families: *format*, and *content* (the four other categories);
- a finding **answers** a labelled error when both are of one family and the finding sits on the error's
  block; an error labelled ``all`` takes any block, and a paper-level finding (block null) answers every block;
- ``paper_recall``: the share of papers with a labelled error that get a finding answering one of their errors;
- ``block_recall``: the share of labelled errors answered by some finding;
- ``clean_flag_rate``: the share of papers labelled clean that get any finding;
- ``block_precision``: the share of findings on labelled papers that answer a labelled error of their paper.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from checker.model.digest import Category, Finding, Severity

ErrorType = Literal["hallucinated_number", "omission", "mismatched_claim", "unsupported_claim", "format"]
LabelBlock = Literal["tldr", "motivation", "method", "result", "conclusion", "all"]
Family = Literal["format", "content"]
FAMILIES: tuple[Family, ...] = ("format", "content")


class LabelledError(BaseModel):
    type: ErrorType
    block: LabelBlock
    summary_span: str = ""
    abstract_span: str = ""
    severity: Literal["major", "minor"] = "minor"
    explanation: str = ""

    @property
    def family(self) -> Family:
        return "format" if self.type == "format" else "content"


class PaperLabel(BaseModel):
    arxiv_id: str
    errors: list[LabelledError] = Field(default_factory=list)
    notes: str = ""


class LabelFileError(ValueError):
    """A label file that cannot be read; the message names the file and line."""


def read_labels(path: Path) -> list[PaperLabel]:
    labels = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise LabelFileError(f"{path}: cannot read the label file ({error.__class__.__name__})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            labels.append(PaperLabel.model_validate_json(line))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise LabelFileError(f"{path}:{number}: not a label ({where}: {first['msg']})") from None
    return labels


def family_of(category: Category) -> Family:
    return "format" if category is Category.format else "content"


def counts(finding: Finding) -> bool:
    return finding.severity in (Severity.error, Severity.warning)


def answers(finding: Finding, error: LabelledError) -> bool:
    if family_of(finding.category) != error.family:
        return False
    return finding.block is None or error.block == "all" or finding.block == error.block


class Score(BaseModel):
    papers: int
    error_papers: int
    errors: int
    paper_recall: float | None
    block_recall: float | None
    clean_flag_rate: float | None
    block_precision: float | None
    findings: int


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def score(labels: Iterable[PaperLabel], findings_by_paper: dict[str, list[Finding]],
          family: Family | None = None) -> Score:
    """Score findings (all of a paper's, any severity: only warning and error count) against the labels.

    With ``family``, only errors and findings of that family are scored (clean means clean of that family).
    """
    papers = error_papers = errors = answered_papers = answered_errors = 0
    clean = clean_flagged = findings_total = findings_right = 0
    for label in labels:
        wanted = [e for e in label.errors if family is None or e.family == family]
        found = [f for f in findings_by_paper.get(label.arxiv_id, [])
                 if counts(f) and (family is None or family_of(f.category) == family)]
        papers += 1
        findings_total += len(found)
        findings_right += sum(any(answers(f, e) for e in wanted) for f in found)
        if wanted:
            error_papers += 1
            errors += len(wanted)
            hits = [any(answers(f, e) for f in found) for e in wanted]
            answered_errors += sum(hits)
            answered_papers += any(hits)
        else:
            clean += 1
            clean_flagged += bool(found)
    return Score(papers=papers, error_papers=error_papers, errors=errors,
                 paper_recall=_share(answered_papers, error_papers), block_recall=_share(answered_errors, errors),
                 clean_flag_rate=_share(clean_flagged, clean), block_precision=_share(findings_right, findings_total),
                 findings=findings_total)


def rule_precision(labels: Iterable[PaperLabel], findings_by_paper: dict[str, list[Finding]]
                   ) -> dict[str, tuple[int, int]]:
    """Per rule: (findings on labelled papers that answer a labelled error, all its findings there).

    Every severity counts here: a rule's precision decides which severity it may emit."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for label in labels:
        for finding in findings_by_paper.get(label.arxiv_id, []):
            total[finding.rule] += 1
            right[finding.rule] += any(answers(finding, e) for e in label.errors)
    return {rule: (right[rule], total[rule]) for rule in sorted(total)}


