"""Every rule's good and bad examples, collected automatically (pylint-style)."""

from __future__ import annotations

import pytest

from kindlint.rules.packs import load_packs
from kindlint.testing import run_example

CASES = [(rule, example) for rule in load_packs() for example in rule.examples]


@pytest.mark.parametrize(
    ("rule", "example"), CASES,
    ids=[f"{r.code}/{e.kind}/{e.path.name}" for r, e in CASES],
)
def test_example(rule, example):
    outcome = run_example(rule, example)
    assert outcome.ok, outcome.explain()


def test_every_rule_has_good_and_bad_examples():
    for rule in load_packs():
        kinds = {e.kind for e in rule.examples}
        assert kinds == {"good", "bad"}, f"{rule.code} needs good/ and bad/ examples"
