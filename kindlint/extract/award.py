"""Award criteria: price, quality and social-value weights from tables and from prose.

Real documents write weightings in many forms: "Price 60% / Quality 40%", "cost/quality
weighting of 70.30", "60:40 price:quality", "Quality 70 Price 30", "(40 points)", "[ 30 ]",
and price-only awards as "lowest price" or "lowest 'Total Charges'".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kindlint.extract.numbers import PERCENT_VALUE, first_percent, to_number
from kindlint.extract.scan import Hit, TextIndex
from kindlint.lazy_regex import lazy
from kindlint.model.document import Block, Document, Table
from kindlint.model.facts import AwardBasis, AwardCriterion, Evidence, WeightingScheme

NAME = (r"price|cost|quality|social value|technical(?: merit| approach| quality)?|"
        r"commercial|financial|non-price")
_FILLER_WORDS = (r"criteri(?:on|a)|weighting|weighted|weight|score[ds]?|is|are|will|shall|be|"
                 r"then|carr(?:y|ies)|worth|accounts? for|at|of|for|a|an|the|total|overall|"
                 r"questions?|elements?|sections?|components?|submissions?|envelopes?|"
                 r"proposals?|evaluation")
_FILLER = rf"(?:\s*(?:(?:{_FILLER_WORDS})\b|[=:\-–—(]))"
PERCENT = r"(?:\s*%|\s+per\s?cent\b|\s+percent\b)"
# "worth 60 points out of a possible 100": points out of a hundred are percentages
POINTS_OF_100 = (r"\s*points?(?=\s+(?:out\s+)?of\s+(?:a\s+(?:possible|maximum|total)\s+"
                 r"(?:of\s+)?)?100\b)")
_WEIGHT_AFTER = lazy(
    rf"\b(?P<name>{NAME})\b(?:\s*\([^()]{{1,40}}\))?{_FILLER}{{0,6}}\s*"
    rf"(?P<w>{PERCENT_VALUE})(?:{PERCENT}|{POINTS_OF_100})", re.IGNORECASE)
_WEIGHT_BEFORE = lazy(
    rf"(?P<w>{PERCENT_VALUE}){PERCENT}\s*(?:weighting\s*)?(?:for|on|to|of)?\s*"
    rf"(?:the\s+)?\b(?P<name>{NAME})\b", re.IGNORECASE)
_RATIO_NAMES_FIRST = lazy(
    rf"\b(?P<a>{NAME})\s*[:/]\s*(?P<b>{NAME})\b\s*(?:ratio|split|weighting|weight|balance)?"
    r"(?:\s+(?!\d)[\w'’]+){0,6}?\s*(?:of|at|is|=|:)?\s*"
    rf"(?P<x>{PERCENT_VALUE})\s*%?\s*[:/.\-–]\s*(?P<y>{PERCENT_VALUE})\s*%?", re.IGNORECASE)
_RATIO_NUMBERS_FIRST = lazy(
    rf"(?P<x>\d{{1,3}})\s*%?\s*[:/]\s*(?P<y>\d{{1,3}})\s*%?\s*(?:split\s*)?(?:between\s*)?"
    rf"\b(?P<a>{NAME})\s*(?:[:/]|and)\s*(?P<b>{NAME})\b", re.IGNORECASE)
_PAIRS = lazy(
    rf"\b(?P<n1>{NAME})\s+(?P<w1>\d{{1,3}})\b(?!\s*%)\s*[,;/]?\s*(?:and\s+)?"
    rf"\b(?P<n2>{NAME})\s+(?P<w2>\d{{1,3}})\b(?!\s*%)", re.IGNORECASE)
_POINTS_LINE = lazy(
    r"^\s*(?P<label>(?:\d{1,2}|[a-z])[.)]\s+)?(?P<name>\S.{2,300}?)\s*"
    r"(?:[\[(]\s*(?P<w>\d{1,3})\s*(?:points?|marks?|pts|%)?\s*[\])]|"
    r"[-–:]\s*(?P<w2>\d{1,3})\s*(?:points|marks))\s*[:.]?\s*$", re.IGNORECASE)
_POINTS_PART = lazy(r"[^\n;:]+")
_EVALUATION = lazy(r"weight|evaluat|award|scor|criteri|tender|bid|assess|ratio|split|"
                         r"points|marks|quotation|proposal|offer", re.IGNORECASE)
_LOWEST = lazy(
    r"\b(?:lowest|cheapest)[\s-]+(?:(?:overall|total|compliant|evaluated|acceptable|submitted)"
    r"\s+)?(?:price[ds]?|cost|tender(?:ed)? (?:price|sum)|bid|quot(?:e|ation)|hourly rate|"
    r"rates?|['‘’\"]?total charges?['‘’\"]?)"
    r"|\b(?:price|cost)[- ]only\b|\b100\s*%\s*(?:price|cost)\b"
    r"|\bsolely on (?:the basis of )?(?:the )?(?:lowest )?(?:[\w-]+ ){0,3}?"
    r"(?:price|cost|rate|fee)s?\b|\bon (?:the basis of )?(?:price|cost) alone\b"
    r"|\bLPTA\b|\blowest[- ]price(?:d)?,? technically acceptable"
    r"|\blowest (?:responsive(?: and|,) responsible|responsible(?: and|,) responsive) "
    r"(?:bidders?|offerors?|tenderers?|quotes?|proposals?)", re.IGNORECASE)
# Words of a price-scoring formula ("the lowest price receives the maximum score"): how the
# price part is scored, not an award on price alone.
_SCORING = lazy(r"\bscor|\bmarks?\b|\bpoints?\b|formula|evaluated against|compared (?:to|with)|"
                r"relative to|pro[- ]rata|maximum (?:price )?(?:score|mark)", re.IGNORECASE)
_AWARDING = lazy(r"\baward|\bselect|successful|\bwin|\bchosen\b|\bappoint", re.IGNORECASE)
_NEGATION = lazy(r"\b(?:not|no|never|rather than|instead of|other than|beyond|"
                 r"not necessarily|not just|not only|not solely|nor|than)\b[^.;]{0,60}$",
                 re.IGNORECASE)
# "the lowest price is not the only consideration"
_NEGATED_AFTER = lazy(r"\s*(?:alone\s+)?(?:is|will be|shall be|are|was)\s+(?:not|never)\b",
                      re.IGNORECASE)
# A sentence that describes a bad practice is not this document's award basis.
_DESCRIBING = lazy(r"\b(?:often|tend(?:s|ed)? to|default to|avoid|risk|problem|"
                         r"should not|must not|can lead|criticis|warn)\w*", re.IGNORECASE)
_QUALITY_LED = lazy(
    r"most (?:economically )?advantageous|best price[- ]quality ratio|"
    r"(?:technical|non-price|quality)[^.;]{0,80}(?:significantly |considerably )?more important "
    r"than (?:the )?(?:price|cost)|greater weight than (?:the )?(?:price|cost|financial)|"
    r"not (?:solely|only|just) (?:on )?(?:the )?(?:lowest )?(?:price|cost)", re.IGNORECASE)
# Words every match contains, so only blocks holding one are searched.
_NAME_KEYWORDS = ("price", "cost", "quality", "social value", "technical", "commercial",
                  "financial")
_LOWEST_KEYWORDS = ("lowest", "cheapest", "only", "100", "solely", "lpta", "alone")
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
    if re.search(r"\b(?:price|cost|fees?|charges?|commercial|financial|rates?|"
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
                        for h in index.hits(_QUALITY_LED, _QUALITY_KEYWORDS)), None)
    return AwardBasis(tuple(WeightingScheme(tuple(_nest(s))) for s in schemes), lowest,
                      quality_led)


def _lowest_price(hit: Hit) -> Evidence | None:
    block = hit.block
    before = block.text[max(0, hit.start - 80):hit.start]
    start, end = block.sentence_at(hit.start)
    sentence = block.text[start:end]
    if _NEGATION.search(before) or _DESCRIBING.search(sentence) \
            or _NEGATED_AFTER.match(block.text, hit.end):
        return None
    if _SCORING.search(sentence) and not _AWARDING.search(sentence):
        return None
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
    """Weights written in sentences, one set per block; needs an evaluation cue or both price
    and quality in the same block."""
    by_block: dict[int, list[tuple[str, Hit]]] = {}
    for form, pattern in (("ratio", _RATIO_NAMES_FIRST), ("ratio", _RATIO_NUMBERS_FIRST),
                          ("pairs", _PAIRS), ("weight", _WEIGHT_AFTER),
                          ("weight", _WEIGHT_BEFORE)):
        keywords = ("%", "per cent", "percent", "points") if form == "weight" \
            else _NAME_KEYWORDS
        for hit in index.hits(pattern, keywords):
            if hit.block.index not in skip:
                by_block.setdefault(hit.block.index, []).append((form, hit))
    for _, hits in sorted(by_block.items()):
        block = hits[0][1].block
        found: dict[str, AwardCriterion] = {}
        for form, hit in hits:
            m, span = hit.match, (hit.start, hit.end)
            if form == "ratio":
                _ratio(block, m, span, found)
            elif form == "pairs":
                if int(m.group("w1")) + int(m.group("w2")) == 100:
                    for n, w in (("n1", "w1"), ("n2", "w2")):
                        _add(found, block, m.group(n), float(m.group(w)), span)
            elif (weight := to_number(m.group("w"))) is not None:
                _add(found, block, m.group("name"), weight, span)
        kinds = {c.kind for c in found.values()}
        if found and (_EVALUATION.search(block.text) or {"price", "quality"} <= kinds):
            yield list(found.values())


def _ratio(block: Block, m: re.Match[str], span: tuple[int, int],
           found: dict[str, AwardCriterion]) -> None:
    x, y = to_number(m.group("x")) or 0, to_number(m.group("y")) or 0
    if x + y != 100:
        return
    _add(found, block, m.group("a"), x, span)
    _add(found, block, m.group("b"), y, span)


def _add(found: dict[str, AwardCriterion], block: Block, name: str, weight: float,
         span: tuple[int, int]) -> None:
    kind = criterion_kind(name)
    if kind in found or weight > 100:
        return
    found[kind] = AwardCriterion(name.strip().capitalize(), kind, weight,
                                 block.text[span[0]:span[1]], block.locate(*span), block.index)


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
        if weight > 100:
            continue
        name = m.group("name").strip().rstrip(":")
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
