"""KL208: the legal minimum wage named as the pay floor, with no real Living Wage anywhere."""

import re

from kindlint.extract.negation import negated
from kindlint.lazy_regex import lazy
from kindlint.model.findings import Severity

_LEGAL_MINIMUM = lazy(r"national minimum wage|national living wage|(?<!real )minimum wage|"
                            r"\bNMW\b|\bNLW\b", re.IGNORECASE)
_FAIR_FLOOR = lazy(r"real living wage|living wage foundation|foundation living wage|"
                         r"fair work first|minimum price for home ?care|accredited living wage|"
                         r"scottish living wage|london living wage", re.IGNORECASE)
_SCOTTISH = lazy(r"\bScotland\b|\bScottish\b|\b(?:Glasgow|Edinburgh|Aberdeen(?:shire)?|Dundee|"
                 r"Highland|Fife|(?:North|South) Lanarkshire|(?:North|South|East) Ayrshire|"
                 r"(?:East )?Renfrewshire|(?:East|West|Mid) Lothian|Midlothian|Perth and Kinross|"
                 r"Stirling|Falkirk|Argyll and Bute|Moray|Inverclyde|(?:East|West) "
                 r"Dunbartonshire|Clackmannanshire|Scottish Borders|Shetland|Orkney|Eilean Siar|"
                 r"Angus|Dumfries and Galloway)(?: City)? Council\b")


def check(ctx):
    index = ctx.run.index
    if not ctx.relational or ("wage" not in index.lowered_text and "nmw" not in \
            index.lowered_text and "nlw" not in index.lowered_text):
        return
    if _FAIR_FLOOR.search(index.text):
        return
    # A note in general; Fair Work First makes it a warning for Scottish buyers.
    severity = Severity.WARNING if _SCOTTISH.search(index.text) else None
    for block, start, end, _ in index.hits(_LEGAL_MINIMUM, ("wage", "nmw", "nlw")):
        if not negated(block, start, end):
            yield ctx.finding(block, start, end, severity=severity)
            return
