"""Keeping the API key out of everything the judge prints, caches or reports.

Servers can echo the key (a proxy that reflects the request, a model told to repeat its input) in a verdict's
reason, a refusal, an error body or the model name. Every text that comes from the server goes through
``Scrubber.scrub`` before it is printed, cached or reported: the key, and any run of 16 or more consecutive
characters of it, becomes ``[redacted]``. Keys shorter than 8 characters (``local``, ``ollama`` for a local
server) are not secrets and are left alone, so ordinary words stay readable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

REDACTED = "[redacted]"
MIN_SECRET = 8  # shorter "keys" are placeholders for local servers, not secrets
FRAGMENT = 16  # a run of this many characters of the key is as good as the key


@dataclass(frozen=True)
class Scrubber:
    key: str | None

    def scrub(self, text: str) -> str:
        key = self.key
        if not key or len(key) < MIN_SECRET or not text:
            return text
        if key in text:
            text = text.replace(key, REDACTED)
        if len(key) <= FRAGMENT:
            return text
        covered: list[tuple[int, int]] = []
        for start in range(len(key) - FRAGMENT + 1):
            window = key[start:start + FRAGMENT]
            at = text.find(window)
            while at != -1:
                covered.append((at, at + FRAGMENT))
                at = text.find(window, at + 1)
        if not covered:
            return text
        covered.sort()
        merged: list[list[int]] = []
        for begin, end in covered:
            if merged and begin <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([begin, end])
        pieces, last = [], 0
        for begin, end in merged:
            pieces += [text[last:begin], REDACTED]
            last = end
        pieces.append(text[last:])
        return "".join(pieces)

    def scrub_data(self, value: Any) -> Any:
        """Every string in a JSON-like value (dicts, lists), keys included."""
        if isinstance(value, str):
            return self.scrub(value)
        if isinstance(value, dict):
            return {self.scrub(str(k)): self.scrub_data(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.scrub_data(item) for item in value]
        return value
