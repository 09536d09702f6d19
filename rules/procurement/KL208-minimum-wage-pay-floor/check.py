"""KL208: the legal minimum wage named as the pay floor, with no real Living Wage anywhere."""

import re

from kindlint.extract.negation import negated

_LEGAL_MINIMUM = re.compile(r"national minimum wage|national living wage|(?<!real )minimum wage|"
                            r"\bNMW\b|\bNLW\b", re.IGNORECASE)
_FAIR_FLOOR = re.compile(r"real living wage|living wage foundation|foundation living wage|"
                         r"fair work first|minimum price for home ?care|accredited living wage|"
                         r"scottish living wage|london living wage", re.IGNORECASE)


def check(ctx):
    if not ctx.relational or _FAIR_FLOOR.search(ctx.document.text):
        return
    for block in ctx.document.blocks:
        for m in _LEGAL_MINIMUM.finditer(block.text):
            if not negated(block, *m.span()):
                yield ctx.finding(block, *m.span())
                return
