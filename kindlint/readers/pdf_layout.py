"""PDF layout: words into lines, running headers and footers, lines into blocks."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from operator import attrgetter, ne

from kindlint.readers.clauses import Label, parse_typed_label

BULLETS = frozenset("•●○◦▪▫■□◆◇◊►▸‣⁃∙·-–—*»›➢➤✓✔❖⦁")
_TERMINAL = re.compile(r"[.!?:;][\"'”’)\]]*$")
# A line ending with one of these words usually runs on ("see clause\n4.2 below").
_RUNS_ON = frozenset((
    "clause", "clauses", "paragraph", "paragraphs", "para", "section", "sections", "schedule",
    "schedules", "annex", "appendix", "part", "parts", "table", "tables", "article", "item",
    "items", "point", "page", "pages", "see", "under", "in", "of", "to", "per", "with", "by",
    "at", "from", "on", "the",
))
_GLUED_LABEL = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*[.)]|\(\w{1,3}\))(?=[A-Z][a-z])")
_RUN_ON = re.compile(r"[a-z][\w'’-]*[\s,;:.)]")  # a line going on with a lowercase word
_ROMAN_LABEL = re.compile(r"(i{1,3}|iv|vi{0,3}|ix|x)\s+[A-Z]")
_ABBREVIATION = re.compile(r"^\((?![IVX]+\))[A-Z]{2,4}\)$")  # "(EUNA)", not "(B)" or "(IV)"
_LEADERS = re.compile(r"(\.{4,}|…|_{4,})\s*\d{0,3}$")
_PAGE_NUMBER = re.compile(
    r"^(page\s*)?#+(\s*(of|/)\s*#+)?$|^[-–—]\s*#+\s*[-–—]$|^#+\s*\|\s*page$|^page\s*\|\s*#+$"
    r"|^[ivxlc]{1,6}$"
)


@dataclass(slots=True)
class Word:
    """A word with its box in top-down page coordinates (points)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False
    symbol: bool = False  # set in a symbol font (Wingdings, Symbol): a bullet glyph

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Line:
    """One line of text; ``words`` is dropped once the page has been analysed."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    bullet: str | None = None
    body_x0: float = 0.0  # where the text after a bullet or clause number starts
    words: list[Word] = field(default_factory=list)
    label: Label | None = None  # the clause number ``text`` starts with (make_line sets it)


@dataclass(slots=True)
class PageData:
    """What one page holds, in reading order once sorted by ``top``."""

    number: int
    width: float
    height: float
    lines: list[Line]
    tables: list  # list[pdf_tables.TableData]


# -- words to lines ------------------------------------------------------------------------
def build_lines(words: list[Word]) -> list[Line]:
    """Group words whose boxes share a band into lines, top to bottom, left to right."""
    groups: list[list[Word]] = []
    group: list[Word] = []
    low = high = 0.0  # the band the current line covers so far
    order = sorted([((w.top + w.bottom) / 2, w.x0, n) for n, w in enumerate(words)])
    for middle, _, n in order:  # by middle, then left edge (stable: n breaks ties)
        word = words[n]
        top, bottom = word.top, word.bottom
        if group and low <= middle <= high:
            height = high - low if high - low < bottom - top else bottom - top
            overlap = (high if high < bottom else bottom) - (low if low > top else top)
            if overlap >= 0.5 * height:
                group.append(word)
                low, high = (top if top < low else low), (bottom if bottom > high else high)
                continue
        group = [word]
        groups.append(group)
        low, high = top, bottom
    return [make_line(g) for g in groups]


def make_line(words: list[Word]) -> Line:
    """A line from its words: text, box, dominant size and weight, leading bullet."""
    if len(words) > 1:
        words = _dedupe(sorted(words, key=_LEFT))
    size, bold, main = _main_style(words)
    if len(main) == 1:
        top, bottom = main[0].top, main[0].bottom
    else:
        top = sorted([w.top for w in main])[len(main) // 2]
        bottom = sorted([w.bottom for w in main])[len(main) // 2]
    line = Line("", words[0].x0, top, max([w.x1 for w in words]), bottom, size, bold,
                words=words)
    words = body = _unglue(words)
    first = words[0]
    if len(words) > 1 and is_bullet(first, words[1]):
        line.bullet, body = first.text, words[1:]
    elif len(first.text) > 1 and first.text[0] in "•●▪■◦" and first.text[1].isalnum():
        line.bullet = first.text[0]
    text = " ".join([w.text for w in body])
    if line.bullet and body is words:
        text = text[1:]
    line.text = text
    line.label = parse_typed_label(text)
    line.body_x0 = _body_x0(line.label, body, bool(line.bullet))
    return line


_LEFT = attrgetter("x0")


def _main_style(words: list[Word]) -> tuple[float, bool, list[Word]]:
    """The size (to half a point) most characters are set in (the first met, on a tie),
    whether 80% of them are bold, and the words in that size."""
    lengths = [len(w.text) for w in words]
    bold = sum([n for w, n in zip(words, lengths, strict=True) if w.bold])
    total = sum(lengths) or 1
    sizes = [w.size for w in words]
    if sizes.count(sizes[0]) == len(sizes):  # the usual line: one size throughout
        return round(sizes[0] * 2) / 2, bold / total >= 0.8, words
    halves = [round(size * 2) / 2 for size in sizes]
    weights: dict[float, int] = {}
    for half, n in zip(halves, lengths, strict=True):
        weights[half] = weights.get(half, 0) + n
    size = max(weights, key=weights.__getitem__)
    main = words if len(weights) == 1 else [
        w for w, h in zip(words, halves, strict=True) if h == size]
    return size, bold / total >= 0.8, main


def _unglue(words: list[Word]) -> list[Word]:
    """"1.5.1.Use" set without a gap: the number split from the text (the line's words
    otherwise, unchanged)."""
    first = words[0]
    glued = _GLUED_LABEL.match(first.text)
    if not glued:
        return words
    cut = first.x0 + (first.x1 - first.x0) * glued.end() / len(first.text)
    return [Word(glued.group(0), first.x0, first.top, cut, first.bottom, first.size, first.bold),
            Word(first.text[glued.end():], cut, first.top, first.x1, first.bottom, first.size,
                 first.bold), *words[1:]]


def _body_x0(label: Label | None, body: list[Word], bullet: bool) -> float:
    """Where the text after a bullet, a clause number (``label``) or a "Term:<tab>" starts."""
    if label is not None and len(body) > 1 and label.end <= len(body[0].text):
        return body[1].x0
    if not bullet and label is None:
        parts = segments(body)
        if len(parts) > 1 and sum(len(w.text) + 1 for w in parts[0]) <= 30:
            return parts[1][0].x0  # "Term:<tab>text" with the text hanging
    return body[0].x0


def cell_text(words: list[Word]) -> str:
    """Lines of a cell joined as running text; a numbered or bulleted line starts anew."""
    parts: list[str] = []
    for line in build_lines(words):
        text = (line.bullet + " " if line.bullet else "") + line.text
        if parts and (line.bullet or line.label is not None):
            parts[-1] += "\n"
        parts.append(text)
    text, _ = join_lines(parts)
    return text.replace("\n ", "\n")


def is_bullet(word: Word, following: Word) -> bool:
    """A lone glyph before the text of a line: "•", "-", a Wingdings square, an "o"."""
    text = word.text
    if len(text) != 1:
        return False
    if text in BULLETS or word.symbol or 0xE000 <= ord(text) <= 0xF8FF:
        return True
    return text == "o" and following.x0 - word.x1 > 0.6 * word.size


def _dedupe(words: list[Word]) -> list[Word]:
    """Drop words drawn twice at (almost) the same place, a trick some PDFs use for bold."""
    texts = [w.text for w in words]
    if all(map(ne, texts, texts[1:])):
        return words  # no word follows one with the same text: nothing to drop
    out: list[Word] = []
    for w in words:
        if out and out[-1].text == w.text and abs(out[-1].x0 - w.x0) < 0.3 * w.size:
            continue
        out.append(w)
    return out


def segments(words: list[Word]) -> list[list[Word]]:
    """Split a line's words where the gap is wide enough to separate columns."""
    out: list[list[Word]] = []
    part: list[Word] = []
    right = 0.0  # where the word before ends
    for w in words:
        if part and w.x0 - right < max(w.size, 6.0):
            part.append(w)
        else:
            part = [w]
            out.append(part)
        right = w.x1
    return out


# -- running headers and footers -----------------------------------------------------------
def normalise(text: str) -> str:
    """Text with digits folded so "Page 3 of 19" and "Page 4 of 19" compare equal."""
    text = re.sub(r"\b[ivxlc]{1,6}\b", "#", re.sub(r"\d+", "#", text.lower()))
    return re.sub(r"\s+", " ", text).strip()


def running_lines(pages: list[PageData]) -> dict[tuple[int, int], str]:
    """Lines that are page furniture: ``(page index, line index) -> header|footer|number``.

    A line near the top or bottom is furniture when its text recurs there on a quarter of the
    pages, or on half of them once numbers are folded ("Page 3 of 19")."""
    candidates: list[tuple[int, int, str, str, str]] = []
    for p, page in enumerate(pages):
        lines = page.lines
        for i, line in enumerate(lines):
            if i < 4 and line.top < 0.2 * page.height:
                zone = "header"
            elif i >= len(lines) - 4 and line.bottom > 0.8 * page.height:
                zone = "footer"
            else:
                continue
            candidates.append((p, i, zone, line.text.lower(), normalise(line.text)))
    exact: defaultdict[tuple[str, str], set[int]] = defaultdict(set)
    folded: defaultdict[tuple[str, str], set[int]] = defaultdict(set)
    for p, _, zone, text, key in candidates:
        exact[(zone, text)].add(p)
        folded[(zone, key)].add(p)
    quarter, half = (max(2, math.ceil(share * len(pages))) for share in (0.25, 0.5))
    found: dict[tuple[int, int], str] = {}
    for p, i, zone, text, key in candidates:
        if _PAGE_NUMBER.match(key):
            found[(p, i)] = "number"
        elif len(pages) > 1 and (len(exact[(zone, text)]) >= quarter
                                 or len(folded[(zone, key)]) >= half):
            found[(p, i)] = zone
    return found


# -- document statistics -------------------------------------------------------------------
@dataclass(slots=True)
class Stats:
    """Document-wide measures the paragraph rules compare against."""

    body_size: float
    body_bold: bool
    line_gap: dict[float, float]
    right: dict[int, float]

    def gap(self, size: float) -> float:
        return self.line_gap.get(size, 0.25 * size)


def measure(pages: list[PageData]) -> Stats:
    """Body font size, usual gap between lines of a size, right margin per page width."""
    sizes: Counter[float] = Counter()
    bold = 0
    gaps: defaultdict[float, list[float]] = defaultdict(list)
    rights: defaultdict[int, list[float]] = defaultdict(list)
    for page in pages:
        previous: Line | None = None
        for line in page.lines:
            sizes[line.size] += len(line.text)
            bold += len(line.text) if line.bold else 0
            if len(line.text) >= 40:
                rights[round(page.width)].append(line.x1)
            if previous is not None and previous.size == line.size:
                gap = line.top - previous.bottom
                if -0.5 * line.size < gap < 2 * line.size:
                    gaps[line.size].append(gap)
            previous = line
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    line_gap = {s: sorted(g)[len(g) // 4] for s, g in gaps.items() if len(g) >= 4}
    right = {w: sorted(r)[int(len(r) * 0.9)] for w, r in rights.items()}
    total = sum(sizes.values()) or 1
    return Stats(body, bold / total > 0.6, line_gap, right)


# -- lines to blocks -----------------------------------------------------------------------
@dataclass(slots=True)
class TextBlock:
    """Consecutive lines that make one heading, paragraph or list item."""

    lines: list[tuple[int, Line]]  # (page number, line)
    kind: str = "paragraph"  # "heading" | "paragraph" | "list"
    level: int = 1

    @property
    def first(self) -> Line:
        return self.lines[0][1]


def starts_block(block: TextBlock, page: int, line: Line, stats: Stats,
                 page_width: float) -> bool:
    """Does ``line`` begin a new block rather than continue ``block``?"""
    prev_page, prev = block.lines[-1]
    if line.bullet:
        return True
    if _new_clause(prev, line):
        return True
    lead = line.text[:1]
    if lead and not lead.isalnum() and lead == block.first.text[:1] and lead not in "(\"“'‘[" \
            and abs(line.x0 - block.first.x0) < 2:
        return True  # "§ 1194.21 ..." lines: an unbulleted list
    ends_sentence = bool(_TERMINAL.search(prev.text))
    right = stats.right.get(round(page_width), page_width * 0.85)
    short = prev.x1 < right - max(3 * prev.size, 0.1 * right)
    if abs(prev.size - line.size) > 0.75:
        return True
    if prev.bold != line.bold and (ends_sentence or short):
        return True  # a change of weight, unless a sentence in bold runs on
    tolerance = max(3.0, 0.5 * line.size)
    first = block.first
    if abs(line.x0 + line.x1 - prev.x0 - prev.x1) < 2 * tolerance:
        pass  # centred lines: their left edges do not line up
    elif len(block.lines) >= 2:
        if abs(line.x0 - block.lines[1][1].x0) > tolerance:
            return True
    elif first.body_x0 > first.x0 + tolerance:  # hanging text after a bullet or number
        if line.x0 > first.body_x0 + 2 * line.size or line.x0 < first.x0 - tolerance:
            return True
    elif line.x0 > first.x0 + tolerance:
        return True
    if prev_page != page:
        return ends_sentence
    if line.top < prev.top:
        return True
    if line.top - prev.bottom > stats.gap(line.size) + max(1.5, 0.3 * line.size):
        return True
    return short and ends_sentence and not runs_on(line.text)


def runs_on(text: str) -> bool:
    """Does a line start mid-sentence (a lowercase word, not an "ii" clause number)?"""
    return bool(_RUN_ON.match(text)) and not _ROMAN_LABEL.match(text)


def _new_clause(prev: Line, line: Line) -> bool:
    """A clause number starts the line, unless the line before runs on into it."""
    label = line.label
    if label is None or _ABBREVIATION.match(label.text):
        return False
    if _TERMINAL.search(prev.text):
        return True
    last = prev.text.rsplit(None, 1)[-1].lower() if prev.text.strip() else ""
    if label.division:  # "Schedule 3" mid-sentence is a reference, not a new division
        return last in ("and", "or") or line.bold
    return last not in _RUNS_ON


def is_heading(block: TextBlock, stats: Stats) -> bool:
    """Short, no final full stop, and larger or bolder than the body text."""
    if block.kind == "list" or len(block.lines) > 3:
        return False
    line = block.first
    if any(ln.bold != line.bold or ln.size != line.size for _, ln in block.lines):
        return False
    text = " ".join(ln.text for _, ln in block.lines)
    if len(text) > 200 or text.rstrip().endswith((".", ",", ";")) or not any(
            ch.isalpha() for ch in text) or is_contents_entry(text):
        return False
    larger = line.size >= stats.body_size + 1.5 or line.size >= stats.body_size * 1.15
    return larger or (line.bold and not stats.body_bold and len(text) <= 150)


def is_contents_entry(text: str) -> bool:
    """"Scope ........ 8" or "4.0 Scope 8": a line of a table of contents."""
    if _LEADERS.search(text):
        return True
    label = parse_typed_label(text)
    if label is None or label.division:
        return False
    rest = text[label.end:].rstrip()
    return bool(re.search(r"[A-Za-z]\S*\s+\d{1,3}$", rest))


def heading_levels(blocks: list[TextBlock]) -> None:
    """Rank heading styles (larger, then bold, first) and add depth for "1.2"-style numbers."""
    styles = sorted({(b.first.size, b.first.bold) for b in blocks if b.kind == "heading"},
                    key=lambda s: (-s[0], not s[1]))
    rank = {style: i + 1 for i, style in enumerate(styles)}
    for block in blocks:
        if block.kind != "heading":
            continue
        level = rank[(block.first.size, block.first.bold)]
        label = block.first.label
        if label is not None and label.division is None and label.text[:1].isdigit():
            level += int(label.rank) - 1  # "4.2" under "4" in the same style
        block.level = min(level, 9)


def join_lines(parts: list[str]) -> tuple[str, list[int]]:
    """Join line texts into running text; returns the text and where each line starts."""
    text = ""
    starts: list[int] = []
    for part in parts:
        if text:
            glue = "" if _glued(text, part) else " "
            text += glue
        starts.append(len(text))
        text += part
    return text, starts


def _glued(before: str, after: str) -> bool:
    """A hyphenated word or a URL broken across lines joins without a space."""
    if before.endswith("-") and len(before) > 1 and before[-2].isalnum():
        return after[:1].isalnum()
    if before.endswith("/"):
        last = before.rsplit(None, 1)[-1]
        return ("://" in last or last.startswith("www.")) and (
            after[:1].islower() or after[:1].isdigit())
    return False
