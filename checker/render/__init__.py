"""Layer 8, renderers: text, JSON, GitHub annotations, SARIF, JUnit, Markdown, the HTML report (``report``)
and the side-by-side view of one paper (``spot``). They read audit results; none decides a finding. What they
share is in ``common``: paths relative to the repository (``repo_relative``) and the findings most severe first
(``ranked_findings``).
"""
