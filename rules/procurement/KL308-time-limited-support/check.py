"""KL308: support limited to a fixed period ("up to 18 months", "6 to 12 months")."""

import re

from kindlint.extract.negation import negated
from kindlint.lazy_regex import lazy
from kindlint.model.findings import Severity

_LIMIT = lazy(
    r"\b(?:for\s+)?up to \d{1,2} (?:weeks|months|years)|\bmaximum (?:of |period of )?\d{1,2} "
    r"(?:weeks|months)|\b\d{1,2} (?:to|-|–) \d{1,2} (?:weeks|months)|short[- ]term \(maximum "
    r"\d{1,2} (?:weeks|months)\)|\bmove[- ]?on\b[^.;]{0,60}?\bwithin \d{1,2} (?:weeks|months)|"
    r"\bno (?:longer|more) than \d{1,2} (?:weeks|months)|"
    r"\b(?:end|ends|stop|stops|close|closes|cease|ceases)\s+after\s+\d{1,2}\s+(?:weeks|months)",
    re.IGNORECASE)
_SUPPORT = lazy(r"support|accommodation|service|placement|housing|tenanc|stay|move[- ]?on|"
                      r"intervention|key ?work", re.IGNORECASE)
_COMPLEX = lazy(r"complex needs|homeless|rough sleep|care[- ]experienced|care leaver|"
                      r"young people|substance|recovery|mental health|trauma|probation|"
                      r"convictions?|offend|domestic abuse|multiple disadvantage|"
                      r"sleeping rough|housing first|street homeless", re.IGNORECASE)
_NOT_SUPPORT = lazy(r"invoice|payment|notice|respond|reply|submit|contract period|"
                          r"\bextend\b|extension|\boption\b|contingency|warranty|mobilisation|"
                          r"implementation", re.IGNORECASE)


def check(ctx):
    hits = list(ctx.run.index.hits(_LIMIT, ("week", "month", "year")))
    if not hits:
        return
    complex_needs = bool(_COMPLEX.search(ctx.run.index.text))
    severity = Severity.WARNING if complex_needs else Severity.INFO
    for block, start, end, _ in hits:
        s_start, s_end = block.sentence_at(start)
        sentence = block.text[s_start:s_end]
        if not _SUPPORT.search(sentence) or _NOT_SUPPORT.search(sentence):
            continue
        if not negated(block, start, end):
            yield ctx.finding(block, start, end, severity=severity)
