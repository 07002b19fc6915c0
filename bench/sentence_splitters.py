"""English sentence splitters on the corpus' real abstracts: ours (checker.text.sentences) against pysbd and syntok.

    .venv/bin/pip install pysbd syntok                    # for this measurement only, not a dependency
    .venv/bin/python bench/sentence_splitters.py          # the figures
    .venv/bin/python bench/sentence_splitters.py --show   # every disagreement of the sample, to label by hand

Corpus: every distinct abstract of ../shared/data/real/*.jsonl (field ``summary``) and of
examples/seed-digest.md, white space collapsed (the line breaks are arXiv's wrapping, not sentence ends: all
three splitters get the same text). Without pysbd or syntok the script says so and exits 0.

A boundary is the offset where a sentence other than the first starts. The script reports, per pair of
splitters, the abstracts split identically and the boundaries both or one only find; then a sample of the
positions where the three disagree, drawn at random with a fixed seed, and how often each splitter is right on
it by the hand labels in ``LABELS`` (True: a sentence starts there), by class of what stands before the position
(et al., another abbreviation, a number, LaTeX, a lone capital, other); then the time per abstract, best of
three passes.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.read import read_digest  # noqa: E402
from checker.text.sentences import ABBREVIATIONS, english_sentences  # noqa: E402

REAL = ROOT.parent / "shared" / "data" / "real"
SEED = ROOT / "examples" / "seed-digest.md"
SAMPLE = 44

# Hand labels of the sample: (arXiv id, the 30 characters before the position, the 12 after) -> does a sentence
# start there (a LaTeX delimiter or space glued to it aside)? Read in context (--show) by one engineer, the
# reason in the comment. A list item after ";" or ":" starts no sentence.
LABELS: dict[tuple[str, str, str], bool] = {
    ('2509.11649', 'els across evaluation metrics.', 'The code is '): True,  # "metrics.The code": no space after the period
    ('2512.20670', ' robust deliberative judgment.', 'Extensive ex'): True,  # "judgment.Extensive": no space after the period
    ('2503.14405', 'ls vary significantly in both ', '(a) their de'): False,  # "in both (a) their ...": a list
    ('2506.16106', 'y Zouzias and Freris (SIAM J. ', 'Matrix Anal.'): False,  # "(SIAM J. Matrix Anal. Appl.": a journal name
    ('2602.19506', 'tailed analysis, we find that ', '1) these err'): False,  # "we find that 1) these ...": a list
    ('2602.18830', 'temporal-spatial consistency. ', '4DSTAR formu'): True,  # a sentence opening with a name that starts with a digit (4DSTAR)
    ('2509.12132', 'oning models (\\textbf{VRMs}). ', 'owever, such'): True,  # "(\\textbf{VRMs}). owever, such": the H of However lost in the source
    ('2506.16654', 'hema defining a database, and ', '(iii) the gr'): False,  # a list item after "and"
    ('2602.18702', 'performs strong LVU baselines.', 'Further abla'): True,  # "baselines.Further": no space after the period
    ('2506.17202', 'ion for better comprehension; ', 'In contrast,'): False,  # "; In contrast,": a semicolon joins the clauses
    ('2605.20606', 'near-zero robust margins, and ', '(ii) do not '): False,  # a list item after "and"
    ('2506.15742', 'stness in iterative workflows.', 'The model ac'): True,  # "workflows.The model": no space after the period
    ('2602.19285', 'ics leads to two limitations: ', '(a) Due to t'): False,  # a list item after ":"
    ('2506.04824', 'by (i) hypothesising answers; ', '(ii) proposi'): False,  # a list item after ";"
    ('2506.16406', 'rameters in seconds, yielding ', 'i) up to \\te'): False,  # "yielding i) up to": a list
    ('2506.04824', 'ng wordplay explanations; and ', '(iii) using '): False,  # a list item after "; and"
    ('2506.04571', 'ured reasoning and inference; ', '(iii) an ada'): False,  # a list item after ";"
    ('2506.16087', 'trieve process-relevant data, ', '(ii) a unit '): False,  # a list item after ","
    ('2602.20089', 'ge maps with structural text, ', '(ii) matchin'): False,  # a list item after ","
    ('2605.21123', 'ession-based generative tasks.', '\\ In this pa'): True,  # "tasks.\\ In this paper": LaTeX space glued to the new sentence
    ('2506.04919', 'r and Coan [IEEE Trans. Soft. ', 'Engg., 1985]'): False,  # "[IEEE Trans. Soft. Engg., 1985]": a journal name
    ('2506.16701', 'tween objects and activities; ', '(2) A descri'): False,  # a list item after ";"
    ('2506.04583', 'es the task into three steps: ', '1) Claim Seg'): False,  # a list item after ":"
    ('2506.04496', 'oposed face alignment method; ', '2) training '): False,  # a list item after ";"
    ('2506.17006', 'ffect sizes of 0.28 and 0.33. ', 'These modera'): True,  # "0.28 and 0.33. These moderate ..."
    ('2602.18702', ' clues in long temporal range.', 'Current meth'): True,  # "range.Current": no space after the period
    ('2603.10922', 'avy-flavor tetraquark systems ', '($cc\\bar{c}\\'): False,  # a bracket inside the sentence
    ('2506.04583', 'ed on the retrieved evidence; ', '3) Evidence '): False,  # a list item after ";"
    ('2506.17191', ' of facial landmark features: ', '(i) the land'): False,  # a list item after ":"
    ('2512.21288', 'ation. We address this gap by ', '(i) establis'): False,  # "by (i) establishing": a list
    ('2506.16743', 'e an effective countermeasure.', 'However, a k'): True,  # "countermeasure.However": no space after the period
    ('2506.15693', 'erties for Q value functions, ', '2) proposing'): False,  # a list item after ","
    ('2603.10380', 'lly coupled to scalar fields. ', 'Using a Lege'): True,  # "scalar fields. Using a Legendre ..."
    ('2602.10179', 'o and 70.1% on GPT-Image-1.5. ', 'To mitigate '): True,  # "GPT-Image-1.5. To mitigate ..."
    ('2602.19569', 'lly, our approach introduces: ', '1) a constra'): False,  # a list item after ":"
    ('2506.16106', ' Freris (SIAM J. Matrix Anal. ', 'Appl. 34: 77'): False,  # "Matrix Anal. Appl. 34": a journal name
    ('2506.04359', 'wide range of robotic setups. ', 'cuVSLAM is s'): True,  # a sentence opening with a lower-case name (cuVSLAM)
    ('2602.20658', 'and 5-8 cm when estimating V. ', 'Across pipel'): True,  # "estimating V. Across ...": a symbol ends the sentence
    ('2503.13935', 'extbf{R}at\\textbf{E} (SCORE). ', 'SCORE formul'): True,  # "(SCORE). SCORE formulates ..."
    ('2506.04571', 'nsights. The system includes: ', '(i) a unifie'): False,  # a list item after ":"
    ('2509.12039', 'rs from various degradations. ', '2) Mask Attr'): True,  # "degradations. 2) Mask Attribute ...": a numbered sentence after a period
    ('2503.13470', ' fine-tuned it for two tasks: ', '1) PH detect'): False,  # a list item after ":"
    ('2602.19115', 'lly exhibiting higher impact; ', '3) features '): False,  # a list item after ";"
    ('2506.17085', 'he use of defined classes and ', '(b) a propos'): False,  # a list item after "and"
    ('2512.16317', 'itical design choice for PoQ. ', 'Quality-cost'): True,  # "for PoQ. Quality-cost ..."
    ('2602.10344', 'computational efficiency, and ', '(iii) scales'): False,  # a list item after "and"
    ('2506.04250', 'iding the outputs of LLMs by: ', '(i) leveragi'): False,  # a list item after ":"
    ('2506.16404', 'nd outgoing dependencies, and ', '(iii) a robu'): False,  # a list item after "and"
    ('2602.20479', 'ransport via two key designs: ', '1) Centripet'): False,  # a list item after ":"
    ('2602.19569', ' methods still struggle with: ', '1) weak inco'): False,  # a list item after ":"
    ('2512.21080', 'gregate-only observation) and ', '(ii) evaluat'): False,  # a list item after "and"
    ('2506.16963', 'of the structural properties; ', '(I) clarific'): False,  # a list item after ";"
    ('2602.19471', 'for SFDA confront two issues: ', '(i) Although'): False,  # a list item after ":"
    ('2509.11605', 's an abnormality scoring task.', 'Experiments '): True,  # "task.Experiments": no space after the period
    ('2506.15963', 'semantic features), including ', '1) extreme s'): False,  # "including 1) extreme sparsity": a list
    ('2602.20114', 'ferent approaches for MU; and ', '(iii) both s'): False,  # a list item after "; and"
    ('2506.04931', 'tocols/splits: (i) geo-aware, ', '(ii) time-aw'): False,  # a list item after ","
    ('2506.04931', '(ii) time-aware open-set, and ', '(iii) time-a'): False,  # a list item after "and"
    ('2506.04598', 'B samples from DataComp-1.4B. ', 'Code for rep'): True,  # "DataComp-1.4B. Code for ..."
    ('2506.16309', 'y of relative entropy coding; ', '(2) I use th'): False,  # a list item after ";"
    ('2605.20275', ' fixed-length descriptor, and ', '(iii) a shar'): False,  # a list item after "and"
    ('2506.04974', 'ro deployments, respectively; ', '(iii) the NH'): False,  # a list item after ";"
    ('2506.17090', 'ecovery rate from 17% to 60%. ', 'Our method a'): True,  # "from 17% to 60%. Our method ..."
    ('2506.04623', 'eptive space. Then, we deploy ', '(b) Task-dec'): False,  # "we deploy (b) Task-decoupled ...": a list
    ('2506.04531', 'ronous methods by up to 2.1x. ', 'Crucially, H'): True,  # "by up to 2.1x. Crucially, ..."
    ('2506.17191', "marks' absolute positions and ", '(ii) their d'): False,  # a list item after "and"
    ('2605.20955', 'ss different dataset formats; ', '2) multi-con'): False,  # a list item after ";"
    ('2506.04626', 're to simultaneously achieve: ', '(i) the best'): False,  # a list item after ":"
    ('2509.11232', '4-hour block granularity, and ', '(iii) the ef'): False,  # a list item after "and"
    ('2602.18533', 'ols (mean Purity@1 = 0.371 vs.', '\\ 0.209, p<0'): False,  # "0.371 vs.\\ 0.209"
    ('2506.17115', 'y against their future selves.', "'' To motiva"): True,  # "future selves.'' To motivate": the closing quote glued to the new sentence
    ('2506.15742', 'turns, we observe that FLUX.1 ', 'Kontext impr'): False,  # "FLUX.1 Kontext": a name
    ('2605.20618', 't $N\\!=\\!100$ and 44\\% at $N\\!', '=\\!50$ relat'): False,  # inside math
    ('2603.10762', 'l generations are identified: ', '(i) the era '): False,  # a list item after ":"
    ('2506.04423', 'provide adaptive instructions ', 'b) we fine-t'): False,  # "instructions b) we fine-tune": a list
    ('2605.20606', 'stness trade-off because they ', '(i) treat al'): False,  # "because they (i) treat": a list
    ('2503.14012', 's with rotational invariance; ', '(b) The unce'): False,  # a list item after ";"
    ('2506.04583', ' into independent sub-claims; ', '2) Iterative'): False,  # a list item after ";"
    ('2512.20861', ' GPT2-S, DiT-XL/2, and ViT-B. ', 'Our code is '): True,  # "ViT-B. Our code is ..."
    ('2602.19598', 'ross different disciplines by ', 'i) presentin'): False,  # "by i) presenting": a list
    ('2506.16141', 'ce model) against group peers.', 'This dual me'): True,  # "group peers.This dual": no space after the period
    ('2506.17180', 'or the best-performing models.', 'Hence, CLEAR'): True,  # "models.Hence, CLEAR": no space after the period
}


def abstracts() -> list[tuple[str, str]]:
    """(arXiv id, abstract with white space collapsed), distinct texts, in a stable order."""
    found: dict[str, str] = {}
    for path in sorted(REAL.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            text = record.get("summary") if isinstance(record, dict) else None
            if isinstance(text, str) and text.strip():
                found.setdefault(" ".join(text.split()), str(record.get("id", "")))
    for paper in read_digest(SEED).papers:
        if paper.abstract:
            found.setdefault(" ".join(paper.abstract.split()), paper.arxiv_id)
    return sorted(((arxiv_id, text) for text, arxiv_id in found.items()), key=lambda pair: (pair[0], pair[1]))


def _first_char(text: str, offset: int) -> int:
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def ours(text: str) -> set[int]:
    return {span.start for span in english_sentences(text)[1:]}


def splitters() -> dict[str, Callable[[str], set[int]]] | None:
    try:
        import pysbd
        import syntok.segmenter as syntok_segmenter
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def by_pysbd(text: str) -> set[int]:
        return {_first_char(text, span.start) for span in segmenter.segment(text)[1:]}

    def by_syntok(text: str) -> set[int]:
        starts = [_first_char(text, sentence[0].offset) for paragraph in syntok_segmenter.analyze(text)
                  for sentence in paragraph]
        return set(starts[1:])

    return {"ours": ours, "pysbd": by_pysbd, "syntok": by_syntok}


_WORD_BEFORE = re.compile(r"(\S*)\s*$")


def kind(text: str, at: int) -> str:
    """The class of a disputed position: what stands before it (and what opens the text after it)."""
    before = text[:at].rstrip()
    word = _WORD_BEFORE.search(before).group(1).lstrip("([{\"'")  # type: ignore[union-attr]
    bare = word.rstrip(".")
    if before.endswith("et al."):
        return "et al."
    if word.endswith(".") and (bare in ABBREVIATIONS or re.fullmatch(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}", bare)
                               or bare.lower() in {"etc", "no", "inc", "ltd", "co", "st", "al"}):
        return "abbreviation"
    if re.search(r"\d[.)%]*$", before) or text[at:at + 1].isdigit():
        return "number"
    if "$" in text[max(0, at - 3):at + 2] or text[at:at + 1] == "\\" or before.endswith("}"):
        return "LaTeX"
    if len(bare) == 1 and bare.isupper():
        return "lone capital"
    return "other"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="print the sampled disagreements with their labels")
    args = parser.parse_args()
    found = splitters()
    if found is None:
        print("pysbd or syntok is not installed (pip install pysbd syntok): nothing measured")
        return 0
    texts = abstracts()
    print(f"corpus: {len(texts)} distinct abstracts ({REAL.relative_to(ROOT.parent)}/*.jsonl field summary, "
          f"{SEED.relative_to(ROOT)}), white space collapsed")
    names = list(found)
    bounds = {name: [split(text) for _, text in texts] for name, split in found.items()}

    print("\nagreement (boundaries = sentence starts after the first)")
    print("| pair | abstracts split alike | boundaries of both | of the first only | of the second only |")
    print("|---|---|---|---|---|")
    for i, first in enumerate(names):
        for second in names[i + 1:]:
            alike = sum(a == b for a, b in zip(bounds[first], bounds[second], strict=True))
            both = sum(len(a & b) for a, b in zip(bounds[first], bounds[second], strict=True))
            only_a = sum(len(a - b) for a, b in zip(bounds[first], bounds[second], strict=True))
            only_b = sum(len(b - a) for a, b in zip(bounds[first], bounds[second], strict=True))
            print(f"| {first} / {second} | {alike} ({alike / len(texts):.1%}) | {both} | {only_a} | {only_b} |")
    counts = {name: sum(len(b) for b in bounds[name]) for name in names}
    print("boundaries found: " + ", ".join(f"{name} {n}" for name, n in counts.items()))

    disputed: list[tuple[str, str, int, str]] = []  # (kind, arXiv id, position, text)
    for index, (arxiv_id, text) in enumerate(texts):
        union = set().union(*(bounds[name][index] for name in names))
        for at in sorted(union):
            if not all(at in bounds[name][index] for name in names):
                disputed.append((kind(text, at), arxiv_id, at, text))
    by_kind = Counter(k for k, *_ in disputed)
    print(f"\ndisputed positions (not all three agree): {len(disputed)}: "
          + ", ".join(f"{k} {n}" for k, n in by_kind.most_common()))

    sample = random.Random(0).sample(disputed, min(SAMPLE, len(disputed)))
    right: dict[str, Counter[str]] = {name: Counter() for name in names}
    labelled: Counter[str] = Counter()
    for k, arxiv_id, at, text in sample:
        key = (arxiv_id, text[max(0, at - 30):at], text[at:at + 12])
        label = LABELS.get(key)
        index = next(i for i, (aid, t) in enumerate(texts) if aid == arxiv_id and t == text)
        says = {name: at in bounds[name][index] for name in names}
        if args.show:
            print(f"\n[{k}] {key!r}: label {label}, " + ", ".join(f"{n} {'splits' if s else 'joins'}"
                                                                  for n, s in says.items()))
            print("   ..." + text[max(0, at - 160):at] + " || " + text[at:at + 80] + "...")
        if label is None:
            continue
        labelled[k] += 1
        for name in names:
            right[name][k] += says[name] == label
    total = sum(labelled.values())
    print(f"\nhand-checked sample: {total} of {len(sample)} disputed positions labelled (drawn at random, seed 0); "
          "right per splitter")
    print("| class | labelled | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for k in sorted(labelled):
        print(f"| {k} | {labelled[k]} | " + " | ".join(str(right[name][k]) for name in names) + " |")
    print("| all | " + f"{total} | " + " | ".join(
        f"{sum(right[name].values())} ({sum(right[name].values()) / max(total, 1):.0%})" for name in names) + " |")

    print("\nspeed (one pass over the corpus, best of 3)")
    for name, split in found.items():
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for _, text in texts:
                split(text)
            best = min(best, time.perf_counter() - start)
        print(f"  {name}: {best / len(texts) * 1e6:.0f} us per abstract")
    return 0


if __name__ == "__main__":
    sys.exit(main())
