"""PDF reader: text and boxes from pdfium, lines and paragraphs by layout, tables by geometry.

pdfium reads characters fast and inserts the spaces a PDF leaves out; words are grouped into
lines and blocks here (pdf_layout) and tables come from drawn lines or aligned columns
(pdf_tables). Long documents are read in page ranges by a pool of processes.
"""

from __future__ import annotations

import ctypes
import math
import os
import re
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from kindlint.model.document import Anchor, BlockKind, Document
from kindlint.readers import pdf_layout as layout
from kindlint.readers.builder import CellInput, DocumentBuilder, ReadError
from kindlint.readers.pdf_layout import Line, PageData, TextBlock, Word
from kindlint.readers.pdf_tables import (
    TableData,
    borderless_tables,
    continues,
    extend_header_bands,
    merge,
    page_edges,
    ruled_tables,
)

NO_TEXT = "no text found (the PDF may be scanned images; kindlint needs a text PDF)"
PARALLEL_MIN_PAGES = 64
_BOLD = re.compile(r"bold|black|heavy|demi|semib", re.IGNORECASE)
_SYMBOL = re.compile(r"wingding|webding|symbol|dingbat", re.IGNORECASE)
_WORD = re.compile(r"[^\s\x00-\x1f\u200b\ufeff]+")
_LOAD_ERRORS = {2: "the file cannot be opened", 3: "the file is damaged or not a PDF",
                6: "a page cannot be read"}


def read_pdf(path: Path) -> Document:
    """Read a ``.pdf`` file (never writes to it)."""
    import pypdfium2 as pdfium

    try:
        count, metadata = _inspect(str(path))
        pages = _extract(str(path), count)
    except pdfium.PdfiumError as exc:
        raise ReadError(f"not a valid PDF ({str(exc).rstrip('.')})") from None
    if not any(page.lines or page.tables for page in pages):
        raise ReadError(NO_TEXT)
    return _assemble(path, pages, metadata)


# -- opening -------------------------------------------------------------------------------
def _open(path: str):
    """Open with pdfium (read-only); refusals become ReadErrors with a plain reason."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (4, 5):
            raise ReadError("the PDF is password-protected") from None
        reason = _LOAD_ERRORS.get(exc.err_code or 0, str(exc).rstrip("."))
        raise ReadError(f"not a valid PDF ({reason})") from None
    except (OSError, ValueError) as exc:
        raise ReadError(f"not a valid PDF ({exc})") from None


def _inspect(path: str) -> tuple[int, dict[str, str]]:
    """Page count and title/author/subject, checking first that the file opens at all."""
    pdf = _open(path)
    try:
        count = len(pdf)
        try:
            info = pdf.get_metadata_dict(skip_empty=True)
        except (RuntimeError, ValueError):  # a broken Info dictionary is no reason to fail
            info = {}
    finally:
        pdf.close()
    if count == 0:
        raise ReadError("not a valid PDF (it has no pages)")
    keep = ("Title", "Author", "Subject")
    return count, {k.lower(): str(v) for k, v in info.items() if k in keep}


def _extract(path: str, count: int) -> list[PageData]:
    """Read every page; long documents in page ranges on several processes, in order."""
    workers = min(os.cpu_count() or 1, 4)
    if count >= PARALLEL_MIN_PAGES and workers > 1:
        size = math.ceil(count / (workers * 2))
        spans = [(start, min(start + size, count)) for start in range(0, count, size)]
        try:
            with ProcessPoolExecutor(workers) as pool:
                parts = list(pool.map(_read_range, [path] * len(spans), spans))
            return [page for part in parts for page in part]
        except (BrokenProcessPool, OSError, AssertionError, RuntimeError):
            pass  # no processes here (a daemon worker, a sandbox): read in this process
    return _read_range(path, (0, count))


def _read_range(path: str, span: tuple[int, int]) -> list[PageData]:
    """Pages ``span[0]`` to ``span[1] - 1`` (a worker opens the file for itself)."""
    pdf = _open(path)
    try:
        return [_read_page(pdf, index) for index in range(*span)]
    finally:
        pdf.close()


# -- one page ------------------------------------------------------------------------------
class _Frame:
    """Maps pdfium's bottom-up page space to top-down reading space for a text direction."""

    def __init__(self, page) -> None:
        self.x0, self.y0, self.x1, self.y1 = page.get_cropbox()
        self.turn = 0

    @property
    def size(self) -> tuple[float, float]:
        w, h = self.x1 - self.x0, self.y1 - self.y0
        return (w, h) if self.turn % 2 == 0 else (h, w)

    def box(self, left: float, bottom: float, right: float, top: float,
            turn: int) -> tuple[float, float, float, float]:
        if turn == 0:
            return left - self.x0, self.y1 - top, right - self.x0, self.y1 - bottom
        if turn == 1:
            return bottom - self.y0, left - self.x0, top - self.y0, right - self.x0
        if turn == 2:
            return self.x1 - right, bottom - self.y0, self.x1 - left, top - self.y0
        return self.y1 - top, self.x1 - right, self.y1 - bottom, self.x1 - left


def _read_page(pdf, index: int) -> PageData:
    """Words, tables and lines of one page; a page pdfium cannot load is left empty."""
    import pypdfium2 as pdfium

    number = index + 1
    try:
        page = pdf[index]
    except pdfium.PdfiumError:
        return PageData(number, 0.0, 0.0, [], [])
    try:
        frame = _Frame(page)
        textpage = page.get_textpage()
        try:
            words = _words(textpage, frame)
        finally:
            textpage.close()
        edges = page_edges(page, lambda x, y: frame.box(x, y, x, y, frame.turn)[:2])
    except pdfium.PdfiumError:
        return PageData(number, 0.0, 0.0, [], [])
    finally:
        page.close()
    width, height = frame.size
    try:
        tables, words = ruled_tables(edges, words, number)
    except (ArithmeticError, AssertionError, LookupError, ValueError):
        tables = []  # odd drawings: read the page as running text
    lines = extend_header_bands(tables, layout.build_lines(words))
    more, lines = borderless_tables(lines, number, width)
    for line in lines:
        line.words = []
    tables = sorted(tables + more, key=lambda t: t.top)
    return PageData(number, width, height, lines, tables)


def _words(textpage, frame: _Frame) -> list[Word]:
    """Words from pdfium's characters; pdfium's generated spaces separate them."""
    import pypdfium2.raw as raw

    handle = textpage.raw
    n = raw.FPDFText_CountChars(handle)
    text = textpage.get_text_range() if n > 0 else ""
    if len(text) != n:
        text = "".join(chr(raw.FPDFText_GetUnicode(handle, i)) for i in range(n))
    text = text.replace("\ufffe", "-").replace("\x02", "-")
    rect = raw.FS_RECTF()
    ref = ctypes.byref(rect)
    styles: dict[int | None, tuple[float, bool, bool, int | None]] = {}
    found: list[tuple[Word, int]] = []
    turns: dict[int, int] = {}

    def box(i: int, turn: int) -> tuple[float, float, float, float]:
        raw.FPDFText_GetLooseCharBox(handle, i, ref)
        return frame.box(rect.left, rect.bottom, rect.right, rect.top, turn)

    for match in _WORD.finditer(text):
        i, j = match.span()
        size, bold, symbol, turn = _style(handle, i, styles)
        if turn is not None:
            for word in _split(text, i, j, size, turn, box):
                found.append((Word(word[0], *word[1:], size, bold, symbol), turn))
            turns[turn] = turns.get(turn, 0) + j - i
    frame.turn = max(turns, key=lambda t: turns[t]) if turns else 0  # most text runs this way
    return [w for w, turn in found if turn == frame.turn]


def _split(text: str, i: int, j: int, size: float, turn: int, box) -> list[tuple]:
    """One pdfium word, or several when its characters jump lines or leave wide gaps."""
    first = box(i, turn)
    last = box(j - 1, turn) if j - 1 > i else first
    height = max(first[3] - first[1], 1.0)
    if abs(first[1] + first[3] - last[1] - last[3]) / 2 <= 0.3 * height \
            and last[2] >= first[0] and last[2] - first[0] <= (j - i) * max(size, 1) * 1.3 + 2:
        return [(text[i:j], first[0], min(first[1], last[1]), last[2], max(first[3], last[3]))]
    out: list[list] = []
    for k in range(i, j):
        b = box(k, turn)
        if out:
            cur = out[-1]
            mid = (cur[2] + cur[4]) / 2
            if abs((b[1] + b[3]) / 2 - mid) <= 0.5 * height and cur[1] - 1 <= b[0] \
                    and b[0] - cur[3] <= 0.3 * max(size, 1):
                cur[0] += text[k]
                cur[3] = max(cur[3], b[2])
                continue
        out.append([text[k], b[0], b[1], b[2], b[3]])
    return [tuple(w) for w in out]


def _style(handle, i: int, cache: dict) -> tuple[float, bool, bool, int | None]:
    """Size, bold, symbol font and quarter-turn of the text object holding char ``i``."""
    import pypdfium2.raw as raw

    key = _text_object(handle, i)
    if key is not None and key in cache:
        return cache[key]
    obj = ctypes.cast(key, raw.FPDF_PAGEOBJECT) if key else None
    buffer = ctypes.create_string_buffer(256)
    flags = ctypes.c_int(0)
    got = raw.FPDFText_GetFontInfo(handle, i, buffer, 256, ctypes.byref(flags))
    name = buffer.value.decode("latin-1") if got else ""
    bold = bool(_BOLD.search(name)) or raw.FPDFText_GetFontWeight(handle, i) >= 600 \
        or bool(flags.value & (1 << 18))
    size = raw.FPDFText_GetFontSize(handle, i)
    angle = raw.FPDFText_GetCharAngle(handle, i)
    if obj:  # the font size is in text space: scale it by the text matrix
        matrix = raw.FS_MATRIX()
        raw.FPDFPageObj_GetMatrix(obj, matrix)
        size *= math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
        if not _right_angle(angle):  # sheared (synthetic italic) rather than rotated?
            angle = math.atan2(matrix.b, matrix.a) % (2 * math.pi)
    turn = (4 - round(angle / (math.pi / 2)) % 4) % 4 if _right_angle(angle) else None
    rect = raw.FS_RECTF()
    if raw.FPDFText_GetLooseCharBox(handle, i, rect):  # check the size against the box
        height = abs(rect.top - rect.bottom) if turn in (0, 2) else abs(rect.right - rect.left)
        if height > 0 and not 0.7 <= height / max(size, 0.01) <= 2.0:
            size = height / 1.15
    style = (round(size, 2), bold, bool(_SYMBOL.search(name)), turn)
    if key is not None:
        cache[key] = style
    return style


def _text_object(handle, i: int) -> int | None:
    """The address of the text object holding char ``i`` (a cheap cache key)."""
    global _GET_TEXT_OBJECT
    if _GET_TEXT_OBJECT is None:
        import pypdfium2.raw as raw

        prototype = ctypes.CFUNCTYPE(ctypes.c_void_p, raw.FPDF_TEXTPAGE, ctypes.c_int)
        _GET_TEXT_OBJECT = ctypes.cast(raw.FPDFText_GetTextObject, prototype)
    return _GET_TEXT_OBJECT(handle, i)


_GET_TEXT_OBJECT = None


def _right_angle(angle: float) -> bool:
    """pdfium measures clockwise in radians (-1 when unknown); True for 0, 90, 180, 270."""
    if angle < 0:
        return True
    quarter = round(angle / (math.pi / 2))
    return abs(angle - quarter * math.pi / 2) < 0.05


# -- the document --------------------------------------------------------------------------
def _assemble(path: Path, pages: list[PageData], metadata: dict[str, str]) -> Document:
    """Drop page furniture (kept once as header/footer blocks), then build the Document."""
    builder = DocumentBuilder(str(path), "pdf")
    running = layout.running_lines(pages)
    furniture: dict[str, tuple[str, str, int]] = {}
    for (p, i), kind in sorted(running.items()):
        if kind != "number":
            text = pages[p].lines[i].text
            furniture.setdefault(layout.normalise(text), (kind, text, pages[p].number))
    for p, page in enumerate(pages):
        page.lines = [line for i, line in enumerate(page.lines) if (p, i) not in running]
    for kind, text, number in furniture.values():
        builder.paragraph(text, kind=BlockKind.HEADER if kind == "header" else BlockKind.FOOTER,
                          page=number)
    stats = layout.measure(pages)
    blocks = _blocks(pages, stats)
    for block in blocks:
        if isinstance(block, TextBlock) and layout.is_heading(block, stats):
            block.kind = "heading"
    layout.heading_levels([b for b in blocks if isinstance(b, TextBlock)])
    _emit(builder, blocks)
    return builder.build(page_count=len(pages), metadata=metadata)


def _blocks(pages: list[PageData], stats: layout.Stats) -> list[TextBlock | TableData]:
    """Lines and tables of all pages, in order, grouped into blocks."""
    blocks: list[TextBlock | TableData] = []
    current: TextBlock | None = None
    for page in pages:
        items: list[tuple[float, int, Line | TableData]] = [
            (line.top, 0, line) for line in page.lines]
        items += [(table.top, 1, table) for table in page.tables]
        items.sort(key=lambda item: (item[0], item[1]))
        for k, (_, _, item) in enumerate(items):
            if isinstance(item, TableData):
                previous = blocks[-1] if blocks else None
                if k == 0 and isinstance(previous, TableData) and continues(previous, item):
                    merge(previous, item)
                else:
                    blocks.append(item)
                current = None
            elif current is not None and not layout.starts_block(
                    current, page.number, item, stats, page.width):
                current.lines.append((page.number, item))
            else:
                current = TextBlock([(page.number, item)], "list" if item.bullet else "paragraph")
                blocks.append(current)
    return blocks


def _emit(builder: DocumentBuilder, blocks: list[TextBlock | TableData]) -> None:
    """Hand blocks to the builder; list depth follows the bullets' indentation."""
    indents: list[float] = []
    for block in blocks:
        if isinstance(block, TableData):
            rows = [[CellInput(c.text, merged_from_above=c.merged_up,
                               merged_from_left=c.merged_left, page=c.page) for c in row]
                    for row in block.rows]
            builder.table(rows, header_rows=block.known_header_rows, page=block.page)
            indents.clear()
            continue
        text, starts = layout.join_lines([line.text for _, line in block.lines])
        where: dict = {"page": block.lines[0][0]}
        anchors: list[Anchor] = []
        for start, (number, _) in zip(starts, block.lines, strict=True):
            if not anchors or anchors[-1].page != number:
                anchors.append(Anchor(start, page=number))  # where the next page begins
        if len(anchors) > 1:
            where["anchors"] = tuple(anchors)
        x0 = block.first.x0
        if block.kind == "heading":
            indents.clear()
            builder.heading(text, block.level, **where)
        elif block.kind == "list":
            while indents and x0 < indents[-1] - 4:
                indents.pop()
            if not indents or x0 > indents[-1] + 4:
                indents.append(x0)
            builder.paragraph(text, kind=BlockKind.LIST_ITEM, list_depth=len(indents), **where)
        else:
            if indents and x0 < indents[0] - 4:
                indents.clear()
            builder.paragraph(text, **where)
