"""Inline suppressions: ``kindlint: ignore[CODE]`` for one block, ``disable``/``enable`` ranges.

A directive that suppresses nothing is itself reported (``unused-suppression``), so stale
suppressions do not pile up after the text is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass

from kindlint.model.document import BlockKind, Directive, Document
from kindlint.model.findings import Finding
from kindlint.rules.model import Rule


@dataclass
class _Scope:
    directive: Directive
    first: int
    last: int  # inclusive block index
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        if finding.block is None or not (self.first <= finding.block <= self.last):
            return False
        return any(_names(code, finding) for code in self.directive.codes)


def _names(ref: str, finding: Finding) -> bool:
    return finding.code.startswith(ref.upper()) or ref == finding.name


def scopes(document: Document) -> list[_Scope]:
    """The block ranges each directive covers."""
    out: list[_Scope] = []
    open_ranges: list[_Scope] = []
    last_block = len(document.blocks) - 1
    for directive in sorted(document.directives, key=lambda d: d.block):
        if directive.action == "ignore":
            first = directive.block
            out.append(_Scope(directive, first, _block_end(document, first)))
        elif directive.action == "disable":
            scope = _Scope(directive, directive.block, last_block)
            open_ranges.append(scope)
            out.append(scope)
        elif directive.action == "enable":
            for scope in list(open_ranges):
                if set(scope.directive.codes) & set(directive.codes) or not directive.codes:
                    scope.last = directive.block - 1
                    open_ranges.remove(scope)
    return out


def _block_end(document: Document, first: int) -> int:
    """An ``ignore`` before a table covers the whole table."""
    if first >= len(document.blocks):
        return first
    block = document.blocks[first]
    if block.kind is BlockKind.CELL and block.location.table is not None:
        table = document.tables[block.location.table - 1]
        return table.rows[-1][-1].index
    return first


def apply_directives(findings: list[Finding], document: Document,
                     unused_rule: Rule | None) -> list[Finding]:
    """Drop suppressed findings; report directives that suppressed nothing."""
    if not document.directives:
        return findings
    all_scopes = scopes(document)
    kept = []
    for finding in findings:
        covering = [s for s in all_scopes if s.covers(finding)]
        for scope in covering:
            scope.used = True
        if not covering:
            kept.append(finding)
    if unused_rule is not None:
        kept.extend(_unused(scope, unused_rule) for scope in all_scopes if not scope.used)
    return kept


def _unused(scope: _Scope, rule: Rule) -> Finding:
    directive = scope.directive
    codes = ", ".join(directive.codes) or "(no codes)"
    return Finding(
        code=rule.code,
        name=rule.name,
        category=rule.category,
        severity=rule.severity,
        confidence=rule.confidence,
        message=rule.message.format(directive=f"{directive.action}[{codes}]"),
        location=directive.location,
        suggestions=("remove the comment",),
        text=f"kindlint: {directive.action}[{codes}]",
        block=directive.block,
    )
