"""The mutation operators of the evaluation harness change what they claim to change, and only that."""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

from mutations import BLOCKS, MUTATIONS  # noqa: E402

BASE = [json.loads(line) for line in (ROOT / "eval/data/base.jsonl").read_text(encoding="utf-8").splitlines()[:60]]


@pytest.mark.parametrize("kind", sorted(MUTATIONS))
def test_mutation_changes_only_its_block(kind: str) -> None:
    rng = random.Random(1)
    applied = 0
    for record in BASE:
        result = MUTATIONS[kind](record, rng, BASE)
        if result is None:
            continue
        mutated, expectation = result
        applied += 1
        assert mutated["summary"] == record["summary"], "the abstract must never change"
        changed = [b for b in BLOCKS if mutated["AI"][b] != record["AI"][b]]
        assert changed, f"{kind} changed nothing in {record['id']}"
        if expectation.block is not None:
            assert changed == [expectation.block]
    assert applied >= 5, f"{kind} applies to too few real papers"


def test_number_changed_writes_a_value_absent_from_the_abstract() -> None:
    rng = random.Random(2)
    for record in BASE:
        result = MUTATIONS["number_changed"](record, rng, BASE)
        if result is None:
            continue
        _, expectation = result
        old, new = expectation.detail.split(" -> ")
        numbers = set(re.findall(r"\d+(?:\.\d+)?", record["summary"].replace(",", "")))
        assert old in numbers and new not in numbers


def test_base_corpus_is_real_and_complete() -> None:
    assert len(BASE) == 60
    for record in BASE:
        assert record["summary"] and all(record["AI"][b] for b in BLOCKS)


def test_rotated_summaries_leave_no_summary_home_and_none_twice() -> None:
    rng = random.Random(3)
    rotated = [MUTATIONS["summaries_rotated"](record, rng, BASE) for record in BASE]
    summaries = [json.dumps(result[0]["AI"], sort_keys=True) for result in rotated if result is not None]
    assert len(summaries) == len(BASE)
    assert len(set(summaries)) == len(BASE), "a summary appears under two papers"
    for record, result in zip(BASE, rotated, strict=True):
        assert result is not None and result[0]["AI"] != record["AI"]
        assert result[0]["id"] == record["id"] and result[0]["summary"] == record["summary"]
