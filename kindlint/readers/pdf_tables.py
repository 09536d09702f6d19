"""PDF tables: ruled tables from drawn lines (pdfplumber's geometry), borderless tables from
column-aligned text, header rows, and tables that continue on the next page."""

from __future__ import annotations

import ctypes
import functools
import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from kindlint.readers.clauses import parse_typed_label
from kindlint.readers.pdf_layout import BULLETS, Line, Word, cell_text, segments


@dataclass(slots=True)
class Cell:
    """One grid position of a table; merged cells carry no text of their own."""

    text: str = ""
    page: int = 0
    bold: bool = False
    merged_up: bool = False
    merged_left: bool = False
    real: bool = True  # a drawn cell starts here (not covered by a neighbour)


@dataclass(slots=True)
class TableData:
    """A table found on a page, with its box in top-down page coordinates."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    rows: list[list[Cell]]
    header_rows: int = 0  # leading rows set in bold (may be all rows: a header band)
    columns: list[tuple[float, float]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    @property
    def known_header_rows(self) -> int | None:
        """Header rows when the table says so (bold head, plain body); None to let the
        builder guess."""
        return self.header_rows if 0 < self.header_rows < len(self.rows) else None


# -- ruled tables --------------------------------------------------------------------------
def pdfium_function(function, restype, *argtypes) -> Callable:
    """A pypdfium2.raw function called with plain ints for pointers: without pypdfium2's
    argument conversions a call costs about half (it matters in per-word and per-segment
    loops). The function keeps the GIL: pdfium calls are short."""
    return ctypes.cast(function, ctypes.PYFUNCTYPE(restype, *argtypes))


class _PathCalls(NamedTuple):
    """The pdfium functions ``page_edges`` calls, taking and giving addresses as ints."""

    count: Callable[[int], int]  # page -> objects
    get: Callable[[int, int], int | None]  # page, index -> object
    form_count: Callable[[int], int]  # form object -> objects
    form_get: Callable[[int, int], int | None]  # form object, index -> object
    kind: Callable[[int | None], int]  # object -> FPDF_PAGEOBJ_*
    matrix: Callable[[int, int], int]  # object, FS_MATRIX -> ok
    draw_mode: Callable[[int, int, int], int]  # path, fill mode, stroke -> ok
    segments: Callable[[int], int]  # path -> segments
    segment: Callable[[int, int], int | None]  # path, index -> segment
    point: Callable[[int | None, int, int], int]  # segment, x, y -> ok
    segment_kind: Callable[[int | None], int]  # segment -> FPDF_SEGMENT_*
    closes: Callable[[int | None], int]  # segment -> closes the figure


@functools.cache
def _path_calls() -> _PathCalls:
    """The functions of ``_PathCalls``, bound once."""
    import pypdfium2.raw as raw

    p, i, ok = ctypes.c_void_p, ctypes.c_int, ctypes.c_int
    return _PathCalls(
        pdfium_function(raw.FPDFPage_CountObjects, i, p),
        pdfium_function(raw.FPDFPage_GetObject, p, p, i),
        pdfium_function(raw.FPDFFormObj_CountObjects, i, p),
        pdfium_function(raw.FPDFFormObj_GetObject, p, p, ctypes.c_ulong),
        pdfium_function(raw.FPDFPageObj_GetType, i, p),
        pdfium_function(raw.FPDFPageObj_GetMatrix, ok, p, p),
        pdfium_function(raw.FPDFPath_GetDrawMode, ok, p, p, p),
        pdfium_function(raw.FPDFPath_CountSegments, i, p),
        pdfium_function(raw.FPDFPath_GetPathSegment, p, p, i),
        pdfium_function(raw.FPDFPathSegment_GetPoint, ok, p, p, p),
        pdfium_function(raw.FPDFPathSegment_GetType, i, p),
        pdfium_function(raw.FPDFPathSegment_GetClose, ok, p))


def page_edges(page, to_page: Callable[[float, float], tuple[float, float]]) -> list[dict]:
    """Horizontal and vertical segments of a pdfium page's drawn paths, as pdfplumber edges;
    ``to_page`` maps a PDF point to top-down reading coordinates."""
    import pypdfium2.raw as raw

    calls = _path_calls()
    out: list[dict] = []
    point_xy = (ctypes.c_float * 2)()
    x_at = ctypes.addressof(point_xy)
    y_at = x_at + ctypes.sizeof(ctypes.c_float)
    modes = (ctypes.c_int * 2)()  # fill mode, stroke
    fill_at = ctypes.addressof(modes)
    stroke_at = fill_at + ctypes.sizeof(ctypes.c_int)
    matrix = (ctypes.c_float * 6)()  # an FS_MATRIX (a stale one if pdfium fails, as before)
    matrix_at = ctypes.addressof(matrix)
    path, form = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM
    move, line = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_LINETO

    def add(p: tuple[float, float], q: tuple[float, float]) -> None:
        p, q = to_page(*p), to_page(*q)
        (x0, top), (x1, bottom) = (q, p) if q < p else (p, q)
        if bottom < top:
            top, bottom = bottom, top
        if bottom - top < 0.5:
            orientation, bottom = "h", top
        elif x1 - x0 < 0.5:
            orientation, x1 = "v", x0
        else:
            return  # diagonal
        out.append({"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
                    "width": x1 - x0, "height": bottom - top, "orientation": orientation,
                    "object_type": "line"})

    def walk(count, get, parent: int, ctm: tuple) -> None:
        for index in range(count(parent)):
            obj = get(parent, index)
            kind = calls.kind(obj)
            if kind != path and kind != form:
                continue
            calls.matrix(obj, matrix_at)
            a, b, c, d, e, f = _compose(matrix[:], ctm)
            if kind == form:
                walk(calls.form_count, calls.form_get, obj, (a, b, c, d, e, f))
                continue
            calls.draw_mode(obj, fill_at, stroke_at)
            if not modes[0] and not modes[1]:
                continue  # a clipping or invisible path
            start = previous = None
            for s in range(calls.segments(obj)):
                segment = calls.segment(obj, s)
                calls.point(segment, x_at, y_at)
                px, py = point_xy[:]
                point = (a * px + c * py + e, b * px + d * py + f)
                kind = calls.segment_kind(segment)
                if kind == move:
                    start = previous = point
                    continue
                if kind == line and previous is not None:
                    add(previous, point)
                previous = point
                if calls.closes(segment) and start is not None:
                    add(previous, start)
                    previous = start

    handle = ctypes.cast(page.raw, ctypes.c_void_p).value
    walk(calls.count, calls.get, handle, (1, 0, 0, 1, 0, 0))
    return out


def _compose(m: tuple, n: tuple) -> tuple:
    """The matrix product m·n (apply ``m``, then ``n``), PDF's row-vector convention."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def ruled_tables(edges: list[dict], words: list[Word],
                 page: int) -> tuple[list[TableData], list[Word]]:
    """Tables outlined by drawn lines or cell rectangles; returns them and the other words."""
    from pdfplumber import table as geometry
    from pdfplumber.utils import filter_edges

    edges = filter_edges(edges, min_length=1)
    if len(edges) < 4:
        return [], words
    edges = filter_edges(geometry.merge_edges(edges, 3, 3, 3, 3), min_length=3)
    cells = geometry.intersections_to_cells(geometry.edges_to_intersections(edges, 3, 3))
    groups = [geometry.Table(None, g) for g in geometry.cells_to_tables(cells)]
    boxes = [g.bbox for g in groups]
    tables: list[TableData] = []
    for i, group in enumerate(groups):
        if any(j != i and _inside(boxes[i], boxes[j]) for j in range(len(boxes))):
            continue  # shading inside a bigger table's cell
        x0, top, x1, bottom = boxes[i]
        inside = _contained(boxes[i], words)
        table = _fill(group, [w for w, is_in in zip(words, inside, strict=True) if is_in], page)
        if table is not None:
            tables.append(TableData(page, x0, top, x1, bottom, *table))
            words = [w for w, is_in in zip(words, inside, strict=True) if not is_in]
    return tables, words


def _inside(a: tuple, b: tuple) -> bool:
    """Box ``a`` lies within box ``b``."""
    return a != b and a[0] >= b[0] - 1 and a[1] >= b[1] - 1 and a[2] <= b[2] + 1 \
        and a[3] <= b[3] + 1


def _contained(box: tuple, words: list[Word]) -> list[bool]:
    """For each word: does its middle lie in ``box`` (give or take a point)?"""
    left, top, right, bottom = box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1
    return [left <= (w.x0 + w.x1) / 2 <= right and top <= (w.top + w.bottom) / 2 <= bottom
            for w in words]


def _fill(group, words: list[Word],
          page: int) -> tuple[list[list[Cell]], int, list[tuple[float, float]]] | None:
    """Put words into the grid of cells, clean the grid, and find the header rows."""
    rows = [row.cells for row in group.rows]
    all_cells = [c for row in rows for c in row if c]
    xs = [*sorted({c[0] for c in all_cells}), max(c[2] for c in all_cells)]
    found = _by_cell(all_cells, words)
    grid: list[list[Cell]] = []
    for row in rows:
        y = next(c[1] for c in row if c)
        out: list[Cell] = []
        for col, box in enumerate(row):
            if box is not None:
                inner = found.get(box, [])
                out.append(Cell(cell_text(inner), page, bool(inner) and all(w.bold for w in inner)))
                continue
            x = xs[col]
            left = any(c and c[0] < x < c[2] - 1 and c[1] == y for c in row)
            up = not left and any(c[0] <= x + 1 < c[2] and c[1] < y < c[3] - 1
                                  for c in all_cells)
            out.append(Cell("", page, merged_up=up, merged_left=left, real=not (left or up)))
        grid.append(out)
    grid, bounds = _drop_empty_columns(grid, list(itertools.pairwise(xs)))
    grid = _merge_narrow_columns(grid, bounds)
    grid = [r for r in grid if any(c.text for c in r)]
    header = _header_rows(grid)
    if len(bounds) < 2 or not any(sum(1 for c in r if c.text) >= 2 for r in grid):
        return None  # one column, or boxes around lines of text (highlighting), not a table
    return grid, header, bounds


def _by_cell(cells: list[tuple], words: list[Word]) -> dict[tuple, list[Word]]:
    """The words whose middle lies in each cell (the first such cell, in order): a cell
    looks only at the words level with it (by bisection), not at every word."""
    centres = [(w.x0 + w.x1) / 2 for w in words]
    order = sorted(range(len(words)), key=lambda n: words[n].middle)  # top to bottom
    middles = [words[n].middle for n in order]
    taken = [False] * len(words)
    found: dict[tuple, list[Word]] = {}
    for c in cells:
        x0, top, x1, bottom = c
        level = order[bisect_left(middles, top):bisect_right(middles, bottom)]
        inner = sorted(n for n in level if not taken[n] and x0 <= centres[n] <= x1)
        if inner:
            for n in inner:
                taken[n] = True
            found[c] = [words[n] for n in inner]
    return found


Bounds = list[tuple[float, float]]


def _drop_empty_columns(grid: list[list[Cell]], bounds: Bounds) -> tuple[list[list[Cell]], Bounds]:
    keep = [c for c in range(len(bounds)) if any(c < len(r) and r[c].text for r in grid)]
    return [[r[c] for c in keep if c < len(r)] for r in grid], [bounds[c] for c in keep]


def _merge_narrow_columns(grid: list[list[Cell]], bounds: Bounds) -> list[list[Cell]]:
    """Fold a sliver column (cell shading offsets) into its neighbour when they never clash."""
    col = 0
    while col < len(bounds) - 1:
        narrow = min(b - a for a, b in bounds[col:col + 2]) < 8
        if narrow and not any(r[col].text and r[col + 1].text for r in grid):
            for r in grid:
                a, b = r[col], r[col + 1]
                r[col] = b if b.text or (b.real and not a.real) else a
                del r[col + 1]
            bounds[col] = (bounds[col][0], bounds.pop(col + 1)[1])
        else:
            col += 1
    return grid


def _header_rows(grid: list[list[Cell]]) -> int:
    """Leading all-bold rows are headers; header sub-rows of one split cell fold upwards."""
    count = 0
    for row in grid:
        texts = [c for c in row if c.text]
        if not texts or not all(c.bold for c in texts):
            break
        count += 1
    row = 1
    while row < count:
        merged = sum(1 for c in grid[row] if c.merged_up)
        if merged * 4 >= len(grid[row]) * 3:
            for c, cell in enumerate(grid[row]):
                if cell.text:
                    above = grid[row - 1][c]
                    above.text = f"{above.text} {cell.text}".strip()
            del grid[row]
            count -= 1
        else:
            row += 1
    return count


def extend_header_bands(tables: list[TableData], lines: list[Line]) -> list[Line]:
    """A ruled band of bold headings over borderless rows: the aligned lines below join it."""
    used: set[int] = set()
    for table in tables:
        band = table.header_rows == len(table.rows) or (table.header_rows and len(table.rows) < 3)
        if not band or not table.columns:
            continue
        below = [t.top for t in tables if t.top > table.bottom]
        limit = min(below, default=math.inf)
        previous = table.bottom
        rows: list[list[list[Word]]] = []
        for k, line in enumerate(lines):
            if k in used or line.top < table.bottom - 1 or line.top >= limit:
                continue
            if line.top - previous > 2.5 * line.size or line.x0 < table.x0 - 2 \
                    or line.x1 > table.x1 + 2:
                break
            placed = _place(segments(line.words), table.columns)
            if placed is None:
                break
            if not rows or 0 in placed or line.top - previous > 0.5 * line.size:
                rows.append([[] for _ in table.columns])
            for col, seg in placed.items():
                rows[-1][col].extend(seg)
            used.add(k)
            previous = line.bottom
        for r in rows:
            table.rows.append([Cell(cell_text(ws), table.page, bool(ws) and all(
                w.bold for w in ws)) for ws in r])
        if rows:
            table.bottom = previous
    return [line for k, line in enumerate(lines) if k not in used]


def _place(segs: list[list[Word]], columns: Bounds) -> dict[int, list[Word]] | None:
    """Which column each segment sits in; None if one straddles columns."""
    placed: dict[int, list[Word]] = {}
    for seg in segs:
        a, b = seg[0].x0, seg[-1].x1
        inside = [c for c, (x0, x1) in enumerate(columns) if a >= x0 - 2 and b <= x1 + 2]
        if len(inside) != 1:
            return None
        placed.setdefault(inside[0], []).extend(seg)
    return placed


# -- borderless tables ---------------------------------------------------------------------
def borderless_tables(lines: list[Line], page: int,
                      width: float) -> tuple[list[TableData], list[Line]]:
    """Runs of lines whose text falls into the same three or more columns."""
    segs = [segments(line.words) for line in lines]
    tabular = [len(s) >= 2 and not _hanging_label(s) for s in segs]
    tables: list[TableData] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        if not tabular[i]:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].top - lines[j - 1].bottom <= 1.5 * lines[j].size \
                and lines[j].top > lines[j - 1].top \
                and (tabular[j] or lines[j].x1 - lines[j].x0 <= 0.4 * width):
            j += 1
        starts = [s[0].x0 for k in range(i, j) if tabular[k] for s in segs[k][1:]]
        while j - 1 > i and not tabular[j - 1] and not any(
                abs(lines[j - 1].x0 - x) <= 3 for x in starts):
            j -= 1  # keep a wrapped cell's last line, drop text that follows the table
        table = _text_grid(lines[i:j], segs[i:j], page)
        if table is None:
            i += 1
            continue
        tables.append(table)
        used.update(range(i, j))
        i = j
    return tables, [line for k, line in enumerate(lines) if k not in used]


def _hanging_label(segs: list[list[Word]]) -> bool:
    """"1.1<tab>text" or "•<tab>text": a numbered or bulleted line, not a table row."""
    return len(segs) == 2 and _is_label(" ".join(w.text for w in segs[0]))


def _text_grid(lines: list[Line], segs: list[list[list[Word]]], page: int) -> TableData | None:
    spans = sorted((s[0].x0, s[-1].x1) for line_segs in segs for s in line_segs)
    columns: list[list[float]] = []
    for a, b in spans:
        if columns and a <= columns[-1][1] + 2:
            columns[-1][1] = max(columns[-1][1], b)
        else:
            columns.append([a, b])
    if len(columns) < 2:
        return None

    def column(seg: list[Word]) -> int:
        return next(k for k, (a, b) in enumerate(columns) if a - 0.1 <= seg[0].x0 <= b)

    occupied = [{column(s) for s in line_segs} for line_segs in segs]
    if sum(1 for occ in occupied if len(occ) >= 2) < 3:
        return None
    bold_header = lines[0].bold and not all(line.bold for line in lines[1:])
    if len(columns) < 3 and not bold_header:
        return None
    rows: list[list[list[Word]]] = []
    for k, (line, line_segs) in enumerate(zip(lines, segs, strict=True)):
        occ = occupied[k]
        gap = line.top - lines[k - 1].bottom if k else 0.0
        if not rows or (0 in occ and (len(occ) >= 2 or gap > 0.5 * line.size)):
            rows.append([[] for _ in columns])
        for s in line_segs:
            rows[-1][column(s)].extend(s)
    firsts = [" ".join(w.text for w in r[0]) for r in rows if r[0]]
    if firsts and all(_is_label(t) for t in firsts):
        return None  # a numbered list
    if all(len(r[-1]) == 1 and r[-1][0].text.isdigit() for r in rows):
        return None  # a table of contents: titles and page numbers
    grid = [[Cell(cell_text(ws), page, bool(ws) and all(w.bold for w in ws)) for ws in r]
            for r in rows]
    x0 = min(line.x0 for line in lines)
    x1 = max(line.x1 for line in lines)
    return TableData(page, x0, lines[0].top, x1, lines[-1].bottom, grid,
                     _header_rows(grid) if bold_header else 0, [(a, b) for a, b in columns])


def _is_label(text: str) -> bool:
    label = parse_typed_label(text + " x")
    return (label is not None and label.end >= len(text)) or text in BULLETS


# -- tables across pages -------------------------------------------------------------------
def continues(prev: TableData, table: TableData) -> bool:
    """``table`` (first on its page) carries on ``prev`` (last on the page before)."""
    last_page = max(cell.page for cell in prev.rows[-1])
    if table.page != last_page + 1 or table.width != prev.width:
        return False
    if abs(table.x0 - prev.x0) < 12 and abs(table.x1 - prev.x1) < 12:
        return True
    return len(table.columns) == len(prev.columns) > 0 and all(
        a >= x0 - 2 and b <= x1 + 2
        for (a, b), (x0, x1) in zip(table.columns, prev.columns, strict=True))


def _texts(row: list[Cell]) -> list[str]:
    return [re.sub(r"\s+", " ", c.text).strip().lower() for c in row]


def merge(prev: TableData, table: TableData) -> None:
    """Append ``table``'s rows to ``prev``: drop a repeated header, rejoin a split row."""
    rows = table.rows
    repeated = 0
    while repeated < min(len(rows) - 1, len(prev.rows)) and any(
            c.text for c in rows[repeated]) and _texts(rows[repeated]) == _texts(
            prev.rows[repeated]):
        repeated += 1
    head = prev.known_header_rows or 0
    if repeated:
        rows = rows[repeated:]  # the header, repeated on the new page
    elif head and table.known_header_rows:
        rows = rows[table.header_rows:]  # a reworded header ("... (continued)")
    if rows and len(prev.rows) > head and not rows[0][0].text and any(c.text for c in rows[0]) \
            and all(r[0].text for r in prev.rows[head:]):
        for cell, extra in zip(prev.rows[-1], rows[0], strict=False):
            if extra.text:  # a row split by the page break: its first cell is not repeated
                cell.text = f"{cell.text} {extra.text}".strip()
        rows = rows[1:]
    prev.rows.extend(rows)
    prev.bottom = table.bottom
