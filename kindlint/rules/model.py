"""The runtime Rule: metadata from ``rule.toml`` plus the check that produces findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kindlint.model.findings import Category, Confidence, Finding, Severity

if TYPE_CHECKING:
    from kindlint.rules.context import RuleContext

CheckFunction = Callable[["RuleContext"], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Source:
    """A published source a rule's rationale rests on."""

    title: str
    organisation: str
    year: int | str
    url: str
    note: str = ""

    def cite(self) -> str:
        year = str(self.year).rstrip(".")
        return f"{self.title}, {self.organisation}, {year}. {self.url}"


@dataclass(frozen=True, slots=True)
class Example:
    """A good or bad example file kept beside the rule (tests run them; docs show them)."""

    path: Path
    kind: str  # "good" | "bad"


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: everything about it lives in its folder, once."""

    code: str
    name: str
    category: Category
    severity: Severity
    confidence: Confidence
    summary: str
    message: str
    rationale: str
    alternatives: tuple[str, ...]
    sources: tuple[Source, ...]
    pack: str
    folder: Path
    check: CheckFunction = field(repr=False, compare=False)
    kind: str = "python"  # "phrase", "python" or "engine"
    options: Mapping[str, Any] = field(default_factory=dict)
    option_docs: Mapping[str, str] = field(default_factory=dict)
    enabled_by_default: bool = True
    limitations: str = ""
    examples: tuple[Example, ...] = ()
    # Other wordings of the message for particular cases, by name ("goods", "continuity").
    messages: Mapping[str, str] = field(default_factory=dict)

