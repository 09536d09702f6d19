"""KL301: home care visits of 15 minutes, or shorter than 30 minutes."""

import re

from kindlint.extract.negation import negated
from kindlint.lazy_regex import lazy
from kindlint.model.findings import Severity

# NICE allows a short visit for a specific task (a medication prompt, a welfare check) where it
# is agreed with the person, by a worker they know, as part of a wider package.
_SHORT_TASK = lazy(r"welfare|safety check|check(?:s|ing)? on|medication prompt|"
                   r"prompt(?:s|ing)? (?:to take )?medication", re.IGNORECASE)
_SAFEGUARD = lazy(r"agreed (?:with|by) the person|part of a wider|(?:worker|carer)s? "
                  r"(?:they|the person|he|she) (?:knows?|know)|known to the person",
                  re.IGNORECASE)
_ONLY = lazy(r"\b(?:only|solely|exclusively)\b|(?:limited|restricted) to", re.IGNORECASE)


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
        sentence = block.text[s_start:s_end]
        task, safeguard = _SHORT_TASK.search(sentence), _SAFEGUARD.search(sentence)
        if task and safeguard and _ONLY.search(sentence):
            severity = Severity.INFO  # used only as NICE allows
        elif visit.value <= 15:
            severity = Severity.WARNING if task or safeguard else Severity.ERROR
        else:
            severity = Severity.INFO if task or safeguard else Severity.WARNING
        yield ctx.at(visit.evidence, severity=severity, length=f"{visit.value:g}")
