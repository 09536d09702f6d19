"""Configuration: ``[tool.kindlint]`` in pyproject.toml or ``.kindlint.toml``, closest file wins."""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from kindlint.model.findings import Confidence, Severity
from kindlint.rules.model import Rule

CONFIG_NAMES = (".kindlint.toml", "pyproject.toml")
DOMAINS = ("care", "children", "housing", "justice", "employability", "health", "other")
DOCUMENT_KINDS = ("tender", "specification", "contract", "kpi-schedule", "policy", "bid")

_LIST_KEYS = ("select", "extend-select", "ignore", "exclude", "allow")
_SCALAR_KEYS = ("fail-on", "min-confidence", "domain", "document-kind", "baseline")
_TABLE_KEYS = ("per-file-ignores", "rules", "terms")
_TERM_KEYS = {"phrase", "suggest", "suggest-plural", "message", "except", "not-before",
              "not-after", "only-before", "only-after", "near", "not-near", "severity",
              "case-sensitive"}


class ConfigError(Exception):
    """A configuration file kindlint cannot use; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    """One configuration file's settings (or the defaults), validated."""

    path: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    min_confidence: Confidence = Confidence.LOW
    domain: str | None = None
    document_kind: str | None = None
    baseline: Path | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rule_settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    terms: tuple[Mapping[str, Any], ...] = ()

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


@dataclass(frozen=True)
class FileSettings:
    """The settings that apply to one file: which rules run, and how."""

    config: Config
    codes: frozenset[str]
    severities: Mapping[str, Severity]
    options: Mapping[str, Mapping[str, Any]]


# -- finding and reading config files ------------------------------------------------------

def find_config_file(path: Path) -> Path | None:
    """The closest ``.kindlint.toml`` or ``pyproject.toml`` with ``[tool.kindlint]``."""
    folder = path.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_dir / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "kindlint" in _read_toml(path).get("tool", {})
    except ConfigError:
        return True  # let load_config report the syntax error


@cache
def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


@cache
def load_config(path: Path | None) -> Config:
    """Read and validate one config file (``None`` gives the defaults)."""
    if path is None:
        return Config()
    data = _read_toml(path)
    table = data.get("tool", {}).get("kindlint", {}) if path.name == "pyproject.toml" else data
    where = "[tool.kindlint]" if path.name == "pyproject.toml" else "the file"
    return parse_config(table, path, where)


def parse_config(table: Mapping[str, Any], path: Path, where: str = "the file") -> Config:
    """Validate a config table; unknown keys are errors naming the key and the file."""
    known = set(_LIST_KEYS) | set(_SCALAR_KEYS) | set(_TABLE_KEYS)
    for key in table:
        if key not in known:
            raise ConfigError(f"{path}: unknown key '{key}' in {where}")

    def strings(key: str) -> tuple[str, ...] | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: '{key}' must be a list of strings")
        return tuple(value)

    def choice(key: str, options: Iterable[str]) -> str | None:
        value = table.get(key)
        if value is not None and value not in options:
            raise ConfigError(f"{path}: '{key}' must be one of {', '.join(options)}, "
                              f"not {value!r}")
        return value

    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, Mapping):
        raise ConfigError(f"{path}: 'per-file-ignores' must be a table of glob = [codes]")
    rules = table.get("rules", {})
    if not isinstance(rules, Mapping) or not all(isinstance(v, Mapping) for v in rules.values()):
        raise ConfigError(f"{path}: 'rules' must be a table of [rules.CODE] tables")
    terms = table.get("terms", [])
    if not isinstance(terms, list):
        raise ConfigError(f"{path}: 'terms' must be an array of tables ([[terms]])")
    for term in terms:
        if not isinstance(term, Mapping) or "phrase" not in term:
            raise ConfigError(f"{path}: each [[terms]] entry needs a 'phrase'")
        for key in term:
            if key not in _TERM_KEYS:
                raise ConfigError(f"{path}: unknown key '{key}' in [[terms]]")
    baseline = table.get("baseline")
    return Config(
        path=path,
        select=strings("select"),
        extend_select=strings("extend-select") or (),
        ignore=strings("ignore") or (),
        exclude=strings("exclude") or (),
        allow=strings("allow") or (),
        fail_on=Severity(choice("fail-on", [s.value for s in Severity]) or "warning"),
        min_confidence=Confidence(choice("min-confidence", [c.value for c in Confidence])
                                  or "low"),
        domain=choice("domain", DOMAINS),
        document_kind=choice("document-kind", DOCUMENT_KINDS),
        baseline=(path.parent / baseline) if isinstance(baseline, str) else None,
        per_file_ignores=tuple((glob, tuple(codes)) for glob, codes in per_file.items()),
        rule_settings={k: dict(v) for k, v in rules.items()},
        terms=tuple(terms),
    )


# -- selecting rules ----------------------------------------------------------------------

def resolve_references(refs: Iterable[str], rules: Sequence[Rule], source: str) -> set[str]:
    """Codes named by references: a code, a code prefix, a rule name, a category, a pack, ALL."""
    codes: set[str] = set()
    for ref in refs:
        matched = {r.code for r in rules
                   if ref == "ALL" or r.code.startswith(ref.upper()) or ref in
                   (r.name, r.category.value, r.pack)}
        if not matched:
            raise ConfigError(f"{source}: '{ref}' does not name any rule, prefix, category or pack")
        codes |= matched
    return codes


def settings_for(
    file: Path,
    config: Config,
    rules: Sequence[Rule],
    *,
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> FileSettings:
    """The rules and options for ``file``: config first, then command-line choices."""
    source = str(config.path or "command line")
    chosen_select = select if select is not None else config.select
    if chosen_select is None:
        codes = {r.code for r in rules if r.enabled_by_default}
    else:
        codes = resolve_references(chosen_select, rules, source)
    codes |= resolve_references((*config.extend_select, *extend_select), rules, source)
    codes -= resolve_references((*config.ignore, *ignore), rules, source)
    relative = _relative(file, config.root)
    for pattern, refs in config.per_file_ignores:
        if _glob_match(relative, pattern):
            codes -= resolve_references(refs, rules, source)
    severities: dict[str, Severity] = {}
    options: dict[str, dict[str, Any]] = {r.code: dict(r.options) for r in rules}
    by_ref = {r.code: r for r in rules} | {r.name: r for r in rules}
    for ref, values in config.rule_settings.items():
        rule = by_ref.get(ref) or by_ref.get(ref.upper())
        if rule is None:
            raise ConfigError(f"{source}: [rules.{ref}] does not name a rule")
        for key, value in values.items():
            if key == "severity":
                try:
                    severities[rule.code] = Severity(value)
                except ValueError:
                    raise ConfigError(f"{source}: [rules.{ref}] severity must be error, "
                                      f"warning or info") from None
            elif key in rule.options:
                default = rule.options[key]
                if isinstance(default, (int, float)) and not isinstance(default, bool) and \
                        not isinstance(value, (int, float)):
                    raise ConfigError(f"{source}: [rules.{ref}] {key} must be a number")
                options[rule.code][key] = value
            else:
                known = ", ".join(["severity", *rule.options]) or "severity"
                raise ConfigError(f"{source}: unknown key '{key}' in [rules.{ref}] "
                                  f"(known: {known})")
    return FileSettings(config, frozenset(codes), severities, options)


def _relative(file: Path, root: Path) -> str:
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return file.as_posix()


def _glob_match(relative: str, pattern: str) -> bool:
    pattern = pattern.rstrip("/")
    if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(relative, pattern + "/*"):
        return True
    if pattern.startswith("**/"):
        return _glob_match(relative, pattern[3:])
    return "/" not in pattern and fnmatch.fnmatch(relative.rsplit("/", 1)[-1], pattern)
