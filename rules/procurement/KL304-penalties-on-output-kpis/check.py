"""KL304: KPIs that count outputs or timeliness and carry a financial penalty."""

import re

from kindlint.lazy_regex import lazy
from kindlint.model.facts import KpiKind
from kindlint.model.findings import SUBJECT_KPIS, Severity

PEOPLE_CENTRED = (KpiKind.EXPERIENCE, KpiKind.RELATIONSHIP, KpiKind.OUTCOME)
_REGIME = lazy(r"(?:service|kpi) credits?|kpi failure[^.]{0,80}(?:default|breach)|"
                     r"deduct\w*[^.]{0,60}(?:kpi|performance|target)|"
                     r"(?:kpi|performance|target)[^.]{0,60}deduct\w*", re.IGNORECASE)
_KPI_WORDS = lazy(r"\bkpis?\b|key performance|performance indicator", re.IGNORECASE)


def check(ctx):
    severity = None if ctx.relational else Severity.INFO
    penalised = [k for k in ctx.facts.kpis
                 if k.consequence.is_penalty and k.kind not in PEOPLE_CENTRED]
    for kpi in penalised:
        block = ctx.document.blocks[kpi.block]
        measure = str(kpi.target) if kpi.target else kpi.name
        yield ctx.finding(block, severity=severity, subject=kpi.label, kpi=kpi.label,
                          measure=f"{kpi.name[:60]}, {measure}" if kpi.target else kpi.name[:80],
                          consequence=kpi.consequence.value.replace("-", " "))
    if penalised or any(k.consequence.is_penalty for k in ctx.facts.kpis):
        return
    # A penalty regime written in prose (KPI Credits, deductions) with no KPI table to attach to.
    for block in ctx.document.blocks:
        m = _REGIME.search(block.text)
        if m and _KPI_WORDS.search(block.text):
            yield ctx.finding(block, *m.span(), severity=severity, subject=SUBJECT_KPIS,
                              kpi="The KPI regime", measure="performance measures",
                              consequence=m.group(0).lower())
            return
