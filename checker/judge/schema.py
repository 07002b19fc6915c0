"""What the judge must return (pydantic), and the strict JSON schema sent as ``response_format``.

Each verdict is written evidence first, then the reason, then the label: a model that has to quote before it
decides judges from the quote. The labels are the categories of the rules (``mismatched`` is the rules'
``mismatched_claim``, overstatement included), so a judge verdict and a rule finding on one sentence are one
finding after merging. ``SCHEMA_VERSION`` (a hash of the schema) is part of every cache key.
"""

from __future__ import annotations

import copy
import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator

Label = Literal["supported", "mismatched", "unsupported", "number_error"]
# The kinds of error of the labelled real digests (eval/labels/STANDARD.md), defined in the system prompt.
Kind = Literal[
    "none", "strength", "certainty", "resolution", "causality", "scope", "bounds", "novelty", "sota",
    "baseline", "term", "contradiction", "invented", "number", "other",
]
_KINDS = set(Kind.__args__)  # type: ignore[attr-defined]
# Older or looser label words some models still write: read as the label they mean.
_LABEL_ALIASES = {"contradicted": "mismatched", "mismatched_claim": "mismatched", "overstated": "mismatched",
                  "unsupported_claim": "unsupported", "hallucinated_number": "number_error"}


class SentenceVerdict(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str  # "method:2" or a claim of it, "method:2b"
    evidence: str | None  # verbatim quote from the abstract; null when the abstract says nothing relevant
    reason: str
    label: Label
    kind: Kind = "other"  # required by the strict schema; a json_object reply that leaves it out still counts

    @field_validator("label", mode="before")
    @classmethod
    def _label_alias(cls, value: Any) -> Any:
        return _LABEL_ALIASES.get(value, value) if isinstance(value, str) else value

    @field_validator("kind", mode="before")
    @classmethod
    def _kind_or_other(cls, value: Any) -> Any:
        return value if value in _KINDS else "other"


class KeyFactVerdict(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str  # "K3"
    sentence: str | None  # the sentence id that covers it
    covered: bool


class HintVerdict(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str  # "H2": a finding of the rules sent to be confirmed or rejected
    evidence: str | None
    reason: str
    verdict: Literal["confirmed", "rejected"]


class Judgment(BaseModel):
    model_config = ConfigDict(extra="ignore")

    sentences: list[SentenceVerdict]
    key_facts: list[KeyFactVerdict]
    hints: list[HintVerdict] = []

    def answered_ids(self) -> set[str]:
        return ({v.id.strip() for v in self.sentences} | {v.id.strip() for v in self.key_facts}
                | {v.id.strip() for v in self.hints})


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
SCHEMA_VERSION = hashlib.sha256(schema_text().encode("utf-8")).hexdigest()[:12]
