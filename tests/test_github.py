"""GitHub Actions workflow commands: one annotation per finding, escaped as GitHub expects."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from kindlint.cli import main
from kindlint.model.document import Location
from kindlint.model.findings import Category, Confidence, FileResult, Finding, Severity
from kindlint.report import RunReport
from kindlint.report.github import annotation, escape_data, escape_property, render_github
from tests.data.inputs import write_docx, write_markdown, write_pdf


def render(results: list[FileResult]) -> list[str]:
    out = io.StringIO()
    render_github(RunReport(results, rules={}), out)
    return out.getvalue().splitlines()


def finding(file: str = "policy.md", *, severity: Severity = Severity.WARNING,
            message: str = "'Offenders' describes people by their offence",
            suggestions: tuple[str, ...] = ("people with convictions",), text: str = "Offenders",
            **where) -> Finding:
    return Finding(code="KL101", name="offender-labels", category=Category.LABELS,
                   severity=severity, confidence=Confidence.HIGH, message=message,
                   location=Location(file=file, **where), suggestions=suggestions, text=text)


def test_escaping_follows_the_runner():
    assert escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"
    assert escape_property("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext%3A a%2C b"
    # % first, so an escape sequence in the text is not mistaken for one of ours
    assert escape_data("%0A") == "%250A"


def test_markdown_finding_has_line_and_columns():
    line = annotation(finding(line=3, column=5, span=(4, 13)))
    assert line == ("::warning file=policy.md,line=3,col=5,endLine=3,endColumn=14,"
                    "title=KL101 offender-labels::'Offenders' describes people by their offence "
                    "(consider: people with convictions)")


def test_severities_map_to_commands():
    assert annotation(finding(severity=Severity.ERROR, line=1)).startswith("::error ")
    assert annotation(finding(severity=Severity.WARNING, line=1)).startswith("::warning ")
    assert annotation(finding(severity=Severity.INFO, line=1)).startswith("::notice ")


def test_properties_and_message_are_escaped():
    weird = "drafts/a,b: c%.md"
    line = annotation(finding(weird, line=2, column=1, text="x\ny",
                              message="two\nlines, 50% : here", suggestions=()))
    assert line == ("::warning file=drafts/a%2Cb%3A c%25.md,line=2,col=1,"
                    "title=KL101 offender-labels::two%0Alines, 50%25 : here")


def test_a_message_cannot_inject_another_command():
    evil = finding(line=1, message="label\n::error file=x.md::injected\r\n::stop-commands::t")
    lines = render([FileResult("policy.md", (evil,))])
    assert len(lines) == 2  # the annotation and the summary
    assert lines[0].startswith("::warning file=policy.md,line=1,title=KL101 offender-labels::")
    assert "%0A::error" in lines[0] and "%0D%0A::stop-commands" in lines[0]


def test_word_and_pdf_findings_put_the_clause_in_the_message():
    word = annotation(finding("contract.docx", clause_path=("Schedule 2", "4.2", "(b)"),
                              table=1, row=3, column_header="Target"))
    assert word.startswith("::warning file=contract.docx,title=KL101 offender-labels::"
                           "Clause Schedule 2 > 4.2 > (b), table 1, row 3, column 'Target': "
                           "'Offenders'")
    assert "line=" not in word
    pdf = annotation(finding("tender.pdf", page=14, clause_path=("4.2",)))
    assert pdf.startswith("::warning file=tender.pdf,title=KL101 offender-labels::"
                          "Page 14, clause 4.2: ")
    whole = annotation(finding("tender.pdf"))
    assert whole.endswith("::'Offenders' describes people by their offence "
                          "(consider: people with convictions)")


def test_unreadable_files_are_errors():
    lines = render([FileResult("broken.docx", error="not a valid Word document"),
                    FileResult("ok.md")])
    assert lines[0] == "::error file=broken.docx::cannot read: not a valid Word document"
    assert lines[-1] == "2 files checked, 0 findings; 1 file could not be read."


def test_absolute_paths_inside_the_directory_become_relative(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    line = annotation(finding(str(tmp_path / "docs" / "policy.md"), line=1))
    assert line.startswith("::warning file=docs/policy.md,line=1,")
    outside = annotation(finding("/elsewhere/policy.md", line=1))
    assert outside.startswith("::warning file=/elsewhere/policy.md,")


def test_command_line(tmp_path, monkeypatch):
    pytest.importorskip("reportlab")
    write_markdown(tmp_path, "policy.md")
    write_docx(tmp_path, "contract.docx")
    write_pdf(tmp_path, "tender.pdf")
    (tmp_path / "empty.txt").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--isolated", "--no-cache", "--format", "github", "."])
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert lines[0] == "::error file=empty.txt::cannot read: the file is empty"
    assert any(line.startswith("::warning file=policy.md,line=5,col=5,endLine=5,endColumn=14,"
                               "title=KL101 offender-labels::'Offenders'") for line in lines)
    assert any(line.startswith("::warning file=contract.docx,title=KL101 offender-labels::"
                               "Clause Schedule 2 > 4.2: ") for line in lines)
    assert any(line.startswith("::warning file=tender.pdf,title=KL101 offender-labels::"
                               "Page 2, clause 2.1: ") for line in lines)
    assert all(line.startswith("::") for line in lines[:-1])
    assert "could not be read" in lines[-1]
    assert Path("policy.md").read_text(encoding="utf-8").startswith("# Referrals policy")
