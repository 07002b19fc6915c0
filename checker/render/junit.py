"""JUnit XML for GitLab (artifacts:reports:junit) and the GitHub JUnit reporters.

One <testsuite> per digest, one <testcase> per paper (classname = digest file, name = arXiv id and
title, file = digest path), one <failure> per finding. Input problems become <error> test cases.
Characters XML 1.0 forbids (control characters are often the finding) are written as \\xNN.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from checker.model import AuditReport

_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _XML_FORBIDDEN.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def render_junit(report: AuditReport, root: Path | None = None) -> str:
    from checker.render.common import repo_relative

    suites = ET.Element("testsuites", name="digest-check")
    total_tests = total_failures = total_errors = 0
    for digest in report.digests:
        path = repo_relative(digest.path, root)
        classname = Path(path).name
        suite = ET.SubElement(suites, "testsuite", name=xml_safe(path))
        tests = failures = errors = 0
        for problem in digest.problems:
            case = ET.SubElement(suite, "testcase", classname=xml_safe(classname),
                                 name=xml_safe(f"input: {problem.code}" + (f" line {problem.line}" if problem.line else "")),
                                 file=xml_safe(path), time="0")
            error = ET.SubElement(case, "error", type=problem.code, message=xml_safe(problem.message))
            error.text = xml_safe(problem.message)
            tests += 1
            errors += 1
        for paper in digest.papers:
            label = f"[{paper.index}] " if paper.index is not None else ""
            title = f" {paper.title}" if paper.title else ""
            case = ET.SubElement(suite, "testcase", classname=xml_safe(classname),
                                 name=xml_safe(f"{label}{paper.arxiv_id}{title}"[:300]), file=xml_safe(path),
                                 time="0")
            if paper.line:
                case.set("line", str(paper.line))
            tests += 1
            if paper.findings:
                failures += 1
            for f in paper.findings:
                failure = ET.SubElement(case, "failure", type=f"{f.severity.value} {f.rule} {f.name}",
                                        message=xml_safe(f"{f.rule} {f.name}: {f.message}"[:500]))
                body = [f"{path}:{f.line or paper.line or 0}: {f.severity.value} {f.rule} {f.name} "
                        f"[{f.category.value}{', ' + f.block if f.block else ''}]", f.message]
                if f.summary_span:
                    body.append(f"summary:  {f.summary_span}")
                if f.abstract_span:
                    body.append(f"abstract: {f.abstract_span}")
                failure.text = xml_safe("\n".join(body))
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        suite.set("skipped", "0")
        suite.set("time", "0")
        total_tests += tests
        total_failures += failures
        total_errors += errors
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    suites.set("errors", str(total_errors))
    suites.set("time", "0")
    ET.indent(suites, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
