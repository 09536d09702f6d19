"""Assemble a Document from what a reader sees: numbering, sentences, cells and clause paths."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kindlint.model.document import (
    Anchor,
    Block,
    BlockKind,
    Directive,
    Document,
    Location,
    Table,
)
from kindlint.readers.clauses import ClauseTracker, Label, classify_label, parse_typed_label


class ReadError(Exception):
    """A file kindlint cannot read; the message is the reason shown to the user."""


@dataclass(frozen=True, slots=True)
class CellInput:
    """A table cell as a reader found it."""

    text: str
    anchors: tuple[Anchor, ...] = ()
    merged_from_above: bool = False
    merged_from_left: bool = False
    page: int | None = None
    line: int | None = None
    column: int | None = None


_DIRECTIVE = re.compile(
    r"kindlint:\s*(?P<action>ignore|disable|enable)\s*\[(?P<codes>[^\]]*)\]\s*(?P<reason>.*)",
    re.IGNORECASE | re.DOTALL,
)


def parse_directive(text: str) -> tuple[str, tuple[str, ...], str] | None:
    """Parse ``kindlint: ignore[KL101, KL2] reason`` into its parts."""
    m = _DIRECTIVE.search(text)
    if not m:
        return None
    codes = tuple(c.strip() for c in m.group("codes").split(",") if c.strip())
    reason = m.group("reason").strip().rstrip("->").strip()
    return m.group("action").lower(), codes, reason


class DocumentBuilder:
    """Collects blocks in reading order; tracks clause paths as it goes."""

    def __init__(self, path: str, fmt: str, *, typed_numbers: bool = True) -> None:
        self.path = path
        self.format = fmt
        self.typed_numbers = typed_numbers
        self.tracker = ClauseTracker()
        self.blocks: list[Block] = []
        self.tables: list[Table] = []
        self.directives: list[Directive] = []
        self._pending: list[tuple[str, tuple[str, ...], str, Location]] = []

    # -- blocks --------------------------------------------------------------------------
    def heading(self, text: str, level: int, *, label: str | None = None, **where) -> Block | None:
        text = _clean(text)
        if not text and not label:
            return None
        parsed = self._label(text, label)
        title = text[parsed.end:].strip(" .:-–—\t") if parsed and not label else text
        self.tracker.heading(level, title or text, parsed)
        return self._add(BlockKind.HEADING, text, where, level=level, label=parsed)

    def paragraph(
        self,
        text: str,
        *,
        kind: BlockKind = BlockKind.PARAGRAPH,
        label: str | None = None,
        list_depth: int | None = None,
        quoted: bool = False,
        **where,
    ) -> Block | None:
        text = _clean(text)
        if not text.strip():
            return None
        parsed = self._label(text, label, list_depth)
        if parsed is not None and parsed.division and list_depth is not None:
            parsed = None  # "- Part A – the specification" in a list is not a new Part
        if kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            if parsed is not None:
                self.tracker.numbered(parsed, list_depth)
            elif list_depth is not None:
                self.tracker.list_item(list_depth)
            else:
                self.tracker.leave_lists()
        return self._add(kind, text, where, level=list_depth, label=parsed, quoted=quoted)

    def table(
        self,
        rows: Sequence[Sequence[CellInput]],
        *,
        header_rows: int | None = None,
        title: str | None = None,
        **where,
    ) -> Table | None:
        rows = [list(r) for r in rows if any(c.text.strip() for c in r)]
        if not rows:
            return None
        self.tracker.leave_lists()
        title = title or self._caption()
        if header_rows is None:
            header_rows = guess_header_rows(rows)
        number = len(self.tables) + 1
        location = self._location(where)
        location = replace(location, table=number)
        width = max(len(r) for r in rows)
        headers = _headers(rows, header_rows, width)
        cell_rows: list[tuple[Block, ...]] = []
        for r, row in enumerate(rows, start=1):
            cells = []
            for c, cell in enumerate(row, start=1):
                cell_where = {
                    "page": cell.page or where.get("page"),
                    "line": cell.line or where.get("line"),
                    "column": cell.column,
                }
                loc = replace(
                    self._location(cell_where),
                    table=number,
                    row=r,
                    table_column=c,
                    column_header=headers[c - 1] or None if r > header_rows else None,
                )
                cells.append(self._append_block(BlockKind.CELL, _clean(cell.text), loc,
                                                anchors=cell.anchors))
            cell_rows.append(tuple(cells))
        merged = frozenset(
            (r, c, "up" if cell.merged_from_above else "left")
            for r, row in enumerate(rows, start=1)
            for c, cell in enumerate(row, start=1)
            if cell.merged_from_above or cell.merged_from_left
        )
        table = Table(number, tuple(cell_rows), header_rows, tuple(headers), location,
                      title or self._caption(), merged)
        self.tables.append(table)
        return table

    def directive(self, text: str, **where) -> bool:
        """Record a suppression comment; it applies from the next block."""
        parsed = parse_directive(text)
        if parsed is None:
            return False
        self._pending.append((*parsed, self._location(where)))
        return True

    def comment_directive(self, block: Block, text: str) -> None:
        """A comment attached to an existing block (Word comments)."""
        parsed = parse_directive(text)
        if parsed and parsed[0] == "ignore":
            self.directives.append(Directive(parsed[0], parsed[1], parsed[2], block.index,
                                             block.location))

    def build(self, *, page_count: int | None = None, metadata: dict | None = None) -> Document:
        self._flush_directives(len(self.blocks))
        return Document(
            self.path,
            self.format,
            tuple(self.blocks),
            tuple(self.tables),
            tuple(self.directives),
            page_count,
            dict(metadata or {}),
            sum(len(b.text.split()) for b in self.blocks),
        )

    # -- internals -----------------------------------------------------------------------
    def _label(self, text: str, label: str | None, list_depth: int | None = None) -> Label | None:
        if label:
            return classify_label(label, list_depth or 0)
        if self.typed_numbers:
            return parse_typed_label(text)
        return None

    def _add(self, kind: BlockKind, text: str, where: dict, *, level: int | None = None,
             label: Label | None = None, quoted: bool = False) -> Block:
        return self._append_block(
            kind, text, self._location(where), level=level,
            label=label.text if label else None, quoted=quoted,
            anchors=where.get("anchors", ()),
        )

    def _append_block(self, kind: BlockKind, text: str, location: Location, *,
                      level: int | None = None, label: str | None = None,
                      quoted: bool = False, anchors: tuple[Anchor, ...] = ()) -> Block:
        index = len(self.blocks)
        self._flush_directives(index)
        block = Block(kind, text, location, index, level, label, quoted, tuple(anchors))
        self.blocks.append(block)
        return block

    def _location(self, where: dict) -> Location:
        return Location(
            file=self.path,
            page=where.get("page"),
            line=where.get("line"),
            column=where.get("column"),
            clause_path=where.get("clause_path", self.tracker.path),
            section=where.get("section", self.tracker.section),
        )

    def _caption(self) -> str | None:
        """The short paragraph or heading just before a table, used as its title."""
        for block in reversed(self.blocks):
            if block.kind is BlockKind.CELL:
                return None
            if block.kind in (BlockKind.HEADER, BlockKind.FOOTER):
                continue
            text = block.text.strip()
            if block.kind is BlockKind.HEADING or len(text) <= 120:
                return text
            return None
        return None

    def _flush_directives(self, index: int) -> None:
        for action, codes, reason, loc in self._pending:
            self.directives.append(Directive(action, codes, reason, index, loc))
        self._pending.clear()


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\u200b\ufeff]")


def _clean(text: str) -> str:
    return _CONTROL.sub("", text).replace("\xa0", " ").strip()


def _headers(rows: list[list[CellInput]], header_rows: int, width: int) -> list[str]:
    """Column names; a header cell merged across columns names each column it covers."""
    grid: list[list[str]] = []
    for row in rows[:header_rows]:
        texts: list[str] = []
        for col in range(width):
            cell = row[col] if col < len(row) else None
            if cell is not None and cell.merged_from_left and texts:
                texts.append(texts[-1])
            else:
                texts.append(_clean(cell.text) if cell else "")
        grid.append(texts)
    names = []
    for col in range(width):
        seen: list[str] = []
        for texts in grid:
            if texts[col] and texts[col] not in seen:
                seen.append(texts[col])
        names.append(" ".join(seen))
    return names


_NUMERIC = re.compile(r"^[\s£$€%.,\d\-–/:()xX]+$")


def guess_header_rows(rows: list[list[CellInput]]) -> int:
    """Guess how many leading rows are headers: short, non-numeric labels in every column."""
    if len(rows) < 2:
        return 0

    def looks_like_header(row: list[CellInput]) -> bool:
        texts = [_clean(c.text) for c in row if not c.merged_from_above]
        filled = [t for t in texts if t]
        if not filled or len(filled) < max(1, len(texts) // 2):
            return False
        return all(len(t) <= 160 and not _NUMERIC.match(t) for t in filled)

    if not looks_like_header(rows[0]):
        return 0
    # A second header row: the first has fewer distinct cells (a merged group header).
    if len(rows) > 2 and looks_like_header(rows[1]):
        first = {_clean(c.text) for c in rows[0]}
        second = [_clean(c.text) for c in rows[1]]
        if len(first) < len(rows[0]) and all(len(t) <= 30 for t in second if t):
            return 2
    return 1
