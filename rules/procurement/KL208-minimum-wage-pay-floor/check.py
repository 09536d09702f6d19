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
# A Scottish buyer: Scotland named, a Scottish council or place, or Scotland-only terms.
_SCOTTISH = lazy(r"\bScotland\b|\bScottish\b|\b(?:Glasgow|Edinburgh|Aberdeen(?:shire)?|Dundee|"
                 r"(?:North|South) Lanarkshire|(?:North|South|East) Ayrshire|(?:East )?"
                 r"Renfrewshire|(?:East|West) Lothian|Midlothian|Perth and Kinross|Falkirk|"
                 r"Argyll and Bute|Inverclyde|(?:East|West) Dunbartonshire|Clackmannanshire|"
                 r"Shetland|Orkney|Eilean Siar|Comhairle nan Eilean|Dumfries and Galloway|Fife)\b|"
                 r"\b(?:Highland|Angus|Moray|Stirling)(?: City)? Council\b|"
                 r"Self[- ]Directed Support|Care Inspectorate(?! Wales)|"
                 r"Health and Social Care Partnership|"
                 r"\bHSCP\b|Integration Joint Board|\bIJB\b")

# "Rates will rise in line with the National Living Wage": an index for fees, not a pay floor.
_INDEX = lazy(r"(?:in line with|linked to|tracks?|reflect\w*|uplift\w* (?:by|for|in line with)|"
              r"increases? in|index\w* (?:to|against|by))(?: the| any)?(?: annual)?(?: increases?"
              r"(?: in)?(?: the)?)? ?$", re.IGNORECASE)


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
        if not negated(block, start, end) and not _INDEX.search(block.text, 0, start):
            yield ctx.finding(block, start, end, severity=severity)
            return
