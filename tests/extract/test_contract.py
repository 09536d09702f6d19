"""Contract term, payment models, hourly rates, built-in price cuts and visit lengths."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("sentence", "initial", "extension"), [
    ("The contract will be for an initial period of 3 years with the option to extend for up "
     "to 2 further years.", 3, 2),
    ("This is a 12 month contract.", 1, None),
    ("The framework term is 4 years.", 4, None),
    ("A 3+1+1 year contract.", 3, 2),
    ("The contract period will be 5 years, with two extension periods of 12 months.", 5, 2),
    ("The contract will run for 12 months from 1 October.", 1, None),
    ("This is a one-year interim contract.", 1, None),
    ("The grant is awarded for one year only.", 1, None),
    ("The contract term is one (1) year with four (4) one-year renewal options.", 1, 4),
])
def test_contract_term(facts_of, sentence, initial, extension):
    term = facts_of(f"# Contract\n\n{sentence}\n").term
    assert term is not None
    assert (term.initial_years, term.extension_years) == (initial, extension)
    assert term.evidence.location.line == 3


@pytest.mark.parametrize("sentence", [
    "Reports are due one (1) month post the Call-Off Start Date.",
    "Invoices are paid within 30 days.",
    "People receive support for 6 months after moving in.",
])
def test_other_periods_are_not_the_contract_term(facts_of, sentence):
    assert facts_of(f"# Contract\n\n{sentence}\n").term is None


def test_payment_models_rates_and_cuts(facts_of):
    facts = facts_of("# Payment\n\n"
                     "Payment will be made per minute of care delivered, at an hourly rate of "
                     "£18.50.\n\n"
                     "Providers are paid by results: 40% of the fee is paid on achievement of "
                     "outcomes.\n\n"
                     "The price will reduce by 2% each year.\n")
    assert [p.kind for p in facts.payment_models] == ["per-minute", "hourly",
                                                      "payment-by-results"]
    assert [(r.value, r.unit) for r in facts.hourly_rates] == [(18.5, "GBP/hour")]
    assert [(r.value, r.unit) for r in facts.price_reductions] == [(2.0, "%")]


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Each care plan will list the time allocated to each task.", "time-and-task"),
    ("A visit cut short will be paid pro rata to the minute.", "per-minute"),
    ("Services will be reimbursed in 15-minute units.", "per-minute"),
    ("Invoices will be generated from the call monitoring data.", "per-minute"),
    ("Fifteen per cent of each monthly invoice will be withheld until the permanency targets "
     "are met.", "payment-by-results"),
])
def test_payment_models_in_other_words(facts_of, sentence, kind):
    assert kind in [p.kind for p in facts_of(f"# Payment\n\n{sentence}\n").payment_models]


@pytest.mark.parametrize(("sentence", "percent"), [
    ("Annual efficiency savings of 1.5% will be deducted from the block payment.", 1.5),
    ("Weekly fees will be held for the first year and reduced by 2% per annum after that.", 2),
    ("The Council expects a 5% reduction in carbon emissions in each year of the contract.",
     None),
])
def test_price_cuts_and_other_reductions(facts_of, sentence, percent):
    found = [r.value for r in facts_of(f"# Price\n\n{sentence}\n").price_reductions]
    assert found == ([percent] if percent is not None else [])


@pytest.mark.parametrize(("sentence", "minutes"), [
    ("Care is delivered in 15-minute visits.", [15]),
    ("Calls of thirty minutes are commissioned for personal care.", [30]),
    ("Visits must start within 15 minutes of the planned time.", []),
    ("The helpdesk attends within [15] minutes.", []),
    ("Call durations are set at 15, 30, 45 or 60 minutes.", [15]),
    ("A quarter-hour visit will be scheduled at teatime.", [15]),
])
def test_visit_lengths_are_not_punctuality(facts_of, sentence, minutes):
    found = facts_of(f"# Visits\n\n{sentence}\n").visit_lengths
    assert [a.value for a in found] == minutes
