"""Real public procurement documents (../shared/corpus/real): every one reads, and facts hold.

Each fact below was checked by opening the document (Word, or LibreOffice's export); the
comment says where.
"""

from __future__ import annotations

import pytest

from kindlint.model import BlockKind
from kindlint.readers import read_document
from tests.conftest import CORPUS, needs_corpus
from tests.libreoffice import SOFFICE, compare_labels, to_text

pytestmark = needs_corpus
DOCUMENTS = sorted(p.name for p in CORPUS.glob("*") if p.name != "MANIFEST.md") \
    if CORPUS.is_dir() else []


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_document_reads_without_error(name):
    document = read_document(CORPUS / name)
    assert document.word_count > 100
    assert all(b.text.strip() for b in document.blocks if b.kind is not BlockKind.CELL)


def test_core_terms_mixes_typed_numbers_and_word_bullets():
    doc = read_document(CORPUS / "uk-ccs-rm3830-core-terms-draft-v1.4-2017.docx")
    # Clause 2.10 is typed as text ("2.10 <tab>Where a group of Suppliers…").
    clause = next(b for b in doc.blocks if b.text.startswith("2.10"))
    assert clause.label == "2.10" and clause.location.clause_path == ("2.10",)
    # The MANIFEST counts 185 paragraphs with Word numbering; in Word they show as bullets.
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert len(items) == 185
    assert items[0].location.clause_path == ("2.5",)  # the bullets under 2.5 "Each Call-Off…"


def test_service_requirements_tables_and_numbering():
    doc = read_document(CORPUS / "uk-ccs-rm3830-service-requirements-and-standards.docx")
    assert len(doc.tables) == 22
    # Tables 9 and 10 are the helpdesk response tables in Annex E ("Table A/B – Response and
    # Rectification Times"), with "[15] minutes" initial attendance.
    table = doc.tables[8]
    assert table.headers[:4] == ("Category", "Call Type", "Description", "Initial Attendance")
    assert table.location.clause_path[:2] == ("Part B", "Annex E")
    assert any("[15] minutes" in c.text for row in table.rows for c in row)
    assert sum(1 for b in doc.blocks if b.label) > 1900  # 2,037 numbered paragraphs in Word


def test_award_criteria_tables_read_with_headers():
    doc = read_document(CORPUS /
                        "uk-ccs-rm3830-framework-schedule-7-award-criteria-draft-v1.4-2017.docx")
    direct, further = doc.tables[1], doc.tables[2]
    assert direct.headers[1] == "Criteria - ranked in order of importance"
    assert [c.text for c in direct.rows[1]][1] == "Price"
    assert direct.rows[1][2].text.startswith("100%")
    assert further.rows[-1][1].text == "Price"
    assert further.rows[-1][2].text.startswith("50% (+/- 30% at customer discretion)")


def test_kpi_schedule_footnotes_and_tracked_changes():
    doc = read_document(CORPUS / "uk-ccs-rm3830-call-off-schedule-10-kpis-draft-v1.4-2017.docx")
    notes = [b for b in doc.blocks if b.kind is BlockKind.FOOTNOTE]
    assert notes and notes[0].text.startswith("As per the call on 8/11")
    failure = next(b for b in doc.blocks if b.text.startswith("has arisen due to a Prohibited"))
    assert failure.location.clause_path == ("2.4.1", "(a)")


def test_markdown_kpi_table_and_front_matter():
    doc = read_document(CORPUS / "us-gsa-18f-agile-bpa-qasp-template.md")
    (table,) = doc.tables
    assert table.headers == ("Deliverable or Required Services", "Performance Standard(s)",
                             "Acceptable Quality Level", "Method of Surveillance")
    assert table.rows[1][2].text == "Minimum of 90% test coverage of all relevant code"
    nhs = read_document(CORPUS / "uk-nhsengland-it-standards-service-procurement.md")
    assert nhs.blocks[0].location.line == 14  # after 13 lines of YAML front matter
    assert "Julian Knight" not in nhs.text


def test_text_document_clauses():
    doc = read_document(CORPUS / "uk-hmpps-crs-service-categories-outcomes.derived.txt")
    heading = next(b for b in doc.blocks if b.text.startswith("2. Education"))
    assert heading.kind is BlockKind.HEADING
    outcome = next(b for b in doc.blocks if b.text.startswith("(b) Service User makes progress"))
    assert outcome.location.clause_path == ("1.2", "(b)")


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("name", ["uk-ccs-rm3830-core-terms-draft-v1.4-2017.docx",
                                  "uk-ccs-rm3830-service-requirements-and-standards.docx"])
def test_word_numbering_matches_libreoffice(name, tmp_path):
    doc = read_document(CORPUS / name)
    result = compare_labels(doc, to_text(CORPUS / name, tmp_path))
    assert result.compared > 200
    assert result.mismatches == []
