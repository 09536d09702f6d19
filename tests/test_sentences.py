"""Sentence splitting keeps spans and does not break at abbreviations or clause numbers."""

from kindlint.model.sentences import split_sentences


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_at_sentence_ends():
    assert sentences("Visits last an hour. Workers stay longer when needed!") == [
        "Visits last an hour.", "Workers stay longer when needed!"]


def test_keeps_abbreviations_numbers_and_money_together():
    text = "See clause 4.2 e.g. the rates. It pays £18.50 per hour, i.e. more."
    assert sentences(text) == ["See clause 4.2 e.g. the rates.",
                               "It pays £18.50 per hour, i.e. more."]


def test_a_leading_clause_number_is_not_a_sentence():
    assert sentences("4. Quality and outcomes") == ["4. Quality and outcomes"]
