"""Contract term, payment mechanism, hourly rates, built-in price cuts and visit lengths."""

from __future__ import annotations

import re

from kindlint.extract.negation import negated
from kindlint.extract.numbers import NUMBER, PERCENT_VALUE, SPELLED, to_number, years
from kindlint.extract.scan import Hit, TextIndex
from kindlint.lazy_regex import lazy
from kindlint.model.facts import Amount, ContractTerm, Evidence, PaymentModel

_UNIT = r"(?P<unit>years?|months?)"
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
    rf"(?:run|last|operate|continue)\s+for\s+(?:an? (?:initial )?(?:period|term) of\s+)?"
    rf"(?P<n>{NUMBER})\s*{_UNIT}",
    rf"(?:contract|framework|agreement|call-off|grant)\s+(?:is|will be|shall be)\s+"
    rf"(?:awarded\s+)?for\s+(?:an? (?:initial )?(?:period|term) of\s+)?(?P<n>{NUMBER})\s*"
    rf"{_UNIT}",
))
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
    for hit in sorted(candidates, key=lambda h: (h.block.index, h.start)):
        block, m = hit.block, hit.match
        where = Evidence(m.group(0), block.locate(hit.start, hit.end), block.index)
        if m.re is _PLUS.compiled:
            extra = float(m.group("b")) + float(m.group("c") or 0)
            unit = m.group("unit")
            return ContractTerm(years(float(m.group("a")), unit), years(extra, unit), where)
        number = to_number(m.group("n"))
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
        return ContractTerm(years(number, m.group("unit")), extension, where)
    return None


def _first(hits):
    for hit in hits:
        return [hit]
    return []


_PAYMENT_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, lazy(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("payment-by-results", r"payment[s]? by results?|\bPbR\b|outcome[s]?[- ]based payments?|"
                               r"outcome payments?|paid on (?:the )?(?:achievement of )?"
                               r"(?:\w+ )?(?:outcomes?|results)|social impact bonds?|"
                               r"(?:job|sustainment|milestone) (?:outcome )?payments?|"
                               r"(?:payments?|paid|money) (?:made |paid )?at "
                               r"\d+(?:,? \d+)*,? (?:and )?\d+ weeks|"
                               r"paid according to (?:how long|whether|the number)[^.;]{0,40}"
                               r"(?:jobs?|employment|work|outcomes?|results?)|"
                               rf"{PERCENT_VALUE}\s*(?:%|per ?cent) of (?:the )?"
                               r"(?:annual |monthly )?"
                               r"(?:fee|price|contract value|contract price|contract sum|"
                               r"payment)s?\b[^.;]{0,60}?(?:is |will be |shall be )?(?:paid on|"
                               r"contingent|at risk|linked to|dependent on)|"
                               # part of the fee held back until targets or outcomes are met
                               rf"{PERCENT_VALUE}\s*(?:%|per ?cent) of (?:each |the )?"
                               r"(?:annual |monthly |quarterly )?(?:fee|price|contract value|"
                               r"payment|invoice)s? (?:will be |is |shall be )?(?:withheld|held "
                               r"back|retained)[^.;]{0,80}(?:targets?|outcomes?|results?|"
                               r"achiev|\bmeets?\b|\bmet\b)|"
                               r"paid only (?:when|if|on|once|after)[^.;]{0,60}(?:outcomes?|"
                               r"results?|jobs?|employment|targets?|achiev|sustain)|"
                               r"(?:incentive|bonus|outcome) payments? (?:are |will be )?"
                               r"(?:tied|linked) to|payments? (?:of \S+ )?for each "
                               r"(?:[\w-]+ ){0,2}?(?:participant|person|client|customer|"
                               r"individual)s? (?:who|that|employed|placed|housed|sustain|enter|"
                               r"start|achiev|remain|mov|gain)"),
        ("time-and-task", r"time[- ]and[- ]task|task[- ]and[- ]time|task[- ]based (?:commissioning|"
                          r"contract|specification)|commissioned hours|"
                          r"time (?:allocated|allowed|allotted) (?:to|for) (?:each|every) task|"
                          r"(?:allocated|allotted|set|fixed) time (?:to|for) (?:each|every) "
                          r"task|"
                          r"tasks? (?:and|with) (?:the )?time (?:allocated|allowed|allotted)|"
                          r"tasks to be (?:completed|carried out|done|undertaken) (?:at|on|"
                          r"during) each (?:visit|call)|"
                          r"(?:complete|follow|carry out|do)\w* (?:every|each|all|the) tasks? "
                          r"(?:on|in) (?:the|their|each) (?:person's )?task lists?"),
        ("per-minute", r"paid (?:by|for|per) (?:the |each |actual )?minutes?|"
                       r"(?:rate|price|charge|cost|paid|payment|pay|invoiced|£\s?\d+(?:\.\d+)?)"
                       r"\s+per minute|per minute of (?:care|support|contact)|"
                       r"by the minute|rounded (?:up |down )?to the nearest \d+ minutes|"
                       r"actual (?:time|minutes) (?:delivered|spent|recorded)|"
                       r"pro[- ]rata to the (?:nearest )?minute|"
                       r"(?:paid|reimbursed|billed|charged|invoiced) in \d{1,2}[- ]minute "
                       r"(?:units|increments|blocks|segments)|"
                       r"(?:only|just) the time[^.;]{0,60}(?:logged|recorded|clocked|"
                       r"monitor)[^.;]{0,60}(?:paid|invoiced|charged|billed)|"
                       r"(?:invoices?|payments?)[^.;]{0,40}(?:generated|calculated|made|based) "
                       r"(?:from|on) (?:the )?(?:electronic )?(?:call[- ]monitoring|EVV|"
                       r"clock(?:ing)?[- ]in)"),
        ("cost-and-volume", r"cost and volume"),
        ("block", r"block (?:contract|payment|purchas|funding|booking)"),
        ("per-visit", r"\bper (?:visit|call)\b"),
        ("hourly", r"hourly rate|\bper hour\b|an hour\b"),
        ("individual-service-fund", r"individual service funds?|personal budgets?|"
                                    r"direct payments?"),
    )
)


def find_payment_models(index: TextIndex) -> list[PaymentModel]:
    """Every place the text asks for a payment mechanism (one per block and kind); mentions
    that reject a mechanism ("will not be paid by the minute") are left out."""
    found: dict[tuple[int, str], PaymentModel] = {}
    for kind, pattern in _PAYMENT_KINDS:
        for hit in index.hits(pattern, _PAYMENT_KEYWORDS[kind]):
            key = (hit.block.index, kind)
            if key in found or negated(hit.block, hit.start, hit.end):
                continue
            found[key] = PaymentModel(kind, _evidence(hit))
    return [found[key] for key in sorted(found, key=lambda k: (k[0], _KIND_ORDER[k[1]]))]


def _evidence(hit: Hit) -> Evidence:
    return Evidence(hit.match.group(0), hit.block.locate(hit.start, hit.end), hit.block.index)


_KIND_ORDER = {kind: n for n, (kind, _) in enumerate(_PAYMENT_KINDS)}
# Words every match of each payment pattern contains: only blocks holding one are searched.
_PAYMENT_KEYWORDS = {
    "payment-by-results": ("result", "pbr", "outcome", "bond", "job", "sustainment",
                           "milestone", "weeks", "paid according", "% of", "cent of",
                           "paid only", "incentive", "bonus", "payment for each",
                           "payments for each"),
    "time-and-task": ("task", "commissioned hours"),
    "per-minute": ("minute", "monitoring", "evv", "clock", "logged"),
    "cost-and-volume": ("cost and volume",),
    "block": ("block",),
    "per-visit": ("per visit", "per call"),
    "hourly": ("hour",),
    "individual-service-fund": ("service fund", "personal budget", "direct payment"),
}
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


_REDUCTION = lazy(
    rf"(?P<p>{PERCENT_VALUE})\s*(?:%|per ?cent)\s*(?:annual|yearly|year[- ]on[- ]year|per annum|"
    r"each year)?\s*"
    r"(?:price |rate |fee |efficiency |cost )?(?:reduction|decrease|cut|efficienc(?:y|ies)|"
    r"saving)s?"
    r"|(?:reduc\w+|decreas\w+|cut)\s+(?:the |in the )?(?:hourly |annual |contract )?"
    r"(?:price|rate|fee|charges?|payments?|contract value)s?\s+(?:\w+\s+){0,4}?by\s+"
    rf"(?P<p2>{PERCENT_VALUE})\s*(?:%|per ?cent)"
    r"|(?:price|rate|fee|charge|payment|contract value)s?\b[^.;]{0,60}?\b(?:reduc\w+|decreas\w+|"
    rf"cut)\s+by\s+(?P<p3>{PERCENT_VALUE})\s*(?:%|per ?cent)"
    rf"|(?:efficiency |cost )?savings? of (?:not less than |at least |a minimum of |up to )?"
    rf"(?P<p4>{PERCENT_VALUE})\s*(?:%|per ?cent)",
    re.IGNORECASE)
_MONEY_CONTEXT = lazy(r"price|rate|fee|charge|contract|payment|cost|value|invoice|"
                      r"efficien|budget", re.IGNORECASE)
# "a 5% reduction in carbon emissions" cuts something other than money.
_REDUCTION_OF = lazy(r"\s+(?:in|of|to)\s+(?:the\s+|our\s+|its\s+|their\s+)?(\w+)",
                     re.IGNORECASE)
_MONEY_WORD = lazy(r"price|rate|fee|charge|cost|payment|contract|budget|spend|invoice|hourly|"
                   r"value|amount|sum", re.IGNORECASE)


def find_price_reductions(index: TextIndex) -> list[Amount]:
    """Built-in cuts to what is paid, e.g. "a 1% annual reduction built into the contract"."""
    found = []
    seen: set[tuple[int, int]] = set()  # one per sentence
    for hit in index.hits(_REDUCTION, ("reduc", "decreas", "cut", "efficienc", "saving")):
        s_start, s_end = hit.block.sentence_at(hit.start)
        if (hit.block.index, s_start) in seen:
            continue
        of = _REDUCTION_OF.match(hit.block.text, hit.end)
        if of and not _MONEY_WORD.match(of.group(1)):
            continue
        if _MONEY_CONTEXT.search(hit.block.text[s_start:s_end]):
            m = hit.match
            value = to_number(m.group("p") or m.group("p2") or m.group("p3") or m.group("p4"))
            found.append(Amount(value, "%", _evidence(hit)))
            seen.add((hit.block.index, s_start))
    return found


_MINUTE_AMOUNT = lazy(rf"\b(?P<n>\d{{1,3}}|{SPELLED})[- ]?min(?:ute)?s?\b", re.IGNORECASE)
_VISIT_WORD = lazy(r"\b(?:visits?|calls?|slots?|appointments?|units? of)\b", re.IGNORECASE)
_PUNCTUALITY = lazy(r"within|late|early|respon|attend|tolerance|window|up to|before|after",
                          re.IGNORECASE)
_OF_TIME = lazy(r"\s*(?:of|before|after|late|early|either side)\b", re.IGNORECASE)


_MINUTE_LIST = lazy(r"\b(?P<list>\d{1,3}(?:\s*,\s*\d{1,3})*\s*,?\s*(?:or|and|to)\s*)"
                    r"\d{1,3}\s*min(?:ute)?s?\b", re.IGNORECASE)
_LIST_BEFORE = lazy(r"\d\s*(?:,|\bor|\band|\bto)\s*$", re.IGNORECASE)
_QUARTER_HOUR = lazy(r"\b(?P<n>quarter|half)[- ]hour(?:ly)?\b", re.IGNORECASE)


def find_visit_lengths(index: TextIndex) -> list[Amount]:
    """Visit or call lengths ("15-minute calls", "visits of 30 minutes"), not punctuality
    ("start within 15 minutes of the planned time")."""
    found = []
    for hit in index.hits(_MINUTE_AMOUNT, ("min",)):
        text = hit.block.text
        before = text[max(0, hit.start - 40):hit.start]
        after = text[hit.end:hit.end + 25]
        if not (_VISIT_WORD.match(after.lstrip(" -")) or _VISIT_WORD.search(before)):
            continue
        if _PUNCTUALITY.search(before[-18:]) or _OF_TIME.match(after) \
                or _LIST_BEFORE.search(before):  # the last of a list, read below
            continue
        value = to_number(hit.match.group("n"))
        if value is not None:
            found.append(Amount(value, "minutes", _evidence(hit)))
    # "15, 30, 45 or 60 minutes": the shortest length on a list of visit lengths
    for hit in index.hits(_MINUTE_LIST, ("min",)):
        if _VISIT_WORD.search(hit.block.text[max(0, hit.start - 60):hit.end + 25]):
            shortest = min(float(n) for n in re.findall(r"\d+", hit.match.group("list")))
            found.append(Amount(shortest, "minutes", _evidence(hit)))
    for hit in index.hits(_QUARTER_HOUR, ("hour",)):
        after = hit.block.text[hit.end:hit.end + 25]
        if _VISIT_WORD.match(after.lstrip(" -")):
            value = 15.0 if hit.match.group("n").lower() == "quarter" else 30.0
            found.append(Amount(value, "minutes", _evidence(hit)))
    return sorted(found, key=lambda a: (a.evidence.block or 0, a.evidence.location.span or ()))


