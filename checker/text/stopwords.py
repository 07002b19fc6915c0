"""English stop words: the one list of function words, and the words too common in abstracts to tie a clause to
one sentence.

- ``STOPWORDS``: function words (the, of, we, can, may ...). A stretch of Latin words that holds several is
  English prose (``checker.text.prose``, the language rules); a truncated abstract does not end on one (F104);
  the bilingual aligner's list starts from it (``checker.analysis.bilingual_words``).
- ``COMMON_WORDS``: ``STOPWORDS`` and the words nearly every abstract uses (model, method, data, results,
  show, using, new ...). Shared by a clause and a sentence they say nothing about which sentence the clause
  restates, so the aligners ignore them (``checker.analysis.align``, ``checker.analysis.display_align``).
"""

from __future__ import annotations

STOPWORDS: frozenset[str] = frozenset(
    "the a an of to in on for and or is are was were be been by with that this these which as at from "
    "we our it its their they can not but than into such also has have had will would should may".split()
)

COMMON_WORDS: frozenset[str] = STOPWORDS | frozenset(
    "those more most both each all while using use used based via new show shows model models method methods "
    "data results approach paper task tasks".split()
)
