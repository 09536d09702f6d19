"""Award criteria: price, quality and social-value weights from tables and from prose.

Real documents write weightings in many forms: "Price 60% / Quality 40%", "cost/quality
weighting of 70.30", "60:40 price:quality", "Quality 70 Price 30", "(40 points)", "[ 30 ]",
"Cost Proposal – 60 points", "price, which shall be weighted at 70 percent", "Cost shall
constitute 55 percent", table rows flattened to text ("1 | Price | 100%"), marks shared out
("of the 100 marks available, 60 … for price"), award notices ("Price - Weighting: 40"), and
price-only awards as "lowest price", "lowest 'Total Charges'", "the most competitive hourly
rate" or "price as the sole award criterion". A weighting the text turns down ("decided not to
use 60:40 … and adopted 30:70"), a quality threshold ("a minimum quality score of 60%") and a
share of money ("Price: 100% of the agreed rate") are not read as weights.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kindlint.extract.negation import superseded
from kindlint.extract.numbers import PERCENT_VALUE, first_percent, to_number
from kindlint.extract.scan import Hit, TextIndex
from kindlint.lazy_regex import lazy
from kindlint.model.document import Block, Document, Table
from kindlint.model.facts import AwardBasis, AwardCriterion, Evidence, WeightingScheme

NAME = (r"price|pricing|cost|quality|social value|technical(?: merit| approach| quality)?|"
        r"commercial|financial|non-price|fee proposals?")
# Parts of a quality score that tenders weight on their own ("Price: 65 marks; Method
# Statements: 35 marks"), and social value under its Scottish name.
_QUALITY_PARTS = (r"method statements?|written (?:responses?|submissions?)|"
                  r"delivery proposals?|presentations?|interviews?|community benefits?")
_CRITERION = rf"{NAME}|{_QUALITY_PARTS}"
_WEIGHT_KEYWORDS = ("%", "per cent", "percent", "points", "marks", "pts", "out of", "/100")
_FILLER_WORDS = (r"criteri(?:on|a)|weighting|weighted|weight|score[ds]?|marked|is|are|will|"
                 r"shall|be|been|has|have|then|carr(?:y|ies|ying)|worth|account(?:s|ing)? for|"
                 r"at|of|for|a|an|the|total|overall|maximum|max|up to|remaining|questions?|"
                 r"elements?|sections?|components?|submissions?|envelopes?|proposals?|"
                 r"evaluation|evaluated|which|that|"
                 # verbs that give a criterion its share of the score: "Cost shall constitute
                 # 55 percent", "Price represents 70%", "Quality will make up 40%"
                 r"constitut(?:e|es|ing)|represent(?:s|ing)?|compris(?:e|es|ing)|"
                 r"mak(?:e|es|ing) up|forms?|contribut(?:e|es|ing)|attract(?:s|ing)?|"
                 r"count(?:s|ing)? (?:for|towards?)|equat(?:e|es|ing) to|receiv(?:e|es|ing)|"
                 r"allocated|assigned|apportioned|awarded|given")
# Between a criterion and its weight: filler words, a table cell's bar ("1 | Price | 100%"),
# a bracket ("Social value questions (Section E) carry 2.5%") or the comma of a relative
# clause ("price, which shall be weighted at 70 percent").
_FILLER = (rf"(?:\s*(?:(?:{_FILLER_WORDS})\b|[=:|\-–—]|\([^()]{{1,40}}\)|\(|"
           r",(?=\s*(?:which|that|weighted|worth|carrying|accounting|scored)\b)))")
PERCENT = r"(?:\s*%|\s+per\s?cent\b|\s+percent\b)"
# "of a possible 100", "(out of the 100 available marks)"
_OF_100 = (r"\s*\(?\s*(?:out\s+)?of\s+(?:(?:a|the)\s+)?"
           r"(?:(?:possible|maximum|total|available)\s+)?(?:of\s+)?(?:a\s+)?100\b")
# "worth 60 points out of a possible 100", "70 of the 100 available marks", "60/100": points
# out of a hundred are percentages
POINTS_OF_100 = (rf"(?:\s*(?:points?|marks?)(?={_OF_100})|"
                 rf"(?={_OF_100}\s+(?:available\s+)?(?:points|marks)\b)|\s*/\s*100\b)")
_POINTS = r"\s*(?P<pts>points?|marks?|pts)\b"  # weights only when they add up to 100
# A number with no unit ("60 will be awarded for price and 40 for quality", "price out of
# 40") is a weight only beside marks or points that it makes up to 100.
_BARE = (r"(?P<bare>)(?<=\d)(?![.,]?\d|\s*(?:%|per\s?cent|percent|minutes?|mins?|hours?|hrs?|"
         r"days?|weeks?|months?|years?|pages?|words?|questions?|sessions?|people|staff)\b)")
_HUNDRED_SHARED = lazy(
    r"\b(?:(?:out\s+)?of|from)\s+(?:(?:a|the)\s+)?(?:(?:possible|maximum|total|available)\s+)?"
    r"(?:of\s+)?100\s+(?:available\s+)?(?:marks|points)\b|"
    r"\b100\s+(?:marks|points)\s+(?:(?:are|is|will\s+be)\s+)?available\b|"
    r"\b(?:scored|marked|evaluated)\s+out\s+of\s+(?:a\s+(?:total|maximum)\s+of\s+)?100\b",
    re.IGNORECASE)
_WEIGHT_AFTER = lazy(
    rf"\b(?P<name>{_CRITERION})\b{_FILLER}{{0,6}}\s*(?:(?P<outof>out\s+of)\s+)?"
    rf"(?P<w>{PERCENT_VALUE})(?:{PERCENT}|{POINTS_OF_100}|{_POINTS}|{_BARE})", re.IGNORECASE)
# "60% for price", "60% of the marks will be allocated to price", "40 for quality" (a whole
# number: not the "5%" of "12.5%")
_OF_THE_SCORE = (r"(?:of\s+(?:the\s+)?(?:(?:total|overall|available|final|maximum)\s+)*"
                 r"(?:evaluation\s+)?(?:score|marks|points|weighting)\s+(?:available\s+)?)")
_WEIGHT_BEFORE = lazy(
    rf"(?<![\w.])(?P<w>{PERCENT_VALUE})"
    rf"(?:(?:{PERCENT}|{_POINTS})\s*(?:weighting\s*)?{_OF_THE_SCORE}?|"
    rf"{_BARE}\s+(?=(?:will|shall|are|is|for|to)\b))"
    r"(?:(?:(?:will|shall)\s+be\s+|are\s+|is\s+)?(?:awarded|allocated|given|assigned|applied|"
    r"attributed|apportioned|attached|available)\s+)?"
    rf"(?:for|on|to|of)?\s*(?:the\s+)?\b(?P<name>{_CRITERION})\b", re.IGNORECASE)
# A criterion that is a row's label: at the start of the block or a cell, perhaps after a
# row number ("1 |", "2.", "(b)"), a word such as "Total" or another name ("Price/Cost") ...
_ROW_NUMBER = r"(?:\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-z]|[ivx]{1,4})[.)]?\s*[|:.\-–]?\s*)"
_MODIFIER = r"(?:total|overall|tender(?:ed)?|whole[- ]life|contract|evaluated|bid)"
_LABEL_BEFORE = lazy(rf"(?:^|[|;\n])\s*{_ROW_NUMBER}?(?:{_MODIFIER}\s+)?"
                     rf"(?:(?:{NAME})\s*[/&]\s*)?(?:the\s+)?$", re.IGNORECASE)
# ... and its weight ends the row or cell, perhaps with a note: "100% [based on …]".
_NOTE = r"(?:[\[(][^\])]{0,80}[\])]\s*)"
_LABEL_AFTER = lazy(rf"\s*{_NOTE}?(?:$|[|;,]|\.\s*$)")
_LABEL_END = lazy(rf"\s*{_NOTE}?\.?\s*$")  # the last weight ends the row
# A row whose label starts with a criterion and runs on: "Quality of Service Proposal | 60%",
# "Technical Approach and Methodology: 20 points" (weights kept if they make 100).
_ROW_WEIGHT = lazy(
    rf"(?:^|[|;])\s*{_ROW_NUMBER}?(?P<name>(?:{_MODIFIER}\s+)?(?:{_CRITERION})\b"
    r"[^|:;%\d]{0,60}?)\s*(?:[|:]|\s[-–—])\s*(?P<w>\d{1,3}(?:\.\d+)?)\s*"
    r"(?:%|per\s?cent\b|percent\b|(?P<pts>points?|marks?|pts)\b)?"
    rf"(?=\s*{_NOTE}?(?:$|[|;]|\.\s*$))", re.IGNORECASE)
# Award notices (TED, Find a Tender): "Quality criterion - Name: Staffing / Weighting: 30",
# "Price - Weighting: 40"; the word before "criterion" gives the kind.
_NOTICE_CRITERION = lazy(
    r"\b(?P<kind>quality|cost|price)(?:\s+criterion)?\s*[-–:]\s*"
    r"(?:name\s*:\s*(?P<name>[^/|;]{1,80}?)\s*/\s*)?weighting\s*:\s*"
    r"(?P<w>\d{1,3}(?:\.\d+)?)(?![\d.])\s*%?", re.IGNORECASE)
# "a minimum quality score of 60%", "tenders scoring at least 60%", "60% or more": a bar to
# clear, not a weight (unless a weight word follows: "a minimum weighting of 60%").
_THRESHOLD_BEFORE = lazy(
    r"\b(?:minimum|threshold|pass(?:ing)?\s+(?:mark|score)|cut-?off|"
    r"(?:scor|achiev|attain|obtain|reach|gain)\w*\s+(?:at\s+least|a\s+minimum\s+of|"
    r"(?:no|not)\s+less\s+than|over|above|more\s+than|below|under|less\s+than))\b"
    r"(?:(?!\b(?:weight|carr|worth|account)\w*)[^.;:]){0,60}$", re.IGNORECASE)
_THRESHOLD_AFTER = lazy(r"\s*(?:%|per\s?cent|percent)?\s*(?:or\s+(?:more|above|higher|over|"
                        r"greater|better)|and\s+above|\+)", re.IGNORECASE)
_SHARE_OF_MONEY = lazy(
    r"\s*(?:of\s+(?:the\s+|their\s+|its\s+|each\s+|any\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:invoices?|payments?|budgets?|costs|spend|funding|grants?|salar(?:y|ies)|wages?|fees|"
    r"contract\s+(?:value|price|sum)|agreed\s+(?:rate|price)|(?:schedule\s+of\s+)?rates|"
    r"prices)\b|"
    r"(?:payable|paid|funded|recovered|refunded|discount|uplift|increase|reduction|"
    r"deposit)\b)", re.IGNORECASE)
# "price/quality ratio of 60:40", "eighty/twenty"; "price and quality will be weighted 60:40"
# (after "and" only a colon or slash: "each scored 0-100" is a scale)
_RATIO_NAMES_FIRST = lazy(
    rf"\b(?P<a>{NAME})\s*(?:[:/]|\s(?P<joined>and|&)\s)\s*(?P<b>{NAME})\b\s*"
    r"(?:ratio|split|weighting|weight|balance)?(?:\s+(?!\d)[\w'’-]+){0,10}?\s*(?:of|at|is|=|:)?\s*"
    rf"(?P<x>{PERCENT_VALUE})\s*%?\s*(?(joined)[:/]|[:/.\-–])\s*(?P<y>{PERCENT_VALUE})\s*%?",
    re.IGNORECASE)
_RATIO_NUMBERS_FIRST = lazy(
    rf"(?P<x>\d{{1,3}})\s*%?\s*[:/]\s*(?P<y>\d{{1,3}})\s*%?\s*(?:split\s*)?(?:between\s*)?"
    rf"\b(?P<a>{NAME})\s*(?:[:/]|and)\s*(?P<b>{NAME})\b", re.IGNORECASE)
# A bare ratio after a rejected one: "decided not to use 60:40 … and adopted 30:70 instead".
_BARE_RATIO = lazy(r"(?<![\d.:/])(?P<x>\d{1,3})\s*%?\s*[:/]\s*(?P<y>\d{1,3})\b(?![.:/]\d)")
# Criteria with bare numbers: "Quality 70 Price 30", "Financial 60, Technical 35, Social
# Value 5" (weights only when they add up to 100).
_ITEM = (rf"\b(?:{_CRITERION})\b\s*[:\-–]?\s*\d{{1,3}}(?:\.\d+)?\b(?![.,]\d|\s*%)"
         r"(?:\s*(?:points?|marks?|pts)\b)?")
_NUMBER_LIST = lazy(rf"{_ITEM}(?:\s*[,;/|]?\s*(?:and\s+)?{_ITEM})+", re.IGNORECASE)
_LIST_ITEM = lazy(rf"\b(?P<name>{_CRITERION})\b\s*[:\-–]?\s*(?P<w>\d{{1,3}}(?:\.\d+)?)",
                  re.IGNORECASE)
# A weighting the text turns down or leaves behind: "decided not to use a ratio of 60:40",
# "rather than 70% price", "changed from 70:30 to 40:60", "Previously, price carried 70%".
_REJECTED_BEFORE = lazy(
    r"(?:\b(?:not (?:to )?(?:use|apply|adopt)|decided against|(?:rather|other) than|instead of|"
    r"in place of|previous(?:ly)?|formerly|former|moved away from|moving away from|"
    r"(?:mov|chang|switch|shift|reduc|increas|rais|lower)(?:e|es|ed|ing)? from|"
    r"replac(?:e|es|ed|ing)|no longer|abandon(?:ed|ing)?|dropp(?:ed|ing))\b"
    r"(?:(?!\b(?:to|but|now)\b)[^,;.()]){0,60}"
    r"|\bfrom\s+(?:(?:a|an|the|its|their|current|existing)\s+)*"
    r"|^\s*(?:previously|formerly|historically|in the past|until now)\b"
    r"(?:(?!\b(?:but|now)\b)[^;])*)$", re.IGNORECASE)
_REJECTED_AFTER = lazy(
    r"^(?:\s*[\w-]+){0,3}?\s*(?:(?:used|applied|adopted)\s+)?(?:previously|formerly|"
    r"in (?:the )?past|(?:has|have|had) been (?:replaced|dropped|abandoned|rejected)|"
    r"(?:was|were) (?:replaced|dropped|abandoned|rejected)|(?:is|are|will) no longer)\b",
    re.IGNORECASE)
_POINTS_LINE = lazy(
    r"^\s*(?P<label>(?:\d{1,2}|[a-z])[.)]\s+)?(?P<name>\S.{2,300}?)\s*"
    r"(?:[\[(]\s*(?P<w>\d{1,3})\s*(?:points?|marks?|pts|%)?\s*[\])]|"
    r"[-–:]\s*(?P<w2>\d{1,3})\s*(?:points|marks))\s*[:.]?\s*$", re.IGNORECASE)
_POINTS_PART = lazy(r"[^\n;:]+")
_EVALUATION = lazy(r"weight|evaluat|award|scor|criteri|tender|bid|assess|ratio|split|"
                         r"points|marks|quotation|proposal|offer", re.IGNORECASE)
_LOWEST = lazy(
    r"\b(?:lowest|cheapest)[\s-]+(?:(?:overall|total|compliant|evaluated|acceptable|submitted)"
    r"\s+){0,2}(?:price[ds]?|cost|tender(?:ed)? (?:price|sum)|bid|quot(?:e|ation)|"
    r"(?:(?:hourly|weekly|daily|unit|annual)\s+(?:rates?|fees?)|rates?)"
    r"(?!\s+(?:bands?|levels?|tiers?|brackets?|categor))|"
    r"['‘’\"]?total charges?['‘’\"]?)"
    r"|\b(?:price|cost)[- ]only\b|\b100\s*%\s*(?:price|cost)\b"
    r"|\bsolely on (?:the basis of )?(?:the )?(?:lowest )?(?:[\w-]+ ){0,3}?"
    r"(?:price|cost|rate|fee)s?\b|\bon (?:the basis of )?(?:price|cost) alone\b"
    r"|\b(?:price|cost)\s+(?:(?:is|will|shall|be|being|used|as)\s+){0,4}(?:the\s+)?"
    r"(?:sole|only|single)\s+(?:award\s+|evaluation\s+)?criterion\b"
    r"|\b(?:sole|only|single)\s+(?:award\s+|evaluation\s+)?criterion\s+(?:for\s+award\s+)?"
    r"(?:is|will be|shall be)\s+(?:the\s+)?(?:lowest\s+)?(?:price|cost)\b"
    # "awarded to the provider offering the most competitive hourly rate"
    r"|\bmost competitive\s+(?:(?:overall|total|tendered|hourly|weekly|daily|unit|annual)\s+)?"
    r"(?:price[ds]?|cost|rates?|fees?)\b"
    r"|\bLPTA\b|\blowest[- ]price(?:d)?,? technically acceptable"
    r"|\blowest (?:responsive(?: and|,) responsible|responsible(?: and|,) responsive) "
    r"(?:bidders?|offerors?|tenderers?|quotes?|proposals?)", re.IGNORECASE)
# "Where two bids score the same, the lowest priced wins" breaks a tie between scored bids.
_TIE_BREAK = lazy(r"\btie[ds]?\b|\btie-break|(?:same|equal|identical) (?:total |overall )?"
                  r"(?:scores?|marks?)|scor(?:e|ed|ing) (?:equally|the same)", re.IGNORECASE)
# Words of a price-scoring formula ("the lowest price receives the maximum score"): how the
# price part is scored, not an award on price alone.
_SCORING = lazy(r"\bscor|\bmarks?\b|\bpoints?\b|formula|evaluated against|compared (?:to|with)|"
                r"relative to|pro[- ]rata|maximum (?:price )?(?:score|mark)", re.IGNORECASE)
# "the most competitive price and the best quality": price is not alone
_BESIDE_QUALITY = lazy(r"quality|technical|advantageous|best value|value for money",
                       re.IGNORECASE)
_AWARDING = lazy(r"\baward|\bselect|successful|\bwin|\bchosen\b|\bappoint", re.IGNORECASE)
_NEGATION = lazy(r"\b(?:not|no|never|rather than|instead of|other than|beyond|"
                 r"not necessarily|not just|not only|not solely|nor|than)\b[^.;]{0,60}$",
                 re.IGNORECASE)
# "the lowest price is not the only consideration"
_NEGATED_AFTER = lazy(r"\s*(?:alone\s+)?(?:is|are|was|will|shall|may|need)(?:\s+be)?\s+"
                      r"(?:not|never)\b", re.IGNORECASE)
# "the lowest weekly fee paid in 2024 was £850" reports a figure, it does not decide an award.
_FIGURE_AFTER = lazy(r"(?:\s+[\w-]+){0,6}?\s+(?:was|were|is|are|of|at|stood at)\s+[£$€]\s*\d",
                     re.IGNORECASE)
# A sentence that describes a bad practice is not this document's award basis.
_DESCRIBING = lazy(r"\b(?:often|tend(?:s|ed)? to|default to|avoid|risk|problem|"
                         r"should not|must not|may not|cannot|can lead|criticis|warn|"
                         r"prohibit|forbid)\w*", re.IGNORECASE)
_QUALITY_LED = lazy(
    r"most (?:economically )?advantageous|best price[- ]quality ratio|"
    r"(?:technical|non-price|quality)[^.;]{0,80}(?:significantly |considerably )?more important "
    r"than (?:the )?(?:price|cost)|greater weight than (?:the )?(?:price|cost|financial)|"
    r"not (?:solely|only|just) (?:on )?(?:the )?(?:lowest )?(?:price|cost)", re.IGNORECASE)
# Words every match contains, so only blocks holding one are searched.
_NAME_KEYWORDS = ("price", "pricing", "cost", "quality", "social value", "technical",
                  "commercial", "financial", "fee proposal")
_LOWEST_KEYWORDS = ("lowest", "cheapest", "only", "100", "solely", "lpta", "alone", "sole",
                    "single", "competitive")
_QUALITY_KEYWORDS = ("advantageous", "quality ratio", "more important", "greater weight",
                     "not solely", "not only", "not just")
_PASS_FAIL = lazy(r"pass\s*/\s*fail|pass or fail", re.IGNORECASE)

_TOTAL = lazy(r"^(?:sub[- ]?)?totals?\b|^\w+ (?:sub[- ]?)?total\b", re.IGNORECASE)
_TABLE_WEIGHT = lazy(r"weight|%|percent|score|marks|points", re.IGNORECASE)
_TABLE_CRITERION = lazy(r"criteri|question|element|section|factor|area|evaluation|"
                              r"award|description", re.IGNORECASE)


def criterion_kind(name: str) -> str:
    """Classify a criterion by its name: price, social-value or quality."""
    lowered = name.lower()
    if "social value" in lowered or "community benefit" in lowered:
        return "social-value"
    if re.search(r"non-price|non price", lowered):
        return "quality"
    if re.search(r"\b(?:price|pricing|cost|fees?|charges?|commercial|financial|rates?|"
                 r"value for money)\b", lowered):
        return "price"
    return "quality"


def find_award(document: Document, index: TextIndex | None = None) -> AwardBasis:
    """Award criteria with weights, plus price-only and quality-led statements."""
    index = index or TextIndex(document.blocks)
    schemes = [found for table in document.tables if (found := list(table_criteria(table)))]
    table_cells = {b.index for t in document.tables for row in t.rows for b in row}
    seen = {_signature(s) for s in schemes}
    for found in prose_criteria(index, table_cells):
        if _signature(found) not in seen:
            seen.add(_signature(found))
            schemes.append(found)
    if not schemes:
        prose = [b for b in index.blocks if b.index not in table_cells]
        if points := points_criteria(prose):
            schemes.append(points)
    schemes = [s for s in schemes if not any(_signature(s) < _signature(other)
                                             for other in schemes)]  # drop restated fragments
    lowest = next((ev for hit in index.hits(_LOWEST, _LOWEST_KEYWORDS)
                   if (ev := _lowest_price(hit))), None)
    quality_led = next((Evidence(h.match.group(0), h.block.locate(h.start, h.end), h.block.index)
                        for h in index.hits(_QUALITY_LED, _QUALITY_KEYWORDS)
                        if not _same_sentence(h, lowest)), None)
    return AwardBasis(tuple(WeightingScheme(tuple(_nest(s))) for s in schemes), lowest,
                      quality_led)


def _same_sentence(hit: Hit, evidence: Evidence | None) -> bool:
    """A "most economically advantageous tender" that uses "price as the sole award
    criterion" in the same sentence is a price-only award, not a quality-led one."""
    if evidence is None or evidence.block != hit.block.index or not evidence.location.span:
        return False
    return hit.block.sentence_at(hit.start) == hit.block.sentence_at(evidence.location.span[0])


def _lowest_price(hit: Hit) -> Evidence | None:
    block = hit.block
    before = block.text[max(0, hit.start - 80):hit.start]
    start, end = block.sentence_at(hit.start)
    sentence = block.text[start:end]
    if _NEGATION.search(before) or _DESCRIBING.search(sentence) or _TIE_BREAK.search(sentence) \
            or _NEGATED_AFTER.match(block.text, hit.end) \
            or _FIGURE_AFTER.match(block.text, hit.end) \
            or sentence.rstrip().endswith("?") or _rejected(block, hit.start, hit.end) \
            or superseded(block, hit.start, hit.end):
        return None  # a question ("awarded on price only? No."), or a practice left behind
    if _SCORING.search(sentence) and not _AWARDING.search(sentence):
        return None
    if hit.match.group(0).lower().startswith("most") and (
            _SCORING.search(sentence) or not _AWARDING.search(sentence)
            or _BESIDE_QUALITY.search(sentence)):
        return None  # "submit your most competitive rate" asks for a price, awards nothing
    return Evidence(hit.match.group(0), block.locate(hit.start, hit.end), block.index)


def table_criteria(table: Table) -> Iterator[AwardCriterion]:
    """Rows of a weighting table: a criterion column and a weight column."""
    headers = table.headers
    weight_col = next((c for c, h in enumerate(headers) if _TABLE_WEIGHT.search(h)), None)
    if weight_col is None:
        return
    name_col = next((c for c, h in enumerate(headers)
                     if c != weight_col and _TABLE_CRITERION.search(h) and
                     not re.search(r"number|no\.?$|ref", h, re.IGNORECASE)), None)
    if name_col is None:
        name_col = 0 if weight_col != 0 else None
    if name_col is None:
        return
    found = []
    for row in table.body:
        if len(row) <= max(name_col, weight_col):
            continue
        name = row[name_col].text.strip()
        weight_text = row[weight_col].text.strip()
        if not name or _TOTAL.match(name):
            continue
        weight = first_percent(weight_text)
        if weight is None and re.fullmatch(r"\d{1,3}(?:\.\d+)?", weight_text):
            weight = float(weight_text)
        pass_fail = bool(_PASS_FAIL.search(weight_text))
        if weight is None and not pass_fail:
            continue
        first_line = name.split("\n")[0].strip()
        found.append(AwardCriterion(first_line, criterion_kind(first_line), weight,
                                    f"{name} {weight_text}".strip(), row[weight_col].location,
                                    row[weight_col].index, pass_fail=pass_fail))
    if (found and any(c.kind == "price" for c in found)) or len(found) >= 2:
        yield from found


def _signature(criteria: list[AwardCriterion]) -> frozenset[tuple[str, float | None]]:
    return frozenset((c.kind, c.weight) for c in criteria if c.parent is None)


def prose_criteria(index: TextIndex, skip: set[int]) -> Iterator[list[AwardCriterion]]:
    """Weights written in sentences, one set per block; needs an evaluation cue, both price
    and quality in the same block, or row labels whose weights make 100 ("Price: 100%"). A
    weighting the text turns down, a quality threshold and a share of money are left out."""
    by_block: dict[int, list[tuple[str, Hit]]] = {}
    for form, pattern, keywords in (
            ("notice", _NOTICE_CRITERION, ("weighting",)),
            ("ratio", _RATIO_NAMES_FIRST, _NAME_KEYWORDS),
            ("ratio", _RATIO_NUMBERS_FIRST, _NAME_KEYWORDS),
            ("list", _NUMBER_LIST, _NAME_KEYWORDS),
            ("weight", _WEIGHT_AFTER, _WEIGHT_KEYWORDS),
            ("weight", _WEIGHT_BEFORE, _WEIGHT_KEYWORDS),
            ("row", _ROW_WEIGHT, ("|",))):  # flattened table rows
        for hit in index.hits(pattern, keywords):
            if hit.block.index not in skip:
                by_block.setdefault(hit.block.index, []).append((form, hit))
    for _, hits in sorted(by_block.items()):
        block = hits[0][1].block
        if "|" not in block.text:  # label rows in a block that weights something else
            hits += [("row", Hit(block, m.start(), m.end(), m))
                     for m in _ROW_WEIGHT.finditer(block.text)]
        found: dict[str, AwardCriterion] = {}
        # weights in marks or points, and long row labels, by where their number is: kept
        # if they make 100; numbers without a unit only beside them or "of the 100 marks"
        points: dict[str, AwardCriterion] = {}
        unitless: dict[str, AwardCriterion] = {}
        labelled = True  # every weight a row label's ("1 | Price | 100%"): needs no cue
        in_notice: set[int] = set()  # where a notice's weights are: not read again
        for form, hit in hits:
            m, span = hit.match, (hit.start, hit.end)
            at = hit.start - m.start()  # match offsets to block offsets
            numbers_at = at + m.start("x") if form == "ratio" else hit.start
            if form != "ratio" and form != "list" and at + m.start("w") in in_notice:
                continue
            if _rejected(block, numbers_at, hit.end):
                labelled = False
                if form == "ratio":
                    _adopted_ratio(block, m, span, found)
            elif form == "ratio":
                labelled = False
                _ratio(block, *m.group("a", "b", "x", "y"), span, found)
            elif form == "notice":
                labelled = False
                in_notice.add(at + m.start("w"))
                name = m.group("name") or m.group("kind")
                kind = criterion_kind(name if criterion_kind(name) == "social-value"
                                      else m.group("kind"))
                _add(found, block, name, float(m.group("w")), span, str(at + m.start("w")), kind)
            elif form == "list":
                labelled = False
                items = [(i.group("name"), float(i.group("w")))
                         for i in _LIST_ITEM.finditer(block.text, hit.start, hit.end)]
                if abs(sum(w for _, w in items) - 100) < 0.5:
                    _add_set(found, block, items, span)
            elif _not_a_weight(block, hit) or (weight := to_number(m.group("w"))) is None:
                labelled = False
            elif (unit := _unit(form, m)) != "%":
                if form == "row":
                    span = (at + m.start("name"), hit.end)
                _add(unitless if unit == "none" else points, block, m.group("name"), weight,
                     span, str(at + m.start("w")))
            else:
                labelled = labelled and _row_label(block, hit)
                if not _add(found, block, m.group("name"), weight, span):
                    labelled = False  # a second weight for one criterion: not a weighting
        if unitless and (points or _HUNDRED_SHARED.search(block.text)):
            points = {**unitless, **points}
        if len(points) > 1 and abs(sum(c.weight or 0 for c in points.values()) - 100) < 0.5 \
                and any(c.kind != "price" for c in points.values()):  # not a cost breakdown
            weighted = {c.kind for c in found.values()}  # the same weights read another way
            found = {**{k: c for k, c in points.items() if c.kind not in weighted}, **found}
        kinds = {c.kind for c in found.values()}
        total = sum(c.weight or 0 for c in found.values())
        labelled = labelled and _LABEL_END.match(block.text, max(h.end for _, h in hits))
        if found and (_EVALUATION.search(block.text) or {"price", "quality"} <= kinds
                      or (labelled and abs(total - 100) < 0.5)):
            yield list(found.values())


def _unit(form: str, m: re.Match[str]) -> str:
    """How a weight is counted: "%" (a percentage, alone), "points" (marks, points, "out of
    60" or a long row label: kept if they make 100) or "none" (a bare number)."""
    groups = m.groupdict()
    if form == "row" or groups["pts"] or groups.get("outof"):
        return "points"
    return "none" if groups.get("bare") is not None else "%"


def _not_a_weight(block: Block, hit: Hit) -> bool:
    """A quality threshold ("a minimum quality score of 60%", "60% or more") or a share of
    money ("Cost: 100% of the invoice", "Price | 100% payable") rather than a weight."""
    m = hit.match
    w_start, w_end = hit.start + m.start("w") - m.start(), hit.start + m.end("w") - m.start()
    s_start, _ = block.sentence_at(hit.start)
    return bool(_THRESHOLD_BEFORE.search(block.text, max(s_start, w_start - 80), w_start)
                or _THRESHOLD_AFTER.match(block.text, w_end)
                or _SHARE_OF_MONEY.match(block.text, hit.end))


def _row_label(block: Block, hit: Hit) -> bool:
    """Is the criterion a label standing alone, its weight ending the row or cell? ("1 |
    Price | 100% [mandatory services only]", "Price: 100%")"""
    m = hit.match
    if m.start("name") < m.start("w"):
        name_start, w_end = hit.start + m.start("name") - m.start(), hit.end
        return bool(_LABEL_BEFORE.search(block.text, 0, name_start)
                    and _LABEL_AFTER.match(block.text, w_end))
    return False


def _rejected(block: Block, start: int, end: int) -> bool:
    """Does the sentence turn down, or leave behind, the weighting at ``text[start:end]``?"""
    s_start, s_end = block.sentence_at(start)
    return bool(_REJECTED_BEFORE.search(block.text[s_start:start])
                or _REJECTED_AFTER.match(block.text[end:s_end]))


def _ratio(block: Block, a: str, b: str, x: str, y: str, span: tuple[int, int],
           found: dict[str, AwardCriterion]) -> None:
    x_weight, y_weight = to_number(x) or 0, to_number(y) or 0
    if x_weight + y_weight == 100:
        _add_set(found, block, [(a, x_weight), (b, y_weight)], span)


def _adopted_ratio(block: Block, rejected: re.Match[str], span: tuple[int, int],
                   found: dict[str, AwardCriterion]) -> None:
    """The bare ratio the text adopts after one it rejects ("not 60:40 but 30:70", "from
    70:30 to 40:60") takes the rejected ratio's criteria."""
    after = span[1]
    for m in _BARE_RATIO.finditer(block.text, after):
        _, s_end = block.sentence_at(m.start())
        if _REJECTED_BEFORE.search(block.text[after:m.start()]) \
                or _REJECTED_AFTER.match(block.text[m.end():s_end]):
            after = m.end()
            continue
        if int(m.group("x")) + int(m.group("y")) == 100:
            _ratio(block, *rejected.group("a", "b"), *m.group("x", "y"), m.span(), found)
            return


def _add_set(found: dict[str, AwardCriterion], block: Block, items: list[tuple[str, float]],
             span: tuple[int, int]) -> None:
    """Criteria weighted together (a ratio, a list): all of them, or none if one of their
    kinds is already weighted in this block."""
    if any(criterion_kind(name) in found for name, _ in items):
        return
    added: dict[str, AwardCriterion] = {}
    for name, weight in items:
        key = criterion_kind(name)
        if key in added:
            key = f"{key} {len(added)}"  # two criteria of one kind: "Quality 40, Technical 30"
        _add(added, block, name, weight, span, key)
    found.update(added)


def _add(found: dict[str, AwardCriterion], block: Block, name: str, weight: float,
         span: tuple[int, int], key: str | None = None, kind: str | None = None) -> bool:
    """Add a criterion (of the kind its name says, unless given); False if its key is taken
    or the weight is over 100."""
    kind = kind or criterion_kind(name)
    key = key or kind
    if key in found or weight > 100:
        return False
    found[key] = AwardCriterion(name.strip().capitalize(), kind, weight,
                                block.text[span[0]:span[1]], block.locate(*span), block.index)
    return True


def points_criteria(blocks: list[Block]) -> list[AwardCriterion]:
    """Criteria listed with points, "(40 points)" or "[ 30 ]", that add up to 100."""
    lines: list[tuple[Block, int, re.Match[str]]] = []
    for block in blocks:
        # one criterion per line, or several in a line: "Cost (60 points); Technical (40 points)"
        for part in _POINTS_PART.finditer(block.text):
            m = _POINTS_LINE.match(part.group())
            if m:
                lines.append((block, part.start(), m))
    top: list[AwardCriterion] = []
    subs: list[AwardCriterion] = []
    numbered = any((m.group("label") or "")[:1].isdigit() for _, _, m in lines)
    for block, offset, m in lines:
        weight = float(m.group("w") or m.group("w2"))
        name = m.group("name").strip().rstrip(":")
        if weight > 100 or _TOTAL.match(name):  # "Total – 100 points" is not a criterion
            continue
        label = (m.group("label") or "").strip()
        span = (offset + m.start("name"), offset + m.end())
        criterion = AwardCriterion(name, criterion_kind(name), weight, m.group(0).strip(),
                                   block.locate(*span), block.index)
        sub = label[:1].isalpha() or (numbered and not label)
        if sub and top:
            subs.append(_with_parent(criterion, top[-1].name))
        else:
            top.append(criterion)
    if top and abs(sum(c.weight or 0 for c in top) - 100) < 0.5:
        return top + subs
    return []


def _with_parent(criterion: AwardCriterion, parent: str) -> AwardCriterion:
    return AwardCriterion(criterion.name, criterion.kind, criterion.weight, criterion.text,
                          criterion.location, criterion.block, parent, criterion.pass_fail)


def _nest(criteria: list[AwardCriterion]) -> list[AwardCriterion]:
    """Rows that split a quality criterion's weight become its sub-criteria."""
    if not criteria or any(c.parent for c in criteria):
        return criteria
    total = sum(c.weight or 0 for c in criteria)
    if total <= 100.5:
        return criteria
    out = list(criteria)
    for i, parent in enumerate(criteria):
        if parent.kind != "quality" or parent.weight is None:
            continue
        running = 0.0
        for j in range(i + 1, len(criteria)):
            running += criteria[j].weight or 0
            if abs(running - parent.weight) < 0.5:
                for k in range(i + 1, j + 1):
                    out[k] = _with_parent(criteria[k], parent.name)
                return out
            if running > parent.weight:
                break
    return out
