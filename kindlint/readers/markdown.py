"""Markdown reader (markdown-it-py): prose blocks with line and column; code is not prose."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from kindlint.model.document import Anchor, BlockKind, Document
from kindlint.readers.builder import CellInput, DocumentBuilder
from kindlint.readers.text import decode_text

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\n|\Z)",
                           re.DOTALL)
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


@cache
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


def read_markdown(path: Path) -> Document:
    """Read a ``.md`` / ``.markdown`` file."""
    source = blank_front_matter(decode_text(path))
    lines = source.split("\n")
    builder = DocumentBuilder(str(path), "markdown")
    _Walker(builder, lines).walk(_parser().parse(source))
    return builder.build()


def blank_front_matter(source: str) -> str:
    """Replace YAML/TOML front matter with empty lines, so line numbers stay true."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return source
    return "\n" * m.group(0).count("\n") + source[m.end():]


class _Walker:
    def __init__(self, builder: DocumentBuilder, lines: list[str]) -> None:
        self.builder = builder
        self.lines = lines
        self.list_depth = 0
        self.quote_depth = 0
        self.item_label: str | None = None
        self.item_first = False

    def walk(self, tokens) -> None:
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            kind = tok.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                self.list_depth += 1
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.list_depth -= 1
            elif kind == "list_item_open":
                self.item_label = f"{tok.info}{tok.markup}" if tok.info else None
                self.item_first = True
            elif kind == "blockquote_open":
                self.quote_depth += 1
            elif kind == "blockquote_close":
                self.quote_depth -= 1
            elif kind == "heading_open":
                text, anchors = self._inline(tokens[i + 1])
                self.builder.heading(text, int(tok.tag[1:]), **self._where(tok, anchors))
                i += 2
            elif kind == "paragraph_open":
                self._paragraph(tok, tokens[i + 1])
                i += 2
            elif kind == "table_open":
                i = self._table(tokens, i)
            elif kind == "html_block":
                for comment in _COMMENT.findall(tok.content):
                    self.builder.directive(comment, line=tok.map[0] + 1 if tok.map else None)
            i += 1

    def _paragraph(self, open_tok, inline_tok) -> None:
        text, anchors = self._inline(inline_tok)
        where = self._where(open_tok, anchors)
        quoted = self.quote_depth > 0
        if self.list_depth:
            label = self.item_label if self.item_first else None
            self.item_first = False
            self.builder.paragraph(text, kind=BlockKind.LIST_ITEM, label=label,
                                   list_depth=self.list_depth, quoted=quoted, **where)
        else:
            self.builder.paragraph(text, quoted=quoted, **where)

    def _table(self, tokens, i: int) -> int:
        rows: list[list[CellInput]] = []
        header_rows = 0
        start = tokens[i]
        row: list[CellInput] = []
        in_head = False
        while tokens[i].type != "table_close":
            tok = tokens[i]
            if tok.type == "thead_open":
                in_head = True
            elif tok.type == "thead_close":
                in_head = False
            elif tok.type == "tr_open":
                row = []
                self._row_line = tok.map[0] if tok.map else None
                self._row_cursor = 0
            elif tok.type == "tr_close":
                rows.append(row)
                header_rows += in_head
            elif tok.type == "inline":
                text, anchors = self._inline(tok, cell=True)
                first = anchors[0] if anchors else Anchor(0, (tok.map[0] + 1) if tok.map else None)
                row.append(CellInput(text, anchors, line=first.line, column=first.column))
            i += 1
        self.builder.table(rows, header_rows=header_rows, **self._where(start, ()))
        return i

    def _where(self, tok, anchors) -> dict:
        line = tok.map[0] + 1 if tok.map else None
        column = anchors[0].column if anchors else 1
        return {"line": anchors[0].line if anchors else line, "column": column,
                "anchors": tuple(anchors)}

    def _inline(self, tok, cell: bool = False) -> tuple[str, list[Anchor]]:
        """Text of an inline token without markup; anchors map offsets back to the source."""
        if cell:
            first_line = self._row_line or 0
            search = [(first_line, self._row_cursor)]
        else:
            first_line = tok.map[0] if tok.map else 0
            search = [(first_line, 0)]
        line_no, col = search[0]
        parts: list[str] = []
        anchors: list[Anchor] = []
        length = 0
        hidden = False  # inside inline <script> or <style>: not prose
        for child in tok.children or ():
            kind = child.type
            if kind == "html_inline":
                tag = child.content.lower()
                if tag.startswith(("<script", "<style")):
                    hidden = True
                elif tag.startswith(("</script", "</style")):
                    hidden = False
                continue
            if hidden:
                continue
            if kind in ("text", "text_special"):
                content = child.content
            elif kind in ("softbreak", "hardbreak"):
                content = "\n"
                line_no, col = line_no + 1, 0
            elif kind == "code_inline":
                line_no, col = self._find(line_no, col, child.content, anchors, None)
                continue
            else:
                continue
            if kind != "softbreak" and kind != "hardbreak":
                line_no, col = self._find(line_no, col, content, anchors, length)
            parts.append(content)
            length += len(content)
        if cell:
            self._row_cursor = col
        return "".join(parts), anchors

    def _find(self, line_no: int, col: int, content: str, anchors: list[Anchor],
              offset: int | None) -> tuple[int, int]:
        """Find ``content`` in the source from (line, col); record an anchor at ``offset``."""
        if line_no >= len(self.lines) or not content.strip():
            return line_no, col
        source_line = self.lines[line_no]
        at = source_line.find(content, col)
        if at < 0:
            probe = content.split()[0] if content.split() else content
            at = source_line.find(probe, col)
            if at >= 0 and offset is not None:
                offset += content.find(probe)
        if at < 0:
            return line_no, col
        if offset is not None:
            anchors.append(Anchor(offset, line_no + 1, at + 1))
        return line_no, at + len(content)
