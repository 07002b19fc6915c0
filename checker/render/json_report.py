"""The JSON contract of ``audit --format json`` (documented in the README), written as the audit streams.

The text is exactly ``AuditReport.model_dump_json(indent=2)`` (which is ``json.dumps(indent=2,
ensure_ascii=False)``), but built a paper at a time: each paper is serialised on its own and indented to its
place, so a run of a million papers never holds its report, or the report's text, in memory.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError

from checker.model import AuditReport, DigestReport, InputProblem, PaperReport
from checker.render.common import SafeWriter, Tally, TextOut, json_safe, write_report

_EMPTY_DIGESTS = '\n  "digests": []'
_EMPTY_PAPERS = '"papers": []\n}'


def to_dict(report: AuditReport) -> dict[str, object]:
    return report.model_dump(mode="json")


def dump(model: BaseModel) -> str:
    """``model.model_dump_json(indent=2)``, made safe to print (``json_safe``). Text pydantic cannot encode (a
    lone surrogate) goes through the standard library instead, which writes the same layout: the writer then
    puts it out as a ``\\udxxx`` escape."""
    try:
        text = model.model_dump_json(indent=2)
    except PydanticSerializationError:
        text = json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2)
    return json_safe(text)


def _indented(text: str, spaces: int) -> str:
    """Pretty JSON moved ``spaces`` to the right (its strings hold no raw newline: every line is structure)."""
    pad = " " * spaces
    return pad + text.replace("\n", "\n" + pad)


class JsonWriter:
    """The JSON report, streamed to ``out`` (see ``ReportWriter`` for the order of the calls)."""

    def __init__(self, out: SafeWriter) -> None:
        self.out = out
        self._digests = 0
        self._papers = 0
        self._problems: list[InputProblem] = []

    def start(self, problems: list[InputProblem]) -> None:
        self._problems = problems
        skeleton = dump(AuditReport())
        self.out.write(skeleton[:skeleton.index(_EMPTY_DIGESTS)] + '\n  "digests": [')

    def begin(self, header: DigestReport) -> None:
        head = dump(header)
        assert head.endswith(_EMPTY_PAPERS), "papers must be the last field of a digest, and empty here"
        self.out.write(("\n" if self._digests == 0 else ",\n") + _indented(head[:-len("[]\n}")], 4))
        self._digests += 1
        self._papers = 0

    def paper(self, paper: PaperReport) -> None:
        self.out.write(("[\n" if self._papers == 0 else ",\n") + _indented(dump(paper), 8))
        self._papers += 1

    def end(self) -> None:
        self.out.write("\n      ]\n    }" if self._papers else "[]\n    }")

    def finish(self, tally: Tally, judge: dict[str, Any] | None = None) -> None:
        tail = dump(AuditReport(problems=self._problems, summary=tally.summary(), judge=judge))
        rest = tail[tail.index(_EMPTY_DIGESTS) + len(_EMPTY_DIGESTS):]
        self.out.write(("\n  ]" if self._digests else "]") + rest + "\n")


def render_json(report: AuditReport) -> str:
    """The whole report as JSON text (through the same writer as the stream)."""
    out = TextOut()
    write_report(JsonWriter(out), report)
    return out.text
