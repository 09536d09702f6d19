"""The precision traps: words that look like labels or blind spots but are not.

Each trap sits inside a document about children's social care or adult care, where the
domain-scoped rules are switched on, so a quiet result means the rule read the sense and not
just the string. None may raise a warning or an error; a proper name or a quoted definition
may be noted as info at most.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kindlint.lint import LintOptions, lint_file
from kindlint.model.findings import Severity

CHILDREN = ("# Residential care for children in care\n\n"
            "The Council is corporate parent to children in care and care leavers. Foster "
            "carers, children's homes and Ofsted-registered settings are covered by this "
            "specification.\n\n")
ADULTS = ("# Home care and support\n\n"
          "This specification covers home care, personal care and reablement for adults who "
          "draw on care and support, registered with the Care Quality Commission.\n\n")

TRAPS = {
    "unit price": "Tenderers must state a unit price for each item of equipment.",
    "per unit": "Laundry is charged at £2 per unit of washing.",
    "unit cost": "The unit cost of each training course is set out in Schedule 5.",
    "business unit": "The contract is managed by the Council's commissioning business unit.",
    "an address": "Send tenders to Unit 4, Riverside Park, Northtown.",
    "intensive care unit": "Young people discharged from an intensive care unit are referred "
                           "by the hospital team.",
    "invalid tender": "A late submission is an invalid tender and will not be opened.",
    "losses suffered": "The Provider indemnifies the Council against losses suffered.",
    "contact details": "Please keep the contact details of the named manager up to date.",
    "point of contact": "Each provider names a single point of contact for the contract.",
    "a job title": "The Local Area Coordinator (LAC) will attend the review meeting.",
    "daily cleaning": "The home will have daily cleaning of shared areas.",
    "GDPR compliance": "Providers must show GDPR compliance in their data policy.",
    "non-compliant bid": "A non-compliant bid will be excluded from evaluation.",
    "an Act's name": "Staff disclose spent convictions under the Rehabilitation of Offenders "
                     "Act 1974.",
    "an institution's name": "Some young people will have spent time in a Young Offender "
                             "Institution.",
    "health statistics": "Hospital beds occupied by people awaiting discharge fell by 12% in "
                         "the NHS statistics for 2024.",
    "work placement": "Young people can take up a paid work placement with the Council.",
    "Housing First homes": "The Housing First service will provide 24 homes across the city.",
}
NOTED_AT_MOST = {
    "a quoted statutory definition": "In this contract, 'looked after child' has the meaning "
                                     "given in section 22 of the Children Act 1989.",
}


def _findings(tmp_path: Path, opening: str, sentence: str):
    path = tmp_path / "trap.md"
    path.write_text(f"{opening}## Requirements\n\n{sentence}\n", encoding="utf-8")
    return [f for f in lint_file(path, LintOptions(isolated=True)).findings
            if f.location.line == opening.count("\n") + 3]


@pytest.mark.parametrize("opening", [CHILDREN, ADULTS], ids=["children", "adults"])
@pytest.mark.parametrize("sentence", TRAPS.values(), ids=TRAPS.keys())
def test_trap_raises_no_warning(tmp_path: Path, opening: str, sentence: str) -> None:
    loud = [f"{f.code} {f.text!r}" for f in _findings(tmp_path, opening, sentence)
            if f.severity is not Severity.INFO]
    assert not loud, f"{sentence!r} flagged: {loud}"


@pytest.mark.parametrize("opening", [CHILDREN, ADULTS], ids=["children", "adults"])
@pytest.mark.parametrize("sentence", NOTED_AT_MOST.values(), ids=NOTED_AT_MOST.keys())
def test_quoted_definition_is_info_at_most(tmp_path: Path, opening: str, sentence: str) -> None:
    assert all(f.severity is Severity.INFO for f in _findings(tmp_path, opening, sentence))


def test_the_same_words_about_people_are_flagged(tmp_path: Path) -> None:
    """The traps are quiet because of their sense: the labels themselves still fire."""
    sentences = {
        "KL109": "The provider will supply 25 units for ex-offenders.",
        "KL101": "Offenders will be housed in the scheme.",
        "KL110": "The council will fill voids within 48 hours of a placement ending.",
    }
    for code, sentence in sentences.items():
        codes = {f.code for f in _findings(tmp_path, ADULTS, sentence)}
        assert code in codes, f"{code} did not fire on {sentence!r}: {codes}"
