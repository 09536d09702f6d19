"""The document model every reader produces: blocks in reading order, tables, locations."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum

from kindlint.model.sentences import split_sentences


class BlockKind(StrEnum):
    """What a block of text is, as its reader saw it."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    CELL = "cell"
    HEADER = "header"
    FOOTER = "footer"
    FOOTNOTE = "footnote"


@dataclass(frozen=True, slots=True)
class Location:
    """Where something is, in terms a reader of the document can act on."""

    file: str
    page: int | None = None
    line: int | None = None
    column: int | None = None
    clause_path: tuple[str, ...] = ()
    section: str | None = None
    table: int | None = None
    row: int | None = None
    table_column: int | None = None
    column_header: str | None = None
    span: tuple[int, int] | None = None
    end_line: int | None = None
    end_column: int | None = None  # exclusive, like a text editor's selection end

    @property
    def clause(self) -> str:
        """The clause path as people write it: ``Schedule 2 > 4.2 > (b)``."""
        return " > ".join(self.clause_path)

    def describe(self) -> str:
        """A short human description without the file name."""
        parts: list[str] = []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.clause_path:
            parts.append(f"clause {self.clause}")
        elif self.section:
            parts.append(f"'{self.section}'")
        if self.table is not None:
            cell = f"table {self.table}"
            if self.row is not None:
                cell += f", row {self.row}"
            if self.column_header:
                cell += f", column '{self.column_header}'"
            elif self.table_column is not None:
                cell += f", column {self.table_column}"
            parts.append(cell)
        return ", ".join(parts)

    def short(self) -> str:
        """The compact ``line:column`` or ``p14 4.2(b)`` form used after the file name."""
        if self.line is not None:
            return f"{self.line}:{self.column or 1}"
        bits: list[str] = []
        if self.page is not None:
            bits.append(f"p{self.page}")
        if self.clause_path:
            bits.append(self.clause)
        if self.table is not None:
            bits.append(f"table {self.table}" + (f" row {self.row}" if self.row else ""))
        return " ".join(bits) or "document"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Maps a character offset in a block's text back to the source (line/column or page)."""

    offset: int
    line: int | None = None
    column: int | None = None
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of running text: a heading, paragraph, list item, table cell, header or footnote."""

    kind: BlockKind
    text: str
    location: Location
    index: int = 0
    level: int | None = None
    label: str | None = None
    quoted: bool = False
    anchors: tuple[Anchor, ...] = ()

    @property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """``(start, end)`` spans of the sentences (a short table cell is one sentence)."""
        if self.kind is BlockKind.CELL and len(self.text) <= 80:
            return ((0, len(self.text)),) if self.text else ()
        return split_sentences(self.text)

    @property
    def body_start(self) -> int:
        """Where the words start after a clause number typed into the text ("1.2 Visits"
        gives 4); 0 when Word generated the number or there is none."""
        if not self.label or not self.text.startswith(self.label):
            return 0
        end = len(self.label)
        rest = self.text[end:]
        return end + len(rest) - len(rest.lstrip(" \t.:)–-"))

    def locate(self, start: int, end: int | None = None) -> Location:
        """The location of ``text[start:end]``, with line, column and page where known."""
        end = start if end is None else end
        loc = self.location
        if not self.anchors:
            return replace(loc, span=(start, end))
        line, column, page = self._position(start)
        end_line, end_column, _ = self._position(end)
        return replace(
            loc,
            line=line if line is not None else loc.line,
            column=column if column is not None else loc.column,
            page=page if page is not None else loc.page,
            span=(start, end),
            end_line=end_line,
            end_column=end_column,
        )

    def _position(self, offset: int) -> tuple[int | None, int | None, int | None]:
        """Line, column and page of a character offset, from the nearest anchor before it."""
        offsets = [a.offset for a in self.anchors]
        anchor = self.anchors[max(bisect.bisect_right(offsets, offset) - 1, 0)]
        column = anchor.column + max(offset - anchor.offset, 0) if anchor.column is not None \
            else None
        return anchor.line, column, anchor.page

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The span of the sentence holding ``offset`` (the whole block if unknown)."""
        for start, end in self.sentences:
            if start <= offset < end:
                return start, end
        return 0, len(self.text)


@dataclass(frozen=True, slots=True)
class Table:
    """A table: rows of cell blocks; ``headers`` names each column (multi-row headers joined)."""

    number: int
    rows: tuple[tuple[Block, ...], ...]
    header_rows: int
    headers: tuple[str, ...]
    location: Location
    title: str | None = None
    merged: frozenset[tuple[int, int, str]] = frozenset()  # (row, column, "up" | "left")

    def cell_text(self, row: int, column: int) -> str:
        """Text at 1-based (row, column), following merged cells up or to the left."""
        while True:
            if row > 1 and (row, column, "up") in self.merged:
                row -= 1
            elif column > 1 and (row, column, "left") in self.merged:
                column -= 1
            else:
                break
        if 1 <= row <= len(self.rows) and 1 <= column <= len(self.rows[row - 1]):
            return self.rows[row - 1][column - 1].text
        return ""

    @property
    def body(self) -> tuple[tuple[Block, ...], ...]:
        return self.rows[self.header_rows :]


@dataclass(frozen=True, slots=True)
class Directive:
    """An inline instruction to kindlint found in the document (a suppression comment)."""

    action: str  # "ignore" (one block), "disable" or "enable" (a range)
    codes: tuple[str, ...]
    reason: str
    block: int  # index of the first block it applies to
    location: Location


@dataclass(frozen=True, slots=True)
class Document:
    """A whole document as kindlint understood it."""

    path: str
    format: str
    blocks: tuple[Block, ...]
    tables: tuple[Table, ...] = ()
    directives: tuple[Directive, ...] = ()
    page_count: int | None = None
    metadata: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    word_count: int = 0  # set by the builder; counting again for every rule adds up

    def body(self) -> Iterator[Block]:
        """Blocks that are part of the running text (not headers, footers or footnotes)."""
        skip = (BlockKind.HEADER, BlockKind.FOOTER)
        return (b for b in self.blocks if b.kind not in skip)

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)

