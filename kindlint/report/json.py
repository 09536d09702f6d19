"""JSON output, versioned: ``{"schema_version": 1, "findings": [...], ...}``."""

from __future__ import annotations

import json
from typing import Any, TextIO

from kindlint.model.document import Location
from kindlint.model.findings import Finding
from kindlint.report import RunReport

SCHEMA_VERSION = 1


def location_json(location: Location) -> dict[str, Any]:
    """A location as JSON; keys always present, ``null`` when not known."""
    return {
        "file": location.file,
        "line": location.line,
        "column": location.column,
        "page": location.page,
        "clause_path": location.clause or None,
        "section": location.section,
        "table": location.table,
        "row": location.row,
        "table_column": location.table_column,
        "column_header": location.column_header,
        "span": list(location.span) if location.span else None,
        "end_line": location.end_line,
        "end_column": location.end_column,
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "name": finding.name,
        "category": finding.category.value,
        "severity": finding.severity.value,
        "confidence": finding.confidence.value,
        "message": finding.message,
        "suggestions": list(finding.suggestions),
        "location": location_json(finding.location),
        "text": finding.text,
        "context": finding.context,
        "subject": finding.subject,
        "fingerprint": finding.fingerprint,
    }


def report_json(report: RunReport) -> dict[str, Any]:
    counts = report.counts()
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "kindlint", "version": report.version},
        "files": [
            {
                "path": r.path,
                "format": r.document_format,
                "error": r.error,
                "findings": len(r.findings),
                "statistics": r.statistics or None,
            }
            for r in report.results
        ],
        "findings": [finding_json(f) for f in report.findings],
        "summary": {
            "files": len(report.results),
            "unreadable": len(report.errors),
            "findings": sum(counts.values()),
            "by_severity": {k: counts.get(k, 0) for k in ("error", "warning", "info")},
        },
    }


def render_json(report: RunReport, out: TextIO) -> None:
    json.dump(report_json(report), out, indent=2, ensure_ascii=False)
    out.write("\n")
