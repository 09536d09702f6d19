"""What ``kindlint extract`` prints: the document as kindlint understood it, and its facts."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, is_dataclass
from enum import Enum
from typing import Any, TextIO

from kindlint.model.document import BlockKind, Document, Location
from kindlint.model.facts import Facts, length_of
from kindlint.report.json import location_json

EXTRACT_SCHEMA_VERSION = 1


def structure_json(document: Document, facts: Facts | None = None) -> dict[str, Any]:
    """The document model and facts as JSON (see docs/json-output.md)."""
    pages = Counter(b.location.page for b in document.blocks if b.location.page)
    return {
        "schema_version": EXTRACT_SCHEMA_VERSION,
        "file": document.path,
        "format": document.format,
        "page_count": document.page_count,
        "word_count": document.word_count,
        "blocks_per_page": {str(p): n for p, n in sorted(pages.items())} or None,
        "blocks": [
            {
                "index": b.index,
                "kind": b.kind.value,
                "label": b.label,
                "level": b.level,
                "text": b.text,
                "location": location_json(b.location),
            }
            for b in document.blocks
            if b.kind is not BlockKind.CELL
        ],
        "tables": [
            {
                "number": t.number,
                "title": t.title,
                "headers": list(t.headers),
                "header_rows": t.header_rows,
                "rows": [[c.text for c in row] for row in t.rows],
                "location": location_json(t.location),
            }
            for t in document.tables
        ],
        "directives": [
            {"action": d.action, "codes": list(d.codes), "reason": d.reason, "block": d.block}
            for d in document.directives
        ],
        "facts": _plain(facts) if facts is not None else None,
    }


def _plain(value: Any) -> Any:
    if isinstance(value, Location):
        return location_json(value)
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def render_structure_json(document: Document, facts: Facts | None, out: TextIO) -> None:
    json.dump(structure_json(document, facts), out, indent=2, ensure_ascii=False)
    out.write("\n")


def render_structure_text(document: Document, facts: Facts | None, out: TextIO) -> None:
    """A readable outline: clause tree, tables with headers, counts per page, facts."""
    write = out.write
    pages = f", {document.page_count} pages" if document.page_count else ""
    write(f"{document.path} ({document.format}{pages}, {document.word_count} words, "
          f"{len(document.blocks)} blocks, {len(document.tables)} tables)\n\n")
    write("Clauses and headings\n")
    last_path: tuple[str, ...] = ()
    for block in document.blocks:
        if block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            continue
        path = block.location.clause_path
        if block.kind is BlockKind.HEADING or (path and path != last_path and block.label):
            indent = "  " * (len(path) if path else (block.level or 1))
            where = " > ".join(path) if path else "-"
            page = f"  [p{block.location.page}]" if block.location.page else ""
            write(f"{indent}{where:<22} {_short(block.text)}{page}\n")
        last_path = path
    if document.tables:
        write("\nTables\n")
        for table in document.tables:
            page = f" p{table.location.page}" if table.location.page else ""
            clause = f" in {table.location.clause}" if table.location.clause_path else ""
            write(f"  Table {table.number}{page}{clause}: {len(table.rows)} rows x "
                  f"{max(len(r) for r in table.rows)} columns\n")
            if table.title:
                write(f"    title:   {_short(table.title)}\n")
            if table.headers:
                write(f"    headers: {' | '.join(h or '-' for h in table.headers)}\n")
    if document.page_count:
        counts = Counter(b.location.page for b in document.blocks)
        write("\nBlocks per page\n  ")
        write(", ".join(f"p{p}: {counts.get(p, 0)}"
                        for p in range(1, document.page_count + 1)) + "\n")
    if facts is not None:
        _render_facts(facts, write)


def _render_facts(facts: Facts, write) -> None:
    write("\nWhat kindlint understood\n")
    write(f"  document kind: {facts.document_kind or 'not decided'}\n")
    domains = ", ".join(facts.domains) or "not decided"
    write(f"  service domain: {domains}\n")
    award = facts.award
    for number, scheme in enumerate(award.schemes, start=1):
        total = f", total {scheme.total:g}" if scheme.total is not None else ""
        write(f"  award criteria (weighting {number}{total}):\n")
        for c in scheme.criteria:
            weight = f"{c.weight:g}%" if c.weight is not None else "pass/fail" \
                if c.pass_fail else "no weight"
            parent = f" (within {_short(c.parent, 30)})" if c.parent else ""
            write(f"    {c.kind:<12} {weight:>9}  {_short(c.name, 50)}{parent}\n")
    if award.lowest_price:
        write(f"  lowest price: {_short(award.lowest_price.text)}\n")
    if facts.term:
        write(f"  contract term: {_length(facts.term.initial_years)} initial, "
              f"{_length(facts.term.extension_years or 0)} extension\n")
    if facts.payment_kinds:
        write(f"  payment: {', '.join(facts.payment_kinds)}\n")
    for visit in facts.visit_lengths:
        write(f"  visit length: {visit.value:g} minutes ({_short(visit.evidence.text, 50)})\n")
    for rate in facts.hourly_rates:
        write(f"  hourly rate: {rate.value:.2f} {rate.unit}\n")
    for cut in facts.price_reductions:
        write(f"  price reduction: {cut.value:g}% ({_short(cut.evidence.text, 50)})\n")
    if facts.kpis:
        write(f"  KPIs ({len(facts.kpis)}):\n")
        for kpi in facts.kpis:
            target = str(kpi.target) if kpi.target else "no target"
            write(f"    {kpi.label:<10} {kpi.kind.value:<12} {target:<16} "
                  f"{kpi.consequence.value:<15} {_short(kpi.name, 40)}\n")


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _length(years: float | None) -> str:
    if years is None:
        return "unknown"
    number, unit = length_of(years)
    return f"{number} {unit}{'' if number == '1' else 's'}"
