"""digest-checker: checks the AI summaries of arXiv digests against their English abstracts."""

__version__ = "0.1.0"
