"""Terminal output: one finding per line, then a summary by severity."""

from __future__ import annotations

from typing import TextIO

import click

from kindlint.model.findings import Finding, Severity
from kindlint.report import RunReport

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def format_finding(finding: Finding, colour: bool = False) -> str:
    """``path:location: CODE message (consider: …)``."""
    code = click.style(finding.code, fg=_COLOURS[finding.severity], bold=True) if colour \
        else finding.code
    line = f"{finding.location.file}:{finding.location.short()}: {code} {finding.message}"
    if finding.suggestions:
        line += f" (consider: {'; '.join(finding.suggestions)})"
    return line


def render_text(report: RunReport, out: TextIO) -> None:
    colour = getattr(out, "isatty", lambda: False)()
    for finding in report.findings:
        out.write(format_finding(finding, colour) + "\n")
    out.write(report.summary() + ".\n")
