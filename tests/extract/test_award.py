"""Award criteria: weightings written as tables, prose, ratios and points, and price-only or
quality-led statements, including the percentages that are not weightings."""

from __future__ import annotations

import pytest


def weights(facts) -> list[list[tuple[str, str, float]]]:
    return [[(c.name, c.kind, c.weight) for c in scheme.criteria if c.parent is None]
            for scheme in facts.award.schemes]


@pytest.mark.parametrize(("sentence", "price", "quality"), [
    ("Tenders will be evaluated on Price 60% and Quality 40%.", 60, 40),
    ("The price/quality ratio is 70:30.", 70, 30),
    ("A 60:40 quality:price split will be used.", 40, 60),
    ("The evaluation weighting is 40% price and 60% quality.", 40, 60),
    ("Quality 70 Price 30", 30, 70),
    ("Cost will account for 55 per cent of the total score and quality for 45 per cent.", 55, 45),
    ("Price (cost per job outcome) will carry 70% of the marks and quality 30%.", 70, 30),
])
def test_weightings_written_in_prose(facts_of, sentence, price, quality):
    (scheme,) = facts_of(f"# Evaluation\n\n{sentence}\n").award.schemes
    assert (scheme.price_weight, scheme.quality_weight) == (price, quality)
    assert scheme.sums_to_100


def test_weighting_table_with_social_value(facts_of):
    facts = facts_of("# Award criteria\n\n| Criterion | Weighting |\n|---|---|\n"
                     "| Quality | 60% |\n| Social value | 10% |\n| Price | 30% |\n")
    assert weights(facts) == [[("Quality", "quality", 60), ("Social value", "social-value", 10),
                               ("Price", "price", 30)]]
    scheme = facts.award.schemes[0]
    assert scheme.price_weight == 30 and scheme.social_value_weight == 10
    assert scheme.criteria[2].location.table == 1 and scheme.criteria[2].location.row == 4


def test_points_listed_inline(facts_of):
    facts = facts_of("# Evaluation\n\nProposals will be scored out of 100 points: Cost "
                     "proposal (60 points); Technical approach (25 points); Past performance "
                     "(15 points).\n")
    assert weights(facts) == [[("Cost proposal", "price", 60),
                               ("Technical approach", "quality", 25),
                               ("Past performance", "quality", 15)]]


def test_bracketed_points_with_sub_criteria(facts_of):
    facts = facts_of("# Evaluation criteria\n\n"
                     "1. Cost of services [ 30 ]\n"
                     "2. Overall fit [ 35 ]\n"
                     "3. Previous experience [ 35 ]\n")
    assert weights(facts) == [[("Cost of services", "price", 30),
                               ("Overall fit", "quality", 35),
                               ("Previous experience", "quality", 35)]]


@pytest.mark.parametrize("sentence", [
    "The contract will be awarded to the lowest price compliant tender.",
    "Bids will be ranked on the lowest 'Total Charges'.",
    "Evaluation will be 100% price.",
    "The award will be made solely on the basis of price.",
    "The award will be made solely on the basis of the hourly rate tendered.",
    "Award will be made to the lowest-priced, technically acceptable offeror.",
    "Award shall be made to the lowest responsive and responsible bidder.",
])
def test_price_only_statements(facts_of, sentence):
    award = facts_of(f"# Evaluation\n\n{sentence}\n").award
    assert award.lowest_price is not None
    assert award.lowest_price.location.line == 3


@pytest.mark.parametrize("sentence", [
    "The contract will not be awarded on the lowest price alone.",
    "Awarding on the lowest price often leads to rushed visits, which we will avoid.",
    "Award may not necessarily be made to the lowest priced quote.",
    "Unit rates will be scored against the cheapest rate submitted, which gets full marks.",
])
def test_rejecting_lowest_price_is_not_a_price_only_award(facts_of, sentence):
    assert facts_of(f"# Evaluation\n\n{sentence}\n").award.lowest_price is None


@pytest.mark.parametrize("sentence", [
    "Award will be made on the basis of the most economically advantageous tender.",
    "The technical evaluation factors combined are significantly more\nimportant than price.",
    "Technical factors shall be given greater weight than financial factors.",
])
def test_quality_led_statements_even_across_a_line_break(facts_of, sentence):
    assert facts_of(f"# Evaluation\n\n{sentence}\n").award.quality_led is not None


@pytest.mark.parametrize("sentence", [
    "At least 10% of the total monetary value must be spent with small firms.",
    "We pay 99% of invoices within 10 days.",
    "The unit price per hour is fixed for the first year; 20% of staff are trained each year.",
])
def test_percentages_that_are_not_weightings(facts_of, sentence):
    award = facts_of(f"# Procurement\n\n{sentence}\n").award
    assert award.schemes == () and award.lowest_price is None
