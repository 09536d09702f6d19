"""KL306: a KPI set where no KPI asks people about their experience."""

from kindlint.model.findings import SUBJECT_KPIS, Severity


def check(ctx):
    kpis = ctx.facts.kpis
    if len(kpis) < int(ctx.options["min-kpis"]) or any(k.kind.asks_people for k in kpis):
        return
    severity = None if ctx.relational else Severity.INFO
    first = ctx.document.blocks[kpis[0].block]
    yield ctx.finding(first, severity=severity, subject=SUBJECT_KPIS, count=len(kpis))
