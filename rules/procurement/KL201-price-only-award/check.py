"""KL201: an award decided on price alone (a 100% price weighting or "lowest price")."""

from kindlint.model.findings import Severity


def check(ctx):
    award = ctx.facts.award
    # Goods and works are often rightly bought on price: a note there, not a warning.
    severity = (Severity.ERROR if ctx.relational else
                Severity.WARNING if ctx.facts.for_people else Severity.INFO)
    flagged = set()
    for scheme in award.schemes:
        price = scheme.price_weight
        if price is not None and price >= 100 and not scheme.quality_weight:
            criterion = next(c for c in scheme.criteria if c.kind == "price")
            flagged.add(criterion.block)
            block = ctx.document.blocks[criterion.block]
            yield ctx.finding(block, *(criterion.location.span or (0, len(block.text))),
                              severity=severity, what=f"Price carries {price:g}% of the score")
    scored_quality = any(s.quality_weight for s in award.schemes)
    lowest = award.lowest_price
    if lowest is not None and lowest.block not in flagged and not scored_quality \
            and award.quality_led is None:
        yield ctx.at(lowest, severity=severity, what=f"'{lowest.text}' decides the award")
