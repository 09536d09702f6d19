"""SARIF 2.1.0 output: valid against the official OASIS schema, and useful to code scanning.

The schema is tests/data/sarif-schema-2.1.0.json (see tests/data/README.md for where it comes
from). To also run Microsoft's validator, put ``sarif-multitool`` (npm package
@microsoft/sarif-multitool) on PATH or set SARIF_MULTITOOL to its Sarif.Multitool binary.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from kindlint.cli import main
from kindlint.model.document import Location
from kindlint.model.findings import Category, Confidence, FileResult, Finding, Severity
from kindlint.report import RunReport
from kindlint.report.sarif import FINGERPRINT_KEY, SRCROOT, sarif_log
from tests.data.inputs import write_docx, write_markdown, write_pdf, write_text

SCHEMA_FILE = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
RULE_URL = "https://github.com/kindlint/kindlint/tree/main/rules/language/KL101-offender-labels"


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def assert_valid(log: dict, schema: dict) -> None:
    """Valid under the draft the schema declares (draft-04) and under Draft 7."""
    declared = jsonschema.validators.validator_for(schema)
    assert declared is jsonschema.Draft4Validator
    for validator in (declared, jsonschema.Draft7Validator):
        validator.check_schema(schema)
        errors = sorted(validator(schema, format_checker=validator.FORMAT_CHECKER)
                        .iter_errors(log), key=lambda e: list(e.absolute_path))
        assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def run_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--isolated", "--no-cache", *args])
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> Path:
    pytest.importorskip("reportlab")
    folder = tmp_path_factory.mktemp("sarif")
    write_markdown(folder, "policy.md")
    write_text(folder, "notes.txt")
    write_docx(folder, "contract.docx")
    write_pdf(folder, "tender.pdf")
    (folder / "empty.md").write_bytes(b"")
    return folder


@pytest.fixture
def log(documents: Path, monkeypatch) -> dict:
    monkeypatch.chdir(documents)
    code, out = run_cli("--format", "sarif", "policy.md", "notes.txt",
                        "contract.docx", "tender.pdf", "empty.md")
    assert code == 2  # findings and an unreadable file
    return json.loads(out)


@pytest.fixture
def findings_json(documents: Path, monkeypatch) -> list[dict]:
    monkeypatch.chdir(documents)
    _, out = run_cli("--format", "json", "policy.md", "notes.txt", "contract.docx",
                     "tender.pdf")
    return json.loads(out)["findings"]


def results_for(log: dict, uri: str) -> list[dict]:
    return [r for r in log["runs"][0]["results"]
            if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri]


def test_output_is_valid_sarif_2_1_0(log, schema):
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert_valid(log, schema)


def test_driver_and_rule_descriptors(log):
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "kindlint"
    assert driver["version"]
    assert driver["informationUri"].startswith("https://")
    used = {r["ruleId"] for r in log["runs"][0]["results"]}
    assert [r["id"] for r in driver["rules"]] == sorted(used)  # only rules with results
    rule = next(r for r in driver["rules"] if r["id"] == "KL101")
    assert rule["name"] == "offender-labels"
    assert rule["shortDescription"]["text"] == "Describes people by an offence they committed"
    assert "makes one past act the whole of who they are" in rule["fullDescription"]["text"]
    assert "\n" not in rule["fullDescription"]["text"].split("\n\n")[0]  # unwrapped
    help_text = rule["help"]["text"]
    assert "person with a conviction" in help_text and "Unlock" in help_text
    assert "kindlint: ignore[KL101]" in help_text
    markdown = rule["help"]["markdown"]
    assert "### Sources" in markdown and "](https://unlock.org.uk/" in markdown
    assert rule["helpUri"] == RULE_URL
    assert rule["defaultConfiguration"]["level"] == "warning"
    assert rule["properties"]["tags"] == ["labels"]
    for result in log["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_markdown_and_text_results_have_regions(log, findings_json):
    md = results_for(log, "policy.md")
    assert md, "no results for policy.md"
    by_fingerprint = {f["fingerprint"]: f for f in findings_json}
    for result in md + results_for(log, "notes.txt"):
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uriBaseId"] == SRCROOT
        finding = by_fingerprint[result["partialFingerprints"][FINGERPRINT_KEY]]
        region = physical["region"]
        assert region["startLine"] == finding["location"]["line"]
        assert region["startColumn"] == finding["location"]["column"]
        assert region["snippet"]["text"] == finding["text"]
        location = finding["location"]
        assert region["endColumn"] == location["end_column"]
        if location["end_line"] != location["line"]:  # a match across a line break
            assert region["endLine"] == location["end_line"]
        else:
            assert region["endColumn"] == region["startColumn"] + len(finding["text"])
        assert result["level"] == "warning"
    offenders = next(r for r in md if r["locations"][0]["physicalLocation"]["region"]
                     ["snippet"]["text"] == "Offenders")
    assert offenders["message"]["text"] == (
        "'Offenders' describes people by their offence. "
        "Consider: People with convictions; People on probation.")
    assert offenders["locations"][0]["logicalLocations"] == [
        {"name": "1.1", "fullyQualifiedName": "1.1", "kind": "section"}]
    assert any("endLine" in r["locations"][0]["physicalLocation"]["region"] for r in md)


def test_docx_results_have_clause_paths_and_no_invented_lines(log):
    docx = results_for(log, "contract.docx")
    assert len(docx) >= 2
    for result in docx:
        physical = result["locations"][0]["physicalLocation"]
        assert set(physical) == {"artifactLocation"}  # no region: Word has no lines
    clause, cell = docx[0], next(r for r in docx if "table" in r["message"]["text"])
    logical = clause["locations"][0]["logicalLocations"]
    assert logical[0] == {"name": "4.2", "fullyQualifiedName": "Schedule 2 > 4.2",
                          "kind": "section"}
    assert clause["message"]["text"].startswith("Clause Schedule 2 > 4.2: 'Offenders'")
    element = cell["locations"][0]["logicalLocations"][-1]
    assert element["kind"] == "element"
    assert element["fullyQualifiedName"] == "Schedule 2 > 4.2 > table 1, row 2, column 'Group'"
    properties = cell["locations"][0]["properties"]
    assert properties["table"] == 1 and properties["row"] == 2
    assert properties["columnHeader"] == "Group"


def test_pdf_results_carry_the_page(log):
    pdf = results_for(log, "tender.pdf")
    assert pdf
    result = pdf[0]
    location = result["locations"][0]
    assert "region" not in location["physicalLocation"]
    assert location["properties"]["page"] == 2
    assert result["properties"]["page"] == 2
    assert result["message"]["text"].startswith("Page 2, clause 2.1: ")
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "2.1"


def test_fingerprints_match_the_json_output(log, findings_json):
    sarif = sorted(r["partialFingerprints"][FINGERPRINT_KEY] for r in log["runs"][0]["results"])
    assert sarif == sorted(f["fingerprint"] for f in findings_json)


def test_unreadable_files_are_notifications_and_fail_the_execution(log):
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == "cannot read: the file is empty"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "empty.md"


def test_clean_run(documents, monkeypatch, schema, tmp_path):
    (tmp_path / "clean.md").write_text("# Referrals\n\nPeople on probation are referred.\n",
                                       encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out = run_cli("--format", "sarif", "clean.md")
    assert code == 0
    log = json.loads(out)
    assert_valid(log, schema)
    run = log["runs"][0]
    assert run["results"] == [] and run["tool"]["driver"]["rules"] == []
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_severity_override_sets_the_result_level(tmp_path, monkeypatch, schema):
    write_markdown(tmp_path, "policy.md")
    (tmp_path / ".kindlint.toml").write_text('extend-select = ["KL001"]\n'
                                             '[rules.KL101]\nseverity = "info"\n',
                                             encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--no-cache", "--format", "sarif", "policy.md"])
    log = json.loads(result.stdout)
    assert_valid(log, schema)
    levels = {r["level"] for r in log["runs"][0]["results"] if r["ruleId"] == "KL101"}
    assert levels == {"note"}
    rule = log["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["defaultConfiguration"]["level"] == "warning"  # the rule's default


def _finding(file: str, **where) -> Finding:
    return Finding(code="XX900", name="made-up", category=Category.META,
                   severity=Severity.ERROR, confidence=Confidence.LOW,
                   message="Something, with: punctuation\nand a line break",
                   location=Location(file=file, **where), text="word", fingerprint="abc")


def test_paths_outside_the_directory_and_unknown_rules(tmp_path, monkeypatch, schema):
    inside = tmp_path / "work"
    inside.mkdir()
    monkeypatch.chdir(inside)
    outside = str(tmp_path / "elsewhere" / "my policy.md")
    spaced = "sub dir/ünïcode policy.md"
    report = RunReport([FileResult(outside, (_finding(outside, line=2, column=3),)),
                        FileResult(spaced, (_finding(spaced, line=1, column=1),))], rules={})
    log = sarif_log(report)
    assert_valid(log, schema)
    first, second = log["runs"][0]["results"]
    far = first["locations"][0]["physicalLocation"]["artifactLocation"]
    assert far == {"uri": Path(outside).as_uri()}
    near = second["locations"][0]["physicalLocation"]["artifactLocation"]
    assert near == {"uri": "sub%20dir/%C3%BCn%C3%AFcode%20policy.md", "uriBaseId": SRCROOT}
    [rule] = log["runs"][0]["tool"]["driver"]["rules"]
    assert rule["id"] == "XX900" and rule["defaultConfiguration"]["level"] == "error"
    assert "helpUri" not in rule
    assert log["runs"][0]["originalUriBaseIds"][SRCROOT]["uri"].endswith("/work/")


def test_sarif_multitool_validates_the_output(log, tmp_path):
    """Microsoft's validator: no errors (its warnings about absent regions are expected)."""
    tool = os.environ.get("SARIF_MULTITOOL") or shutil.which("sarif-multitool") \
        or shutil.which("Sarif.Multitool")
    if not tool:
        pytest.skip("set SARIF_MULTITOOL to the Sarif.Multitool binary "
                    "(npm package @microsoft/sarif-multitool-linux) to run its validator")
    target = tmp_path / "out.sarif"
    target.write_text(json.dumps(log), encoding="utf-8")
    report = tmp_path / "validation.sarif"
    run = subprocess.run([tool, "validate", str(target), "-o", str(report), "--log",
                          "ForceOverwrite"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    results = json.loads(report.read_text(encoding="utf-8"))["runs"][0]["results"]
    errors = [r for r in results if r.get("level") == "error"]
    assert not errors, errors
    assert {r["ruleId"] for r in results} <= {"SARIF2017"}  # "region is absent" for Word/PDF
