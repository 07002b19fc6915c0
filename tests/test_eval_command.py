"""``digest-check eval``: the audit scored on hand labels, checked against a scorer written here from issue 12's
definitions alone (it reads ``digest-check audit --format json``, never checker.model.labels)."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import respx
from judge_helpers import BASE_URL, ENDPOINT, FIXTURE, REAL_QUOTE, SECRET, ok
from typer.testing import CliRunner

from checker.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "eval" / "labels" / "digests" / "heldout"
KEYS = {"papers", "error_papers", "errors", "paper_recall", "block_recall", "clean_flag_rate", "block_precision",
        "findings"}
BLOCKS = ["tldr", "motivation", "method", "result", "conclusion", "all"]
TYPES = ["hallucinated_number", "omission", "mismatched_claim", "unsupported_claim", "format"]


def _run(args: list[str], env: dict[str, str] | None = None) -> Any:
    try:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # click >= 8.2 keeps stderr apart by default
        runner = CliRunner()
    return runner.invoke(app, args, env=env or {})


def independent_score(labels: list[dict], audit: dict) -> dict[str, float | int | None]:
    """Issue 12's definitions, written out again: warning and error findings count; families format and content;
    a finding answers an error of its family on the error's block, "all" takes any block, block null any."""
    found: dict[str, list[dict]] = defaultdict(list)
    for digest in audit["digests"]:
        for paper in digest["papers"]:
            found[paper["arxiv_id"]] += [f for f in paper["findings"] if f["severity"] in ("warning", "error")]

    def family(kind: str) -> str:
        return "format" if kind == "format" else "content"

    def answers(finding: dict, error: dict) -> bool:
        return family(finding["category"]) == family(error["type"]) and (
            finding["block"] is None or error["block"] == "all" or finding["block"] == error["block"])

    papers = len(labels)
    erroneous = [label for label in labels if label["errors"]]
    clean = [label for label in labels if not label["errors"]]
    errors = [(label, error) for label in erroneous for error in label["errors"]]
    flagged = [(label, f) for label in labels for f in found[label["arxiv_id"]]]

    def share(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    return {
        "papers": papers, "error_papers": len(erroneous), "errors": len(errors), "findings": len(flagged),
        "paper_recall": share(sum(any(answers(f, e) for e in label["errors"] for f in found[label["arxiv_id"]])
                                  for label in erroneous), len(erroneous)),
        "block_recall": share(sum(any(answers(f, e) for f in found[label["arxiv_id"]]) for label, e in errors),
                              len(errors)),
        "clean_flag_rate": share(sum(bool(found[label["arxiv_id"]]) for label in clean), len(clean)),
        "block_precision": share(sum(any(answers(f, e) for e in label["errors"]) for label, f in flagged),
                                 len(flagged)),
    }


def _random_labels(digest: Path, seed: int) -> list[dict]:
    """Labels never seen by anyone: every paper of the digest, clean or with 1-3 errors of random kind and block."""
    rng = random.Random(seed)
    ids = []
    for line in digest.read_text(encoding="utf-8").splitlines():
        arxiv_id = json.loads(line).get("id")
        if arxiv_id and arxiv_id not in ids:
            ids.append(arxiv_id)
    labels = []
    for arxiv_id in ids:
        count = rng.choice([0, 0, 1, 1, 2, 3])
        errors = [{"type": rng.choice(TYPES), "block": rng.choice(BLOCKS), "summary_span": "", "abstract_span": "",
                   "severity": "minor", "explanation": "random"} for _ in range(count)]
        labels.append({"arxiv_id": arxiv_id, "errors": errors, "notes": ""})
    return labels


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_eval_agrees_with_an_independent_scorer_on_unseen_labels(tmp_path: Path, seed: int) -> None:
    digests = sorted(HELDOUT.glob("*.jsonl"))[:2]
    label_files, all_labels = [], []
    for number, digest in enumerate(digests):
        labels = _random_labels(digest, seed * 10 + number)
        path = tmp_path / f"{number}.labels.jsonl"
        path.write_text("".join(json.dumps(label, ensure_ascii=False) + "\n" for label in labels), encoding="utf-8")
        label_files.append(path)
        all_labels += labels
    args = ["eval", *map(str, label_files)] + [item for d in digests for item in ("--digest", str(d))]
    result = _run(args + ["--format", "json"])
    assert result.exit_code == 0, result.stderr
    ours = json.loads(result.stdout)
    assert set(ours) == KEYS
    audit = json.loads(_run(["audit", *map(str, digests), "-f", "json", "--exit-zero"]).stdout)
    theirs = independent_score(all_labels, audit)
    for key in KEYS:
        if isinstance(theirs[key], float):
            assert ours[key] == pytest.approx(theirs[key], abs=0.005), key
        else:
            assert ours[key] == theirs[key], key


def test_eval_pairs_folders_and_the_labels_layout() -> None:
    explicit = _run(["eval", str(ROOT / "eval" / "labels" / "heldout"), "--digest", str(HELDOUT), "-f", "json"])
    layout = _run(["eval", str(ROOT / "eval" / "labels" / "heldout"), "-f", "json"])
    assert explicit.exit_code == layout.exit_code == 0
    assert json.loads(explicit.stdout) == json.loads(layout.stdout)
    assert json.loads(layout.stdout)["papers"] == 175


def test_eval_refuses_unpaired_files(tmp_path: Path) -> None:
    labels = tmp_path / "x.labels.jsonl"
    labels.write_text('{"arxiv_id": "1", "errors": []}\n', encoding="utf-8")
    result = _run(["eval", str(labels), "--digest", str(FIXTURE), "--digest", str(FIXTURE)])
    assert result.exit_code == 2 and "1 label file(s) but 2 --digest file(s)" in result.stderr
    assert _run(["eval", str(labels)]).exit_code == 2
    labels.write_text('{"arxiv_id": "1", "errors": [{"type": "typo", "block": "all"}]}\n', encoding="utf-8")
    result = _run(["eval", str(labels), "--digest", str(FIXTURE)])
    assert result.exit_code == 2 and "x.labels.jsonl:1" in result.stderr


def _fixture_labels(tmp_path: Path) -> Path:
    """Paper 1's result block labelled wrong, paper 2 labelled clean (hand-made, for the judge test)."""
    labels = [{"arxiv_id": "2512.20638", "errors": [{"type": "mismatched_claim", "block": "result",
                                                      "summary_span": "应用于两个开源模型和十个基准测试发现",
                                                      "abstract_span": REAL_QUOTE}]},
              {"arxiv_id": "2512.20724", "errors": []}]
    path = tmp_path / "three.labels.jsonl"
    path.write_text("".join(json.dumps(label, ensure_ascii=False) + "\n" for label in labels), encoding="utf-8")
    return path


def test_eval_text_lists_misses_and_false_alarms(tmp_path: Path) -> None:
    result = _run(["eval", str(_fixture_labels(tmp_path)), "--digest", str(FIXTURE)])
    assert result.exit_code == 0
    assert "block recall     0.0%" in result.stdout and "rules alone" in result.stdout
    assert "missed (labelled errors no finding answers): 1" in result.stdout
    assert "2512.20638 [result] mismatched_claim: 应用于两个开源模型" in result.stdout
    assert "false alarms (findings answering no labelled error): 0" in result.stdout


@respx.mock
def test_eval_with_the_judge_scores_its_findings(tmp_path: Path) -> None:
    overrides = {"result:1": {"label": "mismatched", "kind": "scope", "reason": "r", "evidence": REAL_QUOTE}}
    respx.post(ENDPOINT).mock(side_effect=lambda r: ok(r, overrides=overrides))
    result = _run(["eval", str(_fixture_labels(tmp_path)), "--digest", str(FIXTURE), "--llm", "--base-url",
                   BASE_URL, "--model", "gpt-4o-mini", "--cache-dir", str(tmp_path / "cache"), "-f", "json"],
                  env={"OPENAI_API_KEY": SECRET})
    assert result.exit_code == 0, result.stderr
    scored = json.loads(result.stdout)
    assert set(scored) == KEYS
    assert scored["block_recall"] == 1.0 and scored["block_precision"] == 1.0 and scored["findings"] == 1
    assert "judged" in result.stderr and SECRET not in result.stdout + result.stderr


def test_eval_needs_llm_for_judge_options() -> None:
    result = _run(["eval", str(ROOT / "eval" / "labels" / "heldout"), "--timeout", "5"])
    assert result.exit_code == 2 and "need --llm" in result.stderr


def test_eval_json_is_the_same_figures_as_the_library(tmp_path: Path) -> None:
    from checker.model.labels import read_labels, score

    path = _fixture_labels(tmp_path)
    result = json.loads(_run(["eval", str(path), "--digest", str(FIXTURE), "-f", "json"]).stdout)
    audit = json.loads(_run(["audit", str(FIXTURE), "-f", "json", "--exit-zero"]).stdout)
    from checker.model import Finding

    found: dict[str, list[Finding]] = {}
    for paper in audit["digests"][0]["papers"]:
        found.setdefault(paper["arxiv_id"], []).extend(Finding.model_validate(f) for f in paper["findings"])
    assert result == score(read_labels(path), found).model_dump()


def test_eval_is_listed_in_the_help() -> None:
    assert "eval" in _run(["--help"]).stdout
