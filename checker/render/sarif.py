"""SARIF 2.1.0 for GitHub code scanning: one run, the rules that exist, one result per finding.

Fields follow GitHub's "SARIF support for code scanning": rules carry shortDescription,
fullDescription and help; results carry message.text, a repo-relative artifactLocation.uri with
region.startLine, and partialFingerprints. The fingerprint is the baseline's (rule, arXiv id,
block, normalised span), so alerts survive lines moving; it is also given as
primaryLocationLineHash so that upload-sarif does not replace it with a line-based hash.
"""

from __future__ import annotations

import json
from pathlib import Path

from checker import __version__
from checker.engine.baseline import fingerprint
from checker.model import AuditReport, Finding, Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


def _rule_descriptor(rule_id: str, name: str, category: str, severity: Severity, doc: str) -> dict[str, object]:
    first = doc.splitlines()[0] if doc else name
    return {
        "id": rule_id,
        "name": name,
        "shortDescription": {"text": first},
        "fullDescription": {"text": doc or first},
        "help": {"text": f"{first}\n\nCategory: {category}. Run `digest-check rules` for every rule.",
                 "markdown": f"**{first}**\n\nCategory: `{category}`."},
        "defaultConfiguration": {"level": _LEVEL[severity]},
        "properties": {"tags": ["digest-check", category]},
    }


def _descriptors(findings: list[Finding]) -> list[dict[str, object]]:
    """Every registered rule, plus any rule a finding names that the registry does not hold."""
    from checker.rules.registry import all_rules

    descriptors = {r.id: _rule_descriptor(r.id, r.name, r.category.value, r.severity, r.doc) for r in all_rules()}
    for f in findings:
        if f.rule not in descriptors:
            descriptors[f.rule] = _rule_descriptor(f.rule, f.name, f.category.value, f.severity, f.name)
    return [descriptors[key] for key in sorted(descriptors)]


def render_sarif(report: AuditReport, root: Path | None = None) -> str:
    from checker.render.common import ranked_findings, repo_relative

    rows = ranked_findings(report)
    rules = _descriptors([f for _, _, f in rows])
    index = {str(r["id"]): i for i, r in enumerate(rules)}
    seen: dict[str, int] = {}
    results = []
    for path, arxiv_id, f in rows:
        key = fingerprint(f, arxiv_id)
        seen[key] = seen.get(key, 0) + 1
        text = f"{f.message} [{arxiv_id}{' ' + f.block if f.block else ''}]"
        if f.summary_span:
            text += f"\nsummary: {f.summary_span}"
        if f.abstract_span:
            text += f"\nabstract: {f.abstract_span}"
        results.append({
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVEL[f.severity],
            "message": {"text": text},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": repo_relative(path, root), "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": max(f.line or 1, 1)},
                },
            }],
            "partialFingerprints": {
                "digestCheck/v1": key,
                "primaryLocationLineHash": f"{key}:{seen[key]}",
            },
            "properties": {
                "arxivId": arxiv_id, "category": f.category.value, "block": f.block, "source": f.source,
                "confidence": f.confidence,
            },
        })
    sarif = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "digest-check", "semanticVersion": __version__, "version": __version__, "rules": rules}},
            "automationDetails": {"id": "digest-check/"},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=1) + "\n"
