"""PDF reader: text and boxes from pdfium, lines and paragraphs by layout, tables by geometry.

pdfium reads characters fast and inserts the spaces a PDF leaves out; words are grouped into
lines and blocks here (pdf_layout) and tables come from drawn lines or aligned columns
(pdf_tables). Long documents are read in page ranges by a pool of processes.
"""

from __future__ import annotations

import ctypes
import functools
import math
import os
import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import NamedTuple

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
    pdfium_function,
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

    def point(self) -> Callable[[float, float], tuple[float, float]]:
        """A map of PDF points to reading space, as ``box`` does with a point."""
        x0, y0, x1, y1 = self.x0, self.y0, self.x1, self.y1
        if self.turn == 0:
            return lambda x, y: (x - x0, y1 - y)
        if self.turn == 1:
            return lambda x, y: (y - y0, x - x0)
        if self.turn == 2:
            return lambda x, y: (x1 - x, y - y0)
        return lambda x, y: (y1 - y, x1 - x)

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
        edges = page_edges(page, frame.point())
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


Style = tuple[float, bool, bool, int | None]  # size, bold, symbol font, quarter-turn


def _words(textpage, frame: _Frame) -> list[Word]:
    """Words from pdfium's characters; pdfium's generated spaces separate them.

    The page text comes in one call and is cut into words here. Per word, pdfium gives the
    text object (whose style is read once, see ``_Styles``) and the loose boxes of the first
    and last characters: all a word needs unless they disagree (``_word`` then splits it).
    Upright words, nearly all, take ``_word``'s way inline: this loop runs for every word."""
    styles = _Styles(textpage)
    handle = ctypes.c_void_p(styles.handle)
    text_object, loose_box = _unchecked_calls()
    rect = (ctypes.c_float * 4)()  # an FS_RECTF: left, top, right, bottom
    where = ctypes.c_void_p(ctypes.addressof(rect))
    x_left, y_top = frame.x0, frame.y1
    known = styles.known
    upright: list[Word] = []  # words set the usual way up
    turned: dict[int, list[Word]] = {}  # and those turned by 90, 180 or 270 degrees
    first_seen: dict[int, int] = {}  # where each direction first appears (breaks ties)
    text = _page_text(textpage)
    for match in _WORD.finditer(text):
        i, j = match.span()
        key = text_object(handle, i)
        style = known.get(key)  # (no style is kept for None, no text object)
        size, bold, symbol, turn = style or styles.read(i, key)
        if turn != 0:
            if turn is not None:  # None: set at a slant (a watermark, a stamp)
                first_seen.setdefault(turn, i)
                boxes = _BoxReader(handle, rect, frame, turn)
                turned.setdefault(turn, []).extend(_word(text, i, j, size, bold, symbol, boxes))
            continue
        if not upright:
            first_seen.setdefault(0, i)
        loose_box(handle, i, where)
        left, top, right, bottom = rect[:]
        x0, top0, x1, bottom0 = left - x_left, y_top - top, right - x_left, y_top - bottom
        if j - i == 1:
            upright.append(Word(text[i], x0, top0, x1, bottom0, size, bold, symbol))
            continue
        loose_box(handle, j - 1, where)
        _, top, right, bottom = rect[:]
        top1, x1, bottom1 = y_top - top, right - x_left, y_top - bottom
        height = bottom0 - top0  # _one_word, inline (max() too)
        if height < 1.0:
            height = 1.0
        if abs(top0 + bottom0 - top1 - bottom1) / 2 <= 0.3 * height and x1 >= x0 \
                and x1 - x0 <= (j - i) * (1 if size < 1 else size) * 1.3 + 2:
            upright.append(Word(text[i:j], x0, top1 if top1 < top0 else top0, x1,
                                bottom1 if bottom1 > bottom0 else bottom0, size, bold, symbol))
        else:
            boxes = _BoxReader(handle, rect, frame, 0)
            upright += _word(text, i, j, size, bold, symbol, boxes)
    return _main_direction(frame, upright, turned, first_seen)


def _one_word(x0: float, top0: float, bottom0: float, x1: float, top1: float, bottom1: float,
              length: int, size: float) -> bool:
    """Do a word's first char (left ``x0``) and last (right ``x1``) sit on one line, close
    enough for its ``length`` characters at font ``size``?"""
    height = max(bottom0 - top0, 1.0)
    return abs(top0 + bottom0 - top1 - bottom1) / 2 <= 0.3 * height and x1 >= x0 \
        and x1 - x0 <= length * max(size, 1) * 1.3 + 2


def _word(text: str, i: int, j: int, size: float, bold: bool, symbol: bool,
          boxes: _BoxReader) -> list[Word]:
    """The word ``text[i:j]``; several when its characters jump lines or leave wide gaps."""
    x0, top0, x1, bottom0 = first = boxes(i)
    if j - i == 1:
        return [Word(text[i], *first, size, bold, symbol)]
    _, top1, x1, bottom1 = boxes(j - 1)
    if _one_word(x0, top0, bottom0, x1, top1, bottom1, j - i, size):
        return [Word(text[i:j], x0, min(top0, top1), x1, max(bottom0, bottom1), size, bold,
                     symbol)]
    return [Word(*part, size, bold, symbol)
            for part in _split(text, i, j, size, max(bottom0 - top0, 1.0), boxes)]


def _split(text: str, i: int, j: int, size: float, height: float,
           boxes: _BoxReader) -> list[tuple[str, float, float, float, float]]:
    """Cut ``text[i:j]`` where the next character leaves the line or a wide gap."""
    out: list[list] = []
    for k in range(i, j):
        b = boxes(k)
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


def _main_direction(frame: _Frame, upright: list[Word], turned: dict[int, list[Word]],
                    first_seen: dict[int, int]) -> list[Word]:
    """Keep the words of the direction most text runs in (the first met, on a tie), and turn
    the frame that way."""
    if not turned:
        frame.turn = 0
        return upright
    groups = {**turned, 0: upright} if upright else turned
    chars = {turn: sum(len(w.text) for w in groups[turn])
             for turn in sorted(groups, key=first_seen.__getitem__)}
    frame.turn = max(chars, key=chars.__getitem__)
    return groups[frame.turn]


class _BoxReader:
    """Loose boxes of characters in reading space, for words off the fast path."""

    def __init__(self, handle: ctypes.c_void_p, rect, frame: _Frame, turn: int) -> None:
        self.handle, self.rect, self.frame, self.turn = handle, rect, frame, turn
        self.where = ctypes.c_void_p(ctypes.addressof(rect))

    def __call__(self, k: int) -> tuple[float, float, float, float]:
        _unchecked_calls()[1](self.handle, k, self.where)
        left, top, right, bottom = self.rect[:]
        return self.frame.box(left, bottom, right, top, self.turn)


def _page_text(textpage) -> str:
    """All the characters of a page in one call, one string position per pdfium index."""
    import pypdfium2.raw as raw

    handle = textpage.raw
    n = raw.FPDFText_CountChars(handle)
    text = textpage.get_text_range() if n > 0 else ""
    if len(text) != n:
        text = "".join(chr(raw.FPDFText_GetUnicode(handle, i)) for i in range(n))
    return text.replace("\ufffe", "-").replace("\x02", "-")


class _Calls(NamedTuple):
    """The pdfium functions called per word and per text object, bound by
    ``pdfium_function``: pointers go in and come out as plain ints (addresses)."""

    text_object: Callable[[int, int], int | None]  # (text page, char) -> text object
    loose_box: Callable[[int, int, int], int]  # (text page, char, FS_RECTF) -> ok
    font: Callable[[int], int | None]  # (text object) -> font
    font_size: Callable[[int, int], float]  # (text page, char) -> size in text space
    angle: Callable[[int, int], float]  # (text page, char) -> radians clockwise, or -1
    matrix: Callable[[int, int], int]  # (page object, FS_MATRIX) -> ok


@functools.cache
def _calls() -> _Calls:
    """The pdfium functions of ``_Calls``, bound once."""
    import pypdfium2.raw as raw

    bind, pointer, index = pdfium_function, ctypes.c_void_p, ctypes.c_int
    return _Calls(
        bind(raw.FPDFText_GetTextObject, pointer, pointer, index),
        bind(raw.FPDFText_GetLooseCharBox, ctypes.c_int, pointer, index, pointer),
        bind(raw.FPDFTextObj_GetFont, pointer, pointer),
        bind(raw.FPDFText_GetFontSize, ctypes.c_double, pointer, index),
        bind(raw.FPDFText_GetCharAngle, ctypes.c_float, pointer, index),
        bind(raw.FPDFPageObj_GetMatrix, ctypes.c_int, pointer, pointer))


@functools.cache
def _unchecked_calls() -> tuple[Callable, Callable]:
    """``_Calls.text_object`` and ``loose_box`` without argument types, the cheapest call
    ctypes makes (a tenth off reading a page). Pass pointers as ``ctypes.c_void_p`` objects
    and indices as ints: a bare int would be passed as a 32-bit C int."""
    calls = _calls()
    text_object = ctypes.cast(calls.text_object, ctypes.PYFUNCTYPE(ctypes.c_void_p))
    loose_box = ctypes.cast(calls.loose_box, ctypes.PYFUNCTYPE(ctypes.c_int))
    text_object.argtypes = loose_box.argtypes = None
    return text_object, loose_box


class _Styles:
    """Styles of a page's text objects (``known``, by address), each read once; the font
    name, weight and flags once per font."""

    def __init__(self, textpage) -> None:
        self.textpage = textpage.raw
        self.handle = ctypes.cast(self.textpage, ctypes.c_void_p).value
        self.calls = _calls()
        self.known: dict[int, Style] = {}
        self.fonts: dict[int, tuple[bool, bool]] = {}
        self.matrix = (ctypes.c_float * 6)()  # an FS_MATRIX: a, b, c, d, e, f
        self.rect = (ctypes.c_float * 4)()  # an FS_RECTF: left, top, right, bottom

    def read(self, i: int, obj: int | None) -> Style:
        """The style of char ``i``, in the text object at address ``obj`` (None: no object,
        nothing to remember it by)."""
        calls, handle = self.calls, self.handle
        font = calls.font(obj) if obj else None
        weight = self.fonts.get(font) if font else None
        if weight is None:
            weight = self._font(i)
            if font:
                self.fonts[font] = weight
        size = calls.font_size(handle, i)
        angle = calls.angle(handle, i)
        right_angle = _right_angle(angle)
        if obj:  # the font size is in text space: scale it by the text matrix
            a = b = c = d = 0.0
            if calls.matrix(obj, ctypes.addressof(self.matrix)):
                a, b, c, d = self.matrix[:4]
            size *= math.sqrt(abs(a * d - b * c)) or 1.0
            if not right_angle:  # sheared (synthetic italic) rather than rotated?
                angle = math.atan2(b, a) % (2 * math.pi)
                right_angle = _right_angle(angle)
        turn = (4 - round(angle / (math.pi / 2)) % 4) % 4 if right_angle else None
        if calls.loose_box(handle, i, ctypes.addressof(self.rect)):  # check size by the box
            left, top, right, bottom = self.rect[:]
            height = abs(top - bottom) if turn in (0, 2) else abs(right - left)
            if height > 0 and not 0.7 <= height / max(size, 0.01) <= 2.0:
                size = height / 1.15
        style = (round(size, 2), *weight, turn)
        if obj is not None:
            self.known[obj] = style
        return style

    def _font(self, i: int) -> tuple[bool, bool]:
        """Bold (by name, weight or flag) and symbol font, for the font of char ``i``."""
        import pypdfium2.raw as raw

        handle = self.textpage
        buffer = ctypes.create_string_buffer(256)
        flags = ctypes.c_int(0)
        got = raw.FPDFText_GetFontInfo(handle, i, buffer, 256, ctypes.byref(flags))
        name = buffer.value.decode("latin-1") if got else ""
        bold = bool(_BOLD.search(name)) or raw.FPDFText_GetFontWeight(handle, i) >= 600 \
            or bool(flags.value & (1 << 18))
        return bold, bool(_SYMBOL.search(name))


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
