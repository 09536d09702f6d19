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


@pytest.mark.parametrize(("sentence", "expected"), [
    # points and marks that add up to 100 (a "Total" line is not a criterion)
    ("Proposals will be scored as follows: Cost Proposal – 60 points; Technical Proposal – "
     "40 points; Total – 100 points.", [("price", 60), ("quality", 40)]),
    ("Evaluation: Price – 40 marks; Quality – 50 marks; Social Value – 10 marks.",
     [("price", 40), ("quality", 50), ("social-value", 10)]),
    ("Tenders will be marked out of 100: 30 marks for price and 70 marks for quality.",
     [("price", 30), ("quality", 70)]),
    ("Price: 60 points. Technical: 40 points.", [("price", 60), ("quality", 40)]),
    # bare numbers in a list of criteria, when they add up to 100
    ("Sub-criteria weightings are: Financial 60, Technical 35, Social Value 5.",
     [("price", 60), ("quality", 35), ("social-value", 5)]),
    ("The evaluation weightings are Commercial 30 / Technical 60 / Social Value 10.",
     [("price", 30), ("quality", 60), ("social-value", 10)]),
    ("Award criteria weighting: Quality 40, Technical 30, Price 30",
     [("quality", 40), ("quality", 30), ("price", 30)]),
    # a relative clause or a bracket between the criterion and its weight
    ("Awards will be based on price, which shall be weighted at 70 percent, and technical "
     "merit, weighted at 30 percent.", [("price", 70), ("quality", 30)]),
    ("The contract will be awarded on cost, which will be weighted at sixty per cent, and "
     "quality, which will carry forty per cent.", [("price", 60), ("quality", 40)]),
    ("Social value questions (Section E) carry 2.5% of the available marks.",
     [("social-value", 2.5)]),
    ("Social value (see Schedule 4) will be worth 10% of the overall score; price 30%; "
     "quality 60%.", [("social-value", 10), ("price", 30), ("quality", 60)]),
])
def test_points_lists_and_clauses(facts_of, sentence, expected):
    (scheme,) = facts_of(f"# Evaluation\n\n{sentence}\n").award.schemes
    assert [(c.kind, c.weight) for c in scheme.criteria if c.parent is None] == expected


@pytest.mark.parametrize(("sentence", "price", "quality"), [
    ("Following consultation, the Council decided not to use a price/quality ratio of 60:40 "
     "for the tender and adopted 30:70 instead.", 30, 70),
    ("The price:quality ratio has changed from 70:30 to 40:60.", 40, 60),
    ("Rather than a 60:40 price/quality split, the Council will use 30:70.", 30, 70),
    ("The Council will use a 40:60 price/quality ratio rather than 60:40.", 40, 60),
    ("The Council has moved away from a 70:30 price/quality split; this tender uses 40:60.",
     40, 60),
    ("A price/quality ratio of 40:60 will be used, replacing the 70:30 ratio used in 2019.",
     40, 60),
    ("Instead of weighting price at 60%, the Council will weight price at 40% and quality at "
     "60%.", 40, 60),
    ("Quality will be weighted at 70% (previously 40%) and price at 30%.", 30, 70),
    # "previous", "from" and "rather than" elsewhere in the sentence do not reject the scheme
    ("The evaluation will use a price/quality ratio of 60:40, as in the previous contract.",
     60, 40),
    ("Bids from local providers are welcome; evaluation is 60% price and 40% quality.", 60, 40),
])
def test_a_rejected_weighting_gives_way_to_the_adopted_one(facts_of, sentence, price, quality):
    (scheme,) = facts_of(f"# Evaluation\n\n{sentence}\n").award.schemes
    assert (scheme.price_weight, scheme.quality_weight) == (price, quality)


@pytest.mark.parametrize("sentence", [
    "The 70:30 price:quality weighting used previously has been replaced.",
    "Each quality question is marked out of 5 points; price is scored out of 10 points.",
    "Tenderers scoring below 40 marks on quality will be excluded; the cost of 60 sessions is "
    "included.",
    "Quality 4, Price 3 and Social Value 2 are the three sections of the response.",
    "Cost 50, Quality 30 (draft weights to be confirmed)",
    "The price, which is fixed at £18.50 per hour, covers 100% of travel time.",
    "Quality questions (each worth 5 marks) are set out in Annex B.",
])
def test_numbers_that_are_not_a_weighting(facts_of, sentence):
    assert facts_of(f"# Evaluation\n\n{sentence}\n").award.schemes == ()


@pytest.mark.parametrize("sentence", [
    "The contract will be awarded on a most economically advantageous tender basis using price "
    "as the sole award criterion.",
    "Price will be used as the sole criterion for Lot 2.",
    "The sole criterion for award will be price.",
    "The Department will make award to the responsible offeror whose proposal offers the lowest "
    "total evaluated cost.",
    "Placements will be made with the agency offering the lowest weekly fee that meets the "
    "child's needs.",
    "Call-offs will go to the provider quoting the cheapest daily rate.",
])
def test_more_price_only_statements(facts_of, sentence):
    award = facts_of(f"# Evaluation\n\n{sentence}\n").award
    assert award.lowest_price is not None
    assert award.quality_led is None  # "most economically advantageous" on price alone


@pytest.mark.parametrize("sentence", [
    "Price will not be the sole award criterion.",
    "Regulation 76 prohibits price as the sole criterion for care services.",
    "Price as the sole criterion is not appropriate for care.",
    "The Government may award to other than the lowest total evaluated price.",
    "The lowest evaluated price will not necessarily be selected.",
    "Where two bids score the same, the contract will be awarded to the lowest priced bid.",
    "The lowest fee band applies to clients with low needs.",
    "The lowest weekly fee paid by the Council last year was £850.",
])
def test_statements_that_are_not_a_price_only_award(facts_of, sentence):
    assert facts_of(f"# Evaluation\n\n{sentence}\n").award.lowest_price is None


@pytest.mark.parametrize(("sentence", "expected"), [
    # a criterion as a row's label, its weight ending the row: no other cue needed
    ("2 | Price | 100% [for the core support hours only]", [("price", 100)]),
    ("Price: 100%", [("price", 100)]),
    ("Lot 3 Supported Living | Price | 100%", [("price", 100)]),
    # long labels that start with a criterion, and award notices
    ("Cost | 40% | Quality of Service Proposal | 60%", [("price", 40), ("quality", 60)]),
    ("Technical Approach and Methodology | 20% | Quality of Staffing | 20% | Price | 60%",
     [("price", 60), ("quality", 20), ("quality", 20)]),
    ("Quality criterion - Name: Staffing / Weighting: 30 Quality criterion - Name: Social value "
     "/ Weighting: 10 Price - Weighting: 60", [("quality", 30), ("social-value", 10),
                                              ("price", 60)]),
    ("Price - Weighting: 100", [("price", 100)]),
])
def test_weights_after_a_row_label(facts_of, sentence, expected):
    (scheme,) = facts_of(f"# Lots\n\n{sentence}\n").award.schemes
    assert sorted((c.kind, c.weight) for c in scheme.criteria) == sorted(expected)


@pytest.mark.parametrize("sentence", [
    "Cost | 100% recovered from the person's personal budget",
    "Price paid: 100% on completion of the works",
    "Year 1 | Price | 100% | Year 2 | Price | 103%",
    "Cost | 100% | Materials and labour for the roof replacement",
    "Tender price: 100% of the Schedule of Rates",
    "Cost of staffing | 75% | Cost of travel and overheads | 25%",
    "Quality | 95%",
    "Actual cost 100%",
])
def test_row_labels_that_are_not_weightings(facts_of, sentence):
    assert facts_of(f"# Lots\n\n{sentence}\n").award.schemes == ()


@pytest.mark.parametrize(("sentence", "expected"), [
    # a verb that gives a criterion its share of the score
    ("Cost shall constitute 55 percent of the total evaluation score for the in-home care RFP.",
     [("price", 55)]),
    ("Price represents 70% of the overall score.", [("price", 70)]),
    ("Quality will make up 40% of the score and price 60%.", [("price", 60), ("quality", 40)]),
    ("Pricing has a weighting of 65% in the care at home tender.", [("price", 65)]),
    ("60% of the marks will be allocated to price and 40% to quality.",
     [("price", 60), ("quality", 40)]),
    ("Price and quality will be weighted 70:30 for the home care contract.",
     [("price", 70), ("quality", 30)]),
])
def test_a_share_of_the_score_in_a_sentence(facts_of, sentence, expected):
    (scheme,) = facts_of(f"# Evaluation\n\n{sentence}\n").award.schemes
    assert sorted((c.kind, c.weight) for c in scheme.criteria) == sorted(expected)


@pytest.mark.parametrize("sentence", [
    "Staff wages make up 70% of the price of an hour of home care.",
    "Price rises accounted for 60% of the increase in the care budget last year.",
    "Cost represents 70% of the budget for the tender.",
    "Quality and price will each be scored 0-100 in the tender.",
    "Price represented 70% of the score in the 2019 tender; quality now carries 60%.",
])
def test_shares_of_other_things(facts_of, sentence):
    assert all(s.price_weight is None
               for s in facts_of(f"# Evaluation\n\n{sentence}\n").award.schemes)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Of the 100 marks available, 60 will be awarded for price and 40 for quality.",
     [("price", 60), ("quality", 40)]),
    ("Care at Home Service – Price: 65 marks; Method Statements: 35 marks.",
     [("price", 65), ("quality", 35)]),
    ("Social Value: 5 marks out of 100", [("social-value", 5)]),
    ("Price (55 marks), Written Responses (30 marks) and Presentation (15 marks).",
     [("price", 55), ("quality", 30), ("quality", 15)]),
    ("Quality will be marked out of 60 and price out of 40.", [("price", 40), ("quality", 60)]),
    ("60 marks are available for price and 40 for quality.", [("price", 60), ("quality", 40)]),
    ("Price 60 | Written Responses 20 | Interview 20",
     [("price", 60), ("quality", 20), ("quality", 20)]),
])
def test_marks_shared_between_price_and_quality_parts(facts_of, sentence, expected):
    (scheme,) = facts_of(f"# Evaluation\n\n{sentence}\n").award.schemes
    assert sorted((c.kind, c.weight) for c in scheme.criteria) == sorted(expected)


@pytest.mark.parametrize("sentence", [
    "Price: 65 marks; Method Statements: 15 marks.",
    "Of the 100 homes inspected, 60 were rated good for quality.",
    "Of the 100 marks available, a minimum of 60 must be achieved on quality.",
    "The interview will take 45 minutes and the presentation 15 minutes; 100 marks are "
    "available for the written test.",
])
def test_marks_that_are_not_a_weighting(facts_of, sentence):
    assert facts_of(f"# Evaluation\n\n{sentence}\n").award.schemes == ()


def test_a_quality_threshold_is_not_a_quality_weight(facts_of):
    award = facts_of("# Evaluation\n\nBidders who achieve a minimum quality score of 60% will "
                     "then be ranked solely on price.\n").award
    assert award.schemes == ()  # the gate then price: KL205's
    (scheme,) = facts_of("# Evaluation\n\nBidders achieving a minimum quality score of 60% "
                         "proceed to an evaluation weighted 70% quality and 30% price.\n"
                         ).award.schemes
    assert (scheme.price_weight, scheme.quality_weight) == (30, 70)
    assert facts_of("# Evaluation\n\nTenders scoring 60% or more on quality will be "
                    "shortlisted.\n").award.schemes == ()


@pytest.mark.parametrize(("sentence", "price_only"), [
    ("The contract will be awarded to the provider offering the most competitive hourly rate.",
     True),
    ("The successful tenderer will be the one submitting the most competitive price.", True),
    ("Tenderers are asked to submit their most competitive hourly rate.", False),
    ("The most competitive price will be awarded the maximum 30 marks.", False),
    ("Award will be made to the most competitive tender, taking account of quality and price.",
     False),
])
def test_the_most_competitive_rate(facts_of, sentence, price_only):
    assert (facts_of(f"# Evaluation\n\n{sentence}\n").award.lowest_price is not None) \
        is price_only
