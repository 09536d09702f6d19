"""Rule packs: folders of rules, found through the ``kindlint.packs`` entry-point group.

A pack is a folder holding one sub-folder per rule, ``<CODE>-<name>/``, with ``rule.toml``,
``good/`` and ``bad/`` examples and, for a Python check, ``check.py`` defining ``check(ctx)``.
kindlint's own packs are registered through the same entry points as third-party packs.
"""

from __future__ import annotations

import importlib.util
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from kindlint import startup_cache
from kindlint.model.findings import Category, Confidence, Finding, Severity
from kindlint.plugins import PACKS, plugins
from kindlint.rules.context import RuleContext
from kindlint.rules.model import Example, Rule, Source
from kindlint.rules.phrases import Term, compile_term

PACK_GROUP = PACKS
CODE = re.compile(r"^[A-Z]{2,3}\d{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
EXAMPLE_SUFFIXES = (".md", ".txt", ".docx", ".pdf")

_REQUIRED = ("code", "name", "category", "severity", "confidence", "summary", "message",
             "rationale", "sources", "check")
_OPTIONAL = ("alternatives", "limitations", "enabled-by-default", "options", "messages")
_SOURCE_KEYS = {"title", "organisation", "year", "url", "note"}


class RuleDataError(Exception):
    """A rule folder whose data is missing or malformed."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


@cache
def load_packs() -> tuple[Rule, ...]:
    """Every rule of every installed pack, sorted by code; codes must be unique.

    Loading parses every rule.toml and phrase, so the loaded rules are kept in the start-up
    cache, keyed by the stamps of the rule files (any edit to a rule reloads it).
    """
    folders = [(name, Path(entry.load()())) for name, entry in sorted(plugins(PACKS).items())]
    key = (tuple((name, str(folder)) for name, folder in folders),
           tuple(_stamps(folder) for _, folder in folders))
    cached = startup_cache.load("rules", key)
    if isinstance(cached, tuple) and all(isinstance(r, Rule) for r in cached):
        return cached
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    for name, folder in folders:
        for rule in load_pack(folder, name):
            if rule.code in rules:
                raise RuleDataError(rule.folder, f"code {rule.code} is already used by "
                                                 f"{rules[rule.code].folder}")
            if rule.name in names:
                raise RuleDataError(rule.folder, f"name {rule.name} is already used by "
                                                 f"{names[rule.name]}")
            rules[rule.code] = rule
            names[rule.name] = rule.code
    loaded = tuple(sorted(rules.values(), key=lambda r: r.code))
    startup_cache.save("rules", key, loaded)
    return loaded


def _stamps(folder: Path) -> tuple:
    """(name, size, mtime) of every file and folder in a pack, one level into each rule."""
    stamps = []
    try:
        rule_dirs = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return ()
    for rule_dir in rule_dirs:
        info = rule_dir.stat()
        stamps.append((rule_dir.name, info.st_size, info.st_mtime_ns))
        if rule_dir.is_dir():
            for child in sorted(os.scandir(rule_dir.path), key=lambda e: e.name):
                info = child.stat()
                stamps.append((rule_dir.name, child.name, info.st_size, info.st_mtime_ns))
    return tuple(stamps)


def load_pack(folder: Path, pack: str) -> list[Rule]:
    """Load every rule folder in ``folder``."""
    if not folder.is_dir():
        raise RuleDataError(folder, f"the folder of pack '{pack}' is missing")
    return [load_rule(child, pack) for child in sorted(folder.iterdir())
            if child.is_dir() and (child / "rule.toml").is_file()]


def load_rule(folder: Path, pack: str) -> Rule:
    """Build the runtime Rule from one rule folder, validating its data."""
    path = folder / "rule.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleDataError(path, f"invalid TOML: {exc}") from None
    unknown = set(data) - set(_REQUIRED) - set(_OPTIONAL)
    if unknown:
        raise RuleDataError(path, f"unknown key(s): {', '.join(sorted(unknown))}")
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise RuleDataError(path, f"missing key(s): {', '.join(missing)}")
    code, name = data["code"], data["name"]
    if not CODE.match(code):
        raise RuleDataError(path, f"code {code!r} must look like KL101")
    if not NAME.match(name):
        raise RuleDataError(path, f"name {name!r} must be kebab-case")
    if folder.name != f"{code}-{name}":
        raise RuleDataError(path, f"folder must be named {code}-{name}")
    try:
        category = Category(data["category"])
        severity = Severity(data["severity"])
        confidence = Confidence(data["confidence"])
    except ValueError as exc:
        raise RuleDataError(path, str(exc)) from None
    options, option_docs = _options(path, data.get("options", {}))
    messages = data.get("messages", {})
    if not isinstance(messages, dict) or not all(
            isinstance(v, str) for v in messages.values()):
        raise RuleDataError(path, "messages must be a table of name = \"template\"")
    kind, check = _check(path, folder, data["check"])
    return Rule(
        code=code,
        name=name,
        category=category,
        severity=severity,
        confidence=confidence,
        summary=data["summary"].strip(),
        message=data["message"].strip(),
        messages={name: text.strip() for name, text in messages.items()},
        rationale=data["rationale"].strip(),
        alternatives=tuple(data.get("alternatives", ())),
        sources=tuple(_source(path, s) for s in data["sources"]),
        pack=pack,
        folder=folder,
        check=check,
        kind=kind,
        options=options,
        option_docs=option_docs,
        enabled_by_default=bool(data.get("enabled-by-default", True)),
        limitations=data.get("limitations", "").strip(),
        examples=_examples(folder),
    )


def _source(path: Path, data: Mapping[str, Any]) -> Source:
    unknown = set(data) - _SOURCE_KEYS
    if unknown:
        raise RuleDataError(path, f"unknown source key(s): {', '.join(sorted(unknown))}")
    try:
        return Source(str(data["title"]), str(data["organisation"]), data["year"],
                      str(data["url"]), str(data.get("note", "")))
    except KeyError as exc:
        raise RuleDataError(path, f"a source is missing {exc.args[0]!r}") from None


def _options(path: Path, data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    defaults: dict[str, Any] = {}
    docs: dict[str, str] = {}
    for key, spec in data.items():
        if not isinstance(spec, Mapping) or "default" not in spec or "doc" not in spec:
            raise RuleDataError(path, f"option {key!r} needs a default and a doc")
        defaults[key] = spec["default"]
        docs[key] = spec["doc"]
    return defaults, docs


def _examples(folder: Path) -> tuple[Example, ...]:
    found = []
    for kind in ("bad", "good"):
        sub = folder / kind
        if sub.is_dir():
            found.extend(Example(p, kind) for p in sorted(sub.iterdir())
                         if p.suffix in EXAMPLE_SUFFIXES)
    return tuple(found)


def _check(path: Path, folder: Path, spec: Mapping[str, Any]):
    kind = spec.get("kind")
    if kind == "phrase":
        terms = phrase_terms(path, spec)
        return "phrase", PhraseCheck(terms)
    if kind == "python":
        module = folder / spec.get("module", "check.py")
        if not module.is_file():
            raise RuleDataError(path, f"check module {module.name} not found")
        return "python", LazyCheck(module, spec.get("function", "check"))
    if kind == "absence":
        from kindlint.rules.absence import AbsenceCheck

        try:
            return "absence", AbsenceCheck(spec)
        except (KeyError, ValueError, re.error) as exc:
            raise RuleDataError(path, f"bad absence check: {exc}") from None
    if kind == "engine":
        return "engine", _no_findings
    raise RuleDataError(path, "check.kind must be 'phrase', 'absence', 'python' or 'engine'")


def phrase_terms(path: Path, spec: Mapping[str, Any]) -> tuple[Term, ...]:
    """Compile the ``[[check.terms]]`` of a phrase rule; its other keys are term defaults."""
    defaults = {k: v for k, v in spec.items() if k not in ("kind", "terms")}
    try:
        return tuple(compile_term(term, defaults) for term in spec.get("terms", ()))
    except (KeyError, ValueError, re.error) as exc:
        raise RuleDataError(path, f"bad phrase term: {exc}") from None


class PhraseCheck:
    """The check of a phrase rule: reports the run's phrase matches for this rule."""

    def __init__(self, terms: tuple[Term, ...]) -> None:
        self.terms = terms

    def __call__(self, ctx: RuleContext) -> Iterable[Finding]:
        for block, found in ctx.run.phrase_matches():
            for match in found.get(ctx.rule.code, ()):
                yield ctx.finding(
                    block, match.start, match.end,
                    severity=match.severity,
                    confidence=match.term.confidence,
                    suggestions=match.suggestions,
                    message=match.term.message,
                    suggestion=match.suggestions[0] if match.suggestions else "",
                )


def _no_findings(ctx: RuleContext) -> Iterable[Finding]:
    return ()


class LazyCheck:
    """Imports a rule's ``check.py`` the first time the rule runs."""

    def __init__(self, module: Path, function: str) -> None:
        self.module = module
        self.function = function
        self._func = None

    def __call__(self, ctx: RuleContext) -> Iterable[Finding]:
        return self.load()(ctx)

    def load(self):
        """Import the check module (once) and return its check function."""
        if self._func is None:
            name = "kindlint_rule_" + re.sub(r"\W", "_", self.module.parent.name)
            spec = importlib.util.spec_from_file_location(name, self.module)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            self._func = getattr(module, self.function)
        return self._func


def terms_of(rule: Rule) -> tuple[Term, ...]:
    """The compiled terms of a phrase rule (empty for other kinds)."""
    return rule.check.terms if isinstance(rule.check, PhraseCheck) else ()
