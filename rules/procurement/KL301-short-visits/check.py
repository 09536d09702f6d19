"""KL301: home care visits of 15 minutes, or shorter than 30 minutes."""

import re

from kindlint.extract.negation import negated
from kindlint.lazy_regex import lazy
from kindlint.model.findings import Severity

_AGREED_TASK = lazy(r"welfare|safety check|check(?:s|ing)? on|medication prompt|"
                          r"prompt(?:s|ing)? (?:to take )?medication|agreed (?:with|by) the person|"
                          r"part of a wider", re.IGNORECASE)


def check(ctx):
    domains = ctx.facts.domains
    if domains and "care" not in domains:
        return
    minimum = float(ctx.options["minimum-minutes"])
    for visit in ctx.facts.visit_lengths:
        if visit.value >= minimum:
            continue
        block = ctx.document.blocks[visit.evidence.block]
        start, end = visit.evidence.location.span
        if negated(block, start, end):
            continue
        s_start, s_end = block.sentence_at(start)
        agreed = _AGREED_TASK.search(block.text[s_start:s_end])
        if visit.value <= 15:
            severity = Severity.WARNING if agreed else Severity.ERROR
        else:
            severity = Severity.INFO if agreed else Severity.WARNING
        yield ctx.at(visit.evidence, severity=severity, length=f"{visit.value:g}")
