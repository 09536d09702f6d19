"""KL202: price weighted too heavily in the award (100% price is KL201's)."""

from kindlint.model.findings import SUBJECT_AWARD, Severity


def check(ctx):
    warn_above = float(ctx.options["warn-above"])
    error_at = float(ctx.options["error-at"])
    other_at = float(ctx.options["other-info-at"])
    reported = set()
    for scheme in ctx.facts.award.schemes:
        price = scheme.price_weight
        if price is None or price >= 100 or price in reported:  # price-only is KL201's
            continue
        if ctx.relational:
            if price >= error_at:
                severity = Severity.ERROR
            elif price > warn_above:
                severity = Severity.WARNING
            else:
                continue
            limit = warn_above
        elif price >= other_at:
            severity, limit = Severity.INFO, None
        else:
            continue
        reported.add(price)  # the same weighting restated in prose and a table: report once
        criterion = next(c for c in scheme.criteria if c.kind == "price" and c.parent is None)
        block = ctx.document.blocks[criterion.block]
        start, end = criterion.location.span or (0, len(block.text))
        message = None if limit is not None else ctx.rule.messages["not-relational"]
        yield ctx.finding(block, start, end, severity=severity, weight=f"{price:g}",
                          limit=f"{limit or 0:g}", subject=SUBJECT_AWARD, message=message)
