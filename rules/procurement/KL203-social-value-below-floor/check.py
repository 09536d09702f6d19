"""KL203: a stated social value weighting below the floor."""

from kindlint.model.findings import SUBJECT_AWARD


def check(ctx):
    minimum = float(ctx.options["minimum"])
    reported = set()
    for scheme in ctx.facts.award.schemes:
        weight = scheme.social_value_weight
        if weight is None or weight >= minimum or weight in reported:
            continue
        reported.add(weight)
        criterion = next(c for c in scheme.criteria if c.kind == "social-value")
        block = ctx.document.blocks[criterion.block]
        start, end = criterion.location.span or (0, len(block.text))
        yield ctx.finding(block, start, end, weight=f"{weight:g}", minimum=f"{minimum:g}",
                          subject=SUBJECT_AWARD)
