"""Clause numbers typed in text, and the clause paths built from them."""

from __future__ import annotations

import pytest

from kindlint.readers.clauses import ClauseTracker, classify_label, parse_typed_label


@pytest.mark.parametrize(("text", "label"), [
    ("4.2 The Provider", "4.2"),
    ("4.2.1. Reports", "4.2.1"),
    ("12. Payment", "12"),
    ("(b) the person", "(b)"),
    ("(iv) reviews", "(iv)"),
    ("a) first", "a)"),
    ("Schedule 3 - KPIs", "Schedule 3"),
    ("PART A: Specification", "Part A"),
    ("Annex 1", "Annex 1"),
])
def test_typed_labels(text, label):
    parsed = parse_typed_label(text)
    assert parsed is not None and parsed.text == label


@pytest.mark.parametrize("text", ["2024 was a good year", "95% of visits", "15 minutes",
                                  "The Provider", "Section of the Act"])
def test_not_labels(text):
    assert parse_typed_label(text) is None


def test_word_display_forms_are_ranked():
    assert classify_label("4.2.").text == "4.2" and classify_label("4.2.").rank == 2
    assert classify_label("(b)").rank > classify_label("(2)").rank


def test_tracker_nests_and_collapses_numbers():
    t = ClauseTracker()
    t.heading(1, "Schedule 2", parse_typed_label("Schedule 2"))
    t.numbered(classify_label("4"))
    t.numbered(classify_label("4.2"))
    t.numbered(classify_label("(h)"))
    t.numbered(classify_label("(i)"))  # after (h) this is the letter i, a sibling
    assert t.path == ("Schedule 2", "4.2", "(i)")
    t.numbered(classify_label("4.3"))
    assert t.path == ("Schedule 2", "4.3")
    t.heading(1, "Evaluation")
    assert t.path == () and t.section == "Evaluation"
