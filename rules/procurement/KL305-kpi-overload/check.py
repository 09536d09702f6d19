"""KL305: too many KPIs."""

import re

from kindlint.lazy_regex import lazy
from kindlint.model.findings import SUBJECT_KPIS, Severity

# "all 26 KPIs", "the 32 key performance indicators in Schedule 4"
_STATED = lazy(r"\b(?P<n>\d{2,3})\s+(?:key performance indicators|KPIs|performance indicators|"
               r"performance measures)\b", re.IGNORECASE)


def check(ctx):
    kpis = ctx.facts.kpis
    count, block, span = len(kpis), None, (0, None)
    if kpis:
        block = ctx.document.blocks[kpis[0].block]
    elif stated := next(ctx.run.index.hits(_STATED, ("kpi", "indicator", "measure")), None):
        count, block, span = int(stated.match.group("n")), stated.block, (stated.start,
                                                                         stated.end)
    if count <= int(ctx.options["info-above"]):
        return
    many = count > int(ctx.options["warn-above"])
    severity = Severity.WARNING if many and ctx.relational else Severity.INFO
    yield ctx.finding(block, *span, severity=severity, subject=SUBJECT_KPIS, count=count)
