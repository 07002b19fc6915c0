"""Layer 1, the data model: what a digest is (papers, blocks, findings) and what an audit returns.

Owns the pydantic records every other unit passes around; imports nothing else of ``checker``
(``results`` reads the package version).
"""

from checker.model.digest import (
    BLOCK_LABELS,
    BLOCK_NAMES,
    Block,
    Category,
    Digest,
    DigestFormat,
    Finding,
    InputProblem,
    Paper,
    Severity,
    printable_path,
)
from checker.model.results import (
    AuditReport,
    DigestReport,
    PaperReport,
    Summary,
    ToolInfo,
    finding_sort_key,
    summarize,
)

__all__ = [
    "BLOCK_LABELS",
    "BLOCK_NAMES",
    "AuditReport",
    "Block",
    "Category",
    "Digest",
    "DigestFormat",
    "DigestReport",
    "Finding",
    "InputProblem",
    "Paper",
    "PaperReport",
    "Severity",
    "Summary",
    "ToolInfo",
    "finding_sort_key",
    "printable_path",
    "summarize",
]
