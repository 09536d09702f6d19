"""Suppression comments in Markdown and Word, unused suppressions, and baselines."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kindlint.cli import main
from kindlint.lint import LintOptions, lint_file
from tests import docx_factory as f

OPTIONS = LintOptions(isolated=True, extend_select=("KL001",))


def findings(path: Path):
    return [(f.code, f.text) for f in lint_file(path, OPTIONS).findings]


def test_ignore_applies_to_the_next_block_only(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "<!-- kindlint: ignore[KL101] quoting the funder -->\n"
        "Offenders are eligible.\n\n"
        "Offenders are eligible.\n", encoding="utf-8")
    assert findings(path) == [("KL101", "Offenders")]


def test_disable_enable_range_and_names(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "<!-- kindlint: disable[offender-labels] -->\n"
        "Offenders one.\n\n"
        "- offenders two\n\n"
        "<!-- kindlint: enable[offender-labels] -->\n"
        "Offenders three.\n", encoding="utf-8")
    assert findings(path) == [("KL101", "Offenders")]


def test_ignore_before_a_table_covers_the_table(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "<!-- kindlint: ignore[KL101] -->\n"
        "| Group | Places |\n|---|---|\n| Offenders | 4 |\n| Ex-offenders | 2 |\n",
        encoding="utf-8")
    assert findings(path) == []


def test_unused_suppression_is_reported(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("<!-- kindlint: ignore[KL101] -->\nPeople on probation.\n",
                    encoding="utf-8")
    assert findings(path) == [("KL001", "kindlint: ignore[KL101]")]


def test_word_comment_suppresses_its_paragraph(tmp_path):
    d = f.new_document()
    kept = d.add_paragraph("Offenders are referred by probation.")
    quoted = d.add_paragraph("The funder's form says offenders.")
    d.add_comment(quoted.runs, text="kindlint: ignore[KL101] the funder's wording",
                  author="Reviewer")
    d.add_comment(kept.runs, text="Please check this with legal", author="Reviewer")
    path = f.save(d, tmp_path / "a.docx")
    assert findings(path) == [("KL101", "Offenders")]


def test_baseline_reports_only_new_findings(tmp_path):
    doc = tmp_path / "policy.md"
    doc.write_text("# Policy\n\nOffenders are referred.\n", encoding="utf-8")
    baseline = tmp_path / "kindlint-baseline.json"
    runner = CliRunner()
    result = runner.invoke(main, ["baseline", "--config", str(_empty_config(tmp_path)),
                                  str(doc), "-o", str(baseline)])
    assert result.exit_code == 0 and "Recorded 1 finding" in result.output
    assert json.loads(baseline.read_text())["findings"][0]["code"] == "KL101"
    args = ["--isolated", "--baseline", str(baseline), str(doc)]
    assert runner.invoke(main, args).exit_code == 0
    # an edit elsewhere keeps the old finding matched; a new label is reported
    doc.write_text("# Policy (revised)\n\nA new opening paragraph.\n\n"
                   "Offenders are referred.\n\nEx-offenders may apply.\n", encoding="utf-8")
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert "Ex-offenders" in result.output and "1 finding" in result.output


def test_broken_baseline_is_a_clear_error(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("Hello there.\n", encoding="utf-8")
    bad = tmp_path / "baseline.json"
    bad.write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(main, ["--isolated", "--baseline", str(bad), str(doc)])
    assert result.exit_code == 2 and "not a kindlint baseline" in result.output


def _empty_config(tmp_path: Path) -> Path:
    path = tmp_path / "empty.toml"
    path.write_text("", encoding="utf-8")
    return path
