"""Build the example tender packs in examples/ from their single content sources.

    python examples/build_examples.py [OUTPUT_DIR]

For each variant (homecare-tender, the "before", and homecare-relational, the "after") the
content in examples/source/<name>.py is written three ways:

* .docx with genuine Word automatic numbering (one multi-level list, restarted for the KPI
  schedule and for Part C through w:num/w:lvlOverride/w:startOverride; section headings take
  their number from the "Heading 2" paragraph style) and real Word tables;
* .pdf (reportlab, invariant) with the numbers typed as text;
* .md with typed numbers, pipe tables and YAML front matter.

The numbers typed into the .pdf and .md are computed here from the same structure that drives
the .docx numbering, so they are the numbers Word displays. Every output is byte-reproducible:
running the build twice gives identical files.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

EXAMPLES = Path(__file__).resolve().parent
VARIANTS = {"homecare-tender": "homecare_tender", "homecare-relational": "homecare_relational"}
FIXED_DATE = dt.datetime(2026, 1, 1, 0, 0, 0)
ZIP_DATE = (2026, 1, 1, 0, 0, 0)
AUTHOR = "Northshire County Council"

# Word numbering ids used by the generator (the python-docx template already uses 0-8 / 1-9).
ABSTRACT_ID = 20
FIRST_NUM_ID = 20
LEVEL_TEXT = ("%1.", "%1.%2", "%1.%2.%3", "(%4)", "(%5)")
LEVEL_FMT = ("decimal", "decimal", "decimal", "lowerLetter", "lowerRoman")
# (left indent, hanging) in twentieths of a point, per level.
LEVEL_INDENT = ((567, 567), (567, 567), (1418, 851), (1134, 567), (1701, 567))

_REF = re.compile(r"\[\[([a-z0-9_-]+)\]\]")


# ----------------------------------------------------------------------------- structure
@dataclass
class Item:
    """One content item with its computed Word number."""

    kind: str
    text: str = ""
    level: int | None = None  # Word ilvl for numbered items
    label: str | None = None  # the number Word displays, e.g. "4.2", "(b)", "3."
    instance: int = 0  # which w:num (0 = main list, 1.. = restarted lists)
    key: str | None = None
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)


def load_source(module_name: str):
    """Import examples/source/<module_name>.py and return (META, CONTENT)."""
    path = EXAMPLES / "source" / f"{module_name}.py"
    spec = importlib.util.spec_from_file_location(f"_kindlint_example_{module_name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.META, module.CONTENT


def _alpha(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = []
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _label(counters: list[int], level: int) -> str:
    """The text Word shows for ``level`` given the list counters (see LEVEL_TEXT)."""
    used = {0: (0,), 1: (0, 1), 2: (0, 1, 2), 3: (3,), 4: (4,)}[level]
    if any(counters[i] == 0 for i in used):
        raise ValueError(f"level {level} used before one of its parent levels")
    c = counters
    return (f"{c[0]}.", f"{c[0]}.{c[1]}", f"{c[0]}.{c[1]}.{c[2]}", f"({_alpha(c[3])})",
            f"({_roman(c[4])})")[level]


def number_items(content) -> list[Item]:
    """Compute Word's numbers for the content and resolve [[key]] cross-references."""
    items: list[Item] = []
    refs: dict[str, str] = {}
    counters = [0] * 5
    instance = 0
    fresh = False
    context = ["", "", ""]  # last labels at levels 0..2, for references to (a)/(i) items
    for entry in content:
        kind = entry[0]
        if kind == "restart":
            instance += 1
            counters = [0] * 5
            fresh = True
            continue
        if kind == "table":
            _, header, rows, widths = entry
            items.append(Item("table", header=list(header), rows=[list(r) for r in rows],
                              widths=list(widths)))
            continue
        if kind in ("section", "subsection", "clause"):
            if kind == "clause":
                level, text, *rest = entry[1:]
            else:
                level, text, *rest = 0, *entry[1:]
            if fresh and level != 0:
                raise ValueError("a restarted list must begin at level 0")
            fresh = False
            counters[level] += 1
            for deeper in range(level + 1, 5):
                counters[deeper] = 0
            label = _label(counters, level)
            item = Item(kind, text, level, label, instance, rest[0] if rest else None)
            if level <= 2:
                context[level] = label.rstrip(".")
                ref = context[level]
            else:
                parent = next((context[i] for i in (2, 1, 0) if counters[i]), "")
                ref = parent + label if level == 3 else parent + f"({_alpha(counters[3])})" + label
            if item.key:
                if item.key in refs:
                    raise ValueError(f"duplicate key {item.key!r}")
                refs[item.key] = ref
            items.append(item)
            continue
        text, *rest = entry[1:]
        items.append(Item(kind, text, key=rest[0] if rest else None))

    def resolve(text: str) -> str:
        def sub(m: re.Match) -> str:
            if m.group(1) not in refs:
                raise KeyError(f"unknown cross-reference [[{m.group(1)}]]")
            return refs[m.group(1)]

        return _REF.sub(sub, text)

    for item in items:
        item.text = resolve(item.text)
        item.header = [resolve(c) for c in item.header]
        item.rows = [[resolve(c) for c in row] for row in item.rows]
    return items


# ----------------------------------------------------------------------------- .docx
def _w(tag: str, **attrs):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def _num_pr(num_id: int, ilvl: int):
    num_pr = _w("w:numPr")
    num_pr.append(_w("w:ilvl", val=ilvl))
    num_pr.append(_w("w:numId", val=num_id))
    return num_pr


def _set_num_pr(paragraph, num_id: int, ilvl: int) -> None:
    _insert_num_pr(paragraph._p.get_or_add_pPr(), num_id, ilvl)


def _insert_num_pr(ppr, num_id: int, ilvl: int) -> None:
    """Put w:numPr into a paragraph's (or style's) w:pPr, in schema order."""
    existing = ppr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}numPr")
    if existing is not None:
        ppr.remove(existing)
    ppr.insert_element_before(
        _num_pr(num_id, ilvl),
        "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
        "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
        "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
        "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
        "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
        "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
    )


def _add_numbering(document, instances: int) -> None:
    """Add our abstractNum and one w:num per list instance (restarts use startOverride)."""
    numbering = document.part.numbering_part.element
    abstract = _w("w:abstractNum", abstractNumId=ABSTRACT_ID)
    abstract.append(_w("w:nsid", val="4E4F5254"))
    abstract.append(_w("w:multiLevelType", val="multilevel"))
    abstract.append(_w("w:tmpl", val="6B494E44"))
    for ilvl, (text, fmt, (left, hanging)) in enumerate(
            zip(LEVEL_TEXT, LEVEL_FMT, LEVEL_INDENT, strict=True)):
        lvl = _w("w:lvl", ilvl=ilvl)
        lvl.append(_w("w:start", val=1))
        lvl.append(_w("w:numFmt", val=fmt))
        if ilvl == 0:
            lvl.append(_w("w:pStyle", val="Heading2"))
        lvl.append(_w("w:lvlText", val=text))
        lvl.append(_w("w:lvlJc", val="left"))
        ppr = _w("w:pPr")
        ppr.append(_w("w:ind", left=left, hanging=hanging))
        lvl.append(ppr)
        abstract.append(lvl)
    existing = numbering.findall(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}abstractNum")
    existing[-1].addnext(abstract)
    for instance in range(instances):
        num = _w("w:num", numId=FIRST_NUM_ID + instance)
        num.append(_w("w:abstractNumId", val=ABSTRACT_ID))
        if instance:
            override = _w("w:lvlOverride", ilvl=0)
            override.append(_w("w:startOverride", val=1))
            num.append(override)
        numbering.append(num)


def _set_font(style, name: str, size: float | None = None) -> None:
    from docx.shared import Pt

    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
    if fonts is not None:
        rpr.remove(fonts)
    rpr.insert(0, _w("w:rFonts", ascii=name, hAnsi=name, cs=name, eastAsia=name))
    if size is not None:
        style.font.size = Pt(size)


def _setup_styles(document) -> None:
    from docx.shared import Pt, RGBColor

    styles = document.styles
    _set_font(styles["Normal"], "Arial", 10.5)
    styles["Normal"].paragraph_format.space_after = Pt(6)
    styles["Normal"].paragraph_format.line_spacing = 1.1
    for name, size in (("Title", 24), ("Subtitle", 13), ("Heading 1", 16), ("Heading 2", 13),
                       ("Heading 3", 11.5)):
        _set_font(styles[name], "Arial", size)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        styles[name].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        styles[name].paragraph_format.space_after = Pt(6)
    styles["Subtitle"].font.italic = False
    # Section headings inherit their number from the style (Heading 2 -> list level 0).
    _insert_num_pr(styles["Heading 2"].element.get_or_add_pPr(), FIRST_NUM_ID, 0)


def _header_footer(document, meta) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = f"{meta['council']} – {meta['title']}"
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in header.runs:
        run.font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = footer.add_run("Page ")
    run.font.size = Pt(8)
    field = _w("w:fldSimple", instr=" PAGE ")
    page_run = _w("w:r")
    rpr = _w("w:rPr")
    rpr.append(_w("w:sz", val=16))
    page_run.append(rpr)
    text = _w("w:t")
    text.text = "1"
    page_run.append(text)
    field.append(page_run)
    footer._p.append(field)


def _docx_table(document, item: Item, text_width) -> None:
    from docx.shared import Pt

    table = document.add_table(rows=1 + len(item.rows), cols=len(item.header))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    widths = [int(text_width * f) for f in item.widths]
    for col, width in zip(table.columns, widths, strict=True):
        col.width = width
    for r, values in enumerate([item.header, *item.rows]):
        row = table.rows[r]
        if r == 0:
            trpr = row._tr.get_or_add_trPr()
            trpr.append(_w("w:cantSplit"))
            trpr.append(_w("w:tblHeader"))
        for c, value in enumerate(values):
            cell = row.cells[c]
            cell.width = widths[c]
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(2)
            run = paragraph.add_run(value)
            run.font.size = Pt(9)
            if r == 0 or (values[0] in ("Total", "Quality total") and c in (0, 2)):
                run.bold = True
            if r == 0:
                tcpr = cell._tc.get_or_add_tcPr()
                tcpr.append(_w("w:shd", val="clear", color="auto", fill="D9E2F3"))


def write_docx(items: list[Item], meta: dict, path: Path) -> None:
    import docx
    from docx.shared import Mm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(25)
    text_width = section.page_width - section.left_margin - section.right_margin
    _setup_styles(document)
    _add_numbering(document, 1 + max(i.instance for i in items))
    _header_footer(document, meta)
    body = document.element.body
    for paragraph in list(body.iterchildren("{*}p")):
        body.remove(paragraph)  # the template's empty first paragraph

    for item in items:
        kind = item.kind
        if kind == "table":
            _docx_table(document, item, text_width)
        elif kind == "title":
            document.add_paragraph(item.text, style="Title")
        elif kind == "subtitle":
            document.add_paragraph(item.text, style="Subtitle")
        elif kind == "para":
            document.add_paragraph(item.text)
        elif kind == "bullet":
            document.add_paragraph(item.text, style="List Bullet")  # numbered by its style
        elif kind == "part":
            p = document.add_paragraph(item.text, style="Heading 1")
            p.paragraph_format.page_break_before = True
        elif kind == "heading":
            p = document.add_paragraph(item.text, style="Heading 2")
            _set_num_pr(p, 0, 0)  # numId 0: no number, despite the style's numbering
        elif kind == "section":
            p = document.add_paragraph(item.text, style="Heading 2")
            if item.instance:
                _set_num_pr(p, FIRST_NUM_ID + item.instance, 0)
        elif kind == "subsection":
            p = document.add_paragraph(item.text, style="Heading 3")
            _set_num_pr(p, FIRST_NUM_ID + item.instance, 0)
        elif kind == "clause":
            p = document.add_paragraph(item.text)
            _set_num_pr(p, FIRST_NUM_ID + item.instance, item.level)
            if item.level >= 3:
                p.paragraph_format.space_after = Pt(3)
        else:
            raise ValueError(f"unknown item kind {kind!r}")

    props = document.core_properties
    props.title = f"{meta['title']} – Invitation to Tender"
    props.subject = meta["subtitle"]
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.comments = f"Fictional example tender pack for kindlint ({meta['variant']})."
    props.keywords = "home care; tender; specification; KPI; evaluation"
    props.category = "Example"
    props.revision = 1
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    _drop_thumbnail(document)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(normalise_zip(buffer.getvalue()))


def _drop_thumbnail(document) -> None:
    """The template's thumbnail shows a blank page; leave it out."""
    rels = document.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            rels.pop(r_id)


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with sorted entries, fixed timestamps and fixed attributes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist()):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, source.read(name), compresslevel=9)
    return out.getvalue()


# ----------------------------------------------------------------------------- .pdf
def write_pdf(items: list[Item], meta: dict, path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    body = ParagraphStyle("Body", fontName="Helvetica", fontSize=10, leading=13.5,
                          spaceAfter=6, alignment=TA_LEFT)
    styles = {
        "title": ParagraphStyle("Title", parent=body, fontName="Helvetica-Bold", fontSize=22,
                                leading=27, spaceAfter=10),
        "subtitle": ParagraphStyle("Subtitle", parent=body, fontSize=13, leading=17,
                                   spaceAfter=14),
        "part": ParagraphStyle("Part", parent=body, fontName="Helvetica-Bold", fontSize=16,
                               leading=20, spaceAfter=10),
        "heading": ParagraphStyle("H2", parent=body, fontName="Helvetica-Bold", fontSize=13,
                                  leading=16, spaceBefore=10, spaceAfter=6),
        "subsection": ParagraphStyle("H3", parent=body, fontName="Helvetica-Bold",
                                     fontSize=11, leading=14, spaceBefore=8, spaceAfter=4),
        "bullet": ParagraphStyle("Bullet", parent=body, leftIndent=16, bulletIndent=4),
        "cell": ParagraphStyle("Cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0),
        "cellhead": ParagraphStyle("CellHead", parent=body, fontName="Helvetica-Bold",
                                   fontSize=8.5, leading=10.5, spaceAfter=0),
    }
    styles["section"] = styles["heading"]
    clause_styles = {
        level: ParagraphStyle(f"Clause{level}", parent=body, leftIndent=left / 20,
                              bulletIndent=(left - hanging) / 20,
                              spaceAfter=3 if level >= 3 else 6)
        for level, (left, hanging) in enumerate(LEVEL_INDENT)
    }
    running_title = f"{meta['council']} – {meta['title']}"

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.drawRightString(A4[0] - 25 * mm, A4[1] - 15 * mm, running_title)
        canvas.setStrokeColor(colors.HexColor("#999999"))
        canvas.setLineWidth(0.5)
        canvas.line(25 * mm, A4[1] - 17 * mm, A4[0] - 25 * mm, A4[1] - 17 * mm)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"Page {canvas.getPageNumber()}")
        canvas.restoreState()

    width = A4[0] - 50 * mm
    story = []
    for item in items:
        kind = item.kind
        text = escape(item.text)
        if kind == "table":
            data = [[Paragraph(escape(c), styles["cellhead"]) for c in item.header]]
            for row in item.rows:
                bold = row[0] in ("Total", "Quality total")
                data.append([Paragraph(escape(c), styles["cellhead" if bold else "cell"])
                             for c in row])
            table = Table(data, colWidths=[width * f for f in item.widths], repeatRows=1)
            table.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E2F3")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]))
            story.extend([table, Spacer(1, 8)])
        elif kind == "part":
            story.extend([PageBreak(), Paragraph(text, styles["part"])])
        elif kind in ("section", "subsection"):
            story.append(Paragraph(f"{item.label} {text}", styles[kind]))
        elif kind == "clause":
            story.append(Paragraph(text, clause_styles[item.level], bulletText=item.label))
        elif kind == "bullet":
            story.append(Paragraph(text, styles["bullet"], bulletText="\u2022"))
        elif kind in ("title", "subtitle", "heading"):
            story.append(Paragraph(text, styles[kind]))
        else:
            story.append(Paragraph(text, body))
    # Keep each heading with the paragraph after it.
    kept = []
    for flowable in story:
        if kept and isinstance(kept[-1], Paragraph) and kept[-1].style.name in ("H2", "H3"):
            kept[-1] = KeepTogether([kept[-1], flowable])
        else:
            kept.append(flowable)

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=25 * mm,
        bottomMargin=22 * mm, invariant=1, title=f"{meta['title']} – Invitation to Tender",
        author=AUTHOR, subject=meta["subtitle"], creator="kindlint examples/build_examples.py",
    )
    doc.build(kept, onFirstPage=decorate, onLaterPages=decorate)
    path.write_bytes(buffer.getvalue())


# ----------------------------------------------------------------------------- .md
def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_<])", r"\\\1", text)


def _md_cell(text: str) -> str:
    return _md_escape(text).replace("|", "\\|")


def write_md(items: list[Item], meta: dict, path: Path) -> None:
    lines = [
        "---",
        f'title: "{meta["title"]}"',
        f'council: "{meta["council"]}"',
        f'reference: "{meta["reference"]}"',
        f'document: "{meta["subtitle"]}"',
        "---",
        "",
    ]
    previous = None
    for item in items:
        kind = item.kind
        text = _md_escape(item.text)
        if previous == "bullet" and kind != "bullet":
            lines.append("")
        if kind in ("title", "part"):
            lines += [f"# {text}", ""]
        elif kind == "heading":
            lines += [f"## {text}", ""]
        elif kind == "section":
            lines += [f"## {item.label} {text}", ""]
        elif kind == "subsection":
            lines += [f"### {item.label} {text}", ""]
        elif kind == "clause":
            lines += [f"{item.label} {text}", ""]
        elif kind == "bullet":
            lines.append(f"- {text}")
        elif kind == "table":
            lines.append("| " + " | ".join(_md_cell(c) for c in item.header) + " |")
            lines.append("|" + "|".join("---" for _ in item.header) + "|")
            for row in item.rows:
                lines.append("| " + " | ".join(_md_cell(c) for c in row) + " |")
            lines.append("")
        else:  # title, subtitle and plain paragraphs
            lines += [text, ""]
        previous = kind
    while lines and not lines[-1]:
        lines.pop()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


# ----------------------------------------------------------------------------- build
def build(out_dir: str | Path = EXAMPLES) -> list[Path]:
    """Write every variant in every format to ``out_dir``; return the paths written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for stem, module_name in VARIANTS.items():
        meta, content = load_source(module_name)
        items = number_items(content)
        for suffix, writer in ((".docx", write_docx), (".pdf", write_pdf), (".md", write_md)):
            target = out_dir / f"{stem}{suffix}"
            writer(items, meta, target)
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for path in build(args[0] if args else EXAMPLES):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
