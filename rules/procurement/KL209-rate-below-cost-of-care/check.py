"""KL209: an hourly homecare rate below the minimum sustainable price."""

import re

from kindlint.lazy_regex import lazy

_CARE_RATE = lazy(r"\brates?\b|care|support|provider|service|contract|tender|price|"
                        r"\bpa(?:y|id)\b|wage|visit|commission", re.IGNORECASE)

# A wage is what workers earn, not the price paid for an hour of care.
_WAGE = lazy(r"\bwages?\b|salar|\bearn|(?:pay|paid to|paying) (?:all |their |its |the )?"
             r"(?:care |support )?(?:workers|staff|employees|carers)|"
             r"(?:workers|staff|employees|carers) (?:will be |are |must be |shall be )?paid",
             re.IGNORECASE)


def check(ctx):
    domains = ctx.facts.domains
    if domains and "care" not in domains:
        return
    minimum = float(ctx.options["minimum-hourly-rate"])
    for rate in ctx.facts.hourly_rates:
        if rate.unit != "GBP/hour" or rate.value >= minimum:
            continue
        block = ctx.document.blocks[rate.evidence.block]
        start, end = block.sentence_at(rate.evidence.location.span[0])
        sentence = block.text[start:end]
        if _CARE_RATE.search(sentence) and not _WAGE.search(sentence):
            yield ctx.at(rate.evidence, amount=f"{rate.value:.2f}", minimum=f"{minimum:.2f}")
