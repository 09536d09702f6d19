"""KL206: a price reduction or efficiency saving built into the contract."""

from kindlint.extract.negation import negated
from kindlint.model.findings import Severity


def check(ctx):
    severity = None if ctx.relational else Severity.INFO
    for cut in ctx.facts.price_reductions:
        block = ctx.document.blocks[cut.evidence.block]
        start, end = cut.evidence.location.span
        if not negated(block, start, end):
            yield ctx.at(cut.evidence, severity=severity)
