"""The misattached-summary rule (C109) over a whole digest built from real records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.analysis.concepts import chinese_concepts, english_concepts
from checker.analysis.context import PaperSketch
from checker.analysis.misattached import _by_duplicates, misattached_pairs
from checker.analysis.terms import salient_prose_terms, salient_terms
from checker.engine.audit import AuditOptions, audit_source
from checker.read import discover_sources
from checker.rules.registry import select_rules

FIXTURE = Path(__file__).parent / "fixtures" / "claims_papers.jsonl"


def audit(path: Path) -> dict[str, list[tuple[str, str]]]:
    source = discover_sources([str(path)]).sources[0]
    report = audit_source(source, AuditOptions(rules=select_rules(["C109"], None)))
    return {p.arxiv_id: [(f.rule, f.message) for f in p.findings] for p in report.papers if p.findings}


def test_real_digest_has_no_misattached_summary() -> None:
    assert audit(FIXTURE) == {}


def test_swapped_summaries_name_the_other_paper(tmp_path: Path) -> None:
    records = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    by_id = {r["id"]: r for r in records}
    # 2503.13724 (compressed-video action recognition) and 2506.15912 (Whisper sparsification) trade summaries.
    by_id["2503.13724"]["AI"], by_id["2506.15912"]["AI"] = by_id["2506.15912"]["AI"], by_id["2503.13724"]["AI"]
    path = tmp_path / "swapped.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    found = audit(path)
    assert set(found) == {"2503.13724", "2506.15912"}
    assert "2506.15912" in found["2503.13724"][0][1]
    assert "2503.13724" in found["2506.15912"][0][1]


def _records() -> list[dict[str, object]]:
    return [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize(("donor", "target"), [
    # The summary of 2506.15912 (Whisper sparsification) also placed under 2506.04970 (SAM with elevation data).
    ("2506.15912", "2506.04970"),
    # The summary of 2605.20558 names no Latin term at all, only two topics (生成 generation, 基准 benchmark): too
    # little for the term vote, enough to tell which of two identical copies sits under the wrong abstract.
    ("2605.20558", "2503.13724"),
])
def test_summary_copied_under_another_paper_is_caught(tmp_path: Path, donor: str, target: str) -> None:
    # The same text under two papers with different abstracts: only the wrong copy is flagged.
    records = _records()
    by_id = {r["id"]: r for r in records}
    by_id[target]["AI"] = dict(by_id[donor]["AI"])  # type: ignore[call-overload]
    found = audit(_write(tmp_path / "copied.jsonl", records))
    assert set(found) == {target}
    assert donor in found[target][0][1]


def test_same_paper_repeated_under_another_id_stays_quiet(tmp_path: Path) -> None:
    # The benchmark digest repeats papers under new ids: same title, abstract and summary is no misattachment.
    records = _records()
    copies = [dict(r, id=f"9999.{n:05d}") for n, r in enumerate(records)]
    assert audit(_write(tmp_path / "repeated.jsonl", records + copies)) == {}


def test_topic_concepts_are_shared_across_languages() -> None:
    assert chinese_concepts("提出一种机器人视频分割方法") == {"~robot", "~video", "~segmentation"}
    assert english_concepts("We segment videos for robots.") == {"~robot", "~video", "~segmentation"}
    assert chinese_concepts("提出一种新方法") == frozenset()


def _sketch(record: dict[str, object], summary_of: dict[str, object]) -> PaperSketch:
    ai = summary_of["AI"]
    assert isinstance(ai, dict)
    summary = " ".join(str(ai.get(name, "")) for name in ("tldr", "motivation", "method", "result", "conclusion"))
    return PaperSketch(arxiv_id=str(record["id"]), line=None, title=str(record["title"]), record_lines=[],
                       summary_hash=hash(summary), abstract_terms=salient_prose_terms(f"{record['title']} "
                                                                                      f"{record['summary']}"),
                       summary_terms=salient_terms(summary))


def test_repeated_summary_goes_to_the_abstract_it_matches() -> None:
    # The summary of 2506.15912 (Whisper, speech transcription) under 2506.04970 (SAM, elevation data) while
    # 2506.15912 keeps it too: only the copy under 2506.04970 is flagged, by the duplicate test or the terms.
    by_id = {r["id"]: r for r in _records()}
    whisper, sam = by_id["2506.15912"], by_id["2506.04970"]
    sketches = {"2506.15912": _sketch(whisper, whisper), "2506.04970": _sketch(sam, whisper)}
    assert _by_duplicates(sketches)[0][:2] == ("2506.04970", "2506.15912")
    assert [pair[:2] for pair in misattached_pairs(sketches)] == [("2506.04970", "2506.15912")]


def test_placeholder_summary_repeated_under_many_papers_stays_quiet(tmp_path: Path) -> None:
    # A failed AI step writes the same fallback text under every paper (real: "Error: Failed to generate
    # summary.", F103 reports it): that is no misattached summary.
    records = _records()
    for record in records[:4]:
        record["AI"] = {name: "Error: Failed to generate summary." for name in
                        ("tldr", "motivation", "method", "result", "conclusion")}
    assert audit(_write(tmp_path / "failed.jsonl", records)) == {}


def test_a_short_repeated_text_needs_more_than_one_term() -> None:
    # One shared name decides between two copies only when the text is a real summary, not a stub.
    def sketches(chars: int) -> dict[str, PaperSketch]:
        def one(arxiv_id: str, title: str, abstract_terms: set[str]) -> PaperSketch:
            return PaperSketch(arxiv_id=arxiv_id, line=None, title=title, record_lines=[], summary_hash=7,
                               abstract_terms=frozenset(abstract_terms), summary_terms=frozenset({"transformer"}),
                               summary_chars=chars)
        return {"1": one("1", "A", {"transformer", "vision"}), "2": one("2", "B", {"graph"})}

    assert _by_duplicates(sketches(30)) == []
    assert [pair[:2] for pair in _by_duplicates(sketches(300))] == [("2", "1")]


def test_topic_glossary_covers_graphics_and_learning_settings() -> None:
    # Words of a real summary (2512.20761's Gaussian-splatting face rig) and of real abstracts.
    assert {"~gaussian", "~rendering", "~radiance", "~face", "~rotation"} <= chinese_concepts(
        "基于辐射场的人脸重建方法虽然取得了进展，但神经辐射场渲染速度慢。高斯溅射无法正确处理高斯的非线性旋转属性")
    assert {"~gaussian", "~rendering", "~zero_shot", "~fine_tuning"} <= english_concepts(
        "Gaussian splatting renders in real time; zero-shot transfer needs no fine-tuning.")


def _pair_sketch(arxiv_id: str, abstract_terms: set[str], summary_terms: set[str], chars: int = 300
                 ) -> PaperSketch:
    return PaperSketch(arxiv_id=arxiv_id, line=None, title=f"title {arxiv_id}", record_lines=[],
                       summary_hash=hash(arxiv_id), abstract_terms=frozenset(abstract_terms),
                       summary_terms=frozenset(summary_terms), summary_chars=chars)


def _holders(count: int, terms: set[str], prefix: str) -> dict[str, PaperSketch]:
    """Other papers of the digest, each holding the given terms in its abstract (and names of its own)."""
    return {f"{prefix}{n}": _pair_sketch(f"{prefix}{n}", terms | {f"{prefix}{n}", "w", "x", "y"}, {f"{prefix}{n}"})
            for n in range(count)}


def test_papers_on_one_topic_need_a_margin_over_the_own_abstract() -> None:
    # Issue 11, C109 class: papers of one day on one topic (real: 2503.14171 and 2503.14475 of the dev half
    # share 3d, 3dgs, ~gaussian, ~rendering ...). The summary shares one term with its own abstract (held by 5
    # of 100 abstracts) and three with the other's (each held by 6): 8.4 against 3.0 once flagged it (over
    # twice plus 2); a summary on the other's topic scores three times its own or more.
    sketches = (_holders(4, {"~scene"}, "s") | _holders(5, {"3dgs"}, "g") | _holders(5, {"~gaussian"}, "h")
                | _holders(5, {"~rendering"}, "r") | _holders(79, set(), "f"))
    sketches["a"] = _pair_sketch("a", {"~scene", "a1", "a2", "a3"}, {"~scene", "3dgs", "~gaussian", "~rendering"})
    sketches["b"] = _pair_sketch("b", {"3dgs", "~gaussian", "~rendering", "b1"}, {"b1"})
    assert len(sketches) == 100
    assert misattached_pairs(sketches) == []


def test_a_big_digest_does_not_make_topics_rare() -> None:
    # Two topic terms held by 45 abstracts each in a digest of 1,500 papers: weight log(1500/45) = 3.5 each,
    # enough for a summary sharing nothing with its own abstract to be flagged. By what they say they are
    # common: the weight is taken as in a digest of 300 papers (1.9 each), too little.
    sketches = _holders(44, {"~robot"}, "r") | _holders(44, {"~medical"}, "m") | _holders(1410, set(), "f")
    sketches["b"] = _pair_sketch("b", {"~robot", "~medical", "b1", "b2"}, {"b1"})
    sketches["a"] = _pair_sketch("a", {"a1", "a2", "a3", "a4"}, {"~robot", "~medical", "~math"})
    assert len(sketches) == 1500
    assert misattached_pairs(sketches) == []


def test_a_stub_abstract_says_nothing_about_which_summary_is_its_own() -> None:
    # A record whose abstract is missing (only its title's terms): the summary cannot be told misattached.
    sketches = _holders(60, set(), "f") | {
        "a": _pair_sketch("a", {"title"}, {"whisper", "asr", "1.6", "~speech"}),
        "b": _pair_sketch("b", {"whisper", "asr", "1.6", "~speech", "~audio"}, {"whisper", "asr", "~speech"}),
    }
    assert misattached_pairs(sketches) == []
    # With a real abstract of its own (on another topic), the same summary is flagged, and strongly.
    sketches["a"] = _pair_sketch("a", {"sam", "elevation", "~segmentation", "~remote"},
                                 {"whisper", "asr", "1.6", "~speech"})
    assert [(pair[:2], pair[5]) for pair in misattached_pairs(sketches)] == [(("a", "b"), True)]
