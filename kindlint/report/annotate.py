"""Write an annotated copy of a Word document: a Word comment on each finding.

Commissioners work in Word, so ``kindlint check --annotate out.docx tender.docx`` saves a copy
of the tender with a comment (author "kindlint", initials "KL") anchored on exactly the flagged
words. The input is only read; the copy is written to a different file.

How a finding finds its words again
-----------------------------------
A finding carries ``block`` (an index into the blocks the Word reader produced) and
``location.span`` (a character span inside that block's text). To get back from there to
runs, this module walks the document in the reader's order — header and footer paragraphs,
body paragraphs and table cells in body order (nested tables after their table), then
footnotes and endnotes — and builds the same text for each unit, remembering which ``w:p``
each stretch of text came from. A cell's text is its non-empty paragraphs joined by newlines,
with Word's automatic numbers ("(a) ") in front, exactly as the reader builds it; the numbers
come from the reader's own ``NumberingResolver`` fed in the same order.

The units are lined up with the blocks of a fresh read of the source (normally one to one;
when they differ, by matching texts in order), and each finding is checked: the unit's text
at the span must be the flagged text. If it is not, the flagged text is looked for in the
unit whose text equals the block's text, and then in any unit holding the finding's sentence.
A finding that cannot be placed is left out rather than put in the wrong place.

The span is then cut out of the runs: a run that starts before the flagged words or ends after
them is split in two (a deep copy keeps its ``w:rPr`` formatting and its place inside
hyperlinks, content controls or tracked insertions), so the comment range starts at the first
flagged character and ends at the last. Splitting never changes the text, so later findings
in the same paragraph still line up. The comment reference mark is moved out of tracked
insertions and hyperlinks, so that rejecting a tracked change does not delete the comment.

Findings without a block (about the document as a whole, such as "no KPI asks about people's
experience") go on the heading of the section their location names, if there is one, or else
on the first paragraph of the body, with text saying what they are about. Findings whose
subject is "whole document" (absence rules hang them on the heading where the missing clause
would belong) say so too; when such a finding, or one covering a whole block, sits in a page
header, it goes on the first body paragraph instead of being lost.

What cannot be annotated
------------------------
Word does not allow comments in page headers or footers, and python-docx's comment API only
anchors comments in the main document part (footnotes and endnotes live in parts it does not
edit). Findings on words there are skipped: they are still in the text, JSON or HTML report,
but they get no comment and are not counted. ``annotate_document`` returns them in
``skipped``, with the reason.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kindlint.model.findings import Finding
from kindlint.readers.docx import (
    item_text,
    note_paragraphs,
    paragraph_text,
    run_text,
    table_cells,
    visible_runs,
)
from kindlint.readers.docx_numbering import NumberingResolver, Styles, W, wval

AUTHOR = "kindlint"
INITIALS = "KL"
WHOLE_DOCUMENT = "whole document"  # the subject of findings about the document as a whole

_P, _R, _T, _TBL, _TR, _TC = (W + t for t in ("p", "r", "t", "tbl", "tr", "tc"))
_SDT, _SDT_CONTENT, _CUSTOM_XML = W + "sdt", W + "sdtContent", W + "customXml"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# What the document builder removes from block text (kept in step with readers/builder.py).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\u200b\ufeff]")
_SPACE = re.compile(r"\s+")

_BODY, _CELL, _HEADER, _FOOTER, _NOTE = "body", "cell", "header", "footer", "note"
_ANCHORABLE = (_BODY, _CELL)


@dataclass(frozen=True)
class AnnotationResult:
    """What ``annotate_document`` did: comments added, and findings it could not place."""

    added: int
    skipped: tuple[tuple[Finding, str], ...] = ()  # (finding, reason)


def annotate_docx(source: Path, findings: Sequence[Finding], output: Path) -> int:
    """Save a copy of ``source`` to ``output`` with a Word comment on each finding.

    Returns the number of comments added. ``source`` is never written to. Findings in page
    headers, footers, footnotes and endnotes are skipped (Word and python-docx cannot anchor
    a comment there) and not counted; see the module docstring for how findings are placed.
    """
    return annotate_document(source, findings, output).added


def annotate_document(source: Path, findings: Sequence[Finding],
                      output: Path) -> AnnotationResult:
    """Like ``annotate_docx``, but also says which findings got no comment, and why."""
    import docx

    source, output = Path(source), Path(output)
    if output.resolve() == source.resolve():
        raise ValueError(f"{output}: the annotated copy must be a different file from its "
                         "source")
    document = docx.Document(str(source))
    annotator = _Annotator(document, _read_blocks(source))
    for finding in findings:
        annotator.annotate(finding)
    document.save(str(output))
    return AnnotationResult(annotator.added, tuple(annotator.skipped))


def comment_text(finding: Finding, about: str | None = None) -> str:
    """The comment for a finding: message, what to consider, then code and name."""
    message = finding.message.strip()
    if about:
        message = f"{about}: {message}"
    lines = [_sentence(message)]
    if finding.suggestions:
        lines.append(_sentence("Consider: " + "; ".join(finding.suggestions)))
    lines.append(f"kindlint {finding.code} {finding.name} ({finding.severity.value})")
    return "\n".join(lines)


def _sentence(text: str) -> str:
    return text if text[-1:] in ".!?" else text + "."


# -- units: the reader's blocks, with the paragraphs they came from --------------------------

@dataclass
class _Unit:
    """The text of one block as the reader builds it, and where each paragraph's text sits."""

    kind: str
    raw: str
    pieces: tuple[tuple[int, object], ...]  # (offset of a paragraph's text in raw, w:p)
    clean: str = field(init=False)
    index: list[int] = field(init=False)  # clean offset -> raw offset

    def __post_init__(self) -> None:
        kept = [i for i, ch in enumerate(self.raw) if not _CONTROL.match(ch)]
        text = "".join(self.raw[i] for i in kept).replace("\xa0", " ")
        self.clean = text.strip()
        lead = len(text) - len(text.lstrip())
        self.index = kept[lead:lead + len(self.clean)]

    @property
    def anchorable(self) -> bool:
        return self.kind in _ANCHORABLE and bool(self.pieces)


class _Walker:
    """Walks a python-docx document in the Word reader's order, producing ``_Unit``s."""

    def __init__(self, document) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        self.document = document
        self.numbering = NumberingResolver(_related_element(document.part, RT.NUMBERING),
                                           Styles(_related_element(document.part, RT.STYLES)))
        self.units: list[_Unit] = []

    def walk(self) -> list[_Unit]:
        rels = list(self.document.part.rels.values())
        parts: dict[str, list] = {rel.reltype.rsplit("/", 1)[-1]: [] for rel in rels}
        for rel in rels:
            if not rel.is_external:
                parts[rel.reltype.rsplit("/", 1)[-1]].append(rel.target_part)
        for kind, unit_kind in (("header", _HEADER), ("footer", _FOOTER)):
            for part in parts.get(kind, []):
                element = getattr(part, "element", None)
                if element is not None:
                    for p in element.iter(_P):
                        self._paragraph_unit(p, unit_kind)
        self._container(self.document.element.body)
        for kind in ("footnotes", "endnotes"):
            for part in parts.get(kind, []):
                self._notes(part, kind[:-1])
        return self.units

    def _container(self, element) -> None:
        for child in element:
            if child.tag == _P:
                self.numbering.number(child)  # keeps the counters in step with the reader
                self._paragraph_unit(child, _BODY)
            elif child.tag == _TBL:
                self._table(child)
            elif child.tag in (_SDT, _SDT_CONTENT, _CUSTOM_XML):
                self._container(child)

    def _paragraph_unit(self, p, kind: str) -> None:
        unit = _Unit(kind, paragraph_text(p), ((0, p),))
        if unit.clean:
            self.units.append(unit)

    def _table(self, tbl) -> None:
        rows: list[list[_Unit]] = []
        nested: list = []
        for tr in tbl.iterfind(_TR):
            row: list[_Unit] = []
            for tc in table_cells(tr):
                tcpr = tc.find(W + "tcPr")
                span = int(wval(tcpr, "gridSpan", "1") or 1)
                vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
                continues = vmerge is not None and vmerge.get(W + "val", "continue") == "continue"
                row.append(_Unit(_CELL, "", ()) if continues else self._cell(tc, nested))
                row.extend(_Unit(_CELL, "", ()) for _ in range(span - 1))
            rows.append(row)
        for row in rows:
            if any(unit.raw.strip() for unit in row):
                self.units.extend(row)
        for inner in nested:
            self._table(inner)

    def _cell(self, tc, nested: list) -> _Unit:
        lines: list[str] = []
        pieces: list[tuple[int, object]] = []
        offset = 0

        def walk(element) -> None:
            nonlocal offset
            for child in element:
                if child.tag == _P:
                    numbered = self.numbering.number(child)
                    text = paragraph_text(child)
                    prefix = ""
                    if numbered and numbered.label and not numbered.bullet:
                        prefix = f"{numbered.label} "
                    if (prefix + text).strip():
                        pieces.append((offset + len(prefix), child))
                        lines.append(prefix + text)
                        offset += len(prefix + text) + 1  # and the "\n" joining lines
                elif child.tag == _TBL:
                    nested.append(child)
                elif child.tag in (_SDT, _SDT_CONTENT, _CUSTOM_XML):
                    walk(child)

        walk(tc)
        return _Unit(_CELL, "\n".join(lines), tuple(pieces))

    def _notes(self, part, kind: str) -> None:
        for _, p in note_paragraphs(part, kind):
            self._paragraph_unit(p, _NOTE)


def _related_element(part, reltype: str):
    """The XML of a related part, without creating the part when it is missing."""
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return getattr(rel.target_part, "element", None)
    return None


def _split_run(r, offset: int):
    """Split run ``r`` so that a new run starts at character ``offset``; return that run.

    The new run is a deep copy (formatting, ``w:rPr``, attributes) placed right after ``r``,
    inside the same container; each keeps only its side of the text.
    """
    right = copy.deepcopy(r)
    position = 0
    for left_item, right_item in zip(list(r), list(right), strict=True):
        if left_item.tag == W + "rPr":
            continue
        length = len(item_text(left_item))
        if position + length <= offset and not (length == 0 and position == offset):
            right.remove(right_item)  # wholly before the cut
        elif position >= offset:
            r.remove(left_item)  # wholly after the cut
        else:  # a w:t the cut goes through
            cut = offset - position
            text = left_item.text or ""
            left_item.text, right_item.text = text[:cut], text[cut:]
            left_item.set(_XML_SPACE, "preserve")
            right_item.set(_XML_SPACE, "preserve")
        position += length
    r.addnext(right)
    return right


def _boundary(p, offset: int) -> None:
    """Make sure a run starts (or ends) at ``offset`` of the paragraph's text."""
    position = 0
    for r in visible_runs(p):
        length = len(run_text(r))
        if position < offset < position + length:
            _split_run(r, offset - position)
            return
        position += length


def _covered_runs(p, start: int, end: int) -> list:
    """The runs holding exactly ``[start, end)`` of the paragraph's text (splitting runs)."""
    _boundary(p, start)
    _boundary(p, end)
    covered = []
    position = 0
    for r in visible_runs(p):
        length = len(run_text(r))
        if length and start <= position and position + length <= end:
            covered.append(r)
        position += length
    return covered


def _move_reference_out(last_run, comment_id: int) -> None:
    """Put the comment's reference run directly in its paragraph (not in w:ins or a link).

    python-docx puts ``w:commentRangeEnd`` and then the reference run right after the last
    anchored run, inside whatever holds that run.
    """
    end = last_run.getnext()
    run = end.getnext() if end is not None else None
    if run is None or run.tag != _R or run.find(W + "commentReference") is None:
        return
    if run.find(W + "commentReference").get(W + "id") != str(comment_id):
        return
    top = run
    while top.getparent() is not None and top.getparent().tag != _P:
        top = top.getparent()
    if top is not run and top.getparent() is not None:
        top.addnext(run)


# -- placing findings ------------------------------------------------------------------------

def _read_blocks(source: Path):
    """The blocks the reader gives for ``source`` (None if it cannot be read again)."""
    from kindlint.readers import ReadError
    from kindlint.readers.docx import read_docx

    try:
        return read_docx(source).blocks
    except (ReadError, OSError, ValueError, KeyError, AttributeError):
        return None


class _Annotator:
    def __init__(self, document, blocks) -> None:
        self.document = document
        self.blocks = blocks
        self.units = _Walker(document).walk()
        self.unit_of_block = self._align()
        self.added = 0
        self.skipped: list[tuple[Finding, str]] = []

    def _align(self) -> dict[int, int]:
        """Block index -> unit index: one to one when the texts agree, else matched in order."""
        if self.blocks is None:  # trust the walk: it follows the reader step by step
            return {i: i for i in range(len(self.units))}
        block_texts = [b.text for b in self.blocks]
        unit_texts = [u.clean for u in self.units]
        if block_texts == unit_texts:
            return {i: i for i in range(len(block_texts))}
        matcher = difflib.SequenceMatcher(None, block_texts, unit_texts, autojunk=False)
        pairs: dict[int, int] = {}
        for a, b, size in matcher.get_matching_blocks():
            for k in range(size):
                pairs[a + k] = b + k
        return pairs

    # -- one finding -------------------------------------------------------------------------
    def annotate(self, finding: Finding) -> None:
        if finding.block is None:
            self._annotate_whole(finding)
            return
        placed = self._place(finding)
        if placed is None:
            self.skipped.append((finding, "the flagged text was not found in the document"))
            return
        unit, start, end = placed
        whole_document = finding.subject == WHOLE_DOCUMENT
        if not unit.anchorable and (whole_document or (start, end) == (0, len(unit.clean))):
            # A finding about the document as a whole that a rule hung on the first block,
            # which happened to be a page header: put it where a reader will see it.
            self._annotate_whole(finding)
            return
        if not unit.anchorable:
            where = {_HEADER: "a page header", _FOOTER: "a page footer",
                     _NOTE: "a footnote or endnote"}.get(unit.kind, "a part Word comments "
                                                                 "cannot be anchored in")
            self.skipped.append((finding, f"it is in {where}"))
            return
        about = "About the whole document" if whole_document else None
        if not self._comment(unit, start, end, comment_text(finding, about)):
            self.skipped.append((finding, "no text to anchor a comment on"))

    def _place(self, finding: Finding) -> tuple[_Unit, int, int] | None:
        """The unit and the span (in its clean text) of a finding with a block."""
        text, span = finding.text, finding.location.span
        context = _SPACE.sub(" ", finding.context).strip()

        def fits(unit: _Unit) -> bool:  # the finding's sentence is in this unit
            return context in _SPACE.sub(" ", unit.clean)

        # 1. The unit the block index points at. The whole block (when the flagged words are
        # not block text, as for an unused suppression, which names its Word comment) only
        # when the unit is known to be the reader's block and the sentence fits.
        unit_index = self.unit_of_block.get(finding.block)
        if unit_index is not None:
            unit = self.units[unit_index]
            found = _span_in(unit, text, span, whole=self.blocks is not None and fits(unit))
            if found is not None:
                return found
        # 2. The paragraph whose text is the block's text, wherever it is.
        candidates: dict[int, bool] = {}
        if self.blocks is not None and 0 <= finding.block < len(self.blocks):
            block_text = self.blocks[finding.block].text
            candidates = {i: fits(u) for i, u in enumerate(self.units) if u.clean == block_text}
        # 3. Any paragraph holding the sentence the finding quotes.
        if text and context:
            for i, unit in enumerate(self.units):
                if i not in candidates and fits(unit):
                    candidates[i] = False
        near = unit_index if unit_index is not None else finding.block
        for i in sorted(candidates, key=lambda i: abs(i - near)):
            found = _span_in(self.units[i], text, span, whole=candidates[i])
            if found is not None:
                return found
        return None

    def _annotate_whole(self, finding: Finding) -> None:
        """A finding about the whole document, or a whole section of it."""
        section = finding.location.section
        heading = self._section_heading(finding) if section else None
        if heading is not None:
            about = f"About the section '{section}' as a whole"
            targets = [heading]
        else:
            about = "About the whole document"
            targets = [u for u in self.units if u.kind == _BODY and u.anchorable]
        text = comment_text(finding, about)
        for unit in targets:
            if self._comment(unit, 0, len(unit.clean), text):
                return
        self.skipped.append((finding, "the document has no paragraph to put it on"))

    def _section_heading(self, finding: Finding) -> _Unit | None:
        if self.blocks is None:
            return None
        from kindlint.model.document import BlockKind

        location = finding.location
        headings = [b for b in self.blocks if b.kind is BlockKind.HEADING
                    and b.location.section == location.section]
        headings.sort(key=lambda b: b.location.clause_path != location.clause_path)
        for block in headings:
            index = self.unit_of_block.get(block.index)
            if index is not None and self.units[index].anchorable:
                return self.units[index]
        return None

    # -- one comment ------------------------------------------------------------------------
    def _comment(self, unit: _Unit, start: int, end: int, text: str) -> bool:
        """Anchor a comment on ``unit.clean[start:end]``; False if there are no runs there."""
        from docx.text.run import Run

        if not unit.anchorable or end <= start or end > len(unit.index):
            return False
        raw_start, raw_end = unit.index[start], unit.index[end - 1] + 1
        runs: list = []
        for offset, p in unit.pieces:
            length = len(paragraph_text(p))
            lo, hi = max(raw_start, offset), min(raw_end, offset + length)
            if lo < hi:
                runs += _covered_runs(p, lo - offset, hi - offset)
        if not runs:
            return False
        comment = self.document.add_comment(
            [Run(runs[0], self.document), Run(runs[-1], self.document)],
            text=text, author=AUTHOR, initials=INITIALS,
        )
        _move_reference_out(runs[-1], comment.comment_id)
        self.added += 1
        return True


def _span_in(unit: _Unit, text: str, span: tuple[int, int] | None,
             whole: bool = True) -> tuple[_Unit, int, int] | None:
    """Where the flagged ``text`` is in ``unit``: at ``span`` if it is there, else the
    occurrence nearest to it; the whole unit (when ``whole``) if the text is not in it."""
    clean = unit.clean
    if span is not None and text and clean[span[0]:span[1]] == text:
        return unit, span[0], span[1]
    if text:
        starts = [m.start() for m in re.finditer(re.escape(text), clean)]
        if starts:
            best = min(starts, key=lambda s: abs(s - span[0])) if span else starts[0]
            return unit, best, best + len(text)
    if whole and clean:
        return unit, 0, len(clean)  # e.g. an unused suppression: the comment is on the block
    return None
