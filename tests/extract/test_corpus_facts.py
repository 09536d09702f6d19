"""Facts from the real corpus (../shared/corpus/real), each checked by opening the document;
the comment says where it is."""

from __future__ import annotations

from functools import cache

from kindlint.extract import extract_facts
from kindlint.model.facts import Facts, KpiKind
from kindlint.readers import read_document
from tests.conftest import CORPUS, needs_corpus

pytestmark = needs_corpus


@cache
def facts(name: str) -> Facts:
    return extract_facts(read_document(CORPUS / name))


def test_helpdesk_response_tables_in_the_fm_specification():
    # Tables 9 and 10 (helpdesk call types A-N with "Initial Attendance" times).
    kpis = facts("uk-ccs-rm3830-service-requirements-and-standards.docx").kpis
    assert len(kpis) == 28 and {k.location.table for k in kpis} == {9, 10}
    first = kpis[0]
    assert first.id == "A" and str(first.target) == "<= 15 minutes"
    assert first.kind is KpiKind.TIMELINESS and not first.consequence.is_penalty


def test_the_pdf_of_the_fm_specification_gives_the_same_kpis():
    # The same tables in the PDF run over pages 195-200.
    word = facts("uk-ccs-rm3830-service-requirements-and-standards.docx").kpis
    pdf = facts("uk-ccs-rm3830-service-requirements-and-standards.pdf").kpis
    assert [(k.id, str(k.target), k.kind) for k in pdf] == [
        (k.id, str(k.target), k.kind) for k in word]
    assert pdf[0].location.page == 195 and pdf[-1].location.page == 200


def test_fm_specification_has_no_contract_term():
    # "one (1) month post the Call-Off" in the work package table is a deadline, not a term.
    assert facts("uk-ccs-rm3830-service-requirements-and-standards.docx").term is None


def test_markdown_qasp_performance_matrix():
    # The Performance Requirements Matrix: seven deliverables, "Minimum of 90% test coverage".
    kpis = facts("us-gsa-18f-agile-bpa-qasp-template.md").kpis
    assert [k.name for k in kpis][:2] == ["Tested Code", "Accessible"] and len(kpis) == 7
    assert str(kpis[0].target) == ">= 90%"


def test_va_performance_table_runs_across_pages_36_and_37():
    kpis = facts("us-va-rtep-va118-16-f-1005-0003.pdf").kpis
    assert [k.location.page for k in kpis] == [36, 36, 36, 37]
    assert len({k.location.table for k in kpis}) == 1


def test_ccs_call_off_award_tables():
    # Table 2: direct award on price alone; table 3: further competition, quality 50 / price 50.
    award = facts("uk-ccs-rm3830-framework-schedule-7-award-criteria-draft-v1.4-2017.docx").award
    assert [(s.price_weight, s.quality_weight) for s in award.schemes] == [(100, None),
                                                                           (50, 50)]
    assert [s.criteria[0].location.table for s in award.schemes] == [2, 3]
    assert award.lowest_price is not None


def test_points_written_in_prose():
    # Fairfax, page 17: qualifications 40, technical approach 30, reasonableness of cost 30.
    fairfax = facts("us-va-fairfax-county-rfp-2000004198-it-staff-augmentation.pdf").award
    (scheme,) = fairfax.schemes
    assert (scheme.price_weight, scheme.quality_weight) == (30, 70)
    assert scheme.criteria[0].location.page == 17
    # Hawaii, page 12: "Cost of services [ 30 ]", "Overall Fit [ 35 ]", "Previous experience
    # [ 35 ]", each with sub-criteria that add up to their parent.
    (hawaii,) = facts("us-hi-htdc-rfp-26-001-business-consultant-services.pdf").award.schemes
    assert (hawaii.price_weight, hawaii.quality_weight) == (30, 70)
    children = [c for c in hawaii.criteria if c.parent]
    assert children and sum(c.weight for c in children) == 70


def test_direct_award_on_lowest_total_charges():
    award = facts("uk-ccs-rm3830-about-the-direct-award-v3.0.pdf").award
    assert "Total Charges" in award.lowest_price.text
    assert award.lowest_price.location.page == 2


def test_quality_led_awards_without_numbers():
    for name in ("us-gsa-18f-agile-bpa-rfq-template.md", "us-gsa-ads-bpa-rfq-4QTFHS150004-mod5.pdf",
                 "us-usds-nbs-instructions-and-evaluation.docx"):
        award = facts(name).award
        assert award.quality_led is not None, name
        assert award.lowest_price is None and award.schemes == (), name


def test_percentages_that_are_not_weightings():
    for name in ("uk-scotgov-eap-public-procurement.md", "us-va-dss-sor-18410-hcd-for-ccwis.docx"):
        assert facts(name).award.schemes == (), name


def test_probation_outcomes_are_about_justice_and_care():
    assert set(facts("uk-hmpps-crs-service-categories-outcomes.derived.txt").domains) >= {
        "justice"}
