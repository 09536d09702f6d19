"""KL308: support limited to a fixed period ("up to 18 months", "6 to 12 months") or a fixed
number of sessions ("six counselling sessions, regardless of need")."""

import functools
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


# A cap on the number of sessions: "limited to six sessions", "a maximum of eight counselling
# sessions", "up to 12 sessions of psychological support", "a fixed course of six sessions".
_SESSION_CAP = lazy(
    rf"\b(?:up to|(?:a )?maximum of|no more than|not more than|(?:limited|restricted|capped) "
    rf"(?:to|at)(?: a maximum of| up to| no more than)?|a (?:fixed|set) (?:course|block|number) "
    rf"of) {_N} (?:[\w-]+ ){{0,2}}?sessions\b|"
    # "key work sessions … are capped at 10 per person"
    rf"\bsessions\b[^.;]{{0,60}}?\b(?:limited|restricted|capped) (?:to|at) (?:a maximum of )?{_N}"
    r"(?=\s*(?:per\b|each\b|[.;,)]|$))",
    re.IGNORECASE)
# Sessions of support for one person, not group sizes, staff training or a drop-in.
_SESSION_SUPPORT = lazy(r"counsell|therap|mentor|psycholog|key ?work|coaching|casework|"
                        r"support|treatment|intervention|service", re.IGNORECASE)
_PER_PERSON = lazy(r"\b(?:per|each|every|for (?:each|every|a)) (?:[\w-]+ )?(?:person|client|"
                   r"participant|individual|young person|child|adult|family|referral|survivor)|"
                   r"\bpeople|\bclients|\bsurvivors|\bchildren|young people", re.IGNORECASE)
# A cap in so many words ("limited to", "a maximum of"), not a description ("up to 12 sessions").
_FIRM_CAP = lazy(r"\b(?:limited|restricted|capped|maximum|no more|not more|fixed|set)\b",
                 re.IGNORECASE)
# An offer open to anyone (a low-intensity or universal offer may fairly be brief), or a cap
# with a way to go beyond it.
_OPEN_OFFER = lazy(r"low[- ]intensity|guided self[- ]help|universal|open to (?:all|anyone)|"
                   r"anyone who|drop[- ]in|taster|\bstaff\b|training|in the first instance|"
                   r"initially|at first|\bmore (?:\w+ )?(?:are|is|can|may)\b|further sessions|"
                   r"additional sessions|extend|\breview", re.IGNORECASE)
# The people the cap falls on have complex needs, or the cap ignores need outright.
_WHATEVER_NEED = lazy(r"regardless of|irrespective of|whatever (?:their|the person's)|"
                      r"high needs|complex needs|high complexity|multiple disadvantage|abuse|"
                      r"trauma|survivor|leaving care|care leaver|"
                      r"recovery|substance|probation|homeless|mental health", re.IGNORECASE)


def check(ctx):
    if not ctx.facts.for_people:  # sprints and warranties in IT and building contracts
        return
    complex_needs = functools.cache(lambda: bool(_COMPLEX.search(ctx.run.index.text)))
    reported = set()
    for block, start, end, severity in _session_caps(ctx, complex_needs):
        reported.add((block.index, start))
        yield ctx.finding(block, start, end, severity=severity, limit="number of sessions")
    for block, start, end, _ in ctx.run.index.hits(_LIMIT, ("week", "month", "year")):
        s_start, s_end = block.sentence_at(start)
        sentence = block.text[s_start:s_end]
        if (block.index, start) in reported or not _SUPPORT.search(sentence) \
                or _NOT_SUPPORT.search(sentence) \
                or _TERM_LIMITED.search(block.text, s_start, start) \
                or negated(block, start, end) or superseded(block, start, end):
            continue
        sessions = block.text[start:end].lower().endswith("sessions")
        yield ctx.finding(block, start, end, limit="number of sessions" if sessions else "period",
                          severity=Severity.WARNING if complex_needs() else Severity.INFO)


def _session_caps(ctx, complex_needs):
    """Caps on the sessions one person may have: a warning where the sentence names complex
    needs or ignores need, otherwise as the document's people are described."""
    for block, start, end, _ in ctx.run.index.hits(_SESSION_CAP, ("session",)):
        s_start, s_end = block.sentence_at(start)
        sentence = block.text[s_start:s_end]
        if not _SESSION_SUPPORT.search(sentence) or _OPEN_OFFER.search(sentence) \
                or negated(block, start, end) or superseded(block, start, end):
            continue
        if _WHATEVER_NEED.search(sentence):
            yield block, start, end, Severity.WARNING
        elif _PER_PERSON.search(sentence) or _FIRM_CAP.search(block.text, start, end):
            yield block, start, end, Severity.WARNING if complex_needs() else Severity.INFO
