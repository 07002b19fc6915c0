"""U101 and a field's standard notation (issue 11): units, Roman numerals, LaTeX symbols, abbreviations that
the abstract or the summary spells out, and Latin glosses of Chinese words are no unsupported names; a name
the abstract never gives in any form still is. Real records: tests/fixtures/notation_entities_papers.jsonl
(hepstoday-en, a dev repository)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.analysis.notation import (
    defined_in_block,
    is_roman,
    is_unit,
    notation_keys,
    spelled_out,
    transliterated,
)
from checker.engine.audit import check_paper
from checker.model import BLOCK_NAMES, Block, Finding, Paper
from checker.rules.registry import select_rules

RECORDS = {r["id"]: r for r in map(json.loads, (Path(__file__).parent / "fixtures" /
                                                "notation_entities_papers.jsonl").read_text("utf-8").splitlines())}


def findings(record_id: str) -> list[Finding]:
    record = RECORDS[record_id]
    paper = Paper(arxiv_id=record["id"], title=record["title"], abstract=record["summary"],
                  blocks={name: Block(name=name, text=record["AI"].get(name)) for name in BLOCK_NAMES})
    return check_paper(paper, record["language"], select_rules(["U101"], None))


@pytest.mark.parametrize(("record_id", "name", "why_quiet"), [
    ("2603.10114", "NSI", "the result block writes 'non-standard interactions (NSI)', words of the abstract"),
    ("2603.10844", "QNMs", "the abstract writes 'Quasinormal modes'"),
    ("2603.10915", "Levi-Civita", "an eponym: capitalized words joined, no name"),
])
def test_standard_notation_of_the_field_is_quiet(record_id: str, name: str, why_quiet: str) -> None:
    assert name not in [f.summary_span for f in findings(record_id)], why_quiet


def test_a_facility_the_abstract_never_names_is_still_reported() -> None:
    # "experimental detection at LHCb or future facilities": labelled an unsupported claim on the dev half.
    found = findings("2603.10774")
    assert [f.summary_span for f in found] == ["LHCb"]
    # The evidence is never the title; no abstract sentence restates the clause confidently here.
    assert found[0].abstract_span != RECORDS["2603.10774"]["title"]


def test_units_and_roman_numerals() -> None:
    assert all(is_unit(t) for t in ("GeV", "keV", "TeV", "MHz", "GPa", "Mpc", "TWh"))
    assert not any(is_unit(t) for t in ("LHCb", "BLEU", "ImageNet", "CMS"))
    assert all(is_roman(t) for t in ("IIB", "IIA", "III", "XIV"))
    assert not any(is_roman(t) for t in ("CLIP", "MIX", "LLaVA"))


def test_latex_symbols_and_spelled_out_abbreviations() -> None:
    assert notation_keys(r"the reduced Planck mass $M_{\rm Pl}$ and $E_T^{\mathrm{miss}}$") == {"mpl", "etmiss"}
    assert spelled_out("ECMWF", "reanalysis of the European Centre for Medium-Range Weather Forecasts")
    assert spelled_out("QCD", "lattice quantum chromodynamics")
    # letters that merely occur in order in nearby words spell nothing
    assert not spelled_out("CATS", "challenges as actionable signals")
    assert not spelled_out("EHT", "minimally coupled to Einstein-Hilbert gravity")
    assert defined_in_block("NSI", "non-standard interactions (NSI) of vector type",
                            "only the non-standard neutrino interactions and the tensor interaction terms")
    assert not defined_in_block("NSI", "new scalar interactions (NSI)", "only the non-standard interactions")


def test_latin_gloss_of_a_chinese_word() -> None:
    assert transliterated("PanGu", "提出了盘古（PanGu）大模型")
    assert transliterated("FengShui", "基于风水（FengShui）布局")
    assert not transliterated("TopK", "选择前K个候选")
