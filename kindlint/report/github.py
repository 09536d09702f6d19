"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding.

GitHub turns each command into an annotation on the file (and line) in the pull request::

    ::warning file=policy.md,line=3,col=1,endLine=3,endColumn=10,title=KL101 offender-labels::…

Markdown and text findings carry the line and columns. Word and PDF findings have no lines,
so the annotation is on the file and the message starts with the clause, page and table cell.
A file that cannot be read gives ``::error file=…::cannot read: reason``. The last line is the
usual summary, as plain text. Escaping follows GitHub's runner (``@actions/core``): ``%``,
CR and LF in the message; also ``:`` and ``,`` in property values.
"""

from __future__ import annotations

from typing import TextIO

from kindlint.model.findings import Finding, Severity
from kindlint.report import RunReport
from kindlint.report.sarif import relative_path

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
TEXT_FORMATS = (".md", ".markdown", ".txt")


def escape_data(text: str) -> str:
    """Escape a command's message (the part after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=``, ``title=``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}"
                     for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def annotation(finding: Finding) -> str:
    location = finding.location
    properties: dict[str, object] = {"file": _file(location.file)}
    message = finding.message.strip()
    if finding.suggestions:
        message += f" (consider: {'; '.join(finding.suggestions)})"
    if location.line is not None and location.file.lower().endswith(TEXT_FORMATS):
        properties["line"] = location.line
        if location.column is not None:
            properties["col"] = location.column
            length = (location.span[1] - location.span[0]) if location.span \
                else len(finding.text)
            if length > 0 and "\n" not in finding.text:
                properties["endLine"] = location.line
                properties["endColumn"] = location.column + length
    else:
        where = location.describe()
        if where:
            message = f"{where[:1].upper()}{where[1:]}: {message}"
    properties["title"] = f"{finding.code} {finding.name}"
    return command(COMMANDS[finding.severity], properties, message)


def _file(path: str) -> str:
    """Paths relative to the working directory (the checkout in a workflow) when possible."""
    return relative_path(path) or path


def render_github(report: RunReport, out: TextIO) -> None:
    for result in report.errors:
        out.write(command("error", {"file": _file(result.path)},
                          f"cannot read: {result.error}") + "\n")
    for finding in report.findings:
        out.write(annotation(finding) + "\n")
    out.write(report.summary() + ".\n")
