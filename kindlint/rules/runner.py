"""Run the selected rules over a document and its facts; apply severities and suppressions."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from kindlint.config import ConfigError, FileSettings
from kindlint.extract import extract_facts
from kindlint.extract.scan import TextIndex
from kindlint.model.document import Document
from kindlint.model.facts import Facts
from kindlint.model.findings import Finding
from kindlint.rules.context import DocumentRun, RuleContext
from kindlint.rules.model import Rule
from kindlint.rules.packs import LazyCheck, RuleDataError, phrase_terms, terms_of
from kindlint.rules.phrases import PhraseMatcher, Term, allow_pattern
from kindlint.suppress import apply_directives

CUSTOM_TERMS_CODE = "KL100"
UNUSED_SUPPRESSION_CODE = "KL001"


def check_document(
    document: Document, rules: Sequence[Rule], settings: FileSettings
) -> tuple[list[Finding], Facts]:
    """Findings for ``document`` from the rules ``settings`` selects, plus the facts found."""
    config = settings.config
    index = TextIndex(document.blocks)
    facts = extract_facts(document, domain=config.domain, document_kind=config.document_kind,
                          index=index)
    active = [r for r in rules if r.code in settings.codes]
    run = DocumentRun(document, facts, _matcher(tuple(active), config.terms, config.allow),
                      index)
    findings: list[Finding] = []
    for rule in active:
        ctx = RuleContext(rule, run, settings.options.get(rule.code, rule.options))
        findings.extend(rule.check(ctx))
    findings = [_with_severity(f, settings.severities) for f in findings
                if f.confidence.rank >= config.min_confidence.rank]
    unused_rule = next((r for r in active if r.code == UNUSED_SUPPRESSION_CODE), None)
    findings = apply_directives(findings, document, unused_rule)
    findings = [_with_severity(f, settings.severities) for f in findings]
    findings.sort(key=lambda f: f.sort_key)
    return add_fingerprints(findings), facts


def warm_up(rules: Sequence[Rule], settings: FileSettings) -> None:
    """Do the one-off work of a run now (phrase patterns compiled, rule modules imported), so
    that worker processes forked afterwards share it instead of each repeating it."""
    active = tuple(r for r in rules if r.code in settings.codes)
    matcher = _matcher(active, settings.config.terms, settings.config.allow)
    if matcher is not None:
        matcher.compile_all()
    for rule in active:
        if isinstance(rule.check, LazyCheck):
            rule.check.load()


def _with_severity(finding: Finding, severities: Mapping[str, object]) -> Finding:
    override = severities.get(finding.code)
    return replace(finding, severity=override) if override else finding


_MATCHERS: dict[tuple, PhraseMatcher | None] = {}


def _matcher(active: tuple[Rule, ...], custom_terms: tuple,
             allow: tuple[str, ...]) -> PhraseMatcher | None:
    """One matcher for all phrase rules of a run, built once per rule selection."""
    key = (tuple(r.code for r in active if r.kind == "phrase"), repr(custom_terms), allow)
    if key not in _MATCHERS:
        _MATCHERS[key] = _build_matcher(active, custom_terms, allow)
    return _MATCHERS[key]


def _build_matcher(active: tuple[Rule, ...], custom_terms: tuple,
                   allow: tuple[str, ...]) -> PhraseMatcher | None:
    terms: dict[str, Sequence[Term]] = {r.code: terms_of(r) for r in active if r.kind == "phrase"}
    if custom_terms and CUSTOM_TERMS_CODE in terms:
        spec = {"terms": [dict(t) for t in custom_terms]}
        try:
            terms[CUSTOM_TERMS_CODE] = phrase_terms(Path("[[terms]]"), spec)
        except RuleDataError as exc:
            raise ConfigError(f"custom terms: {exc}") from None
    return PhraseMatcher(terms, allow_pattern(allow)) if any(terms.values()) else None


_SPACE = re.compile(r"\W+")


def add_fingerprints(findings: list[Finding]) -> list[Finding]:
    """A stable id per finding: rule, flagged words and their sentence, not their position.

    Editing other parts of the document leaves the fingerprint unchanged, so a baseline keeps
    matching; repeated identical findings are told apart by their order.
    """
    seen: Counter[str] = Counter()
    out = []
    for finding in findings:
        basis = "|".join((finding.code, _norm(finding.text), _norm(finding.context),
                          finding.subject or ""))
        seen[basis] += 1
        digest = hashlib.sha256(f"{basis}|{seen[basis]}".encode()).hexdigest()[:20]
        out.append(replace(finding, fingerprint=digest))
    return out


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()
