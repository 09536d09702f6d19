"""The ``kindlint`` command: click commands that wire readers, rules and reporters together.

Exit status: 0 no findings at or above --fail-on; 1 findings; 2 usage, configuration or
unreadable-file errors.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kindlint import __version__
from kindlint.config import ConfigError
from kindlint.model.findings import Severity

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = [s.value for s in Severity]


class _DefaultCheck(click.Group):
    """``kindlint FILES`` means ``kindlint check FILES``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h",
                                                                      "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kindlint")
def main() -> None:
    """kindlint finds the relational blind spots in procurement documents.

    Run `kindlint FILE_OR_DIR...` to check tenders, specifications, contracts and policies
    (.docx, .pdf, .md, .txt). `kindlint explain CODE` says why a finding matters.
    """


def run() -> None:
    """The console entry point: no tracebacks for users, exit status 2 on any internal error."""
    try:
        main()
    except Exception as exc:
        from kindlint.rules.packs import RuleDataError

        if isinstance(exc, RuleDataError):
            _fail(f"a rule could not be loaded: {exc}")
        if os.environ.get("KINDLINT_DEBUG"):
            raise
        _fail(f"internal error ({type(exc).__name__}: {exc}); set KINDLINT_DEBUG=1 for details")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--select", multiple=True, help="Only these rules: codes, prefixes, names, "
              "categories or packs (comma-separated or repeated).")
@click.option("--extend-select", multiple=True, help="Add rules to the selection.")
@click.option("--ignore", multiple=True, help="Leave out these rules.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Exit 1 when a finding is at least this severe [default: warning].")
@click.option("--format", "output_format", default="text", show_default=True,
              help="Output format: text, json, sarif or github.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file instead of the terminal.")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False,
                                                         path_type=Path),
              help="Use this configuration file for every file.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--exclude", multiple=True, help="Skip files matching this gitignore-style "
              "pattern (relative to each directory given).")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path),
              help="Only report findings not recorded in this baseline file.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--html", "html_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write an accessible HTML report to this file.")
@click.option("--annotate", "annotate_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a copy of the (single) .docx input with a Word comment on each "
                   "finding. The input is never changed.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Files to check in parallel [default: number of CPUs].")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
def check(paths, select, extend_select, ignore, fail_on, output_format, output, config_file,
          isolated, exclude, baseline, exit_zero, html_file, annotate_file, jobs,
          no_cache) -> None:
    """Check FILES and DIRECTORIES (the default command)."""
    from kindlint.baseline import BaselineError, filter_baseline, load_baseline
    from kindlint.lint import LintOptions, collect_files, lint_paths
    from kindlint.report import RunReport, get_reporter, reporter_names

    if not paths:
        raise click.UsageError("give at least one file or directory to check")
    if output_format not in reporter_names():
        raise click.BadParameter(f"choose from {', '.join(reporter_names())}",
                                 param_hint="--format")
    options = LintOptions(
        select=_split(select) or None,
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        config_file=config_file,
        isolated=isolated,
        statistics=html_file is not None,
        cache=not no_cache,
    )
    try:
        files, missing = collect_files(paths, exclude)
        if annotate_file is not None:
            _check_annotate(files + [Path(m.path) for m in missing], annotate_file)
        results = missing + lint_paths(files, options, jobs=jobs)
        if baseline is not None:
            results = filter_baseline(results, load_baseline(baseline))
    except (ConfigError, BaselineError) as exc:
        _fail(str(exc))
    from kindlint.rules.packs import load_packs

    report = RunReport(results, {r.code: r for r in load_packs()})
    for result in report.errors:
        click.echo(f"{result.path}: cannot read: {result.error}", err=True)
    _write(output, lambda out: get_reporter(output_format)(report, out))
    if html_file is not None:
        _write(html_file, lambda out: get_reporter("html")(report, out))
    if annotate_file is not None and not report.errors:
        _annotate(files[0], report.results[0].findings, annotate_file)
    sys.exit(_exit_status(report, fail_on, exit_zero))


def _annotate(source: Path, findings, target: Path) -> None:
    from kindlint.report.annotate import annotate_document

    try:
        result = annotate_document(source, findings, target)
    except OSError as exc:
        _fail(f"{target}: cannot write: {exc.strerror or exc}")
    skipped = f" ({len(result.skipped)} could not be placed)" if result.skipped else ""
    click.echo(f"Wrote {result.added} comment{'s' * (result.added != 1)} to {target}{skipped}.",
               err=True)


def _check_annotate(files: list[Path], target: Path) -> None:
    """--annotate needs exactly one .docx input and a different output file."""
    if len(files) != 1 or files[0].suffix.lower() != ".docx":
        raise click.UsageError("--annotate works on exactly one .docx file")
    if target.resolve() == files[0].resolve():
        raise click.UsageError("--annotate must name a new file; kindlint never changes its "
                               "input")


def _exit_status(report, fail_on: str | None, exit_zero: bool) -> int:
    if report.errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    for result in report.results:
        threshold = Severity(fail_on) if fail_on else result.fail_on
        if any(f.severity.rank >= threshold.rank for f in result.findings):
            return EXIT_FINDINGS
    return EXIT_CLEAN


def _write(output: Path | None, render) -> None:
    if output is None:
        render(sys.stdout)
        return
    try:
        with output.open("w", encoding="utf-8") as handle:
            render(handle)
    except OSError as exc:
        _fail(f"{output}: cannot write: {exc.strerror or exc}")


def _fail(message: str) -> None:
    click.echo(f"kindlint: {message}", err=True)
    sys.exit(EXIT_ERROR)


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def extract(path: Path, output_format: str) -> None:
    """Show what kindlint understood of FILE: clauses, tables, KPIs, award criteria."""
    from kindlint.extract import extract_facts
    from kindlint.readers import ReadError, read_document
    from kindlint.report.structure import render_structure_json, render_structure_text

    try:
        document = read_document(path)
    except ReadError as exc:
        click.echo(f"{path}: cannot read: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    facts = extract_facts(document)
    out = sys.stdout
    if output_format == "json":
        render_structure_json(document, facts, out)
    else:
        render_structure_text(document, facts, out)


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False,
                                                         path_type=Path))
def list_rules(output_format: str, config_file: Path | None) -> None:
    """List every rule: code, name, category, severity and whether it is enabled."""
    from kindlint.report.explain import render_rules

    enabled = _enabled_codes(config_file)
    render_rules(enabled, output_format, sys.stdout)


def _enabled_codes(config_file: Path | None) -> frozenset[str]:
    from kindlint.config import find_config_file, load_config, settings_for
    from kindlint.rules.packs import load_packs

    try:
        config = load_config(config_file or find_config_file(Path.cwd()))
        return settings_for(Path.cwd() / "_", config, load_packs()).codes
    except ConfigError as exc:
        _fail(str(exc))
        raise


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain a rule: what it flags, why it matters, what to use instead, sources, examples."""
    from kindlint.report.explain import find_rule, render_explain

    rule = find_rule(code)
    if rule is None:
        _fail(f"no rule named {code!r}; `kindlint rules` lists them")
    render_explain(rule, sys.stdout)


@main.command("config")
@click.argument("path", type=click.Path(path_type=Path), default=".")
def show_config(path: Path) -> None:
    """Show the configuration that applies to PATH, and where it comes from."""
    from kindlint.report.explain import render_config

    try:
        render_config(path, sys.stdout)
    except ConfigError as exc:
        _fail(str(exc))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("kindlint-baseline.json"), show_default=True)
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False,
                                                         path_type=Path))
def baseline(paths, output: Path, config_file: Path | None) -> None:
    """Record today's findings so that only new ones fail from now on."""
    from kindlint.baseline import write_baseline
    from kindlint.lint import LintOptions, collect_files, lint_paths

    try:
        files, missing = collect_files(paths)
        results = missing + lint_paths(files, LintOptions(config_file=config_file))
    except ConfigError as exc:
        _fail(str(exc))
    for result in results:
        if result.error:
            click.echo(f"{result.path}: cannot read: {result.error}", err=True)
    count = write_baseline(output, results)
    click.echo(f"Recorded {count} finding{'s' * (count != 1)} in {output}.")
    sys.exit(EXIT_ERROR if any(r.error for r in results) else EXIT_CLEAN)
