"""Contract term, payment models, hourly rates, built-in price cuts and visit lengths."""

from __future__ import annotations

import pytest

from kindlint.lint import LintOptions, lint_file


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
    ("The home support framework will be let for a 2-year period with no extension options.",
     2, None),
    ("The Care at Home contract is to be let for an initial period of 2 years.", 2, None),
    ("The agreement will be awarded for a 12-month term.", 1, None),
    ("This housing support framework will be in place for 3 years.", 3, None),
    # a term given as dates, or an interim arrangement
    ("Home Support contract period: 1 April 2025 to 31 March 2026.", 1, None),
    ("The Agreement shall commence on 1 October 2024 and expire on 30 September 2026.", 2, None),
    ("The period of performance is July 1, 2025 through June 30, 2026.", 1, None),
    ("Contract term: 01/04/2025 - 31/03/2028, with an option to extend for 2 years.", 3, 2),
    ("An interim Framework for one year will be put in place.", 1, None),
    ("The Council intends to award a temporary contract for 6 months.", 0.5, None),
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
    "Tenants will be supported for a 2-year period after moving in.",
    "The mobilisation period for the contract is 1 January 2025 to 31 March 2025.",
    "The previous home care contract ran from 1 April 2019 to 31 March 2020.",
    "Tenders must be submitted between 1 May 2025 and 15 May 2025.",
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
    # minutes per task, billing units and minutes scheduled
    ("The support plan lists each task and the number of minutes allocated to each task.",
     "time-and-task"),
    ("Each task in the plan has a set number of minutes allocated to it.", "time-and-task"),
    ("Personal care is reimbursed at $5.80 per 15-minute unit, verified through EVV.",
     "per-minute"),
    ("Agencies are paid £4.60 for each 15-minute block of care.", "per-minute"),
    ("One billable unit equals 15 minutes of in-home service.", "per-minute"),
    ("Providers will be paid against the minutes scheduled for each visit.", "per-minute"),
    ("Only time captured by the call monitoring system will be paid.", "per-minute"),
    # payment by results in its many wordings
    ("The provider will receive a results-based payment for each household.",
     "payment-by-results"),
    ("The recovery service will be paid by results.", "payment-by-results"),
    ("This is a payment-by-results contract.", "payment-by-results"),
    ("Part of the Provider's fee (up to 15%) will be contingent on reductions in repeat "
     "homelessness.", "payment-by-results"),
    ("Payments under the youth employment program are outcome-based.", "payment-by-results"),
    ("Providers receive an attachment fee, with the rest of the payment triggered by job starts "
     "and 26-week sustainment outcomes.", "payment-by-results"),
    ("The vendor will receive a bonus of $1,000 per placement, and a payment of $2,500 for "
     "each youth who achieves permanency.", "payment-by-results"),
    ("10% of the annual fee for the floating support service will be held back and released "
     "only once the agreed outcomes are achieved.", "payment-by-results"),
    ("Payment will be linked to the achievement of the outcome milestones, with 25% of the fee "
     "at risk.", "payment-by-results"),
    # paid by the task, or by the minute in other words
    ("Providers will be paid per completed task, as recorded on the care plan task sheet.",
     "time-and-task"),
    ("Home care is commissioned in blocks of time against a list of tasks.", "time-and-task"),
    ("The care provider shall be paid on a task-by-task basis.", "time-and-task"),
    ("The Council will calculate payment to the minute.", "per-minute"),
    ("Payment will be made on a per-minute basis.", "per-minute"),
    ("Providers will be paid for the actual time spent in the service user's home, as evidenced "
     "by the ECM system.", "per-minute"),
    ("Billing shall be based on actual visit times as documented by EVV clock-in and clock-out.",
     "per-minute"),
    # a sum for each person who gets or keeps a job, a home or a qualification
    ("The Provider will be paid £1,200 for each participant who enters work and a further £800 "
     "once they have been in work for 26 weeks.", "payment-by-results"),
    ("The Provider will receive £2,000 for every person who moves into settled accommodation.",
     "payment-by-results"),
    ("A payment of £500 will be made when a participant starts a job.", "payment-by-results"),
    ("The Contractor shall be paid $3,000 per youth who obtains a high school diploma.",
     "payment-by-results"),
    ("The Provider may claim £400 per client who is still in their tenancy after 12 months.",
     "payment-by-results"),
    ("A retention payment of $500 is made when the participant has been employed for 90 days.",
     "payment-by-results"),
    ("Employment providers receive a 26-week employment fee.", "payment-by-results"),
    ("The Provider will be paid £1,500 for each person on probation who does not reoffend "
     "within 12 months.", "payment-by-results"),
    ("The new contract replaces grant funding with payment by results.", "payment-by-results"),
])
def test_payment_models_in_other_words(facts_of, sentence, kind):
    assert kind in [p.kind for p in facts_of(f"# Payment\n\n{sentence}\n").payment_models]


@pytest.mark.parametrize("sentence", [
    # paying planned hours is the good practice, not time and task
    "Staff may be on zero-hours contracts provided the Provider can meet the commissioned hours.",
    "Payment will be made on commissioned hours so that workers can have guaranteed hours.",
    # a past or replaced model
    "The 2019 contract paid providers by the minute; the new model replaces this with a "
    "guaranteed weekly payment.",
    "Previously, providers were paid by the minute from call monitoring data.",
    "Under the old contract, invoices were generated from the call monitoring system.",
    "The current contract pays providers by the minute, which has led to rushed visits.",
    "The previous contract paid by results; this has been replaced with a grant.",
    "The Council is moving away from paying by the minute.",
    # rejected, or not payment by results at all
    "Payments will not be linked to outcomes; outcomes are used for learning.",
    "The partnership uses Results Based Accountability to plan the service together.",
    "Outcomes-based commissioning means the outcomes are agreed with the person.",
    "5% of the contract sum will be retained until the end of the defects liability period.",
    "The Provider receives a payment for each person referred to the service.",
    "Payments will be made once the outcome of the financial assessment is known.",
    "A portion of the fee is dependent on the number of hours delivered.",
    "Payment will be made when a person starts receiving support.",
    # past practice, in its many wordings
    "The Council ended time and task commissioning in 2021 and now commissions outcomes.",
    "We replaced time and task with outcome-based support plans in 2020.",
    "Time and task commissioning ended in 2021.",
    "The Partnership scrapped per-minute billing in 2017 and now pays for planned hours.",
    "Since abolishing time and task in 2021, the Council pays a weekly amount.",
    "The Council has moved from time and task to outcome-based commissioning.",
    "Until 2021, providers were paid per minute from call monitoring data.",
    "We got rid of outcome payments for the homelessness service in 2019.",
    # fair pay for workers, money for the person, and starting support are not results
    "Care workers must be paid for the actual time spent travelling between visits.",
    "Care workers must be paid for the actual time they spend in people's homes.",
    "ECM data is used to check that visits took place; payment is made on planned hours.",
    "Car park charges will be applied per minute after the first 30 minutes.",
    "The Provider will be paid on completion of each task in the mobilisation plan.",
    "A setting-up-home allowance of £2,000 is paid to each young person who moves into their "
    "own home.",
    "The Provider will receive £250 for each participant who starts on the programme.",
    "The Provider will be paid an agreed amount for each person who moves into the scheme.",
    "Participants who enter work will receive in-work support for 26 weeks.",
])
def test_payment_models_not_asked_for(facts_of, sentence):
    kinds = [p.kind for p in facts_of(f"# Payment\n\n{sentence}\n").payment_models]
    assert not {"time-and-task", "per-minute", "payment-by-results"} & set(kinds)


@pytest.mark.parametrize(("sentence", "percent"), [
    ("Annual efficiency savings of 1.5% will be deducted from the block payment.", 1.5),
    ("Weekly fees will be held for the first year and reduced by 2% per annum after that.", 2),
    ("The Council expects a 5% reduction in carbon emissions in each year of the contract.",
     None),
    ("The annual price will be subject to an efficiency reduction of 2% on each anniversary.",
     2),
    ("Providers should plan for a yearly efficiency reduction of 1% in hourly rates.", 1),
    ("Agreed unit prices will be indexed downward by 1.5% each year.", 1.5),
    ("The contract price will reduce by 3% in each year from Year 2 onwards.", 3),
    ("An efficiency dividend of 1.5% will be applied to the grant funding each year.", 1.5),
    ("Unit rates shall decrease by 2 percent in each option year.", 2),
    ("A 1% productivity deduction will be applied to weekly fees each April.", 1),
    # not price cuts: energy and fuel savings, outcome targets, penalties, the past, a refusal
    ("New street lighting should deliver energy efficiency savings of at least 35% a year.",
     None),
    ("Tenants should see savings of 10% on energy bills after the retrofit.", None),
    ("The Provider should help reduce the rate of hospital readmissions by 5% each year.", None),
    ("A deduction of 3% of the monthly payment applies for each month a target is missed.",
     None),
    ("The previous framework applied an efficiency reduction of 1% to weekly fees.", None),
    ("We dropped the 1% annual efficiency reduction on home care fees in 2022.", None),
    ("The price will not be reduced by 2% in any year of the contract.", None),
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
    ("Home carers are allocated 25 minutes per call to help with breakfast.", [25]),
    ("Carers have 15 minutes for each visit to prompt medication.", [15]),
    ("Personal care visits may be scheduled in increments as short as 15 minutes.", [15]),
    ("Home support calls can be booked in blocks of 15 minutes.", [15]),
    # appointment slots elsewhere, travel time, and a model that has gone
    ("Appointments at the library are offered in 15-minute slots.", []),
    ("Care workers are allocated 10 minutes travel time between visits.", []),
    ("Previously, 15-minute calls were commissioned for medication prompts.", []),
    ("The 2018 contract used 15-minute calls; the new contract replaces them.", []),
    ("We ended 15-minute visits in 2020.", []),
    ("Fifteen-minute visits were phased out in 2019.", []),
    ("We did away with 15-minute visits in 2020.", []),
    ("Before 2020, home care visits were commissioned in 15-minute blocks.", []),
    ("Between 2015 and 2019, the Council commissioned 15-minute calls for medication.", []),
    # a new model that brings short visits in, and a past that ends before the new one starts
    ("The new contract replaces 45-minute visits with 15-minute calls.", [45, 15]),
    ("The Council ended its previous framework in 2023, and the new contract uses 15-minute "
     "visits.", [15]),
])
def test_visit_lengths_are_not_punctuality(facts_of, sentence, minutes):
    found = facts_of(f"# Visits\n\n{sentence}\n").visit_lengths
    assert [a.value for a in found] == minutes


@pytest.mark.parametrize(("sentence", "message"), [
    ("A 9-month pilot contract for the care leavers' service is being tendered.",
     "A 9-month initial term"),
    ("The Housing First support contract is for an initial period of 18 months.",
     "An 18-month initial term"),
    ("The supported living contract will run for 2 years.", "A 2-year initial term"),
])
def test_short_terms_read_in_months_or_years(tmp_path, sentence, message):
    path = tmp_path / "contract.md"
    path.write_text(f"# Supported living\n\n{sentence}\n", encoding="utf-8")
    options = LintOptions(isolated=True, select=("KL309",), cache=False)
    [finding] = lint_file(path, options).findings
    assert finding.message.startswith(message)
