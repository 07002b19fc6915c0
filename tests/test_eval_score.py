"""The scorer of the evaluation harness: what counts as a new finding on a mutated paper."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

from score import key  # noqa: E402


def _finding(span: str, message: str = "显著/大幅/明显 where the abstract gives no such strength") -> dict[str, str]:
    return {"rule": "C103", "block": "result", "summary_span": span, "message": message}


def test_a_finding_the_original_had_is_not_new_because_its_span_holds_the_mutation() -> None:
    # Real clause of the seed; the intensifier rule flagged it before the direction word was flipped.
    original = _finding("还显著提升了隐写图像和恢复图像的质量")
    mutated = _finding("还显著下降了隐写图像和恢复图像的质量")
    assert key(mutated) != key(original)
    assert key(mutated, "提升 -> 下降") == key(original)


def test_a_new_finding_stays_new_once_the_mutation_is_undone() -> None:
    flagged = {"rule": "C101", "block": "result", "summary_span": "还显著下降了隐写图像和恢复图像的质量",
               "message": "the summary says 下降 where the abstract says enhance"}
    assert key(flagged, "提升 -> 下降") not in {key(_finding("还显著提升了隐写图像和恢复图像的质量"))}
