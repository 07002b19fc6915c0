"""JUnit XML for GitLab (artifacts:reports:junit) and the GitHub JUnit reporters.

One <testsuite> per digest, one <testcase> per paper (classname = digest file, name = arXiv id and
title, file = digest path), one <failure> per finding. Input problems become <error> test cases.
Characters XML 1.0 forbids (control characters are often the finding) are written as \\xNN.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import IO, Any

from checker.model import AuditReport, DigestReport, InputProblem, PaperReport
from checker.render.common import SafeWriter, Tally, TextOut, write_report

# What XML 1.0 forbids, and what a terminal or the Actions runner would act on when the file is printed: C1
# controls, bidi controls, line separators and the legacy "##[" command marker.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
                            "\u2028\u2029\u202a-\u202e\u2066-\u2069]|##\\[")


def _escaped(match: re.Match[str]) -> str:
    text = match.group(0)
    if text == "##[":
        return "##\\["
    return f"\\x{ord(text):02x}" if ord(text) < 0x100 else f"\\u{ord(text):04x}"


def xml_safe(text: str) -> str:
    return _XML_FORBIDDEN.sub(_escaped, text)


def _open_tag(tag: str, attributes: dict[str, str]) -> str:
    """``<tag a="..." ...>`` as ElementTree writes the opening tag of an element with children."""
    empty = ET.tostring(ET.Element(tag, attributes), encoding="unicode")
    assert empty.endswith(" />")
    return empty[:-3] + ">"


def _spool() -> IO[str]:
    return tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024, mode="w+", encoding="utf-8",
                                         errors="backslashreplace")


class JunitWriter:
    """``start``, ``digest`` per digest, ``finish``: the JUnit XML of ``render_junit``, written a test case at a
    time. The counts are attributes of the opening tags, so a suite's cases wait in a spooled temporary file
    until its end, and the suites until the end of the run."""

    def __init__(self, out: SafeWriter, root: Path | None = None) -> None:
        self.out = out
        self.root = root
        self._body = _spool()
        self._suites = 0
        self._tests = self._failures = self._errors = 0
        self._path = self._classname = ""
        self._cases = _spool()
        self._counts = [0, 0, 0]

    def start(self, problems: list[InputProblem]) -> None:
        pass

    def begin(self, header: DigestReport) -> None:
        from checker.render.common import repo_relative

        self._header = header
        self._path = repo_relative(header.path, self.root)
        self._classname = Path(self._path).name
        self._cases = _spool()
        self._counts = [0, 0, 0]  # tests, failures, errors
        for problem in header.problems:
            case = ET.Element("testcase", classname=xml_safe(self._classname),
                              name=xml_safe(f"input: {problem.code}" + (f" line {problem.line}" if problem.line else "")),
                              file=xml_safe(self._path), time="0")
            error = ET.SubElement(case, "error", type=problem.code, message=xml_safe(problem.message))
            error.text = xml_safe(problem.message)
            self._cases.write("\n  " + _case_text(case))
            self._counts[0] += 1
            self._counts[2] += 1

    def paper(self, paper: PaperReport) -> None:
        self._cases.write("\n  " + _case_text(_paper_case(paper, self._path, self._classname)))
        self._counts[0] += 1
        if paper.findings:
            self._counts[1] += 1

    def end(self) -> None:
        tests, failures, errors = self._counts
        attributes = {"name": xml_safe(self._path), "tests": str(tests), "failures": str(failures),
                      "errors": str(errors), "skipped": "0", "time": "0"}
        with self._cases as cases:
            self._body.write("\n ")
            if tests:
                self._body.write(_open_tag("testsuite", attributes))
                cases.seek(0)
                shutil.copyfileobj(cases, self._body)
                self._body.write("\n </testsuite>")
            else:
                self._body.write(ET.tostring(ET.Element("testsuite", attributes), encoding="unicode"))
        self._suites += 1
        self._tests += tests
        self._failures += failures
        self._errors += errors

    def finish(self, tally: Tally | None = None, judge: dict[str, Any] | None = None) -> None:
        attributes = {"name": "digest-check", "tests": str(self._tests), "failures": str(self._failures),
                      "errors": str(self._errors), "time": "0"}
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not self._suites:
            self.out.write(ET.tostring(ET.Element("testsuites", attributes), encoding="unicode") + "\n")
            return
        self.out.write(_open_tag("testsuites", attributes))
        self._body.seek(0)
        while chunk := self._body.read(1 << 20):
            self.out.write(chunk)
        self._body.close()
        self.out.write("\n</testsuites>\n")


def _paper_case(paper: PaperReport, path: str, classname: str) -> ET.Element:
    label = f"[{paper.index}] " if paper.index is not None else ""
    title = f" {paper.title}" if paper.title else ""
    case = ET.Element("testcase", classname=xml_safe(classname),
                      name=xml_safe(f"{label}{paper.arxiv_id}{title}"[:300]), file=xml_safe(path), time="0")
    if paper.line:
        case.set("line", str(paper.line))
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
    return case


def _case_text(case: ET.Element) -> str:
    """A test case as it reads at its depth (2) in the indented document, without what follows it."""
    ET.indent(case, space=" ", level=2)
    case.tail = None
    return ET.tostring(case, encoding="unicode")


def render_junit(report: AuditReport, root: Path | None = None) -> str:
    out = TextOut()
    write_report(JunitWriter(out, root), report)
    return out.text
