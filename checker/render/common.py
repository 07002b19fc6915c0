"""What every renderer of an audit shares: paths as the repository names them, and the findings in the order
they are shown (most severe first).
"""

from __future__ import annotations

import os
from pathlib import Path

from checker.model import AuditReport, Finding


def repo_relative(path: str, root: Path | None = None) -> str:
    """The path relative to the workspace (GITHUB_WORKSPACE, else the current folder), with '/'."""
    base = root or Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd())
    try:
        relative = Path(path).resolve().relative_to(base.resolve())
    except (ValueError, OSError):
        return Path(path).as_posix()
    return relative.as_posix()


def ranked_findings(report: AuditReport) -> list[tuple[str, str, Finding]]:
    """(digest path, arXiv id, finding), most severe first, then by file, line and rule (stable)."""
    rows = [(d.path, p.arxiv_id, f) for d in report.digests for p in d.papers for f in p.findings]
    return sorted(rows, key=lambda r: (-r[2].severity.rank, -r[2].confidence, r[0], r[2].line or 0, r[2].rule, r[1]))
