"""Run a rule's good and bad examples (used by kindlint's tests and by third-party packs).

In a Markdown or text example, a comment on its own line marks what the next block must
raise: ``<!-- expect: KL101 -->``, ``<!-- expect: KL101 x2 -->`` or with a severity,
``<!-- expect: KL101 info -->``. A bad example must raise exactly what is marked; a good
example must raise nothing from its rule. Word and PDF examples keep their expectations in
a sidecar ``<file>.expect.toml`` with ``[[expect]]`` tables (``code``, ``text``, ``count``,
``severity``): the flagged text must occur in the block the finding is in.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from kindlint.config import Config, load_config, settings_for
from kindlint.model.findings import Finding
from kindlint.readers import read_document
from kindlint.rules.model import Example, Rule
from kindlint.rules.packs import load_packs
from kindlint.rules.runner import check_document

_EXPECT = re.compile(r"^\s*<!--\s*expect:\s*(?P<code>[A-Z]{2,3}\d{3})"
                     r"(?:\s+(?P<severity>error|warning|info))?(?:\s+x(?P<count>\d+))?\s*-->\s*$")
EXAMPLE_CONFIG = "kindlint.toml"


@dataclass(frozen=True)
class ExampleOutcome:
    """What an example expected and what the rule raised, as comparable multisets."""

    expected: Counter
    actual: Counter
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return self.expected == self.actual

    def explain(self) -> str:
        missing = self.expected - self.actual
        extra = self.actual - self.expected
        lines = [f"missing: {k} x{n}" for k, n in sorted(missing.items())]
        lines += [f"unexpected: {k} x{n}" for k, n in sorted(extra.items())]
        lines += [f"  raised: {f.location.short()} {f.code} {f.severity.value} {f.text!r}"
                  for f in self.findings]
        return "\n".join(lines)


def run_example(rule: Rule, example: Example) -> ExampleOutcome:
    """Lint ``example`` with only ``rule`` selected and compare with its expectations.

    An example folder may hold a ``kindlint.toml``; its ``extend-select`` adds rules the
    example needs (the unused-suppression rule needs the rule being suppressed).
    """
    config_path = example.path.parent / EXAMPLE_CONFIG
    config = load_config(config_path) if config_path.is_file() else Config()
    config = replace(config, select=None, ignore=())  # extend-select may add helper rules
    settings = settings_for(example.path, config, load_packs(), select=[rule.code])
    document = read_document(example.path)
    findings, _ = check_document(document, load_packs(), settings)
    findings = [f for f in findings if f.code == rule.code]
    if example.kind == "good":
        return ExampleOutcome(Counter(), Counter(_key(f, None) for f in findings),
                              tuple(findings))
    if example.path.suffix in (".md", ".txt"):
        expected = _inline_expectations(example.path, document)
        actual = Counter(_key(f, _line_of(f, document)) for f in findings)
        return ExampleOutcome(expected, actual, tuple(findings))
    expected, actual = _sidecar_expectations(example.path, findings, document)
    return ExampleOutcome(expected, actual, tuple(findings))


def _key(finding: Finding, where: object) -> tuple:
    return (finding.code, finding.severity.value, where)


def _line_of(finding: Finding, document) -> int | None:
    """The line of the block a finding is in; for a table cell, the table's first line."""
    if finding.block is None:
        return None
    block = document.blocks[finding.block]
    if block.location.table is not None:
        return document.tables[block.location.table - 1].rows[0][0].location.line
    return block.location.line


def _inline_expectations(path: Path, document) -> Counter:
    starts = sorted({b.location.line for b in document.blocks if b.location.line})
    expected: Counter = Counter()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        m = _EXPECT.match(line)
        if not m:
            continue
        target = next((s for s in starts if s > number), None)
        rule = next(r for r in load_packs() if r.code == m.group("code"))
        severity = m.group("severity") or rule.severity.value
        expected[(m.group("code"), severity, target)] += int(m.group("count") or 1)
    return expected


def _sidecar_expectations(path: Path, findings: list[Finding], document) -> tuple[Counter,
                                                                                  Counter]:
    sidecar = path.with_name(path.name + ".expect.toml")
    entries = tomllib.loads(sidecar.read_text(encoding="utf-8")).get("expect", [])
    rules = {r.code: r for r in load_packs()}
    expected: Counter = Counter()
    actual: Counter = Counter()
    for entry in entries:
        severity = entry.get("severity") or rules[entry["code"]].severity.value
        expected[(entry["code"], severity, entry["text"])] += int(entry.get("count", 1))
    for finding in findings:
        block_text = document.blocks[finding.block].text if finding.block is not None else ""
        where = next((e["text"] for e in entries if e["text"] in block_text), block_text[:60])
        actual[_key(finding, where)] += 1
    return expected, actual
