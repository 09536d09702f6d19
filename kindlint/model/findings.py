"""Findings: what a rule reports, and the result of linting one file."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kindlint.model.document import Location
from kindlint.model.facts import Facts


class Severity(StrEnum):
    """How much a finding matters; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Confidence(StrEnum):
    """How sure the rule is that the text means what it flags."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return _CONFIDENCE_RANK[self]


_CONFIDENCE_RANK = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}


class Category(StrEnum):
    """What kind of blind spot a rule looks for."""

    LABELS = "labels"
    VALUE = "value"
    PERFORMANCE = "performance"
    RESTRICTION = "restriction"
    ABSENCE = "absence"
    PLAIN_LANGUAGE = "plain-language"
    META = "meta"


# What a structural finding is about, besides a KPI's own id ("KPI 4").
SUBJECT_KPIS = "KPIs"
SUBJECT_AWARD = "award weighting"
SUBJECT_TERM = "contract term"
SUBJECT_DOCUMENT = "whole document"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing kindlint noticed, where it is, and what to consider instead."""

    code: str
    name: str
    category: Category
    severity: Severity
    confidence: Confidence
    message: str
    location: Location
    suggestions: tuple[str, ...] = ()
    text: str = ""  # the flagged words
    context: str = ""  # the sentence (or cell) they are in, white space folded
    context_span: tuple[int, int] | None = None  # where ``text`` sits inside ``context``
    block: int | None = None  # index of the block in Document.blocks
    subject: str | None = None  # what it is about: a KPI id, or one of the SUBJECT_* words
    fingerprint: str = ""

    @property
    def sort_key(self) -> tuple:
        span = self.location.span or (0, 0)
        return (self.location.file, self.block if self.block is not None else 1 << 30,
                span[0], self.code)


@dataclass(frozen=True, slots=True)
class FileResult:
    """Everything kindlint learned about one file."""

    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None  # why the file could not be read
    fail_on: Severity = Severity.WARNING
    facts: Facts | None = field(default=None, compare=False)
    statistics: dict[str, Any] = field(default_factory=dict, compare=False)
    document_format: str | None = None
    page_count: int | None = None
    word_count: int = 0
