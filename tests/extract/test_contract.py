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


@pytest.mark.parametrize(("sentence", "minutes"), [
    ("Care is delivered in 15-minute visits.", [15]),
    ("Calls of thirty minutes are commissioned for personal care.", [30]),
    ("Visits must start within 15 minutes of the planned time.", []),
    ("The helpdesk attends within [15] minutes.", []),
])
def test_visit_lengths_are_not_punctuality(facts_of, sentence, minutes):
    found = facts_of(f"# Visits\n\n{sentence}\n").visit_lengths
    assert [a.value for a in found] == minutes
