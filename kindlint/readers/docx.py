"""Word (.docx) reader: body order, Word numbering, tables, headers, footnotes, comments."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from kindlint.model.document import BlockKind, Document
from kindlint.readers.builder import CellInput, DocumentBuilder, ReadError
from kindlint.readers.docx_numbering import NumberingResolver, Styles, W, wval

_P, _TBL, _TR, _TC, _R, _T = (W + t for t in ("p", "tbl", "tr", "tc", "r", "t"))
_SDT, _SDT_CONTENT, _CUSTOM_XML = W + "sdt", W + "sdtContent", W + "customXml"
# Containers whose runs are part of a paragraph's visible text (tracked insertions included).
_RUN_CONTAINERS = {W + t for t in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent",
                                   "fldSimple", "customXml", "dir", "bdo", "moveTo")}
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_docx(path: Path) -> Document:
    """Read a ``.docx`` file with python-docx, resolving Word's automatic numbering."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    with path.open("rb") as handle:
        magic = handle.read(8)
    if magic == _OLE_MAGIC:
        raise ReadError("the document is password-protected or in the old .doc format; "
                        "save it as an unprotected .docx")
    try:
        package = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError):
        raise ReadError("not a valid Word document (the file is not a .docx package)") from None
    except (KeyError, ValueError, XMLSyntaxError, AttributeError) as exc:
        raise ReadError(f"not a valid Word document ({exc.__class__.__name__}: {exc})") from None
    return _DocxReader(package, path).read()


class _DocxReader:
    def __init__(self, package, path: Path) -> None:
        self.package = package
        self.styles = Styles(_safe(lambda: package.styles.element))
        self.numbering = NumberingResolver(
            _safe(lambda: package.part.numbering_part.element), self.styles
        )
        self.builder = DocumentBuilder(str(path), "docx")
        self.comments = _kindlint_comments(package)
        self.open_comments: set[str] = set()
        self.note_refs: dict[tuple[str, str], dict] = {}

    def read(self) -> Document:
        parts = {rel.reltype.rsplit("/", 1)[-1]: [] for rel in self.package.part.rels.values()}
        for rel in self.package.part.rels.values():
            if not rel.is_external:
                parts[rel.reltype.rsplit("/", 1)[-1]].append(rel.target_part)
        for kind, block_kind in (("header", BlockKind.HEADER), ("footer", BlockKind.FOOTER)):
            for part in parts.get(kind, []):
                for p in part.element.iter(_P):
                    self.builder.paragraph(paragraph_text(p), kind=block_kind)
        self._container(self.package.element.body)
        for kind in ("footnotes", "endnotes"):
            for part in parts.get(kind, []):
                self._notes(part, kind[:-1])
        return self.builder.build(metadata=_core_properties(self.package))

    # -- body ----------------------------------------------------------------------------
    def _container(self, element) -> None:
        for child in element:
            if child.tag == _P:
                self._paragraph(child)
            elif child.tag == _TBL:
                self._table(child)
            elif child.tag in (_SDT, _SDT_CONTENT, _CUSTOM_XML):
                self._container(child)

    def _paragraph(self, p) -> None:
        numbered = self.numbering.number(p)
        style_id = wval(p.find(W + "pPr"), "pStyle")
        style_name = self.styles.name(style_id)
        text = paragraph_text(p)
        level = self._heading_level(p, style_id, style_name)
        label = numbered.label if numbered and not numbered.bullet and numbered.label else None
        if level is not None:
            block = self.builder.heading(text, level, label=label)
        elif numbered and numbered.bullet:
            block = self.builder.paragraph(text, kind=BlockKind.LIST_ITEM,
                                           list_depth=numbered.level + 1)
        else:
            block = self.builder.paragraph(text, label=label, quoted="quote" in style_name.lower())
        self._note_references(p)
        self._comments(p, block)

    def _heading_level(self, p, style_id: str | None, style_name: str) -> int | None:
        m = _HEADING_STYLE.match(style_name)
        if m:
            return max(int(m.group(1)), 1)
        if style_name.lower() in ("title", "subtitle"):
            return 1
        outline = wval(p.find(W + "pPr"), "outlineLvl")
        if outline is None:
            outline = self.styles.inherited(style_id, "outline")
        try:
            value = int(outline) if outline is not None else 9
        except ValueError:
            return None
        return value + 1 if value < 9 else None

    def _table(self, tbl) -> None:
        rows: list[list[CellInput]] = []
        header_rows = 0
        counting_headers = True
        nested: list = []
        for tr in tbl.iterfind(_TR):
            trpr = tr.find(W + "trPr")
            is_header = trpr is not None and trpr.find(W + "tblHeader") is not None
            if counting_headers and is_header:
                header_rows += 1
            else:
                counting_headers = False
            row: list[CellInput] = []
            for tc in table_cells(tr):
                tcpr = tc.find(W + "tcPr")
                span = int(wval(tcpr, "gridSpan", "1") or 1)
                vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
                continues = vmerge is not None and vmerge.get(W + "val", "continue") == "continue"
                text = "" if continues else self._cell_text(tc, nested)
                row.append(CellInput(text, merged_from_above=continues))
                row.extend(CellInput("", merged_from_left=True) for _ in range(span - 1))
            rows.append(row)
        # Rows marked "repeat as header" are the header, unless every row is marked.
        marked = header_rows if 0 < header_rows < len(rows) else None
        self.builder.table(rows, header_rows=marked)
        for inner in nested:
            self._table(inner)

    def _cell_text(self, tc, nested: list) -> str:
        lines: list[str] = []

        def walk(element) -> None:
            for child in element:
                if child.tag == _P:
                    numbered = self.numbering.number(child)
                    text = paragraph_text(child)
                    if numbered and numbered.label and not numbered.bullet:
                        text = f"{numbered.label} {text}"
                    if text.strip():
                        lines.append(text)
                elif child.tag == _TBL:
                    nested.append(child)
                elif child.tag in (_SDT, _SDT_CONTENT, _CUSTOM_XML):
                    walk(child)

        walk(tc)
        return "\n".join(lines)

    # -- notes and comments --------------------------------------------------------------
    def _note_references(self, p) -> None:
        for tag, kind in (("footnoteReference", "footnote"), ("endnoteReference", "endnote")):
            for ref in p.iter(W + tag):
                self.note_refs[(kind, ref.get(W + "id"))] = {
                    "clause_path": self.builder.tracker.path,
                    "section": self.builder.tracker.section,
                }

    def _notes(self, part, kind: str) -> None:
        for note_id, p in note_paragraphs(part, kind):
            where = self.note_refs.get((kind, note_id), {})
            self.builder.paragraph(paragraph_text(p), kind=BlockKind.FOOTNOTE, **where)

    def _comments(self, p, block) -> None:
        for start in p.iter(W + "commentRangeStart", W + "commentReference"):
            cid = start.get(W + "id")
            if cid in self.comments:
                self.open_comments.add(cid)
        if block is not None:
            for cid in self.open_comments:
                self.builder.comment_directive(block, self.comments[cid])
        for end in p.iter(W + "commentRangeEnd"):
            self.open_comments.discard(end.get(W + "id"))


def paragraph_text(p) -> str:
    """Visible text of a ``w:p``: runs, hyperlinks, tracked insertions; not deletions."""
    return "".join(run_text(r) for r in visible_runs(p))


def visible_runs(element) -> Iterator:
    """The ``w:r`` elements whose text is part of a paragraph's visible text, in order."""
    for child in element:
        if child.tag == _R:
            yield child
        elif child.tag in _RUN_CONTAINERS:
            yield from visible_runs(child)


_ITEM_TEXT = {W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}


def item_text(item) -> str:
    """The text one child of a run stands for (a w:t, a tab, a line break…)."""
    if item.tag == _T:
        return item.text or ""
    return _ITEM_TEXT.get(item.tag, "")


def run_text(r) -> str:
    return "".join(item_text(item) for item in r)


def table_cells(tr) -> Iterator:
    """The ``w:tc`` cells of a row, including those wrapped in content controls."""
    for child in tr:
        if child.tag == _TC:
            yield child
        elif child.tag in (_SDT, _CUSTOM_XML):
            content = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if content is not None:
                yield from (c for c in content if c.tag == _TC)


NOTE_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")


def note_paragraphs(part, kind: str) -> Iterator[tuple[str, object]]:
    """(note id, w:p) for every paragraph of the footnotes or endnotes in ``part``."""
    from lxml import etree

    root = part.element if hasattr(part, "element") else etree.fromstring(part.blob)
    for note in root.iterfind(W + kind):
        if note.get(W + "type") not in NOTE_SEPARATORS:
            for p in note.iter(_P):
                yield note.get(W + "id"), p


def _kindlint_comments(package) -> dict[str, str]:
    comments: dict[str, str] = {}
    try:
        for comment in package.comments:
            text = comment.text.strip()
            if text.lower().startswith("kindlint:"):
                comments[str(comment.comment_id)] = text
    except (AttributeError, KeyError, ValueError):
        pass
    return comments


def _core_properties(package) -> dict[str, str]:
    props = _safe(lambda: package.core_properties)
    if props is None:
        return {}
    return {k: str(v) for k in ("title", "author", "subject")
            if (v := getattr(props, k, None))}


def _safe(getter):
    try:
        return getter()
    except (AttributeError, KeyError, NotImplementedError, ValueError):
        return None
