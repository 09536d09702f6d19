"""KL304: KPIs that count outputs or timeliness and carry a financial penalty."""

import re
from textwrap import shorten

from kindlint.lazy_regex import lazy
from kindlint.model.facts import Consequence, KpiKind
from kindlint.model.findings import SUBJECT_KPIS, Severity

PEOPLE_CENTRED = (KpiKind.EXPERIENCE, KpiKind.RELATIONSHIP, KpiKind.OUTCOME)
_REGIME = lazy(r"(?:service|kpi) credits?|"
               r"kpi failure[^.]{0,80}(?:default|breach)|"
               r"deduct\w*[^.]{0,60}(?:kpi|performance|target)|"
               r"(?:kpi|performance|target)[^.]{0,60}deduct\w*", re.IGNORECASE)
_KPI_WORDS = lazy(r"\bkpis?\b|key performance|performance indicator", re.IGNORECASE)
# A money penalty and a measured target in one sentence, with or without the word "KPI".
_PENALTY = lazy(r"(?:service|kpi|performance) credits?|liquidated damages|"
                r"(?:financial )?penalt(?:y|ies)\b|"
                r"\babate\w*|\bwithh(?:old|eld)\b|\bdeduct\w*|\b(?:reduce|reduction of|"
                r"reduction in) (?:the |its )?(?:monthly |weekly |quarterly |annual )?"
                r"(?:payment|fee|price|charges?|invoice)", re.IGNORECASE)
_TARGET = lazy(r"\d+(?:\.\d+)?\s*%\s*(?:target|of (?:visits|calls|cases|appointments|"
               r"referrals|reviews|assessments|people|plans))|\btarget\b|\bwithin \w+ "
               r"(?:working )?(?:minutes|hours|days|weeks)\b|\blate\b|\bon time\b|"
               r"(?:more|less|fewer) than \d+|\bfalls? (?:more than )?\d|below (?:the )?"
               r"(?:profile|target)|\bnot (?:completed|met|achieved|delivered)\b|\bmissed\b|"
               r"fail\w* to (?:meet|achieve|deliver|complete)|\bafter the scheduled time\b",
               re.IGNORECASE)
_PEOPLE = lazy(r"satisf|experience|feel|felt|told us|wellbeing", re.IGNORECASE)
_NOT_PENALTY = lazy(r"\b(?:no|not|never|without) (?:\w+ ){0,3}(?:service credits?|"
                    r"deduct|penalt|withh|abate)|invoices? (?:submitted|received) late|"
                    r"late payment|interest|"
                    # delay damages on building or IT works are not a KPI regime
                    r"completion date|practical completion|handover", re.IGNORECASE)


def check(ctx):
    severity = None if ctx.relational else Severity.INFO
    penalised = [k for k in ctx.facts.kpis
                 if k.consequence.is_penalty and k.kind not in PEOPLE_CENTRED]
    for kpi in penalised:
        block = ctx.document.blocks[kpi.block]
        name = shorten(kpi.name, 60 if kpi.target else 80, placeholder="…")
        yield ctx.finding(block, severity=severity, subject=kpi.label, kpi=kpi.label,
                          measure=f"{name}, target {kpi.target.words}" if kpi.target else name,
                          consequence=_CONSEQUENCES[kpi.consequence])
    if penalised or any(k.consequence.is_penalty for k in ctx.facts.kpis):
        return
    # A penalty regime written in prose (KPI Credits, deductions) with no KPI table to attach
    # to: reported once, where it is first set out.
    for block in ctx.run.index.blocks_with(_WORDS):
        if found := _prose_penalty(block):
            start, end, words, measure = found
            yield ctx.finding(block, start, end, severity=severity, subject=SUBJECT_KPIS,
                              kpi="The KPI regime" if measure is None
                              else "A performance target",
                              measure=f"'{measure}'" if measure else "its performance measures",
                              consequence=_penalty_phrase(words))
            return


_CREDITS = lazy(r"(?:service|kpi|performance) credits?", re.IGNORECASE)
_CONSEQUENCES = {Consequence.SERVICE_CREDIT: "a service credit",
                 Consequence.DEDUCTION: "a deduction from payment",
                 Consequence.DEFAULT: "a default", Consequence.TERMINATION: "termination"}


def _penalty_phrase(words: str) -> str:
    """The penalty as the message names it: "service credits", "financial penalties"."""
    if credit := _CREDITS.search(words):  # the document's own name: "KPI Credits"
        name = " ".join(w if w.isupper() else w.lower() for w in credit.group().split())
        return name if name.endswith("s") else f"a {name}"
    lowered = words.lower()
    if "liquidated" in lowered:
        return "liquidated damages"
    return "financial penalties" if "penalt" in lowered else "deductions from payment"


_WORDS = ("credit", "deduct", "penalt", "liquidated", "abate", "withh", "reduc")


def _prose_penalty(block) -> tuple[int, int, str, str | None] | None:
    """Where a penalty is set out, its words, and the target it is for (None: the KPIs)."""
    m = _REGIME.search(block.text)
    if m and _KPI_WORDS.search(block.text):
        return m.start(), m.end(), m.group(0), None
    for start, end in block.sentences:
        sentence = block.text[start:end]
        m = _PENALTY.search(sentence)
        if m and (target := _TARGET.search(sentence)) and not _PEOPLE.search(sentence) \
                and not _NOT_PENALTY.search(sentence):
            return start + m.start(), start + m.end(), m.group(0), target.group(0)
    return None
