"""Judge rules (J): findings of the optional LLM judge (``--llm``), listed by ``digest-check rules``.

Their specs have no check: the heuristic engine never runs them. ``checker.judge`` turns the judge's verified
verdicts into findings of these rules, taking the ids and metadata from the specs here.
"""
