"""Contract term, payment mechanism, hourly rates, built-in price cuts and visit lengths."""

from __future__ import annotations

import datetime
import re

from kindlint.extract.negation import negated, superseded
from kindlint.extract.numbers import NUMBER, PERCENT_VALUE, SPELLED, to_number, years
from kindlint.extract.scan import Hit, TextIndex
from kindlint.lazy_regex import lazy
from kindlint.model.facts import Amount, ContractTerm, Evidence, PaymentModel

_UNIT = r"(?P<unit>years?|months?)"
# "for 12 months", "for a period of 3 years", "for an initial 2-year term"
_FOR_N = (rf"for\s+(?:an?\s+(?:fixed |initial )?(?:(?:period|term|duration) of\s+)?)?"
          rf"(?P<n>{NUMBER})\s*[- ]?\s*{_UNIT}")
_TERMS = tuple(lazy(p, re.IGNORECASE) for p in (
    rf"contract (?:term|period)\s*:?\s*(?P<n>{NUMBER})\s*{_UNIT}",
    rf"(?:(?:initial|contract|framework|agreement|call-off|base) (?:term|period|duration)|"
    rf"\bterm)\s+"
    rf"(?:of (?:the |this )?(?:contract|framework|agreement)\s+)?(?:will be|shall be|is|of)\s+"
    rf"(?:a |an )?(?:fixed |initial )?(?:term |period )?(?:of )?(?P<n>{NUMBER})\s*[- ]?\s*{_UNIT}",
    rf"for (?:a|an) (?:fixed |initial )?(?:term|period) of (?P<n>{NUMBER})\s*{_UNIT}",
    # "a 3-year contract", "12 month fixed term framework"; not "one month post the call-off"
    rf"(?P<n>{NUMBER})[- ]{_UNIT}\s+(?:(?:fixed|initial|rolling|term|pilot|block|service|"
    rf"grant|funding|framework|call-off|interim|short-term|temporary|spot|annual)\s+){{0,2}}"
    rf"(?:contract|framework|agreement|call-off|grant)",
    # "The contract will run for 12 months", "the contract is for one year"
    rf"(?:contract|framework|agreement|call-off|grant|service)\s+(?:will|shall|is to)\s+"
    rf"(?:run|last|operate|continue)\s+{_FOR_N}",
    # "The framework will be let for a 2-year period", "is to be awarded for one year"
    rf"(?:contract|framework|agreement|call-off|grant)\s+(?:is|will be|shall be|is to be)\s+"
    rf"(?:(?:awarded|let|procured|tendered|commissioned|in place)\s+)?{_FOR_N}",
))
# "an interim Framework for one year", "a temporary contract will be put in place for 6 months"
_INTERIM_WORDS = ("interim", "temporary", "pilot", "short-term", "bridging", "transitional",
                  "stop-gap", "stopgap")
_INTERIM_TERM = lazy(
    rf"(?:{'|'.join(_INTERIM_WORDS)}) (?:contract|framework|agreement|arrangement|call-off|"
    rf"grant)s?\s+(?:(?:is|will be|shall be) )?(?:(?:put )?in place |awarded |let )?{_FOR_N}",
    re.IGNORECASE)
# A term given as dates: "contract period: 1 April 2025 to 31 March 2026", "the Agreement shall
# commence on 1 October 2024 and expire on 30 September 2025", "July 1, 2025 through June 30, 2026"
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_DATE = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? (?:19|20)\d\d|{_MONTH} \d{{1,2}}"
         r"(?:st|nd|rd|th)?,? (?:19|20)\d\d|\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d)")
# Words every written date holds ("may" only as "may 1…", "may 2…", "may 3…": not "may be").
_DATE_WORDS = (*(m for m in _MONTH_NAMES if m != "may"), "may 1", "may 2", "may 3", "jan ",
               "feb ", "mar ", "apr ", "jun ", "jul ", "aug ", "sep ", "sept ", "oct ", "nov ",
               "dec ", "/19", "/20", ".19", ".20")
_DATE_RANGE = lazy(
    rf"(?:contract|agreement|framework|grant|call-off|period of performance)\b"
    rf"(?=[^;]{{0,110}}?(?:19|20)\d\d)[^.;]{{0,90}}?"  # a year follows: the rest is slower
    rf"(?P<first>{_DATE})\s*(?:to|until|till|through|thru|[–—-]|and (?:will |shall )?(?:end|"
    rf"expire|terminate|finish|conclude)(?: on)?)\s*(?P<last>{_DATE})",
    re.IGNORECASE)
# Periods in a contract that are not its term.
_OTHER_PERIOD = lazy(r"mobilis|mobiliz|implementation|transition|consultation|submi|invoice|"
                     r"tender|\bbids?\b|clarification|evaluation|standstill|notice",
                     re.IGNORECASE)
_PLUS = lazy(rf"(?P<a>\d{{1,2}})\s*\+\s*(?P<b>\d{{1,2}})(?:\s*\+\s*(?P<c>\d{{1,2}}))?\s*"
                   rf"{_UNIT}", re.IGNORECASE)
_EXTENSION = lazy(
    rf"(?:extend|extension|renew|option)\w*\b[^.;]{{0,80}}?(?:for\s+)?(?:up to\s+|a further\s+|"
    rf"an additional\s+|a maximum of\s+|further\s+)?(?:(?P<count>{NUMBER})\s+(?:further\s+)?"
    rf"(?:periods?|terms?|times?)\s+of\s+(?:up to\s+)?)?(?P<n>{NUMBER})\s*[- ]?\s*"
    rf"(?:further\s+|additional\s+|more\s+)?{_UNIT}"
    rf"|(?P<count2>{NUMBER})\s+(?:further\s+|optional\s+)?(?:extensions?|extension periods?)\s+"
    rf"of\s+(?:up to\s+)?(?P<n2>{NUMBER})\s*[- ]?\s*(?P<unit2>years?|months?)"
    # "four (4) one-year renewal options"
    rf"|(?P<count3>{NUMBER})\s+(?:further\s+|optional\s+|additional\s+)?(?P<n3>{NUMBER})"
    rf"\s*[- ]\s*(?P<unit3>years?|months?)\s+(?:renewal|extension|option)",
    re.IGNORECASE)


def find_term(index: TextIndex) -> ContractTerm | None:
    """The first stated contract length, with any extension options in the same block."""
    candidates = [hit for pattern in (_PLUS, *_TERMS)
                  for hit in _first(index.hits(pattern, ("year", "month")))]
    candidates += _first(index.hits(_INTERIM_TERM, _INTERIM_WORDS))
    candidates += _first(hit for hit in index.hits(_DATE_RANGE, _DATE_WORDS)
                         if _date_range_years(hit) is not None)
    for hit in sorted(candidates, key=lambda h: (h.block.index, h.start)):
        block, m = hit.block, hit.match
        where = Evidence(m.group(0), block.locate(hit.start, hit.end), block.index)
        if m.re is _PLUS.compiled:
            extra = float(m.group("b")) + float(m.group("c") or 0)
            unit = m.group("unit")
            return ContractTerm(years(float(m.group("a")), unit), years(extra, unit), where)
        if m.re is _DATE_RANGE.compiled:
            number, unit = _date_range_years(hit), "years"
        else:
            number, unit = to_number(m.group("n")), m.group("unit")
        if number is None:
            continue
        extension = None
        text = block.text
        if e := _EXTENSION.search(text, hit.end - 1) or _EXTENSION.search(text):
            amount = to_number(e.group("n") or e.group("n2") or e.group("n3") or "")
            count = to_number(e.group("count") or e.group("count2") or e.group("count3")
                              or "") or 1
            if amount is not None and e.start() != hit.start:
                extension = years(amount * count,
                                  e.group("unit") or e.group("unit2") or e.group("unit3"))
        return ContractTerm(years(number, unit), extension, where)
    return None


def _date_range_years(hit: Hit) -> float | None:
    """The length of a term given as dates, in years to the nearest month; None for another
    period ("the mobilisation period is …") or a past one."""
    block, dates_start = hit.block, hit.start + hit.match.start("first") - hit.match.start()
    s_start, _ = block.sentence_at(hit.start)
    if _OTHER_PERIOD.search(block.text, s_start, hit.end) \
            or superseded(block, dates_start, hit.end):
        return None
    first, last = _dates(hit.match.group("first")), _dates(hit.match.group("last"))
    # "01/04/2025 – 31/03/2026" is read day first, and month first if only that makes sense
    for start, end in zip(first, last, strict=False):
        if start is None or end is None:
            continue
        months = round(((end - start).days + 1) / 30.4375)
        if 1 <= months <= 25 * 12:
            return round(months / 12, 2)
    return None


def _dates(text: str) -> list[datetime.date | None]:
    """The date ``text`` names (day first, then month first, when written in numbers)."""
    words = re.findall(r"[a-z]+|\d+", text.lower())
    if words[0].isdigit() and words[1].isdigit():  # 01/04/2025
        a, b, y = (int(w) for w in words[:3])
        orders = ((y, b, a), (y, a, b))
    else:
        month = next((n for n, name in enumerate(_MONTH_NAMES, 1)
                      if any(name.startswith(w) for w in words if not w.isdigit()
                             and w not in ("st", "nd", "rd", "th"))), None)
        if month is None:  # "12 Decision 2025" looked like a date
            return []
        numbers = [int(w) for w in words if w.isdigit()]
        orders = ((numbers[-1], month, numbers[0]),)
    dates = []
    for y, m, d in orders:
        try:
            dates.append(datetime.date(y, m, d))
        except ValueError:
            dates.append(None)
    return dates


def _first(hits):
    for hit in hits:
        return [hit]
    return []


# Payment by results, in the ways tenders word it.
_RESULTS_BASED = r"(?:outcomes?|results?)[- ]based"
_SHARE_OF_PAY = (rf"(?:{PERCENT_VALUE}\s*(?:%|per ?cent)|\b(?:(?:a|an|the) )?"
                 r"(?:proportion|portion|part|element|share|percentage|remainder)) of "
                 r"(?:the |each |its |their )?"
                 r"(?:\w+'s? )?(?:annual |monthly |quarterly )?(?:contract |service )?"
                 r"(?:fee|price|value|sum|payment|invoice|funding)s?\b")
_HANGS_ON = r"contingent|conditional|dependent|depends? on|linked to|tied to"
# Held back or paid later: only a result makes it payment by results (not a retention).
_HELD_UNTIL = (r"(?:paid|payable|released) (?:only )?(?:on|when|once|if)|withheld|held back|"
               r"retained")
_RESULT = (r"(?:outcomes?|results?|targets?|achiev\w*|KPIs?|sustain\w*|jobs?|employment|"
           r"reduc\w+|improve\w*)")
_PAYEE_WORDS = ("participant", "person", "people", "client", "customer", "individual", "child",
                "children", "young person", "rough sleeper", "service user", "student",
                "care leaver", "leaver", "offender", "survivor", "refugee", "youth", "family",
                "families", "household", "adult", "learner", "tenant", "resident", "claimant",
                "jobseeker", "parent")
_PAYEE = rf"(?:{'|'.join(_PAYEE_WORDS)})s?"
# What a person achieves: "enters work", "moves into settled accommodation", "obtains a diploma"
# (not "moves into the scheme", which is where support starts).
_SETTLED = (r"(?:paid |sustained |settled |independent |permanent |stable |secure |sustainable |"
            r"long-term |their own |their |an? |the )*(?:work|employment|jobs?|education|training|"
            r"accommodation|housing|homes?|tenanc\w+)")
_ACHIEVES = (rf"(?:achiev|sustain|mov\w* (?:in)?to {_SETTLED}|enter\w* (?:work|employment|"
             r"education|training|a job|paid)|start\w* (?:a job|work|employment|paid)|gain|secur|"
             r"complet|attain|obtain|improv|reduc|progress|find|found|employed|placed|housed|"
             r"reach\w* (?:the |an? )?(?:earnings|income|threshold|target|milestone)|"
             r"return\w* (?:home|to (?:their|the) famil)|(?:does|do|did|has|have) not "
             r"(?:re-?offend|return\w* to (?:custody|prison|care|homelessness)))")
# Still there after a while: "has been in work for 26 weeks", "is still in their tenancy".
_SUSTAINED_WORDS = ("been in", "been employed", "been housed", "been placed", "still in",
                    "remained in", "remains in", "remaining in", "stayed in", "stays in",
                    "staying in", "kept in")
_SUSTAINED = (r"(?:(?:has |have |had |is |are )?(?:been|remain\w*|stay\w*|still|kept) (?:in )?"
              rf"{_SETTLED}|(?:has |have )?been (?:employed|housed|placed))")
# What a payment waits for: "achievement of the agreed outcomes", "job starts", "when a young
# person achieves"; not "once the outcome of the assessment is known".
_RESULT_EVENT = (r"(?:achievement of|achieving) (?:an? |the |agreed |specified )*(?:\w+ ){0,2}"
                 r"(?:outcomes?|results?|targets?)|"
                 r"(?:outcomes?|results?|targets?) (?:are |is |have been |has been )?"
                 r"(?:achieved|met|sustained|reached|delivered)|"
                 r"job (?:starts?|outcomes?)|sustainment|"
                 rf"sustained (?:employment|work|jobs?|tenanc\w+)|{_PAYEE} {_ACHIEVES}|"
                 rf"(?:{_PAYEE}|they|he|she) {_SUSTAINED}")
# "a 26-week employment fee"
_WEEK_FEES = ("employment", "job", "sustainment", "in-work", "outcome")
# (Branches start with a word, not "\b": a pattern whose every branch does is searched faster.)
# Payment by results is read by five patterns, each searched only in the blocks holding one of
# its keywords: named schemes, a share of the fee held on results, a payment made when a result
# comes, a payment for each person who achieves something, and one for each job placement.
_PBR_NAMED = (
    r"payments?[- ]by[- ]results?|PbR\b|(?:paid|pay|paying|payment) (?:by|for|against) results|"
    rf"{_RESULTS_BASED} (?:payments?|funding|financing|fees?|tariffs?|pricing|reimbursement)|"
    rf"(?:payments?|funding|fees?)\b[^.;]{{0,60}}?\b(?:(?:are|is|will be|shall be) (?:\w+ )?"
    rf"{_RESULTS_BASED}|(?:linked|tied) to [^.;]{{0,40}}?\b{_RESULT})|"
    r"outcome (?:payments?|fees?)|social impact bonds?|"
    r"paid on (?:the )?(?:achievement of )?(?:\w+ )?(?:outcomes?|results)|"
    r"(?:job(?:[- ]start)?|sustainment|milestone) (?:outcome )?payments?|"
    rf"\d+[- ]week (?:{'|'.join(_WEEK_FEES)}) (?:payments?|fees?)|"

    r"(?:payments?|paid|money) (?:made |paid )?at \d+(?:,? \d+)*,? (?:and )?\d+ weeks|"
    r"paid according to (?:how long|whether|the number)[^.;]{0,40}"
    r"(?:jobs?|employment|work|outcomes?|results?)|"
    r"paid only (?:when|if|on|once|after)[^.;]{0,60}(?:outcomes?|results?|jobs?|employment|"
    r"targets?|achiev|sustain)|"
    r"(?:incentive|bonus|outcome) payments? (?:are |will be )?(?:tied|linked) to")
# "20% of the fee … contingent on outcomes", "… withheld until the targets are met" (the
# evidence ends at "contingent" or "withheld")
_PBR_SHARE = (rf"{_SHARE_OF_PAY}[^.;]{{0,80}}?(?:at risk|(?:{_HANGS_ON})(?=[^.;]{{0,80}}?"
              rf"(?:{_RESULT}|performance))|(?:{_HELD_UNTIL})(?=[^.;]{{0,80}}?{_RESULT}))")
# "payments made when a young person achieves…", "payment triggered by job starts"
# "paid for each verified job placement", "$500 per job start"
_PLACEMENT_WORDS = ("job placement", "job start", "job entr", "placement into", "placements into")
_PBR_PLACEMENT = (r"(?:paid|payments?|fees?|[£$€]\s?\d[\d,]*)\b[^.;]{0,40}?\b(?:for|per) "
                  r"(?:each |every |a )?(?:verified |confirmed |successful |sustained )?"
                  r"(?:job (?:placements?|starts?|entr(?:y|ies))|placements? into (?:work|"
                  r"employment))")
# A sum paid: "a payment of £500", "fees", "$1,000".
_MONEY = r"[£$€]\d[\d,]*(?:\.\d+)?"
_SUM = rf"(?:payments?|fees?|funding|bonus(?:es)?|{_MONEY})"
# "payments made when a young person achieves…", "£900 is claimable once a participant has been
# in work for 26 weeks", "£600 when a participant enters employment" (one pattern that starts
# with the sum: alternatives in front make every search slower)
_PBR_EVENT = (rf"{_SUM}(?: of \S+)?\s+(?:(?:is |are |will be |shall be |may be |can be )?(?:made|"
              r"triggered|released|earned|paid|payable|claimable|claimed|due)\b|"
              r"(?=(?:when|once|upon|if|after)\b))[^.;]{0,40}?"
              rf"\b(?:by|on|upon|when|once|if|after)\b[^.;]{{0,60}}?(?:{_RESULT_EVENT})")
# "a payment of $2,500 for each child who achieves permanency", "£1,200 for each participant
# who enters work", "$3,000 per youth who obtains a diploma"
_PBR_EACH = (rf"{_SUM}\b[^.;]{{0,40}}?\b(?:for (?:each|every)|per(?: each| every)?) "
             rf"(?:[\w-]+ ){{0,2}}?{_PAYEE}(?:(?: [\w-]+){{0,3}}? (?:who|that|whose|in which|"
             rf"where)\b[^.;]{{0,60}}?\b(?:{_ACHIEVES}|{_SUSTAINED})| (?:employed|placed|housed|"
             r"sustain|enter|start|achiev|remain|retain|mov|gain))")
# Money paid to the person, not to the provider: "a setting-up-home allowance of £2,000".
_TO_THE_PERSON = lazy(r"allowance|bursar(?:y|ies)|voucher|\bgrants? (?:of \S+ )?(?:to|for) "
                      r"(?:each|every|the)|paid (?:directly )?to (?:each|every|the) "
                      rf"(?:[\w-]+ )?{_PAYEE}", re.IGNORECASE)
_EACH_TASK = r"(?:to|for|per) (?:each|every|(?:each |every |the )?individual) tasks?"
_TIME_AND_TASK = (
    r"time[- ]and[- ]task|task[- ]and[- ]time|task[- ]based (?:commissioning|contract|"
    r"specification)|"
    # "the minutes allocated to each task", "a set time for every task"
    r"(?:time|minutes|duration)(?: allowances?)? (?:allocated |allowed |allotted |assigned |set |"
    rf"specified |scheduled )?{_EACH_TASK}|"
    rf"(?:allocated|allotted|set|fixed|specified) (?:time|(?:number of )?minutes) {_EACH_TASK}|"
    r"tasks? (?:and|with) (?:the )?(?:time|(?:number of )?minutes) (?:allocated|allowed|allotted)|"
    r"(?:each|every) task\b[^.;]{0,40}?\b(?:set|fixed|specified|allocated) (?:number of )?"
    r"(?:minutes|time)|"
    r"tasks to be (?:completed|carried out|done|undertaken) (?:at|on|during) each (?:visit|call)|"
    r"(?:complete|follow|carry out|do)\w* (?:every|each|all|the) tasks? (?:on|in) (?:the|their|"
    r"each) (?:person's )?task lists?|"
    # "blocks of time against a list of tasks", "a list of tasks with a time attached to each"
    r"(?:time|minutes)\b[^.;]{0,30}?\bagainst (?:a |the |each |every )?(?:(?:list|schedule|set) "
    r"of )?tasks?\b|"
    r"tasks?\b[^.;]{0,30}?\b(?:time|minutes|duration) (?:attached|allocated|allowed|allotted|"
    r"assigned|set) (?:to|for|against) (?:each|every)\b|"
    # paid by the task: "paid per completed task", "a fee per task", "on a task-by-task basis"
    r"(?:paid|payable|payments?|fees?|charged|billed|invoiced|priced)\b[^.;]{0,30}?"
    r"\b(?:(?:per|for each|for every) (?:completed |individual )?task\b|"
    r"on a (?:per[- ])?task(?:[- ]by[- ]task)?[- ]basis)")
# Words for paying or billing, and the evidence of time that by-the-minute payment rests on.
_PAY_WORD = (r"paid|pay|payable|payments?|invoices?|invoiced|billing|billed|charges?|charged|"
             r"reimburs\w*|calculat\w*|claims?")
_MONITORED = (r"\bECM\b|\bEVV\b|(?:call|visit|electronic)[- ](?:monitoring|verification)|"
              r"monitoring system|logged|clock(?:ed|ing)?[- ]?(?:in|out)|captured")
_TIME_IN_HOME = (r"\b(?:in|at) (?:the|their|a|each) (?:[\w'’-]+ ){0,2}?homes?\b|"
                 r"\bwith (?:the|each) (?:person|client|service user|individual|customer)")
_BILLING_UNIT = (r"(?:\d{1,2}[- ]minute|quarter[- ]hour(?:ly)?) (?:units?|increments?|blocks?|"
                 r"segments?|periods?|intervals?)")
_PER_MINUTE = (
    r"paid (?:by|for|per) (?:the |each |actual )?minutes?|"
    r"(?:rate|price|charge|cost|paid|payment|pay|invoiced|£\s?\d+(?:\.\d+)?)\s+per minute|"
    r"per minute of (?:care|support|contact)|by the minute|"
    r"rounded (?:up |down )?to the nearest \d+ minutes|"
    r"actual minutes (?:delivered|spent|recorded)|pro[- ]rata to the (?:nearest )?minute|"
    rf"(?:paid|reimbursed|billed|charged|invoiced) in {_BILLING_UNIT}|"
    # "$6.12 per 15-minute unit", "reimbursed at £4.60 for each 15-minute block"
    rf"(?:[£$€]\s?\d+(?:\.\d+)?|paid|reimbursed|billed|charged|rate)[^.;]{{0,30}}?"
    rf"(?:per|for each|for every|a|each) {_BILLING_UNIT}|"
    r"\b(?:1|one) (?:billable |billing |service )?unit\s*(?:=|equals|is equal to|represents)\s*"
    r"(?:\d{1,2}|fifteen) minutes|"
    # "paid against the minutes scheduled", "payment is calculated on the number of minutes"
    r"(?:paid|reimbursed|invoiced|billed|payments?)\s+(?:(?:is|are|will be|shall be)\s+)?"
    r"(?:made |calculated )?(?:against|on|for|according to|based on|by reference to)\s+"
    r"(?:the\s+)?(?:actual |scheduled |planned |delivered |recorded )?(?:number of\s+)?minutes|"
    r"(?:only|just) (?:the )?(?:time|minutes)[^.;]{0,60}(?:logged|recorded|clocked|captured|"
    r"monitor)[^.;]{0,60}(?:paid|invoiced|charged|billed|payable)|"
    r"(?:invoices?|payments?)[^.;]{0,40}(?:generated|calculated|made|based) (?:from|on) "
    r"(?:the )?(?:electronic )?(?:call[- ]monitoring|EVV|clock(?:ing)?[- ]in)|"
    # "payment will be made on a per-minute basis", "calculate payment to the minute", "made
    # per minute delivered"
    rf"(?:{_PAY_WORD})\b[^.;]{{0,40}}?\b(?:on a (?:per[- ]minute|minute[- ]by[- ]minute) basis|"
    r"to the (?:nearest |exact )?minute\b|per minute (?:delivered|provided))")
# Paid for the actual time in the home, as call monitoring records it (the words shown run from
# "actual").
_ACTUAL_TIME = (
    rf"(?:{_PAY_WORD})\b[^.;]{{0,50}}?\b(?P<shown>actual (?:(?:call|visit|contact|care) )?"
    r"(?:times?|minutes|hours|durations?|lengths?|care)(?: (?:delivered|recorded|spent))?)\b"
    r"(?![^.;]*\btravel)"
    rf"(?:(?<=delivered)|(?<=recorded)|(?=[^.;]{{0,80}}?(?:{_TIME_IN_HOME}|{_MONITORED})))")
# Each payment mechanism: its patterns, and the words every match of a pattern contains (only
# blocks holding one are searched).
_PAYMENT_KINDS: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (kind, lazy(pattern, re.IGNORECASE), keywords)
    for kind, pattern, keywords in (
        ("payment-by-results", _PBR_NAMED,
         ("result", "pbr", "outcome", "bond", "job", "sustainment", "milestone", "weeks",
          "paid according", "paid only", "incentive", "bonus",
          *(f"week {fee}" for fee in _WEEK_FEES))),
        ("payment-by-results", _PBR_PLACEMENT, _PLACEMENT_WORDS),
        ("payment-by-results", _PBR_SHARE,
         ("% of", "cent of", "proportion", "portion", "part of", "element of", "share of",
          "percentage of", "remainder of")),
        ("payment-by-results", _PBR_EVENT, ("outcome", "result", "target", "job", "sustain",
                                            "achiev", "improv", "reduc", "progress", "found",
                                            "employed", "placed", "housed", "gain", "secur",
                                            "complet", "attain", "mov", "enter", "obtain",
                                            "return", "reach", *_SUSTAINED_WORDS)),
        ("payment-by-results", _PBR_EACH, ("for each", "for every", "per each", "per every",
                                           *(f"per {payee}" for payee in _PAYEE_WORDS))),
        ("time-and-task", _TIME_AND_TASK, ("task",)),
        ("per-minute", _PER_MINUTE, ("minute", "monitoring", "evv", "clock", "logged")),
        ("per-minute", _ACTUAL_TIME, ("actual",)),
        ("cost-and-volume", r"cost and volume", ("cost and volume",)),
        ("block", r"block (?:contract|payment|purchas|funding|booking)", ("block",)),
        ("per-visit", r"\bper (?:visit|call)\b", ("per visit", "per call")),
        ("hourly", r"hourly rate|per hour\b|an hour\b", ("hour",)),
        ("individual-service-fund", r"individual service funds?|personal budgets?|"
                                    r"direct payments?",
         ("service fund", "personal budget", "direct payment")),
    )
)


def find_payment_models(index: TextIndex) -> list[PaymentModel]:
    """Every place the text asks for a payment mechanism (one per block and kind); mentions
    that reject a mechanism ("will not be paid by the minute") or describe a past one ("the
    2019 contract paid by the minute") are left out."""
    found: dict[tuple[int, str], tuple[int, PaymentModel]] = {}
    for kind, pattern, keywords in _PAYMENT_KINDS:
        for hit in index.hits(pattern, keywords):
            key = (hit.block.index, kind)
            if (key in found and found[key][0] <= hit.start) or _not_asked(hit) \
                    or (kind == "payment-by-results" and _paid_to_the_person(hit)) \
                    or (kind == "per-minute" and _workers_paid_for_their_time(hit)):
                continue
            found[key] = (hit.start, PaymentModel(kind, _evidence(hit)))  # the first in a block
    return [found[key][1] for key in sorted(found, key=lambda k: (k[0], _KIND_ORDER[k[1]]))]


def _not_asked(hit: Hit) -> bool:
    """The sentence rejects the statement (within it too: "payments will not be linked to
    outcomes"), or tells of a past or replaced model."""
    return (negated(hit.block, hit.start, hit.end, inside=True)
            or superseded(hit.block, hit.start, hit.end))


def _paid_to_the_person(hit: Hit) -> bool:
    """An allowance, bursary or grant the person receives, not a payment to the provider."""
    s_start, _ = hit.block.sentence_at(hit.start)
    return bool(_TO_THE_PERSON.search(hit.block.text, max(s_start, hit.start - 40), hit.end))


# "Care workers must be paid for the actual time they spend in people's homes" is about wages.
_WORKER = r"(?:workers?|staff|employees?|carers?|PAs?)\b"
_WORKERS_BEFORE = lazy(rf"\b{_WORKER}(?:\s+[\w’']+){{0,4}}\s*$", re.IGNORECASE)
_WORKERS_AFTER = lazy(rf"\s*(?:their |its |the )?(?:care |support )?{_WORKER}", re.IGNORECASE)


def _workers_paid_for_their_time(hit: Hit) -> bool:
    """Paying workers for the actual time they work is fair pay, not paying a provider by the
    minute (only read for "paid for the actual time …")."""
    m = hit.match
    if "shown" not in m.re.groupindex or not m.group("shown"):
        return False
    s_start, _ = hit.block.sentence_at(hit.start)
    pay_word_end = hit.start + len(re.match(r"\w+", m.group(0)).group(0))
    return bool(_WORKERS_BEFORE.search(hit.block.text[s_start:hit.start])
                or _WORKERS_AFTER.match(hit.block.text, pay_word_end))


def _evidence(hit: Hit) -> Evidence:
    """The words matched, or only those in a group named ``shown`` when it matched."""
    m, group = hit.match, 0
    if "shown" in m.re.groupindex and m.group("shown"):
        group = "shown"
    start, end = hit.start + m.start(group) - m.start(), hit.start + m.end(group) - m.start()
    return Evidence(m.group(group), hit.block.locate(start, end), hit.block.index)


_KIND_ORDER = {kind: n for n, (kind, _, _) in reversed(list(enumerate(_PAYMENT_KINDS)))}
_RATE = lazy(
    r"(?P<cur>£|GBP\s?|\$|USD\s?|€|EUR\s?)\s?(?P<amount>\d{1,3}(?:\.\d{1,2})?)\s*"
    r"(?:per hour|an hour|/\s?hour|/\s?hr|p/?h\b|per contact hour|hourly)"
    r"|(?:hourly rate|rate per hour|hourly price)\b[^.£$€]{0,80}?"
    r"(?P<cur2>£|GBP\s?|\$|€)\s?(?P<amount2>\d{1,3}(?:\.\d{1,2})?)"
    r"|capped at\s*(?P<cur3>£|GBP\s?)\s?(?P<amount3>\d{1,3}(?:\.\d{1,2})?)(?=[^.]{0,40}hour)",
    re.IGNORECASE)
_CURRENCY = {"£": "GBP", "gbp": "GBP", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR"}


def find_hourly_rates(index: TextIndex) -> list[Amount]:
    rates = []
    for hit in index.hits(_RATE, ("hour", "/hr", "/ hr", "ph")):
        m = hit.match
        amount = m.group("amount") or m.group("amount2") or m.group("amount3")
        currency = (m.group("cur") or m.group("cur2") or m.group("cur3") or "").strip()
        rates.append(Amount(float(amount), f"{_CURRENCY.get(currency.lower(), currency)}/hour",
                            _evidence(hit)))
    return rates


_PCT = rf"{PERCENT_VALUE}\s*(?:%|per ?cent|percent)"
_CUT_NOUN = r"(?:reduction|decrease|cut|efficienc(?:y|ies)|saving)s?"
# "an efficiency dividend" (Australia), "a productivity deduction"; a bare deduction is a penalty.
_EFFICIENCY_CUT = r"(?:efficiency|productivity) (?:deduction|dividend|factor)s?"
# Money that is paid, not a measure ("the rate of readmissions" is not a price).
_PAID = (r"(?:price|fee|charge|payment|contract value|contract sum|funding|grant|tariff|"
         r"schedule of rates|(?<=the )rates|"
         r"(?:hourly|unit|weekly|daily|contract|agreed|fee|payment|banded|care|placement) rate)s?"
         r"\b(?!\s+of\b)")
_CUT_VERB = (r"(?:reduc\w*|decreas\w*|cut|lowered|(?:indexed|adjusted|revised|moved) "
             r"down(?:wards?)?)")
_REDUCTION = lazy(
    # "a 1% annual reduction", "2% efficiency savings"
    rf"(?P<p>{_PCT})\s*(?:annual|yearly|year[- ]on[- ]year|per annum|each year)?\s*"
    rf"(?:(?:price |rate |fee |efficiency |cost |productivity )?{_CUT_NOUN}|{_EFFICIENCY_CUT})"
    # "reduce the hourly rate by 2%"
    rf"|{_CUT_VERB}\s+(?:the |in the |its |their )?(?:annual |weekly |agreed )?{_PAID}\s+"
    rf"(?:\w+\s+){{0,4}}?by\s+(?P<p2>{_PCT})"
    # "unit prices will be indexed downward by 1%", "the contract price will reduce by 2%"
    rf"|{_PAID}[^.;]{{0,60}}?\b{_CUT_VERB}\s+by\s+(?P<p3>{_PCT})"
    # "an efficiency reduction of 1.5%", "savings of at least 2%", "an efficiency dividend of 1%"
    rf"|(?:(?:annual |yearly )?(?:efficiency|cost|price|productivity|fee|rate) {_CUT_NOUN}|"
    rf"(?:annual|yearly) (?:reduction|decrease|cut)s?|savings?|{_EFFICIENCY_CUT}) of "
    rf"(?:not less than |at least |a minimum of |up to )?(?P<p4>{_PCT})",
    re.IGNORECASE)
_REDUCTION_KEYWORDS = ("reduc", "decreas", "cut", "efficienc", "saving", "deduction",
                       "dividend", "lowered", "indexed down", "adjusted down", "revised down",
                       "moved down")
_MONEY_CONTEXT = lazy(r"price|rate|fee|charge|contract|payment|cost|value|invoice|"
                      r"efficien|budget|funding|grant", re.IGNORECASE)
# "a 5% reduction in carbon emissions" cuts something other than money: the words after
# "in", "of" or "to" name what is cut ("on" and "for" may name a time: "on each anniversary").
_REDUCTION_OF = lazy(r"\s+(?P<prep>in|of|to|on|for)\s+(?:the\s+|our\s+|its\s+|their\s+)?"
                     r"(?P<what>\w+(?:\s+\w+){0,3})", re.IGNORECASE)
_MONEY_WORD = lazy(r"\b(?:price|rate|fee|charge|cost|payment|contract|budget|spend|invoice|"
                   r"hourly|value|amount|sum|funding|grant)", re.IGNORECASE)
# Energy, carbon, water and fuel savings are not price cuts.
_RESOURCE = lazy(r"\b(?:energy|carbon|co2|emissions?|water|fuel|electricity|gas|heat\w*|"
                 r"lighting|mileage|plastics?)\b", re.IGNORECASE)


def find_price_reductions(index: TextIndex) -> list[Amount]:
    """Built-in cuts to what is paid, e.g. "a 1% annual reduction built into the contract"."""
    found = []
    seen: set[tuple[int, int]] = set()  # one per sentence
    for hit in index.hits(_REDUCTION, _REDUCTION_KEYWORDS):
        block, m = hit.block, hit.match
        s_start, s_end = block.sentence_at(hit.start)
        if (block.index, s_start) in seen or _not_asked(hit):
            continue
        of = _REDUCTION_OF.match(block.text, hit.end)
        cut_of = of.group("what") if of else ""
        if cut_of and (m.group("p") or m.group("p4")) and of.group("prep").lower() in (
                "in", "of", "to") and not _MONEY_WORD.search(cut_of):
            continue
        words_before = " ".join(block.text[s_start:hit.start].split()[-3:])
        if _RESOURCE.search(f"{words_before} {m.group(0)} {cut_of}"):
            continue
        if _MONEY_CONTEXT.search(block.text[s_start:s_end]):
            value = to_number(m.group("p") or m.group("p2") or m.group("p3") or m.group("p4"))
            found.append(Amount(value, "%", _evidence(hit)))
            seen.add((block.index, s_start))
    return found


_MINUTE_AMOUNT = lazy(rf"\b(?P<n>\d{{1,3}}|{SPELLED})[- ]?min(?:ute)?s?\b", re.IGNORECASE)
# A visit or call, beside the length ("15-minute calls", "25 minutes per call"); slots,
# appointments, units and sessions count only in a sentence about care or visits.
_VISIT_WORD = lazy(r"\b(?:(?:per|a|each|every|for each|for every) )?(?:visits?|calls?)\b",
                   re.IGNORECASE)
_SLOT_WORD = lazy(r"\b(?:slots?|appointments?|units? of|sessions?)\b", re.IGNORECASE)
_SLOT_AFTER = lazy(r"(?:slots?|appointments?|units?|sessions?)\b", re.IGNORECASE)
_CARE_CONTEXT = lazy(r"\b(?:visit|call|care|carers?|support|domiciliary)", re.IGNORECASE)
# A length set before the number, in a sentence about visits: "allocated 25 minutes",
# "in increments as short as 15 minutes".
_LENGTH_CUE = lazy(r"(?:as (?:short|little|brief) as|(?:increments?|blocks?|units?|slots?) of|"
                   r"allocated|allotted|lasting|lasts?|(?:length|duration) of|booked for|"
                   r"scheduled for)\s*$", re.IGNORECASE)
_PUNCTUALITY = lazy(r"within|late|early|respon|attend|tolerance|window|up to|before|after",
                          re.IGNORECASE)
# Time to answer or reach someone is not a visit: "the response time to a call is 8 minutes".
_WAITING = lazy(r"respon\w* times?|answer\w*|wait(?:ing)? times?", re.IGNORECASE)
# "within 15 minutes of", and time that is not the visit: "10 minutes' travel between calls"
_OF_TIME = lazy(r"[\s'’]*(?:of|before|after|late|early|either side|(?:for |of )?(?:travel\w*|"
                r"journey|breaks?|rest|handover|paperwork)|between)\b", re.IGNORECASE)


_MINUTE_LIST = lazy(r"\b(?P<list>\d{1,3}(?:\s*,\s*\d{1,3})*\s*,?\s*(?:or|and|to)\s*)"
                    r"\d{1,3}\s*min(?:ute)?s?\b", re.IGNORECASE)
_LIST_BEFORE = lazy(r"\d\s*(?:,|\bor|\band|\bto)\s*$", re.IGNORECASE)
_QUARTER_HOUR = lazy(r"\b(?P<n>quarter|half)[- ]hour(?:ly)?\b", re.IGNORECASE)


def find_visit_lengths(index: TextIndex) -> list[Amount]:
    """Visit or call lengths ("15-minute calls", "visits of 30 minutes"), not punctuality
    ("start within 15 minutes of the planned time") and not a model that has gone."""
    found = []
    for hit in index.hits(_MINUTE_AMOUNT, ("min",)):
        if _about_a_visit(hit) and not _other_time(hit) \
                and not superseded(hit.block, hit.start, hit.end):
            value = to_number(hit.match.group("n"))
            if value is not None:
                found.append(Amount(value, "minutes", _evidence(hit)))
    # "15, 30, 45 or 60 minutes": the shortest length on a list of visit lengths
    for hit in index.hits(_MINUTE_LIST, ("min",)):
        if _VISIT_WORD.search(hit.block.text[max(0, hit.start - 60):hit.end + 25]) \
                and not superseded(hit.block, hit.start, hit.end):
            shortest = min(float(n) for n in re.findall(r"\d+", hit.match.group("list")))
            found.append(Amount(shortest, "minutes", _evidence(hit)))
    for hit in index.hits(_QUARTER_HOUR, ("hour",)):
        after = hit.block.text[hit.end:hit.end + 25]
        if _VISIT_WORD.match(after.lstrip(" -")) \
                and not superseded(hit.block, hit.start, hit.end):
            value = 15.0 if hit.match.group("n").lower() == "quarter" else 30.0
            found.append(Amount(value, "minutes", _evidence(hit)))
    return sorted(found, key=lambda a: (a.evidence.block or 0, a.evidence.location.span or ()))


def _about_a_visit(hit: Hit) -> bool:
    """A visit or call beside the length, a slot or session in a sentence about care, or a
    length set ("allocated", "as short as") in a sentence about visits."""
    text = hit.block.text
    before = text[max(0, hit.start - 40):hit.start]
    after = text[hit.end:hit.end + 25].lstrip(" -")
    if _VISIT_WORD.match(after) or _VISIT_WORD.search(before):
        return True
    s_start, s_end = hit.block.sentence_at(hit.start)
    sentence = text[s_start:s_end]
    if _SLOT_AFTER.match(after) or _SLOT_WORD.search(before):
        return bool(_CARE_CONTEXT.search(sentence))
    return bool(_LENGTH_CUE.search(before) and _VISIT_WORD.search(sentence))


def _other_time(hit: Hit) -> bool:
    """Punctuality, waiting, travel or breaks, or the last of a list (read separately)."""
    text = hit.block.text
    before = text[max(0, hit.start - 40):hit.start]
    return bool(_PUNCTUALITY.search(before[-18:]) or _WAITING.search(before)
                or _OF_TIME.match(text, hit.end) or _LIST_BEFORE.search(before))
