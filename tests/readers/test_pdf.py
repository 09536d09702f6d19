"""The PDF reader: layout, clause numbers, tables, page furniture, errors, the real corpus.

The sample PDFs are generated with reportlab at the start of the session; nothing binary is
committed.
"""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path

import pytest

from kindlint.model.document import BlockKind, Document, Table
from kindlint.readers import ReadError, read_document

pytest.importorskip("reportlab")

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "real"
HEADER = "Acme Council - Home Care Tender 2025"
TOTAL_PAGES = 4


# -- building the samples ------------------------------------------------------------------
def _build_sample(path: Path) -> None:
    """Four pages: headings, numbered clauses, bullets, a ruled, a borderless and a long table,
    a paragraph running over a page break, a running header and "Page N of M" footers."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RLTable

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=14, spaceAfter=8)
    clause = ParagraphStyle("clause", parent=body, leftIndent=30, bulletIndent=0)
    sub = ParagraphStyle("sub", parent=body, leftIndent=60, bulletIndent=30)
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=48, bulletIndent=36, spaceAfter=4)
    heading = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=16, leading=20,
                             spaceBefore=6, spaceAfter=10)
    grid = [("GRID", (0, 0), (-1, -1), 0.75, colors.black),
            ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
            ("FONTNAME", (0, 1), (-1, -1), "Helvetica"), ("FONTSIZE", (0, 0), (-1, -1), 10)]
    plain = [("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
             ("FONTNAME", (0, 1), (-1, -1), "Helvetica"), ("FONTSIZE", (0, 0), (-1, -1), 10),
             ("LEFTPADDING", (0, 0), (-1, -1), 0)]
    filler = ("The Provider shall keep a record of each visit and share it with the person and "
              "their family when they ask for it. ")
    story = [
        Paragraph("1. Scope of Services", heading),
        Paragraph("The Council wants people who draw on care to live the lives they choose. "
                  "This part describes the services to be delivered.", body),
        Paragraph("The Provider shall deliver home care services to adults in the borough, "
                  "including personal care, help with meals and support to stay connected "
                  "with friends and family, for the whole term of the contract.", clause,
                  bulletText="1.1"),
        Paragraph("visit each person at the time agreed with them;", sub, bulletText="(a)"),
        Paragraph("treat each person with dignity and respect.", sub, bulletText="(b)"),
        Paragraph("Visits are available on these days:", body),
        Paragraph("Monday to Friday visits", bullet, bulletText="\u2022"),
        Paragraph("Weekend and bank holiday cover", bullet, bulletText="\u2022"),
        Spacer(1, 8),
        RLTable([["Measure", "Target", "Frequency"],
                 ["Visits on time", "95%", "Monthly"],
                 ["Complaints answered", "100%", "Quarterly"]],
                colWidths=[200, 100, 120], style=grid, hAlign="LEFT"),
        Paragraph("The measures above are reviewed with the people who use the service.", body),
        PageBreak(),
        Paragraph("2. Performance", heading),
        Paragraph("Performance is reported each quarter using the indicators below.", body),
        RLTable([["Indicator", "Threshold", "Review"],
                 ["Missed visits", "Fewer than 2", "Weekly"],
                 ["Late visits", "Fewer than 5", "Monthly"],
                 ["Staff turnover", "Under 20%", "Yearly"]],
                colWidths=[180, 150, 120], style=plain, hAlign="LEFT"),
        Spacer(1, 12),
        Paragraph("2.1 Reports are shared with the Council and with the people who use the "
                  "service.", body),
        Spacer(1, 470),
        Paragraph("2.2 " + filler * 3 + "Records are kept for six years and then destroyed "
                  "securely in line with the retention schedule.", body),
        Paragraph("3. Visit schedule", heading),
        Spacer(1, 300),
        RLTable([["Visit", "Time", "Carer"]]
                + [[f"Visit {n}", f"{7 + n % 12}:00", f"Carer {n}"] for n in range(1, 41)],
                colWidths=[150, 100, 150], style=grid, repeatRows=1, hAlign="LEFT"),
        Paragraph("The schedule may change when the person asks for it.", body),
    ]

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 9)
        canvas.drawString(72, A4[1] - 40, HEADER)
        canvas.drawCentredString(A4[0] / 2, 30, f"Page {doc.page} of {TOTAL_PAGES}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, topMargin=72, bottomMargin=72,
                            leftMargin=72, rightMargin=72, title="Sample tender")
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    assert doc.page == TOTAL_PAGES, "the sample layout changed: fix TOTAL_PAGES"


def _text_pdf(path: Path, text: str, **options) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), **options)
    pdf.setFont("Helvetica", 12)
    if text:
        pdf.drawString(72, 720, text)
    else:
        pdf.rect(72, 600, 200, 100, fill=1)  # a picture of text, not text
    pdf.showPage()
    pdf.save()
    return path


@pytest.fixture(scope="session")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    _build_sample(path)
    return path


@pytest.fixture(scope="session")
def sample(sample_pdf: Path) -> Document:
    return read_document(sample_pdf)


def _block(doc: Document, start: str):
    found = [b for b in doc.blocks if b.text.startswith(start)]
    assert found, f"no block starts with {start!r}"
    return found[0]


def _table(doc: Document, header: str) -> Table:
    found = [t for t in doc.tables if header in t.headers]
    assert found, f"no table has a column {header!r}: {[t.headers for t in doc.tables]}"
    return found[0]


def _cell_texts(doc: Document) -> set[str]:
    return {c.text for t in doc.tables for row in t.rows for c in row if c.text}


# -- the sample ----------------------------------------------------------------------------
def test_pages_are_counted_and_every_block_has_its_page(sample: Document) -> None:
    assert sample.format == "pdf"
    assert sample.page_count == TOTAL_PAGES
    assert all(1 <= b.location.page <= TOTAL_PAGES for b in sample.blocks)
    assert _block(sample, "2. Performance").location.page == 2


def test_running_header_and_page_footer_are_not_body_text(sample: Document) -> None:
    body = "\n".join(b.text for b in sample.body())
    assert "Page 1 of" not in body and "Page 3 of" not in body
    assert HEADER not in body
    headers = [b for b in sample.blocks if b.kind is BlockKind.HEADER]
    assert [b.text for b in headers] == [HEADER]  # kept once, outside the body


def test_heading_in_larger_bold_type(sample: Document) -> None:
    heading = _block(sample, "1. Scope of Services")
    assert heading.kind is BlockKind.HEADING
    assert heading.location.clause_path == ("1",)
    assert _block(sample, "2. Performance").kind is BlockKind.HEADING
    assert _block(sample, "The Council wants").kind is BlockKind.PARAGRAPH


def test_numbered_clauses_give_clause_paths(sample: Document) -> None:
    clause = _block(sample, "1.1 The Provider shall deliver")
    assert clause.kind is BlockKind.PARAGRAPH
    assert clause.text.endswith("for the whole term of the contract.")  # wrapped lines joined
    assert clause.location.clause_path == ("1.1",)  # "1" then "1.1" collapses
    assert _block(sample, "(a) visit each person").location.clause_path == ("1.1", "(a)")
    assert _block(sample, "(b) treat each person").location.clause_path == ("1.1", "(b)")
    assert _block(sample, "2.1 Reports").location.clause_path == ("2.1",)


def test_bullets_become_list_items(sample: Document) -> None:
    items = [b for b in sample.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [b.text for b in items] == ["Monday to Friday visits",
                                       "Weekend and bank holiday cover"]
    assert all(b.level == 1 and b.location.page == 1 for b in items)


def test_ruled_table_with_bold_header(sample: Document) -> None:
    table = _table(sample, "Measure")
    assert table.headers == ("Measure", "Target", "Frequency")
    assert table.header_rows == 1
    assert [c.text for c in table.rows[2]] == ["Complaints answered", "100%", "Quarterly"]
    assert table.location.page == 1
    assert table.rows[1][1].location.column_header == "Target"


def test_borderless_table_from_aligned_columns(sample: Document) -> None:
    table = _table(sample, "Indicator")
    assert table.headers == ("Indicator", "Threshold", "Review")
    assert table.header_rows == 1
    assert [c.text for c in table.rows[1]] == ["Missed visits", "Fewer than 2", "Weekly"]
    assert len(table.rows) == 4
    assert table.location.page == 2


def test_table_text_is_not_repeated_in_the_body(sample: Document) -> None:
    body = "\n".join(b.text for b in sample.body() if b.kind is not BlockKind.CELL)
    for text in ("Complaints answered", "Quarterly", "Missed visits", "Fewer than 5",
                 "Visit 12", "Carer 40"):
        assert text in _cell_texts(sample)
        assert text not in body


def test_table_continued_on_the_next_page_is_one_table(sample: Document) -> None:
    table = _table(sample, "Carer")
    assert table.header_rows == 1
    assert len(table.rows) == 41  # the header repeated on the next page is dropped
    pages = {c.location.page for row in table.rows for c in row}
    assert pages == {3, 4}
    assert [c.text for c in table.rows[-1]] == ["Visit 40", "11:00", "Carer 40"]


def test_paragraph_across_a_page_break_is_one_block_with_page_anchors(sample: Document) -> None:
    block = _block(sample, "2.2 The Provider shall keep a record")
    assert block.text.endswith("in line with the retention schedule.")
    assert block.location.page == 2
    assert [a.page for a in block.anchors] == [2, 3]
    assert block.locate(len(block.text) - 5).page == 3
    assert block.locate(0).page == 2


def test_reading_never_changes_the_file(sample_pdf: Path) -> None:
    before = sample_pdf.read_bytes(), sample_pdf.stat().st_mtime_ns
    read_document(sample_pdf)
    assert (sample_pdf.read_bytes(), sample_pdf.stat().st_mtime_ns) == before


def test_pages_read_in_parallel_give_the_same_document(sample_pdf: Path, sample: Document,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from kindlint.readers import pdf

    monkeypatch.setattr(pdf, "PARALLEL_MIN_PAGES", 1)
    parallel = read_document(sample_pdf)
    assert [(b.kind, b.text, b.location) for b in parallel.blocks] == [
        (b.kind, b.text, b.location) for b in sample.blocks]


def test_turned_page_watermark_and_table_drawn_in_a_form(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "odd.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 750, "The Provider shall deliver the service described in this")
    pdf.drawString(72, 736, "specification to every person who needs it.")
    pdf.saveState()  # a diagonal watermark is not text of the document
    pdf.setFont("Helvetica-Bold", 80)
    pdf.translate(150, 300)
    pdf.rotate(45)
    pdf.drawString(0, 0, "DRAFT")
    pdf.restoreState()
    pdf.beginForm("grid")  # the ruling of a table, drawn in a form XObject
    for y in (0, 20, 40, 60):
        pdf.line(0, y, 300, y)
    for x in (0, 150, 300):
        pdf.line(x, 0, x, 60)
    pdf.endForm()
    pdf.saveState()
    pdf.translate(72, 500)
    pdf.doForm("grid")
    pdf.restoreState()
    for y, cells in ((546, ("Name", "Value")), (526, ("Alpha", "One")), (506, ("Beta", "Two"))):
        pdf.setFont("Helvetica-Bold" if y == 546 else "Helvetica", 10)
        pdf.drawString(76, y, cells[0])
        pdf.drawString(226, y, cells[1])
    pdf.showPage()
    pdf.setPageRotation(90)  # text set sideways on a turned page reads the right way round
    pdf.translate(523, 72)
    pdf.rotate(90)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(0, 0, "This page is turned for reading in landscape and the text")
    pdf.drawString(0, -14, "runs along the long side of the paper.")
    pdf.showPage()
    pdf.save()
    doc = read_document(path)
    assert [(b.text, b.location.page) for b in doc.body() if b.kind is not BlockKind.CELL] == [
        ("The Provider shall deliver the service described in this specification to every "
         "person who needs it.", 1),
        ("This page is turned for reading in landscape and the text runs along the long side "
         "of the paper.", 2)]
    assert [[c.text for c in row] for row in doc.tables[0].rows] == [
        ["Name", "Value"], ["Alpha", "One"], ["Beta", "Two"]]
    assert doc.tables[0].header_rows == 1


def test_each_run_of_text_keeps_its_own_size_and_weight(tmp_path: Path) -> None:
    # The reader reads a style once per text object and a font's weight once per page: one
    # font at two sizes, and bold and plain runs sharing a line, must not borrow each other's.
    from reportlab.pdfgen import canvas

    from kindlint.readers import pdf

    path = tmp_path / "styles.pdf"
    sheet = canvas.Canvas(str(path))
    sheet.setFont("Helvetica", 8)
    sheet.drawString(72, 760, "Small print in the plain font")
    sheet.setFont("Helvetica", 20)
    sheet.drawString(72, 720, "Large type in the same font")
    plain, bold = "Helvetica", "Helvetica-Bold"
    for y, fonts in ((680, (plain, bold)), (650, (bold, plain))):
        text = sheet.beginText(72, y)
        text.setFont(fonts[0], 11)
        text.textOut("Note: ")
        text.setFont(fonts[1], 11)
        text.textOut("the Provider shall keep every record")
        sheet.drawText(text)
    sheet.showPage()
    sheet.save()
    [page] = pdf._read_range(str(path), (0, 1))
    assert [(line.text, line.size, line.bold) for line in page.lines] == [
        ("Small print in the plain font", 8.0, False),
        ("Large type in the same font", 20.0, False),
        ("Note: the Provider shall keep every record", 11.0, True),  # 31 of 36 letters bold
        ("Note: the Provider shall keep every record", 11.0, False)]


# -- errors --------------------------------------------------------------------------------
def test_password_protected_pdf(tmp_path: Path) -> None:
    path = _text_pdf(tmp_path / "locked.pdf", "Secret tender", encrypt="secret")
    with pytest.raises(ReadError, match="password-protected"):
        read_document(path)


def test_corrupt_file_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.7\nthis is not really a PDF\n" * 20)
    with pytest.raises(ReadError, match=r"not a valid PDF \(.+\)"):
        read_document(path)
    path.write_text("plain words in a file with the wrong name")
    with pytest.raises(ReadError, match="not a valid PDF"):
        read_document(path)


def test_pdf_without_text(tmp_path: Path) -> None:
    path = _text_pdf(tmp_path / "scan.pdf", "")
    with pytest.raises(ReadError, match=r"no text found \(the PDF may be scanned images"):
        read_document(path)


# -- the real corpus -----------------------------------------------------------------------
def _corpus(name: str) -> Path:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"the real corpus is not here ({CORPUS.resolve()} has no {name})")
    return path


@cache
def _read_corpus(name: str) -> tuple[Document, float]:
    """Each corpus file is read once per session; returns the document and the seconds taken."""
    path = _corpus(name)
    started = time.perf_counter()
    doc = read_document(path)
    return doc, time.perf_counter() - started


def _corpus_pdfs() -> list[str]:
    return sorted(p.name for p in CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []


@pytest.mark.corpus
@pytest.mark.parametrize("name", _corpus_pdfs() or ["(no corpus)"])
def test_every_corpus_pdf_reads(name: str) -> None:
    doc, _ = _read_corpus(name)
    assert doc.page_count and doc.word_count > 500
    assert all(b.location.page for b in doc.blocks)
    assert sum(1 for b in doc.body() if b.kind is BlockKind.HEADING) >= 3


@pytest.mark.corpus
def test_gsa_rfq_words_are_not_run_together() -> None:
    # pdfplumber's extract_text gives "RequestforQuotation" for this file; pdfium's spacing
    # gives the words back.
    doc, _ = _read_corpus("us-gsa-ads-bpa-rfq-4QTFHS150004-mod5.pdf")
    first = next(doc.body())
    assert (first.text, first.kind, first.location.page) == (
        "Request for Quotation (RFQ)", BlockKind.HEADING, 1)
    assert "RequestforQuotation" not in doc.text
    assert "Federal Acquisition Service, Integrated Technology Service" in doc.text


@pytest.mark.corpus
def test_ccs_service_requirements_response_time_table() -> None:
    # Where I looked: pages 195-197 of the PDF, rendered with pypdfium2 and read with
    # pdfplumber. Annex E, "Table A - Response and Rectification Times - On-Site", is one ruled
    # table with its header row repeated on each page: Category, Call Type, Description,
    # Initial Attendance, Interim Solution (if applicable), Completion Due. Rows A-B are on
    # page 195, C-I on 196 and J-N on 197; the header cells are bold on a shaded background.
    doc, elapsed = _read_corpus("uk-ccs-rm3830-service-requirements-and-standards.pdf")
    assert doc.page_count == 221
    assert elapsed < 30, f"reading took {elapsed:.1f}s; it should take a few seconds"
    tables = [t for t in doc.tables
              if {c.location.page for row in t.rows for c in row} & {195, 196}]
    assert tables
    table = tables[0]
    assert table.location.page == 195
    assert any("Call Type" in h or "Category" in h for h in table.headers)
    assert table.headers[:2] == ("Category", "Call Type")
    assert "Interim Solution (if applicable)" in table.headers
    assert table.header_rows == 1
    assert [row[0].text for row in table.body] == list("ABCDEFGHIJKLMN")
    assert {c.location.page for row in table.rows for c in row} == {195, 196, 197}
    assert table.rows[1][5].location.column_header == "Completion Due"
    body = "\n".join(b.text for b in doc.body() if b.kind is not BlockKind.CELL)
    assert "Matters that impinge upon the proper working" not in body
    assert "RM3830 Service Requirements" not in body  # the running header


@pytest.mark.corpus
def test_va_rtep_performance_table_across_pages() -> None:
    # Where I looked: pages 36-37, rendered and read with pdfplumber. Section 6.1 "Performance
    # Metrics" is a ruled table starting on page 36 (rows A-C) and continuing on page 37 (the
    # end of row C, "skills and abilities to perform tasks", then row D) under a repeated header.
    doc, _ = _read_corpus("us-va-rtep-va118-16-f-1005-0003.pdf")
    tables = [t for t in doc.tables if any("Performance Standard" in h for h in t.headers)]
    assert tables
    table = tables[0]
    assert table.location.page == 36
    assert table.headers == ("Performance Objective", "Performance Standard",
                             "Acceptable Levels of Performance")
    pages = {c.location.page for row in table.rows for c in row}
    assert pages == {36, 37}
    assert [row[0].text for row in table.body][-1] == "D. Management"
    assert table.body[2][1].text.endswith("necessary knowledge, skills and abilities to "
                                          "perform tasks")  # the row split by the page break
    body = "\n".join(b.text for b in doc.body() if b.kind is not BlockKind.CELL)
    assert "Page 36 of 50" not in body
