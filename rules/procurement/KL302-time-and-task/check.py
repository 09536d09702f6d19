"""KL302: time-and-task commissioning and payment by the minute (read by the extract stage)."""

KINDS = ("time-and-task", "per-minute")


def check(ctx):
    domains = ctx.facts.domains
    if domains and "care" not in domains:
        return
    for model in ctx.facts.payment_models:
        if model.kind in KINDS:
            yield ctx.at(model.evidence)
