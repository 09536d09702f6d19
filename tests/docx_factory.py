"""Build small .docx files for tests with genuine Word structures (numbering, merges, notes)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

LEVELS = (("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)"),
          ("lowerRoman", "(%4)"))


def add_abstract_numbering(document, abstract_id: int, levels=LEVELS, style_links=None) -> None:
    """Add a multi-level list definition (abstractNum) to the numbering part."""
    numbering = document.part.numbering_part.element
    lvls = []
    for ilvl, (fmt, text) in enumerate(levels):
        pstyle = ""
        if style_links and ilvl in style_links:
            pstyle = f'<w:pStyle w:val="{style_links[ilvl]}"/>'
        lvls.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                    f'{pstyle}<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="multilevel"/>{"".join(lvls)}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)


def add_num(document, num_id: int, abstract_id: int, start_overrides=None) -> None:
    """Add a list instance (w:num), optionally restarting levels with startOverride."""
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (start_overrides or {}).items()
    )
    document.part.numbering_part.element.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
        f'{overrides}</w:num>'))


def number(paragraph, num_id: int, ilvl: int) -> None:
    """Give a paragraph direct numbering (numPr)."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/>'
                         f'<w:numId w:val="{num_id}"/></w:numPr>'))


def style_numbering(document, style_name: str, num_id: int, ilvl: int | None = None) -> None:
    """Make a paragraph style carry numbering, so its paragraphs inherit it."""
    style = document.styles[style_name]
    ppr = style.element.get_or_add_pPr()
    ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}>{ilvl_xml}<w:numId w:val="{num_id}"/>'
                         f'</w:numPr>'))


def tracked_insert(paragraph, text: str) -> None:
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="901" w:author="Editor" w:date="2026-01-01T00:00:00Z">'
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>'))


def tracked_delete(paragraph, text: str) -> None:
    paragraph._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="902" w:author="Editor" w:date="2026-01-01T00:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'))


def merge_right(table, row: int, col: int) -> None:
    table.cell(row, col).merge(table.cell(row, col + 1))


def mark_header_row(table, row: int = 0) -> None:
    trpr = table.rows[row]._tr.get_or_add_trPr()
    trpr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))


def add_footnote(document, paragraph, text: str, note_id: int = 1) -> None:
    """Add a footnote part (if needed), a footnote and a reference to it in ``paragraph``."""
    part = next((r.target_part for r in document.part.rels.values()
                 if r.reltype == RT.FOOTNOTES), None)
    if part is None:
        xml = (f'<w:footnotes {nsdecls("w")}>'
               '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
               '</w:footnote></w:footnotes>')
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(),
                    document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
    root = parse_xml(part.blob)
    root.append(parse_xml(f'<w:footnote {nsdecls("w")} w:id="{note_id}"><w:p><w:r>'
                          f'<w:t>{text}</w:t></w:r></w:p></w:footnote>'))
    part._blob = _serialise(root)
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="{note_id}"/>'
                                  f'</w:r>'))


def _serialise(element) -> bytes:
    from lxml import etree

    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def new_document():
    return docx.Document()


def save(document, path: Path) -> Path:
    document.save(str(path))
    return path
