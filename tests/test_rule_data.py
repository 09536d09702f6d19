"""The rule data itself is checked: metadata, sources, messages, terms (codespell/semgrep-style)."""

from __future__ import annotations

import re
import string
import tomllib

import pytest

from kindlint.model.findings import Category
from kindlint.rules.builtin import rules_root
from kindlint.rules.packs import CODE, load_packs, terms_of
from kindlint.rules.phrases import validate_term

RULES = load_packs()
IDS = [r.code for r in RULES]
CATEGORY_PREFIX = {Category.META: "KL0", Category.LABELS: "KL1", Category.VALUE: "KL2",
                   Category.PERFORMANCE: "KL3", Category.RESTRICTION: "KL4",
                   Category.ABSENCE: "KL5", Category.PLAIN_LANGUAGE: "KL6"}
PLACEHOLDERS = {"phrase": {"term", "suggestion"},
                "absence": {"term", "looked_for", "where", "kind"},
                "engine": {"directive"}, "python": {"term"}}


def test_codes_and_names_are_unique():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    assert all(CODE.match(r.code) for r in RULES)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_metadata_is_complete(rule):
    assert rule.code.startswith(CATEGORY_PREFIX[rule.category])
    assert rule.summary and "\n" not in rule.summary and len(rule.summary) <= 100
    assert len(rule.rationale.split()) >= 50, "the rationale should explain why, for a commissioner"
    assert "TODO" not in rule.rationale and "???" not in rule.rationale


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_every_rule_cites_a_source_with_a_url(rule):
    assert rule.sources
    for source in rule.sources:
        assert re.match(r"^https?://\S+$", source.url), source.url
        assert source.title and source.organisation and str(source.year).strip()
        assert "???" not in source.cite()


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_message_placeholders_are_known(rule):
    fields = {name for text in (rule.message, *rule.messages.values())
              for _, name, _, _ in string.Formatter().parse(text) if name}
    for term in terms_of(rule):
        if term.message:
            fields |= {n for _, n, _, _ in string.Formatter().parse(term.message) if n}
    allowed = PLACEHOLDERS[rule.kind]
    if rule.kind == "python":
        allowed = allowed | _check_fields(rule)
    assert fields <= allowed, f"unknown placeholders {fields - allowed}"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_every_named_message_a_check_asks_for_exists(rule):
    check = rule.folder / "check.py"
    asked = set(re.findall(r"messages\[\"([\w-]+)\"\]", check.read_text(encoding="utf-8"))
                ) if check.is_file() else set()
    assert asked <= set(rule.messages), f"missing [messages] {asked - set(rule.messages)}"


def _check_fields(rule) -> set[str]:
    source = (rule.folder / "check.py").read_text(encoding="utf-8")
    return set(re.findall(r"\b([a-z_]+)=", source))


LABEL_RULES = [r for r in RULES if r.category is Category.LABELS]


@pytest.mark.parametrize("rule", LABEL_RULES, ids=[r.code for r in LABEL_RULES])
def test_label_rules_offer_alternatives_and_suggestions(rule):
    assert rule.alternatives
    if rule.kind == "phrase" and terms_of(rule):
        for term in terms_of(rule):
            assert term.suggest, f"{rule.code}: every term needs a suggestion"
            assert all(s == s.strip() and s for s in term.suggest + term.suggest_plural)


@pytest.mark.parametrize("rule", [r for r in RULES if r.kind == "phrase"],
                         ids=[r.code for r in RULES if r.kind == "phrase"])
def test_phrase_patterns_compile_and_never_match_empty_text(rule):
    for term in terms_of(rule):
        validate_term(term)
        assert term.triggers and all(w == w.lower() and w.isalpha() for w in term.triggers)


def test_no_phrase_is_listed_twice():
    seen: dict[str, str] = {}
    for rule in RULES:
        data = tomllib.loads((rule.folder / "rule.toml").read_text(encoding="utf-8"))
        for term in data["check"].get("terms", []):
            phrases = [term["phrase"]] if isinstance(term["phrase"], str) else term["phrase"]
            for phrase in phrases:
                key = phrase.lower()
                assert key not in seen, f"{phrase!r} is in {seen.get(key)} and {rule.code}"
                seen[key] = rule.code


def test_python_checks_exist_and_every_check_module_is_used():
    modules = {p.parent for p in rules_root().glob("*/*/check.py")}
    python_rules = {r.folder for r in RULES if r.kind == "python"}
    assert modules == python_rules


def test_every_pack_has_a_description():
    for pack in {r.folder.parent for r in RULES}:
        data = tomllib.loads((pack / "pack.toml").read_text(encoding="utf-8"))
        assert data["name"] == pack.name and data["description"]


def test_malformed_rule_data_is_a_clear_error_naming_the_file(tmp_path):
    from kindlint.rules.packs import RuleDataError, load_rule

    folder = tmp_path / "XY001-sample-rule"
    folder.mkdir()
    (folder / "rule.toml").write_text(
        'code = "XY001"\nname = "sample-rule"\ncategory = "labels"\nseverity = "info"\n'
        'confidence = "low"\nsummary = "s"\nmessage = "m"\nrationale = "r"\n'
        'messages = "not a table"\n'
        '[[sources]]\ntitle = "t"\norganisation = "o"\nyear = 2020\nurl = "https://x.org"\n'
        '[check]\nkind = "engine"\n', encoding="utf-8")
    with pytest.raises(RuleDataError, match=r"rule\.toml: messages must be a table"):
        load_rule(folder, "sample")
