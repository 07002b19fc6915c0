"""What a rule is: its spec (id, name, category, severity, scope, doc, check, needs) and what its check
returns (Hit).

Every rule file ends with one ``RULE = RuleSpec(...)``; ``checker.rules.registry`` lists them all in one
table.
A spec without a check (``check=None``) is a rule whose findings come from elsewhere: the J rules of the LLM
judge. The doc is the rule file's docstring; its first line is the one-line summary of ``digest-check rules``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Flag, auto
from typing import TYPE_CHECKING, Literal

from checker.model import Category, Severity

if TYPE_CHECKING:
    from checker.analysis.context import DigestContext, PaperContext

Scope = Literal["paper", "digest"]


@dataclass(frozen=True)
class Hit:
    """What a rule found; the engine turns it into a Finding with the rule's metadata and a line."""

    message: str
    block: str | None = None
    summary_span: str | None = None
    abstract_span: str | None = None
    severity: Severity | None = None  # overrides the rule's default
    confidence: float = 1.0
    arxiv_id: str | None = None  # digest rules: the paper the hit belongs to
    line: int | None = None  # only when the engine cannot derive it (digest rules)


PaperCheck = Callable[["PaperContext"], Iterable[Hit]]
DigestCheck = Callable[["DigestContext"], Iterable[Hit]]


class Needs(Flag):
    """What a rule needs beyond the blocks it reads; the engine skips or prepares work by it."""

    NOTHING = 0
    ABSTRACT = auto()  # the paper's English abstract: skipped for a paper without one
    SALIENT_TERMS = auto()  # the salient terms of every abstract and summary, kept in the sketches (costly)


@dataclass(frozen=True)
class RuleSpec:
    """One rule: who it is, how bad its findings are by default, what it reads and the function that checks.

    ``check`` takes a PaperContext (scope "paper") or a DigestContext (scope "digest") and yields Hits; it is
    None for rules that no check produces (the judge's J rules).
    """

    id: str
    name: str
    category: Category
    severity: Severity
    scope: Scope
    doc: str
    check: Callable[..., Iterable[Hit]] | None
    needs: Needs = Needs.NOTHING

    def __post_init__(self) -> None:
        object.__setattr__(self, "doc", inspect.cleandoc(self.doc))

    @property
    def needs_abstract(self) -> bool:
        return Needs.ABSTRACT in self.needs

    @property
    def summary(self) -> str:
        """The doc's first line: what ``digest-check rules`` and the README table show."""
        return self.doc.splitlines()[0] if self.doc else self.name


Rule = RuleSpec  # the name the engine, the judge and the renderers use
