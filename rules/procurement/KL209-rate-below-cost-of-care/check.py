"""KL209: an hourly homecare rate below the minimum sustainable price."""

import re

from kindlint.lazy_regex import lazy

_CARE_RATE = lazy(r"\brates?\b|care|support|provider|service|contract|tender|price|"
                        r"\bpa(?:y|id)\b|wage|visit|commission", re.IGNORECASE)


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
        if _CARE_RATE.search(block.text[start:end]):
            yield ctx.at(rate.evidence, amount=f"{rate.value:.2f}", minimum=f"{minimum:.2f}")
