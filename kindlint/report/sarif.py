"""SARIF 2.1.0 output, for GitHub code scanning and other static-analysis dashboards.

One run, with ``tool.driver.rules`` holding a descriptor for each rule that has a result in
the run (not every installed rule: the report does not know which rules were enabled, and a
descriptor carries the rule's whole rationale, so listing them all would bloat every log and
suggest that rules ran which did not). Findings in Markdown and text files have a ``region``
with line and columns (Unicode code points, see ``columnKind``); Word and PDF findings have
none, because SARIF regions are positions in text and inventing lines would mislead. Their
clause, page and table cell go in ``logicalLocations``, the location's ``message`` and
``properties``, and also at the start of the message, since GitHub shows only file and message
for a result without a region. Files that could not be read become error notifications in
``invocations[0]``, whose ``executionSuccessful`` is then false.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from kindlint.model.document import Location
from kindlint.model.findings import Finding, Severity
from kindlint.report import RunReport
from kindlint.rules.model import Rule

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                "sarif-schema-2.1.0.json")
REPOSITORY = "https://github.com/kindlint/kindlint"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "kindlintFingerprint/v1"
TEXT_FORMATS = (".md", ".markdown", ".txt")

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render_sarif(report: RunReport, out: TextIO) -> None:
    json.dump(sarif_log(report), out, indent=2, ensure_ascii=False)
    out.write("\n")


def sarif_log(report: RunReport) -> dict[str, Any]:
    """The whole SARIF log as plain data."""
    findings = report.findings
    codes = sorted({f.code for f in findings})
    examples = {f.code: f for f in reversed(findings)}
    descriptors = [rule_descriptor(report.rules.get(code), examples[code]) for code in codes]
    index = {code: i for i, code in enumerate(codes)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "kindlint",
                "version": report.version,
                "semanticVersion": report.version,
                "informationUri": REPOSITORY,
                "rules": descriptors,
            }
        },
        "invocations": [invocation(report)],
        "originalUriBaseIds": {SRCROOT: {"uri": _directory_uri(Path.cwd())}},
        "columnKind": "unicodeCodePoints",
        "results": [result(f, index[f.code]) for f in findings],
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


# -- rules --------------------------------------------------------------------------------

def rule_descriptor(rule: Rule | None, example: Finding) -> dict[str, Any]:
    """A reportingDescriptor; from the finding alone when the rule's metadata is unknown."""
    if rule is None:
        return {
            "id": example.code,
            "name": example.name,
            "shortDescription": {"text": example.name},
            "defaultConfiguration": {"level": LEVELS[example.severity]},
            "properties": {"tags": [example.category.value]},
        }
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _paragraphs(rule.rationale)},
        "help": {"text": help_text(rule), "markdown": help_markdown(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity],
                                 "enabled": rule.enabled_by_default},
        "properties": {
            "tags": [rule.category.value],
            "precision": rule.confidence.value,  # GitHub ranks results by precision
            "pack": rule.pack,
        },
    }
    uri = help_uri(rule)
    if uri:
        descriptor["helpUri"] = uri
    return descriptor


def help_uri(rule: Rule) -> str | None:
    """The rule's folder in kindlint's repository; None for rules of other packs."""
    from kindlint.rules.builtin import rules_root

    folder = Path(rule.folder)
    try:
        inside = folder.resolve().parent.parent == rules_root().resolve()
    except OSError:
        inside = False
    if not inside:
        return None
    return f"{REPOSITORY}/tree/main/rules/{quote(folder.parent.name)}/{quote(folder.name)}"


def help_text(rule: Rule) -> str:
    parts = [_paragraphs(rule.rationale)]
    if rule.alternatives:
        parts.append("Consider instead:\n" + "\n".join(f"- {a}" for a in rule.alternatives))
    if rule.sources:
        parts.append("Sources:\n" + "\n".join(f"- {s.cite()}" for s in rule.sources))
    parts.append(_silence(rule, markdown=False))
    return "\n\n".join(parts)


def help_markdown(rule: Rule) -> str:
    parts = [f"**{_md(rule.summary)}**", _md(_paragraphs(rule.rationale))]
    if rule.alternatives:
        parts.append("### Consider instead\n\n" + "\n".join(f"- {_md(a)}"
                                                          for a in rule.alternatives))
    if rule.sources:
        lines = []
        for s in rule.sources:
            line = f"- [{_md(s.title)}]({s.url}), {_md(s.organisation)}, {_md(str(s.year))}."
            if s.note:
                line += f" {_md(s.note)}"
            lines.append(line)
        parts.append("### Sources\n\n" + "\n".join(lines))
    parts.append("### How to silence it\n\n" + _silence(rule, markdown=True))
    return "\n\n".join(parts)


def _silence(rule: Rule, markdown: bool) -> str:
    tick = "`" if markdown else ""
    text = (f"In Markdown, put {tick}<!-- kindlint: ignore[{rule.code}] reason -->{tick} "
            f"before the paragraph. In Word, comment on the paragraph with "
            f"{tick}kindlint: ignore[{rule.code}] reason{tick}. For a whole project, add "
            f"{tick}\"{rule.code}\"{tick} to {tick}ignore{tick} in "
            f"{tick}[tool.kindlint]{tick}.")
    return text if markdown else "How to silence it: " + text


def _paragraphs(text: str) -> str:
    """Hard-wrapped TOML text as paragraphs of single lines."""
    return "\n\n".join(" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip())


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>"})


def _md(text: str) -> str:
    return text.translate(_MD_SPECIAL)


# -- results ------------------------------------------------------------------------------

def result(finding: Finding, rule_index: int) -> dict[str, Any]:
    location = finding.location
    has_region = _region(finding) is not None
    out: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": message_text(finding, with_location=not has_region)},
        "locations": [sarif_location(finding)],
    }
    if finding.fingerprint:
        out["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    properties: dict[str, Any] = {"confidence": finding.confidence.value,
                                  "category": finding.category.value}
    if finding.subject:
        properties["subject"] = finding.subject
    if location.page is not None:
        properties["page"] = location.page
    out["properties"] = properties
    return out


def message_text(finding: Finding, with_location: bool = False) -> str:
    """``message. Consider: a; b.``, after the clause and page when there is no line."""
    text = finding.message.strip()
    if finding.suggestions:
        text = _sentence(text) + " Consider: " + "; ".join(finding.suggestions)
        text = _sentence(text)
    where = finding.location.describe() if with_location else ""
    return f"{where[:1].upper()}{where[1:]}: {text}" if where else text


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def sarif_location(finding: Finding) -> dict[str, Any]:
    location = finding.location
    physical: dict[str, Any] = {"artifactLocation": artifact_location(location.file)}
    region = _region(finding)
    if region is not None:
        physical["region"] = region
    out: dict[str, Any] = {"physicalLocation": physical}
    logical = logical_locations(location)
    if logical:
        out["logicalLocations"] = logical
    description = location.describe()
    if description:
        out["message"] = {"text": description}
    properties = {key: value for key, value in (
        ("page", location.page),
        ("section", location.section),
        ("clausePath", list(location.clause_path) or None),
        ("table", location.table),
        ("row", location.row),
        ("tableColumn", location.table_column),
        ("columnHeader", location.column_header),
    ) if value is not None}
    if properties:
        out["properties"] = properties
    return out


def _region(finding: Finding) -> dict[str, Any] | None:
    """A text region for Markdown and text findings with a known line; None otherwise."""
    location = finding.location
    if location.line is None or location.line < 1:
        return None
    if Path(location.file).suffix.lower() not in TEXT_FORMATS:
        return None
    region: dict[str, Any] = {"startLine": location.line}
    if location.column is not None and location.column >= 1:
        region["startColumn"] = location.column
        if location.end_line is not None and location.end_line > location.line:
            region["endLine"] = location.end_line
        if location.end_column is not None and location.end_column > 0 and (
                location.end_line != location.line or location.end_column > location.column):
            region["endColumn"] = location.end_column
    if finding.text:
        region["snippet"] = {"text": finding.text}
    return region


def logical_locations(location: Location) -> list[dict[str, Any]]:
    """The clause (or section) and the table cell, as logical locations."""
    out: list[dict[str, Any]] = []
    parent = ""
    if location.clause_path:
        parent = location.clause
        out.append({"name": location.clause_path[-1], "fullyQualifiedName": parent,
                    "kind": "section"})
    elif location.section:
        parent = location.section
        out.append({"name": location.section, "fullyQualifiedName": parent, "kind": "section"})
    if location.table is not None:
        cell = [f"table {location.table}"]
        if location.row is not None:
            cell.append(f"row {location.row}")
        if location.column_header:
            cell.append(f"column '{location.column_header}'")
        elif location.table_column is not None:
            cell.append(f"column {location.table_column}")
        name = ", ".join(cell)
        out.append({"name": name,
                     "fullyQualifiedName": f"{parent} > {name}" if parent else name,
                     "kind": "element"})
    return out


# -- files --------------------------------------------------------------------------------

def relative_path(file: str) -> str | None:
    """``file`` relative to the current directory, in POSIX form; None if it is outside."""
    try:
        relative = os.path.relpath(_absolute(file), Path.cwd())
    except (OSError, ValueError):  # another drive on Windows
        return None
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return None
    return Path(relative).as_posix()


def artifact_location(file: str) -> dict[str, Any]:
    """A relative URI under %SRCROOT% (the current directory) when possible, else absolute."""
    relative = relative_path(file)
    if relative is not None:
        return {"uri": quote(relative, safe="/"), "uriBaseId": SRCROOT}
    return {"uri": _absolute(file).as_uri()}


def _absolute(file: str) -> Path:
    return Path(os.path.normpath(Path(file).absolute()))


def _directory_uri(folder: Path) -> str:
    uri = folder.resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def invocation(report: RunReport) -> dict[str, Any]:
    notifications = [
        {
            "level": "error",
            "message": {"text": f"cannot read: {r.error}"},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(r.path)}}],
            "descriptor": {"id": "unreadable-file"},
        }
        for r in report.errors
    ]
    out: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        out["toolExecutionNotifications"] = notifications
    return out
