"""The JSON outputs match the schemas in docs/, and docs/json-output.md names every field."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from kindlint.cli import main
from kindlint.model.findings import FileResult
from kindlint.report import RunReport
from kindlint.report.json import report_json
from tests.data.inputs import varied_files

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"


def load(name: str) -> dict:
    return json.loads((DOCS / name).read_text(encoding="utf-8"))


def validate(instance: dict, schema: dict) -> None:
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    errors = sorted(validator(schema).iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:20])


def cli_json(*args: str) -> dict:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1, 2), result.output
    return json.loads(result.stdout)


def test_schemas_are_valid_draft_2020_12():
    for name in ("findings.schema.json", "extract.schema.json"):
        schema = load(name)
        assert jsonschema.validators.validator_for(schema) is jsonschema.Draft202012Validator
        jsonschema.Draft202012Validator.check_schema(schema)


def test_findings_of_the_homecare_tender(tmp_path):
    data = cli_json("--isolated", "--no-cache", "--format", "json",
                    str(EXAMPLES / "homecare-tender.md"))
    validate(data, load("findings.schema.json"))
    assert data["schema_version"] == 1 and data["files"][0]["format"] == "markdown"


def test_findings_of_every_format_and_unreadable_files(tmp_path):
    pytest.importorskip("reportlab")
    files = varied_files(tmp_path / "docs")
    data = cli_json("--isolated", "--no-cache", "--extend-select", "KL001", "--format",
                    "json", *map(str, files), str(tmp_path / "missing.md"))
    validate(data, load("findings.schema.json"))
    assert {f["format"] for f in data["files"]} == {"markdown", "text", "docx", "pdf", None}
    assert data["summary"]["unreadable"] == 3
    assert {f["location"]["page"] for f in data["findings"]} - {None}  # a PDF page
    assert any(f["location"]["table"] for f in data["findings"])  # a table cell


def test_findings_with_statistics():
    report = RunReport([FileResult("a.md", document_format="markdown", statistics={
        "readability": [{"section": "Scope", "words": 120, "sentences": 6,
                         "flesch_reading_ease": 48.5, "grade": 11.2}]})], rules={})
    validate(report_json(report), load("findings.schema.json"))


@pytest.mark.parametrize("name", ["homecare-tender.md", "homecare-tender.docx",
                                  "homecare-tender.pdf", "homecare-relational.docx"])
def test_extract_of_the_examples(name):
    data = cli_json("extract", "--format", "json", str(EXAMPLES / name))
    validate(data, load("extract.schema.json"))
    assert data["facts"]["kpis"] or name.startswith("homecare-relational")


def test_extract_with_directives_and_tables(tmp_path):
    pytest.importorskip("reportlab")
    files = varied_files(tmp_path / "docs")
    schema = load("extract.schema.json")
    for path in files:
        if path.name in ("h-empty.md", "i-broken.docx"):
            continue  # unreadable: extract prints an error and no JSON
        data = cli_json("extract", "--format", "json", str(path))
        validate(data, schema)
        if path.name == "a-policy.md":
            assert data["directives"][0]["action"] == "ignore"
            assert data["tables"][0]["headers"] == ["Group", "Support"]


def _property_names(schema: object) -> set[str]:
    names: set[str] = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties" and isinstance(value, dict):
                names |= set(value)
            names |= _property_names(value)
    elif isinstance(schema, list):
        for item in schema:
            names |= _property_names(item)
    return names


def test_the_documentation_names_every_field():
    text = (DOCS / "json-output.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_$][a-z0-9_]*)`", text))
    for name in ("findings.schema.json", "extract.schema.json"):
        missing = _property_names(load(name)) - documented
        assert not missing, f"docs/json-output.md does not describe {sorted(missing)} ({name})"
