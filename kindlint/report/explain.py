"""Rule documentation for people: ``kindlint rules``, ``kindlint explain`` and ``kindlint config``.

The text comes from each rule's folder (rule.toml and its good/bad examples), so the docs
cannot drift from what the tests run.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import TextIO

from kindlint.rules.model import Example, Rule
from kindlint.rules.packs import load_packs

_EXPECT = re.compile(r"<!--\s*(?:expect|todo-expect|todo-ok)\b.*?-->\n?", re.DOTALL)


def find_rule(ref: str) -> Rule | None:
    """A rule by code (any case) or name."""
    for rule in load_packs():
        if ref.upper() == rule.code or ref == rule.name:
            return rule
    return None


def render_rules(enabled: frozenset[str], output_format: str, out: TextIO) -> None:
    rules = load_packs()
    if output_format == "json":
        json.dump([{"code": r.code, "name": r.name, "category": r.category.value,
                    "severity": r.severity.value, "confidence": r.confidence.value,
                    "pack": r.pack, "enabled": r.code in enabled, "summary": r.summary}
                   for r in rules], out, indent=2)
        out.write("\n")
        return
    out.write(f"{'CODE':<7} {'NAME':<34} {'CATEGORY':<15} {'SEVERITY':<8} ENABLED\n")
    for r in rules:
        mark = "yes" if r.code in enabled else "no"
        out.write(f"{r.code:<7} {r.name:<34} {r.category.value:<15} {r.severity.value:<8} "
                  f"{mark}\n")


def example_text(example: Example) -> str:
    """An example as a reader sees it (test annotations removed)."""
    if example.path.suffix in (".md", ".txt"):
        return _EXPECT.sub("", example.path.read_text(encoding="utf-8")).strip()
    from kindlint.readers import read_document

    document = read_document(example.path)
    return "\n".join(b.text for b in document.blocks)


def render_explain(rule: Rule, out: TextIO) -> None:
    """ruff-style sections: what it does, why, use instead, options, examples, sources."""
    write = out.write
    write(f"{rule.code} {rule.name}\n")
    write(f"{rule.summary}\n")
    write(f"Category: {rule.category.value}. Default severity: {rule.severity.value}. "
          f"Confidence: {rule.confidence.value}. Pack: {rule.pack}."
          f"{'' if rule.enabled_by_default else ' Off unless selected.'}\n")
    _section(write, "Why this matters", _wrap(rule.rationale))
    if rule.alternatives:
        _section(write, "What to consider instead",
                 "\n".join(f"  - {a}" for a in rule.alternatives))
    if rule.options:
        lines = [f"  {name} = {json.dumps(default)}\n      {rule.option_docs[name]}"
                 for name, default in rule.options.items()]
        _section(write, "Options (set in [tool.kindlint.rules." + rule.code + "])",
                 "\n".join(lines))
    for kind, title in (("bad", "Example that is flagged"), ("good", "Example that is fine")):
        examples = [e for e in rule.examples if e.kind == kind]
        if examples:
            text = example_text(examples[0])
            _section(write, f"{title} ({examples[0].path.name})", textwrap.indent(text, "  | "))
    sources = "\n".join(f"  - {s.cite()}" + (f"\n    {s.note}" if s.note else "")
                        for s in rule.sources)
    _section(write, "Sources", sources)
    _section(write, "How to silence it", _wrap(
        f"In Markdown, put <!-- kindlint: ignore[{rule.code}] reason --> before the paragraph. "
        f"In Word, add a comment on the paragraph starting 'kindlint: ignore[{rule.code}]'. "
        f"For a whole project, add \"{rule.code}\" to ignore in [tool.kindlint]."))
    if rule.limitations:
        _section(write, "Known limitations", _wrap(rule.limitations))


def _section(write, title: str, body: str) -> None:
    write(f"\n{title}\n{body}\n")


def _wrap(text: str) -> str:
    paragraphs = [p.strip() for p in text.strip().split("\n\n")]
    return "\n\n".join(textwrap.fill(" ".join(p.split()), 96, initial_indent="  ",
                                     subsequent_indent="  ") for p in paragraphs)


def render_config(path: Path, out: TextIO) -> None:
    """The configuration that applies to ``path``: its file, rules, overrides and options."""
    from kindlint.config import find_config_file, load_config, settings_for

    source = find_config_file(path)
    config = load_config(source)
    rules = load_packs()
    settings = settings_for(path, config, rules)
    write = out.write
    write(f"file:            {path}\n")
    write(f"configuration:   {source or 'none found (built-in defaults)'}\n")
    write(f"fail-on:         {config.fail_on.value}\n")
    write(f"min-confidence:  {config.min_confidence.value}\n")
    write(f"domain:          {config.domain or 'detected from the text'}\n")
    write(f"document-kind:   {config.document_kind or 'detected from the text'}\n")
    if config.allow:
        write(f"allowed terms:   {', '.join(config.allow)}\n")
    if config.terms:
        write(f"custom terms:    {', '.join(str(t['phrase']) for t in config.terms)}\n")
    if config.baseline:
        write(f"baseline:        {config.baseline}\n")
    enabled = [r for r in rules if r.code in settings.codes]
    disabled = [r.code for r in rules if r.code not in settings.codes]
    write(f"enabled rules ({len(enabled)}):\n")
    for rule in enabled:
        severity = settings.severities.get(rule.code, rule.severity).value
        changed = {k: v for k, v in settings.options.get(rule.code, {}).items()
                   if rule.options.get(k) != v}
        extra = f"  options: {changed}" if changed else ""
        write(f"  {rule.code} {rule.name:<34} {severity}{extra}\n")
    if disabled:
        write(f"disabled rules: {', '.join(disabled)}\n")
