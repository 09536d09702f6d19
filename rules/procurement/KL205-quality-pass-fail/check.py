"""KL205: quality only as a pass/fail gate (or a threshold) while price decides the award."""

import re

from kindlint.extract.negation import negated
from kindlint.lazy_regex import lazy
from kindlint.model.facts import Evidence
from kindlint.model.findings import SUBJECT_AWARD

_GATED = r"(?:quality|technical|method statements?|written (?:responses?|submissions?))"
_PASS_OR_FAIL = (r"(?:pass\s*(?:/|or|and)\s*fail|(?:technically\s+)?acceptable\s*(?:/|or)\s*"
                 r"unacceptable|compliant\s*(?:/|or)\s*non-?compliant)")
# A quality bar: "the minimum quality threshold", "a minimum quality score of 60%", "scoring
# 60% or more on quality", "at least 60% in the quality evaluation".
_BAR = (r"(?:minimum\s+quality\s+(?:threshold|standard|score)|"
        r"(?:required\s+)?quality\s+(?:threshold|pass mark|stage|assessment|evaluation))")
_SCORE_BAR = (r"(?:at\s+least|a\s+minimum\s+of|no\s+less\s+than|less\s+than|below|under)\s+"
              r"\d{1,3}\s*%|\d{1,3}\s*%\s+or\s+(?:more|above|higher|over|greater)")
# "Quality submissions are pass/fail", "method statements are marked PASS or FAIL", "bidders
# who meet the minimum quality threshold".
_GATE = lazy(rf"{_GATED}[^.;]{{0,80}}?{_PASS_OR_FAIL}|{_PASS_OR_FAIL}[^.;]{{0,40}}?{_GATED}|"
             r"\b(?:meet|meets|met|meeting|achiev\w*|pass\w*|reach\w*)\s+(?:(?:the|a|an)\s+)?"
             rf"{_BAR}|"
             r"\bquality\s+threshold\s+(?:is|has been)\s+(?:met|achieved|passed|reached)|"
             rf"\b(?:(?:scor|achiev|attain|obtain|reach)\w*\s+(?:{_SCORE_BAR})|"
             r"minimum\s+(?:score|mark)\s+of\s+\d{1,3}\s*%)\s+(?:on|in|for)\s+(?:the\s+)?quality\b",
             re.IGNORECASE)
# What decides between the tenders that pass: "ranked on price", "in order of their hourly
# rate", "awarded to the provider offering the most competitive hourly rate".
_PRICE_NOUN = r"(?:price|cost|rate|fee|charge)s?"
_UNIT = r"(?:total|lowest|tendered|hourly|weekly|daily|unit|annual|most\s+competitive)"
_PRICE_SCORED = lazy(
    r"\b(?:price|cost|rate)s?\b[^.;]{0,60}?(?:scored|score|evaluated|ranked|decid(?:es?|ing)\b|"
    r"determin(?:es?|ing)\b|decisive)|"
    r"(?:scored|ranked|evaluated|decided|determined|made|selected|awarded|placed|listed|ordered)"
    r"\s+(?:solely\s+|purely\s+|only\s+|entirely\s+)?"
    r"(?:on|by|according\s+to|in\s+(?:the\s+)?order\s+of)\s+(?:the\s+basis\s+of\s+)?"
    rf"(?:a\s+|the\s+|their\s+|its\s+)?(?:{_UNIT}\s+){{0,2}}{_PRICE_NOUN}\b"
    r"(?!\s*(?:and|&|/|,)\s*quality)|"
    rf"\bin\s+(?:ascending\s+)?order\s+of\s+(?:their\s+|the\s+|its\s+)?(?:{_UNIT}\s+){{0,2}}"
    rf"{_PRICE_NOUN}\b|\b(?:in|by)\s+(?:ascending\s+)?(?:price|cost|rate)\s+order\b|"
    rf"(?:lowest|cheapest|most\s+competitive)\s+(?:{_UNIT}\s+)?(?:price|rate|cost|fee)",
    re.IGNORECASE)
_QUALITY = lazy(r"quality|technical|non-price", re.IGNORECASE)
# A bar phrased by who falls below it: "scoring below 50% on quality will be excluded" is still
# a gate, not a rejection of one.
_BELOW_BAR = lazy(r"\b(?:less\s+than|below|under)\s+\d", re.IGNORECASE)


def check(ctx):
    award = ctx.facts.award
    if any(s.quality_weight for s in award.schemes):
        return  # quality is scored somewhere: a gate alongside it leaves quality to count
    price_decides = award.lowest_price is not None or any(s.price_weight for s in award.schemes)
    for scheme in award.schemes:
        gates = [c for c in scheme.criteria if c.pass_fail and c.kind == "quality"]
        if gates and scheme.price_weight:
            yield ctx.at(Evidence(gates[0].text, gates[0].location, gates[0].block),
                         subject=SUBJECT_AWARD)
    reported = set()
    for block, start, end, _ in ctx.run.index.hits(_GATE, ("pass", "acceptable", "quality")):
        if block.index in reported or (negated(block, start, end, inside=True)
                                       and not _BELOW_BAR.search(block.text, start, end)):
            continue
        if price_decides or any(_price_scored(text) for text in _gate_and_next(ctx, block, start)):
            reported.add(block.index)
            yield ctx.finding(block, start, end, subject=SUBJECT_AWARD)


def _gate_and_next(ctx, block, start):
    """The gate's sentence, then the sentence after it (in the block or the next block)."""
    sentences = block.sentences or ((0, len(block.text)),)
    i = next((i for i, (s, e) in enumerate(sentences) if s <= start < e), 0)
    yield block.text[slice(*sentences[i])]
    if i + 1 < len(sentences):
        follow = block.text[slice(*sentences[i + 1])]
    elif block.index + 1 < len(ctx.document.blocks):
        after = ctx.document.blocks[block.index + 1]
        follow = after.text[slice(*after.sentence_at(0))]
    else:
        return
    if not _QUALITY.search(follow):  # "Quality will then be scored …" is not price alone
        yield follow


def _price_scored(sentence):
    return any(not _QUALITY.search(m.group()) for m in _PRICE_SCORED.finditer(sentence))
