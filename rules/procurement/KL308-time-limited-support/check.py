"""KL308: support limited to a fixed period ("up to 18 months", "6 to 12 months")."""

import re

from kindlint.extract.negation import negated, superseded
from kindlint.extract.numbers import SPELLED
from kindlint.lazy_regex import lazy
from kindlint.model.findings import Severity

_N = rf"(?:\d{{1,2}}|{SPELLED})"
_LIMIT = lazy(
    rf"\b(?:for\s+)?up to {_N} (?:weeks|months|years)|\bmaximum (?:of |period of )?{_N} "
    rf"(?:weeks|months)|\b{_N} (?:to|-|–) {_N} (?:weeks|months)|short[- ]term \(maximum "
    rf"{_N} (?:weeks|months)\)|\bmove[- ]?on\b[^.;]{{0,60}}?\bwithin {_N} (?:weeks|months)|"
    rf"\bno (?:longer|more) than {_N} (?:weeks|months)|"
    rf"\b(?:end|ends|stop|stops|close|closes|cease|ceases)\s+after\s+{_N}\s+(?:weeks|months)|"
    # "time-limited to 16 weeks", "capped at 6 months", "a maximum of 20 sessions over 12 weeks"
    rf"\b(?:time[- ]limited|limited|restricted|capped) (?:to|at) (?:a maximum of |no more than |"
    rf"up to )?{_N} (?:weeks|months|years|sessions)|"
    rf"\b(?:not|never) (?:to )?exceed {_N} (?:weeks|months|years)",
    re.IGNORECASE)
_SUPPORT = lazy(r"support|accommodation|service|placement|housing|tenanc|stay|move[- ]?on|"
                r"mentor|coach|intervention|programme|program|casework|key ?work",
                re.IGNORECASE)
_COMPLEX = lazy(r"complex needs|homeless|rough sleep|care[- ]experienced|care leaver|"
                r"young people|substance|recovery|mental health|trauma|probation|"
                r"convictions?|offend|domestic abuse|multiple disadvantage|"
                r"sleeping rough|housing first|street homeless|prison|custody", re.IGNORECASE)
# The contract or its funding is what is limited: "the support contract is limited to 2 years".
_TERM_LIMITED = lazy(r"(?<!under this )(?<!under the )(?<!through this )(?<!through the )"
                     r"\b(?:contract|framework|agreement|call-off|grant|funding|lease)s?\b"
                     r"[^.;]{0,40}?\b(?:is|are|will be|shall be)\s+$", re.IGNORECASE)
_NOT_SUPPORT = lazy(r"invoice|payment|notice|respond|reply|submit|contract period|"
                    r"\bextend\b|extension|\boption\b|contingency|warranty|mobilisation|"
                    r"implementation|"
                    # a period of freedom to change the support is not a limit on it
                    r"\b(?:chang|vary|varie|adjust|flex)\w*|without (?:asking|approval|"
                    r"agreement|permission)", re.IGNORECASE)


def check(ctx):
    if not ctx.facts.for_people:  # sprints and warranties in IT and building contracts
        return
    hits = list(ctx.run.index.hits(_LIMIT, ("week", "month", "year")))
    if not hits:
        return
    complex_needs = bool(_COMPLEX.search(ctx.run.index.text))
    severity = Severity.WARNING if complex_needs else Severity.INFO
    for block, start, end, _ in hits:
        s_start, s_end = block.sentence_at(start)
        sentence = block.text[s_start:s_end]
        if not _SUPPORT.search(sentence) or _NOT_SUPPORT.search(sentence) \
                or _TERM_LIMITED.search(block.text, s_start, start):
            continue
        if not (negated(block, start, end) or superseded(block, start, end)):
            yield ctx.finding(block, start, end, severity=severity)
