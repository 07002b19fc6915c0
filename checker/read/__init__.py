"""Reading digests: find input files, detect their format, and turn them into papers."""

from checker.read.discover import discover_sources
from checker.read.source import DigestSource, read_digest

__all__ = ["DigestSource", "discover_sources", "read_digest"]
