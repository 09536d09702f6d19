"""Configuration: discovery, precedence, selection, per-file ignores, options, custom terms."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kindlint.cli import main
from kindlint.config import ConfigError, find_config_file, load_config, settings_for
from kindlint.lint import LintOptions, lint_file
from kindlint.rules.packs import load_packs

TEXT = "# Referrals\n\nOffenders and clients of the service are referred.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(path: Path, **options) -> list[str]:
    return [f.code for f in lint_file(path, LintOptions(**options)).findings]


def test_closest_config_wins_and_kindlint_toml_beats_pyproject(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.kindlint]\nignore = ["KL101"]\n')
    doc = write(tmp_path / "policies" / "referrals.md", TEXT)
    assert find_config_file(doc) == tmp_path / "pyproject.toml"
    assert "KL101" not in codes(doc)
    write(tmp_path / "policies" / "pyproject.toml", "[project]\nname = 'x'\n")  # no tool table
    assert find_config_file(doc) == tmp_path / "pyproject.toml"
    write(tmp_path / "policies" / ".kindlint.toml", 'select = ["KL101"]\n')
    write(tmp_path / "policies" / "pyproject.toml", '[tool.kindlint]\nignore = ["KL1"]\n')
    assert find_config_file(doc) == tmp_path / "policies" / ".kindlint.toml"
    assert codes(doc) == ["KL101"]


def test_unknown_keys_are_errors_naming_key_and_file(tmp_path):
    config = write(tmp_path / ".kindlint.toml", 'selct = ["KL101"]\n')
    with pytest.raises(ConfigError, match=r"\.kindlint\.toml: unknown key 'selct'"):
        load_config(config)
    doc = write(tmp_path / "a.md", TEXT)
    result = CliRunner().invoke(main, [str(doc)])
    assert result.exit_code == 2 and "unknown key 'selct'" in result.output


def test_unknown_rule_option_is_an_error(tmp_path):
    config = write(tmp_path / ".kindlint.toml", "[rules.KL101]\nwidth = 3\n")
    with pytest.raises(ConfigError, match=r"unknown key 'width' in \[rules.KL101\]"):
        settings_for(tmp_path / "a.md", load_config(config), load_packs())


def test_select_by_prefix_name_category_and_severity_override(tmp_path):
    write(tmp_path / ".kindlint.toml",
          'select = ["labels"]\nextend-select = ["KL001"]\n[rules.offender-labels]\n'
          'severity = "error"\n')
    doc = write(tmp_path / "a.md", TEXT)
    result = lint_file(doc, LintOptions())
    offender = next(f for f in result.findings if f.code == "KL101")
    assert offender.severity.value == "error"
    with pytest.raises(ConfigError, match="does not name any rule"):
        settings_for(doc, load_config(tmp_path / ".kindlint.toml"), load_packs(),
                     select=["KL9"])


def test_per_file_ignores_with_globs(tmp_path):
    write(tmp_path / ".kindlint.toml", '[per-file-ignores]\n"legacy/**" = ["KL101"]\n')
    old = write(tmp_path / "legacy" / "2019" / "policy.md", TEXT)
    new = write(tmp_path / "current" / "policy.md", TEXT)
    assert "KL101" not in codes(old)
    assert "KL101" in codes(new)


def test_custom_terms_and_allowed_terms(tmp_path):
    write(tmp_path / ".kindlint.toml",
          'allow = ["offenders"]\n'
          '[[terms]]\nphrase = "customer(s)"\nsuggest = "person we support"\n'
          'suggest-plural = "people we support"\n')
    doc = write(tmp_path / "a.md", "# Care\n\nOffenders and customers are welcome.\n")
    findings = lint_file(doc, LintOptions()).findings
    assert [(f.code, f.text, f.suggestions) for f in findings] == [
        ("KL100", "customers", ("people we support",))]


def test_config_command_shows_resolution(tmp_path):
    write(tmp_path / ".kindlint.toml", 'ignore = ["KL101"]\nfail-on = "error"\n')
    doc = write(tmp_path / "a.md", TEXT)
    result = CliRunner().invoke(main, ["config", str(doc)])
    assert result.exit_code == 0
    assert str(tmp_path / ".kindlint.toml") in result.output
    assert "fail-on:         error" in result.output
    assert "disabled rules: KL101" in result.output


def test_fail_on_from_config(tmp_path):
    write(tmp_path / ".kindlint.toml", 'fail-on = "error"\n')
    doc = write(tmp_path / "a.md", TEXT)
    assert CliRunner().invoke(main, [str(doc)]).exit_code == 0
