"""The Word reader: numbering as Word displays it, tables, tracked changes, notes, comments."""

from __future__ import annotations

import pytest
from docx.enum.style import WD_STYLE_TYPE

from kindlint.model import BlockKind
from kindlint.readers import ReadError, read_document
from tests import docx_factory as f


@pytest.fixture(scope="module")
def contract(tmp_path_factory):
    d = f.new_document()
    f.add_abstract_numbering(d, 10)
    f.add_num(d, 10, 10)
    f.add_num(d, 11, 10, start_overrides={0: 1})  # the schedule restarts at 1
    f.add_abstract_numbering(d, 20, levels=(("upperLetter", "%1)"),))
    f.add_num(d, 12, 20)
    d.styles.add_style("Eligibility Item", WD_STYLE_TYPE.PARAGRAPH)
    f.style_numbering(d, "Eligibility Item", 12)

    f.number(d.add_heading("Service specification", level=1), 10, 0)
    f.number(d.add_paragraph("The Provider will support people in their own homes."), 10, 1)
    f.number(d.add_paragraph("Care workers will:"), 10, 1)
    f.number(d.add_paragraph("know the person they visit;"), 10, 2)
    f.number(d.add_paragraph("have time to talk;"), 10, 2)
    f.number(d.add_paragraph("and, where agreed, help with shopping."), 10, 3)
    f.number(d.add_heading("Payment", level=1), 10, 0)
    paid = d.add_paragraph("The Council will pay for travel time")
    f.number(paid, 10, 1)
    f.tracked_insert(paid, " and training")
    f.tracked_delete(paid, " cheaply")
    f.add_footnote(d, paid, "At the real Living Wage.")
    f.number(d.add_paragraph("Invoices are paid within 10 days."), 10, 2)
    d.add_heading("Schedule 2 Key Performance Indicators", level=1)
    f.number(d.add_paragraph("Measures are agreed with people who draw on support."), 11, 0)
    f.number(d.add_paragraph("They are reviewed every quarter."), 11, 1)
    d.add_paragraph("Who can use the service")
    d.add_paragraph("Adults living in Northshire", style="Eligibility Item")
    d.add_paragraph("Carers of those adults", style="Eligibility Item")

    table = d.add_table(rows=4, cols=3)
    table.cell(0, 0).text = "KPI"
    table.cell(0, 1).text = "Target"
    table.cell(1, 1).text = "Minimum"
    table.cell(1, 2).text = "Stretch"
    table.cell(0, 0).merge(table.cell(1, 0))  # vertical merge of the KPI header
    f.merge_right(table, 0, 1)  # "Target" spans two columns
    f.mark_header_row(table, 0)
    f.mark_header_row(table, 1)
    table.cell(2, 0).text = "People who say staff are kind"
    table.cell(2, 1).text = "80%"
    table.cell(2, 2).text = "90%"
    table.cell(3, 0).text = "Visits by a known worker"
    table.cell(3, 1).text = "75%"
    inner = table.cell(3, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Nested"
    inner.cell(0, 1).text = "table"

    quoted = d.add_paragraph("The funder's form asks about offenders.")
    d.add_comment(quoted.runs, text="kindlint: ignore[KL101] the funder's own words",
                  author="Reviewer")
    d.sections[0].header.paragraphs[0].text = "Northshire County Council - draft"
    d.sections[0].footer.paragraphs[0].text = "Care at Home 2027"
    path = tmp_path_factory.mktemp("docx") / "contract.docx"
    return read_document(f.save(d, path))


def labelled(doc):
    return [(b.label, b.text) for b in doc.blocks if b.label]


def test_word_numbering_is_resolved_as_word_displays_it(contract):
    labels = [label for label, _ in labelled(contract)]
    assert labels == ["1", "1.1", "1.2", "(a)", "(b)", "(i)", "2", "2.1", "(a)",
                      "Schedule 2", "1", "1.1", "A)", "B)"]


def test_clause_paths_combine_headings_numbers_and_schedules(contract):
    paths = {b.text: b.location.clause_path for b in contract.blocks}
    assert paths["and, where agreed, help with shopping."] == ("1.2", "(b)", "(i)")
    assert paths["Invoices are paid within 10 days."] == ("2.1", "(a)")
    assert paths["They are reviewed every quarter."] == ("Schedule 2", "1.1")
    assert paths["Carers of those adults"][-1] == "B)"


def test_headings_and_sections(contract):
    heading = next(b for b in contract.blocks if b.text == "Payment")
    assert heading.kind is BlockKind.HEADING and heading.level == 1
    para = next(b for b in contract.blocks if b.text.startswith("Invoices"))
    assert para.location.section == "Payment"


def test_tracked_insertions_are_text_and_deletions_are_not(contract):
    texts = [b.text for b in contract.blocks]
    assert "The Council will pay for travel time and training" in texts
    assert not any("cheaply" in t for t in texts)


def test_tables_with_merged_two_row_headers_and_nested_tables(contract):
    table = contract.tables[0]
    assert table.header_rows == 2
    assert table.headers == ("KPI", "Target Minimum", "Target Stretch")
    assert table.cell_text(3, 2) == "80%"
    cell = table.rows[3][1]
    assert cell.location.column_header == "Target Minimum"
    assert cell.location.row == 4 and cell.location.table == 1
    assert [c.text for c in contract.tables[1].rows[0]] == ["Nested", "table"]


def test_headers_footers_and_footnotes(contract):
    kinds = {b.text: b.kind for b in contract.blocks}
    assert kinds["Northshire County Council - draft"] is BlockKind.HEADER
    assert kinds["Care at Home 2027"] is BlockKind.FOOTER
    note = next(b for b in contract.blocks if b.kind is BlockKind.FOOTNOTE)
    assert note.text == "At the real Living Wage."
    assert note.location.clause_path == ("2.1",)  # where it is referenced


def test_word_comment_becomes_a_suppression(contract):
    (directive,) = contract.directives
    assert directive.action == "ignore" and directive.codes == ("KL101",)
    assert contract.blocks[directive.block].text == "The funder's form asks about offenders."


@pytest.mark.parametrize(("content", "reason"), [
    (b"not a zip file at all", "not a valid Word document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "password-protected"),
    (b"PK\x03\x04corrupt", "not a valid Word document"),
])
def test_unreadable_word_files_give_one_clear_reason(tmp_path, content, reason):
    path = tmp_path / "broken.docx"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=reason):
        read_document(path)
    assert path.read_bytes() == content  # never modified


@pytest.mark.libreoffice
def test_numbers_match_what_libreoffice_shows(contract, tmp_path):
    """Restarts, style-inherited numbering and multi-level lists, judged by LibreOffice."""
    from pathlib import Path

    from tests.libreoffice import SOFFICE, compare_labels, to_text

    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = Path(contract.blocks[0].location.file)
    result = compare_labels(contract, to_text(source, tmp_path))
    assert result.compared >= 8
    assert result.mismatches == []
