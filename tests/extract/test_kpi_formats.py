"""KPI extraction from real file formats: a Word table with a merged two-row header and a
PDF table that continues on the next page keep their KPIs, targets and locations."""

from __future__ import annotations

from pathlib import Path

import pytest

from kindlint.extract import extract_facts
from kindlint.model.facts import Consequence
from kindlint.readers import read_document
from tests import docx_factory as f

KPIS = [("KPI 1", "People who say their carers know them well", "80%", "Review meeting"),
        ("KPI 2", "Visits that start within 30 minutes of the agreed time", "95%",
         "Service credit of 1%"),
        ("KPI 3", "Complaints answered within 10 working days", "100%", "Deduction")]


def test_word_kpi_table_with_merged_two_row_header(tmp_path: Path) -> None:
    d = f.new_document()
    d.add_heading("Schedule 4 Key Performance Indicators", level=1)
    table = d.add_table(rows=2 + len(KPIS), cols=4)
    for col, text in enumerate(("KPI", "Indicator", "Target", "Consequence")):
        table.cell(0, col).text = text
    table.cell(1, 2).text = "Minimum level"
    for col in (0, 1, 3):  # every header except "Target" spans both header rows
        table.cell(0, col).merge(table.cell(1, col))
        table.cell(0, col).text = table.cell(0, col).text.strip()
    f.mark_header_row(table, 0)
    f.mark_header_row(table, 1)
    for r, row in enumerate(KPIS, start=2):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document = read_document(f.save(d, tmp_path / "kpis.docx"))
    assert document.tables[0].header_rows == 2
    kpis = extract_facts(document).kpis
    assert [(k.id, k.name, str(k.target)) for k in kpis] == [
        ("KPI 1", KPIS[0][1], ">= 80%"), ("KPI 2", KPIS[1][1], ">= 95%"),
        ("KPI 3", KPIS[2][1], ">= 100%")]
    assert [k.consequence for k in kpis] == [Consequence.REVIEW, Consequence.SERVICE_CREDIT,
                                             Consequence.DEDUCTION]
    assert [(k.location.table, k.location.row) for k in kpis] == [(1, 3), (1, 4), (1, 5)]
    assert all(k.location.clause_path == ("Schedule 4",) for k in kpis)


def _kpi_pdf(path: Path, rows: int) -> Path:
    pytest.importorskip("reportlab")
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RLTable

    heading = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=16, leading=20)
    grid = [("GRID", (0, 0), (-1, -1), 0.75, colors.black),
            ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
            ("FONTNAME", (0, 1), (-1, -1), "Helvetica"), ("FONTSIZE", (0, 0), (-1, -1), 10)]
    body = [[f"KPI {n}", f"Visits to people in area {n} that start on time", f"{80 + n % 20}%",
             "Service credit" if n % 2 else "Review"] for n in range(1, rows + 1)]
    story = [Paragraph("Key Performance Indicators", heading), Spacer(1, 500),
             RLTable([["KPI", "Indicator", "Target", "Consequence"], *body],
                     colWidths=[50, 250, 60, 100], style=grid, repeatRows=1, hAlign="LEFT")]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def test_pdf_kpi_table_across_two_pages_is_one_list_of_kpis(tmp_path: Path) -> None:
    kpis = extract_facts(read_document(_kpi_pdf(tmp_path / "kpis.pdf", rows=20))).kpis
    assert [k.id for k in kpis] == [f"KPI {n}" for n in range(1, 21)]
    assert str(kpis[0].target) == ">= 81%" and str(kpis[19].target) == ">= 80%"
    assert [k.consequence.is_penalty for k in kpis[:2]] == [True, False]
    assert {k.location.table for k in kpis} == {1}
    assert kpis[0].location.page == 1 and kpis[-1].location.page == 2
