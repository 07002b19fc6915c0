"""The judge's prompt files (system prompt, user template) and their content hash (part of every cache key)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Template

SYSTEM_FILE = "judge_system.md"
USER_FILE = "judge_user.md"
JSON_OBJECT_FILE = "judge_json_object.md"
_FILES = (SYSTEM_FILE, USER_FILE, JSON_OBJECT_FILE)


@dataclass(frozen=True)
class PromptSet:
    system: str
    user: Template
    json_object_suffix: Template  # appended to the user message when the server lacks json_schema
    hash: str


def prompt_dirs() -> list[Path]:
    """Where prompts are looked for: $DIGEST_CHECK_PROMPTS, the package's own checker/prompts (package data,
    read with importlib.resources; setup.py maps it to the top-level prompts/), then a source checkout's
    prompts/ (an editable install or no install, where checker/prompts is not a folder)."""
    from importlib.resources import files  # here, not at import: it pulls in inspect, zipfile, tempfile

    candidates = [Path(os.environ["DIGEST_CHECK_PROMPTS"])] if os.environ.get("DIGEST_CHECK_PROMPTS") else []
    packaged = files("checker") / "prompts"
    if isinstance(packaged, Path):  # a package on disk (pip installs unpack wheels; never a zip here)
        candidates.append(packaged)
    candidates.append(Path(__file__).resolve().parents[2] / "prompts")
    return candidates


def _prompt_dir() -> Path:
    for folder in prompt_dirs():
        if (folder / SYSTEM_FILE).is_file():
            return folder
    raise FileNotFoundError(f"judge prompts not found (looked in: {', '.join(map(str, prompt_dirs()))})")


@lru_cache(maxsize=4)
def load_prompts(directory: Path | None = None) -> PromptSet:
    folder = directory or _prompt_dir()
    texts = {name: (folder / name).read_text(encoding="utf-8") for name in _FILES}
    digest = hashlib.sha256()
    for name in _FILES:
        digest.update(name.encode() + b"\0" + texts[name].encode("utf-8") + b"\0")
    return PromptSet(
        system=texts[SYSTEM_FILE].strip(),
        user=Template(texts[USER_FILE].strip()),
        json_object_suffix=Template(texts[JSON_OBJECT_FILE].strip()),
        hash=digest.hexdigest()[:16],
    )
