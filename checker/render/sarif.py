"""SARIF 2.1.0 for GitHub code scanning: one run, the rules that exist, one result per finding.

Fields follow GitHub's "SARIF support for code scanning": rules carry shortDescription,
fullDescription and help; results carry message.text, a repo-relative artifactLocation.uri with
region.startLine, and partialFingerprints. The fingerprint is the baseline's (rule, arXiv id,
block, normalised span), so alerts survive lines moving; it is also given as
primaryLocationLineHash so that upload-sarif does not replace it with a line-based hash.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from checker import __version__
from checker.engine.baseline import fingerprint
from checker.model import AuditReport, DigestReport, Finding, InputProblem, PaperReport, Severity
from checker.render.common import SafeWriter, SortedSpool, Tally, TextOut, json_safe, write_report

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


@cache
def _registered() -> frozenset[str]:
    from checker.rules.registry import all_rules

    return frozenset(r.id for r in all_rules())


def _descriptors(unknown: dict[str, dict[str, object]]) -> list[dict[str, object]]:
    """Every registered rule, plus any rule a finding names that the registry does not hold (the judge's)."""
    from checker.rules.registry import all_rules

    descriptors = {r.id: _rule_descriptor(r.id, r.name, r.category.value, r.severity, r.doc) for r in all_rules()}
    for rule_id, descriptor in unknown.items():
        descriptors.setdefault(rule_id, descriptor)
    return [descriptors[key] for key in sorted(descriptors)]


class _Repeats:
    """Which fingerprints occur more than once, without a set of every fingerprint: a Bloom filter (8 MiB,
    four probes from the hash's own bits) says which may have been seen; only those are kept, and counted."""

    _BITS = 1 << 26

    def __init__(self) -> None:
        self._filter: bytearray | None = None
        self.maybe_repeated: set[str] = set()

    def add(self, key: str) -> None:
        if self._filter is None:
            self._filter = bytearray(self._BITS // 8)
        bits = self._filter
        value = int(key[:28], 16)  # 112 bits of sha256: four independent probes of 26 bits
        seen = True
        for _ in range(4):
            probe = value & (self._BITS - 1)
            value >>= 28
            byte, mask = probe >> 3, 1 << (probe & 7)
            if not bits[byte] & mask:
                seen = False
                bits[byte] |= mask
        if seen:
            self.maybe_repeated.add(key)


class SarifWriter:
    """``start``, ``digest`` per digest, ``finish``: the SARIF log. Results are written most severe first, as
    ``ranked_findings`` orders them, through an external sort (``SortedSpool``): memory stays bounded however
    many findings there are. ``primaryLocationLineHash`` numbers the repeats of a fingerprint in that order."""

    def __init__(self, out: SafeWriter, root: Path | None = None) -> None:
        self.out = out
        self.root = root
        self._spool: SortedSpool[tuple[Any, ...]] = SortedSpool(memory_items=10_000)
        self._repeats = _Repeats()
        self._unknown: dict[str, dict[str, object]] = {}
        self._order = 0
        self._path = self._uri = ""

    def start(self, problems: list[InputProblem]) -> None:
        pass

    def begin(self, header: DigestReport) -> None:
        from checker.render.common import repo_relative

        self._path = header.path
        self._uri = repo_relative(header.path, self.root)

    def paper(self, paper: PaperReport) -> None:
        from checker.render.common import rank_key

        arxiv_id = paper.arxiv_id
        for f in paper.findings:
            self._order += 1
            key = safe_fingerprint(f, arxiv_id)
            self._repeats.add(key)
            if f.rule not in _registered():
                self._unknown.setdefault(f.rule, _rule_descriptor(f.rule, f.name, f.category.value, f.severity,
                                                                  f.name))
            # Kept as its text (a third of the memory of the dict), in three pieces around what is known only
            # at the end: the rule's index, and the number of the fingerprint's repeat.
            result = _result(self._uri, arxiv_id, f)
            result["partialFingerprints"] = {"digestCheck/v1": key, "primaryLocationLineHash": f"{key}:#"}
            text = json_safe(json.dumps(result, ensure_ascii=False, indent=1)).replace("\n", "\n    ")
            head, _, rest = text.partition('"ruleIndex": -1')
            middle, _, tail = rest.partition(f'{key}:#"')
            self._spool.add((*rank_key(self._path, arxiv_id, f), self._order), (key, f.rule, head, middle, tail))

    def end(self) -> None:
        pass

    def finish(self, tally: Tally | None = None, judge: dict[str, Any] | None = None) -> None:
        rules = _descriptors(self._unknown)
        index = {str(r["id"]): i for i, r in enumerate(rules)}
        sarif = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "digest-check", "semanticVersion": __version__, "version": __version__,
                                    "rules": rules}},
                "automationDetails": {"id": "digest-check/"},
                "columnKind": "unicodeCodePoints",
                "results": [],
            }],
        }
        skeleton = json.dumps(sarif, ensure_ascii=False, indent=1)
        head, _, tail = skeleton.partition('"results": []')
        self.out.write(head + '"results": [')
        counts: dict[str, int] = {}
        first = True
        for _, (key, rule, before, middle, after) in self._spool:
            if key in self._repeats.maybe_repeated:
                counts[key] = counts.get(key, 0) + 1
                number = counts[key]
            else:
                number = 1
            self.out.write(("\n    " if first else ",\n    ") + before + f'"ruleIndex": {index[rule]}' + middle
                           + f'{key}:{number}"' + after)
            first = False
        self._spool.close()
        self.out.write(("\n   ]" if not first else "]") + tail + "\n")


def escaped_text(text: str) -> str:
    """``text`` with what UTF-8 cannot hold (a lone surrogate) written as a backslash escape."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def escaped_finding(finding: Finding) -> Finding:
    """The finding with its texts as ``escaped_text`` makes them (for a fingerprint, which hashes UTF-8)."""
    return finding.model_copy(update={name: escaped_text(value) for name in (
        "rule", "block", "message", "summary_span", "abstract_span") if (value := getattr(finding, name))})


def safe_fingerprint(finding: Finding, arxiv_id: str) -> str:
    """The baseline's fingerprint; for text UTF-8 cannot hold (a lone surrogate, which the readers never let
    through), the fingerprint of its escaped form instead of an error."""
    try:
        return fingerprint(finding, arxiv_id)
    except UnicodeEncodeError:
        return fingerprint(escaped_finding(finding), escaped_text(arxiv_id))


def _result(uri: str, arxiv_id: str, f: Finding) -> dict[str, Any]:
    text = f"{f.message} [{arxiv_id}{' ' + f.block if f.block else ''}]"
    if f.summary_span:
        text += f"\nsummary: {f.summary_span}"
    if f.abstract_span:
        text += f"\nabstract: {f.abstract_span}"
    # The key order of the log; ruleIndex and partialFingerprints are set when the result is written.
    return {
        "ruleId": f.rule,
        "ruleIndex": -1,
        "level": _LEVEL[f.severity],
        "message": {"text": text},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": max(f.line or 1, 1)},
            },
        }],
        "partialFingerprints": {},
        "properties": {
            "arxivId": arxiv_id, "category": f.category.value, "block": f.block, "source": f.source,
            "confidence": f.confidence,
        },
    }


def render_sarif(report: AuditReport, root: Path | None = None) -> str:
    out = TextOut()
    write_report(SarifWriter(out, root), report)
    return out.text
