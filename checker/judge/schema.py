"""What the judge must return (pydantic), and the strict JSON schema sent as ``response_format``."""

from __future__ import annotations

import copy
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

Label = Literal["supported", "contradicted", "unsupported", "number_error"]
# FineSurE's error types (FRANK's seven renamed, plus other / no error): one per sentence.
ErrorType = Literal[
    "no_error", "out_of_context", "entity", "predicate", "circumstantial", "grammatical", "coreference",
    "linking", "other",
]


class SentenceVerdict(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str  # "method:2"
    label: Label
    error_type: ErrorType
    reason: str
    evidence: str | None  # verbatim quote from the abstract; null when the abstract says nothing


class KeyFactVerdict(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str  # "K3"
    covered: bool
    sentence: str | None  # the sentence id that covers it


class Judgment(BaseModel):
    model_config = ConfigDict(extra="ignore")

    sentences: list[SentenceVerdict]
    key_facts: list[KeyFactVerdict]


def _strict(node: Any) -> Any:
    """OpenAI strict mode: every object closes its properties and requires all of them; no defaults/titles."""
    if isinstance(node, dict):
        node = {k: _strict(v) for k, v in node.items() if k not in ("title", "default")}
        if node.get("type") == "object" and "properties" in node:
            node["additionalProperties"] = False
            node["required"] = list(node["properties"])
        return node
    if isinstance(node, list):
        return [_strict(item) for item in node]
    return node


def judgment_schema() -> dict[str, Any]:
    return copy.deepcopy(_SCHEMA)


def response_format(mode: str) -> dict[str, Any]:
    if mode == "json_object":
        return {"type": "json_object"}
    return {"type": "json_schema", "json_schema": {"name": "judgment", "strict": True, "schema": judgment_schema()}}


def schema_text() -> str:
    """The schema as compact JSON, for the prompt of servers that only offer json_object."""
    return json.dumps(_SCHEMA, ensure_ascii=False, separators=(",", ":"))


_SCHEMA: dict[str, Any] = _strict(Judgment.model_json_schema())
