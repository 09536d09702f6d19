"""The command line: exit statuses, one-line errors, output formats, never touching inputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kindlint.cli import main

LABELLED = "# Referrals\n\nOffenders will be referred by the probation service.\n"
CLEAN = "# Referrals\n\nPeople on probation are referred by their probation officer.\n"


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "labelled.md").write_text(LABELLED, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def run(*args: str, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(args))
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(main, list(args))


def test_clean_file_exits_0(files):
    result = run("--isolated", str(files / "clean.md"))
    assert result.exit_code == 0, result.output
    assert "1 file checked, 0 findings" in result.output


def test_findings_exit_1_with_one_line_each(files):
    result = run("--isolated", str(files / "labelled.md"))
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith(f"{files / 'labelled.md'}:3:1: KL101 'Offenders'")
    assert "(consider: People with convictions" in first


def test_fail_on_error_lets_warnings_pass(files):
    assert run("--isolated", "--fail-on", "error", str(files / "labelled.md")).exit_code == 0
    assert run("--isolated", "--exit-zero", str(files / "labelled.md")).exit_code == 0


def test_select_and_ignore(files):
    target = str(files / "labelled.md")
    assert run("--isolated", "--ignore", "KL101", target).exit_code == 0
    assert run("--isolated", "--select", "labels", "--ignore", "offender-labels",
               target).exit_code == 0
    assert run("--isolated", "--select", "KL1", target).exit_code == 1


def test_directories_are_walked_and_excludes_respected(files):
    (files / "drafts").mkdir()
    (files / "drafts" / "old.md").write_text(LABELLED, encoding="utf-8")
    (files / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = run("--isolated", str(files))
    assert "3 files checked" in result.output
    result = run("--isolated", "--exclude", "drafts/", "--exclude", "labelled.md", str(files))
    assert "1 file checked, 0 findings" in result.output and result.exit_code == 0


def test_bad_files_give_one_line_each_exit_2_and_good_files_are_still_checked(files):
    (files / "empty.md").write_bytes(b"")
    (files / "corrupt.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (files / "binary.md").write_bytes(b"\x00\x01\x02\x03")
    _locked_pdf(files / "locked.pdf")
    before = {p: p.read_bytes() for p in files.iterdir()}
    result = CliRunner().invoke(main, ["--isolated", str(files)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line]
    assert sorted(errors) == sorted([
        f"{files / 'binary.md'}: cannot read: not a text file (it contains binary data)",
        f"{files / 'corrupt.docx'}: cannot read: not a valid Word document "
        "(the file is not a .docx package)",
        f"{files / 'empty.md'}: cannot read: the file is empty",
        f"{files / 'locked.pdf'}: cannot read: the PDF is password-protected",
    ])
    assert "KL101" in result.stdout  # the good files were still linted
    assert "Traceback" not in result.output
    assert before == {p: p.read_bytes() for p in files.iterdir()}


def _locked_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), encrypt="secret")
    pdf.drawString(72, 720, "Offenders will be referred.")
    pdf.save()


def test_missing_path_and_no_arguments(files):
    result = run("--isolated", str(files / "nope.md"))
    assert result.exit_code == 2 and "nope.md: cannot read: no such file" in result.stderr
    result = run("check")
    assert result.exit_code == 2 and "give at least one file" in result.output


def test_json_output_is_versioned_and_complete(files):
    result = run("--isolated", "--format", "json", str(files / "labelled.md"))
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1
    (finding,) = data["findings"]
    assert finding["code"] == "KL101" and finding["category"] == "labels"
    assert finding["severity"] == "warning" and finding["confidence"] == "high"
    assert finding["text"] == "Offenders"
    assert finding["suggestions"][0] == "People with convictions"
    assert finding["location"]["line"] == 3 and finding["location"]["column"] == 1
    assert set(finding["location"]) >= {"file", "line", "column", "page", "clause_path",
                                         "table", "row", "table_column"}


def test_output_file(files, tmp_path):
    out = tmp_path / "report.json"
    run("--isolated", "--format", "json", "-o", str(out), str(files / "labelled.md"))
    assert json.loads(out.read_text())["summary"]["findings"] == 1


def test_rules_and_explain():
    result = run("rules")
    assert result.exit_code == 0 and "KL101" in result.output and "offender-labels" in result.output
    result = run("explain", "KL101")
    for section in ("Why this matters", "What to consider instead", "Sources",
                    "Example that is flagged", "Example that is fine", "https://"):
        assert section in result.output
    assert run("explain", "offender-labels").exit_code == 0
    result = run("explain", "KL999")
    assert result.exit_code == 2 and "no rule named" in result.output


def test_extract_text_and_json(files):
    result = run("extract", str(files / "labelled.md"))
    assert result.exit_code == 0 and "Clauses and headings" in result.output
    data = json.loads(run("extract", "--format", "json", str(files / "labelled.md")).output)
    assert data["schema_version"] == 1 and data["format"] == "markdown"
    assert data["blocks"][0]["kind"] == "heading"
    result = run("extract", str(files / "missing.md"))
    assert result.exit_code == 2


def test_module_entry_point(files):
    proc = subprocess.run([sys.executable, "-m", "kindlint", "--isolated",
                           str(files / "clean.md")], capture_output=True, text=True)
    assert proc.returncode == 0 and "0 findings" in proc.stdout
