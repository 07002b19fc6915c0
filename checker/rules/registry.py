"""The rule registry: every check is a small pure function registered with its metadata."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from checker.model import Category, Severity

if TYPE_CHECKING:
    from checker.analysis.context import DigestContext, PaperContext


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


PaperRuleFunc = Callable[["PaperContext"], Iterable[Hit]]
DigestRuleFunc = Callable[["DigestContext"], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    category: Category
    severity: Severity
    scope: Literal["paper", "digest"]
    needs_abstract: bool
    func: Callable[..., Iterable[Hit]]

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else self.name


_RULES: dict[str, Rule] = {}


def _register(rule: Rule) -> None:
    if rule.id in _RULES or any(r.name == rule.name for r in _RULES.values()):
        raise ValueError(f"duplicate rule {rule.id} {rule.name}")
    _RULES[rule.id] = rule


def paper_rule(
    id: str, name: str, category: Category, severity: Severity, *, needs_abstract: bool = False
) -> Callable[[PaperRuleFunc], PaperRuleFunc]:
    """Register a rule that looks at one paper at a time."""

    def decorate(func: PaperRuleFunc) -> PaperRuleFunc:
        _register(Rule(id, name, category, severity, "paper", needs_abstract, func))
        return func

    return decorate


def digest_rule(id: str, name: str, category: Category, severity: Severity) -> Callable[[DigestRuleFunc], DigestRuleFunc]:
    """Register a rule that needs the whole digest (duplicates, dropped or swapped papers)."""

    def decorate(func: DigestRuleFunc) -> DigestRuleFunc:
        _register(Rule(id, name, category, severity, "digest", False, func))
        return func

    return decorate


def all_rules() -> list[Rule]:
    import checker.rules  # noqa: F401  (registers the built-in rules)
    from checker.rules.judge import judge_rules  # J ids: listed here, produced only by the --llm judge

    return sorted([*_RULES.values(), *judge_rules()], key=lambda r: r.id)


def select_rules(select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
    """Rules chosen by id, id prefix or name, like ruff's --select/--ignore."""
    rules = all_rules()

    def matches(rule: Rule, patterns: list[str]) -> bool:
        return any(rule.id.startswith(p.upper()) or rule.name == p.lower() or rule.category.value == p for p in patterns)

    if select:
        rules = [r for r in rules if matches(r, select)]
    if ignore:
        rules = [r for r in rules if not matches(r, ignore)]
    return rules


def unknown_rule_patterns(patterns: list[str]) -> list[str]:
    rules = all_rules()
    return [
        p for p in patterns
        if not any(r.id.startswith(p.upper()) or r.name == p.lower() or r.category.value == p for r in rules)
    ]
