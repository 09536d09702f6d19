"""Reporters turn the results of a run into text, JSON, SARIF, GitHub annotations or HTML.

Each output format is one module, registered in the ``kindlint.reporters`` entry-point group.
A reporter only sees results and rule metadata, never how a finding was made.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol, TextIO

from kindlint import __version__
from kindlint.model.findings import FileResult, Finding, Severity
from kindlint.plugins import REPORTERS, Plugin, plugins
from kindlint.rules.model import Rule

REPORTER_GROUP = REPORTERS


@dataclass(frozen=True)
class RunReport:
    """What a reporter is given: every file's result and the metadata of the rules used."""

    results: Sequence[FileResult]
    rules: Mapping[str, Rule]
    version: str = __version__

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.results if r.error]

    def counts(self) -> Counter[str]:
        return Counter(f.severity.value for f in self.findings)

    def summary(self) -> str:
        """``3 files checked, 5 findings (1 error, 4 warnings)``."""
        files = len(self.results)
        counts = self.counts()
        total = sum(counts.values())
        text = f"{files} file{'s' * (files != 1)} checked, {total} finding{'s' * (total != 1)}"
        parts = [_plural(counts[s.value], s.value) for s in reversed(Severity) if counts[s.value]]
        if parts:
            text += f" ({', '.join(parts)})"
        if self.errors:
            n = len(self.errors)
            text += f"; {n} file{'s' * (n != 1)} could not be read"
        return text


def _plural(n: int, word: str) -> str:
    if word == "info":
        return f"{n} info"
    return f"{n} {word}{'s' * (n != 1)}"


class Reporter(Protocol):
    """Writes a RunReport to a text stream."""

    def __call__(self, report: RunReport, out: TextIO) -> None: ...


@cache
def _entry_points() -> dict[str, Plugin]:
    return plugins(REPORTER_GROUP)


def reporter_names() -> tuple[str, ...]:
    return tuple(sorted(_entry_points()))


def get_reporter(name: str) -> Reporter:
    """Load the reporter registered under ``name``."""
    return _entry_points()[name].load()
