"""KL303: payment by results or outcome payments (read by the extract stage)."""

from kindlint.model.findings import Severity


def check(ctx):
    severity = None if ctx.relational else Severity.INFO
    for model in ctx.facts.payment_models:
        if model.kind == "payment-by-results":
            yield ctx.at(model.evidence, severity=severity)
