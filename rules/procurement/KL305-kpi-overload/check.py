"""KL305: too many KPIs."""

from kindlint.model.findings import SUBJECT_KPIS, Severity


def check(ctx):
    kpis = ctx.facts.kpis
    if len(kpis) <= int(ctx.options["info-above"]):
        return
    many = len(kpis) > int(ctx.options["warn-above"])
    severity = Severity.WARNING if many and ctx.relational else Severity.INFO
    first = ctx.document.blocks[kpis[0].block]
    yield ctx.finding(first, severity=severity, subject=SUBJECT_KPIS, count=len(kpis))
