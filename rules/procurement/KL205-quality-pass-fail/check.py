"""KL205: quality only as a pass/fail gate while price decides the award."""

import re

from kindlint.extract.negation import negated
from kindlint.lazy_regex import lazy
from kindlint.model.findings import SUBJECT_AWARD

_GATED = r"(?:quality|technical|method statements?|written (?:responses?|submissions?))"
_PASS_FAIL = lazy(rf"{_GATED}[^.;]{{0,80}}?pass\s*/\s*fail|"
                  rf"pass\s*/\s*fail[^.;]{{0,40}}?{_GATED}", re.IGNORECASE)
_PRICE_SCORED = lazy(r"(?:price|cost|rate)[^.;]{0,60}?(?:scored|score|evaluated|ranked|"
                     r"decid|determin)|(?:scored|ranked|evaluated) on (?:a |the )?(?:total )?"
                     r"(?:price|cost)|lowest (?:price|rate|cost)", re.IGNORECASE)


def check(ctx):
    award = ctx.facts.award
    price_decides = award.lowest_price is not None or any(
        s.price_weight and not s.quality_weight for s in award.schemes)
    for scheme in award.schemes:
        gates = [c for c in scheme.criteria if c.pass_fail and c.kind == "quality"]
        if gates and scheme.price_weight and not scheme.quality_weight:
            yield ctx.at(_evidence(gates[0]), subject=SUBJECT_AWARD)
    reported = set()
    for block, start, end, _ in ctx.run.index.hits(_PASS_FAIL, ("pass",)):
        if block.index in reported or negated(block, start, end, inside=True):
            continue
        s_start, s_end = block.sentence_at(start)
        if price_decides or _PRICE_SCORED.search(block.text[s_start:s_end]):
            reported.add(block.index)
            yield ctx.finding(block, start, end, subject=SUBJECT_AWARD)


def _evidence(criterion):
    from kindlint.model.facts import Evidence

    return Evidence(criterion.text, criterion.location, criterion.block)
