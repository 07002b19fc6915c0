"""Layer 8, renderers: text, JSON, GitHub annotations, SARIF, JUnit, Markdown, the HTML report (``report``)
and the side-by-side view of one paper (``spot``). They read audit results; none decides a finding.
"""
