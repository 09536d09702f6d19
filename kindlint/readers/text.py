"""Plain-text reader: paragraphs split by blank lines, typed clause numbers, headings in capitals.

Hard-wrapped files (every line short) keep a paragraph's lines together; files written one
paragraph per line (lines longer than a wrapped paragraph's) give each line its own block.
"""

from __future__ import annotations

import re
from pathlib import Path

from kindlint.model.document import Anchor, BlockKind, Document
from kindlint.readers.builder import DocumentBuilder, ReadError
from kindlint.readers.clauses import parse_typed_label

_BULLET = re.compile(r"^\s*([-*•–·▪◦]|\d{1,2}[.)](?=\s))\s+")
_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
WRAP_WIDTH = 100  # a file whose lines are all this short or shorter is hard-wrapped


def decode_text(path: Path) -> str:
    """Read a text file as UTF-8 (falling back to Windows-1252); refuse binary data."""
    data = path.read_bytes()
    if b"\x00" in data[:65536]:
        raise ReadError("not a text file (it contains binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\r\n\t\f")
        if controls > len(text[:65536]) // 100 or "\ufffd" in text[:65536]:
            raise ReadError("not a text file (it is not valid UTF-8 text)") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> Document:
    """Read a ``.txt`` file."""
    lines = decode_text(path).split("\n")
    wrapped = max((len(line) for line in lines), default=0) <= WRAP_WIDTH
    builder = DocumentBuilder(str(path), "text")
    for chunk in _chunks(lines, wrapped):
        _emit(builder, chunk)
    return builder.build()


def _chunks(lines: list[str], wrapped: bool) -> list[list[tuple[int, str]]]:
    """Group lines into blocks: blank lines separate; bullets, clause numbers and (in files
    with a paragraph per line) every line start a new block."""
    chunks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if current:
                chunks.append(current)
                current = []
            continue
        if current and _UNDERLINE.match(line) and len(current) == 1:
            chunks.append([*current, (number, line)])
            current = []
            continue
        starts_block = (not wrapped or bool(_BULLET.match(line))
                        or (parse_typed_label(line) is not None and not line[:1].isspace())
                        or (len(current) == 1 and _looks_like_heading(current[0][1].strip())))
        if current and starts_block:
            chunks.append(current)
            current = []
        current.append((number, line))
    if current:
        chunks.append(current)
    return chunks


def _emit(builder: DocumentBuilder, chunk: list[tuple[int, str]]) -> None:
    first_line, first = chunk[0]
    if len(chunk) == 2 and _UNDERLINE.match(chunk[1][1]):
        level = 1 if chunk[1][1].strip().startswith("=") else 2
        builder.heading(first.strip(), level, line=first_line, column=_indent(first) + 1,
                        anchors=(Anchor(0, first_line, _indent(first) + 1),))
        return
    parts: list[str] = []
    anchors: list[Anchor] = []
    offset = 0
    for number, line in chunk:
        stripped = line.strip()
        anchors.append(Anchor(offset, number, _indent(line) + 1))
        parts.append(stripped)
        offset += len(stripped) + 1
    text = "\n".join(parts)
    where = {"line": first_line, "column": _indent(first) + 1, "anchors": tuple(anchors)}
    bullet = _BULLET.match(first)
    if bullet and not bullet.group(1)[0].isdigit():
        shift = bullet.end() - _indent(first)
        where["anchors"] = tuple(Anchor(max(a.offset - shift, 0), a.line,
                                        a.column + (shift if i == 0 else 0))
                                 for i, a in enumerate(anchors))
        builder.paragraph(text[shift:], kind=BlockKind.LIST_ITEM, list_depth=1, **where)
        return
    if len(chunk) == 1 and _looks_like_heading(text):
        label = parse_typed_label(text)
        depth = int(label.rank) if label and 1 <= label.rank < 10 else 1
        builder.heading(text, depth, **where)
        return
    builder.paragraph(text, **where)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _looks_like_heading(text: str) -> bool:
    """Short lines in capitals, division markers, and numbered titles without a full stop."""
    bullet = _BULLET.match(text)
    if len(text) > 100 or text.endswith((".", ",", ";", ":")) or (
            bullet and not bullet.group(1)[0].isdigit()):
        return False
    label = parse_typed_label(text)
    rest = text[label.end:].strip() if label else text
    letters = [ch for ch in rest if ch.isalpha()]
    if label and label.division:
        return len(rest) < 80
    if len(letters) < 3:
        return False
    if sum(1 for ch in letters if ch.isupper()) / len(letters) >= 0.8:
        return True
    # "1.1 Complexity levels": a numbered title; "(a) goals" is a clause, not a heading
    return bool(label and label.rank < 10 and rest[:1].isupper() and len(rest) <= 80)
