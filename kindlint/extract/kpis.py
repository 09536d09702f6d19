"""KPIs from tables (header detection across real wording) and from prose ("KPI 3: …")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kindlint.lazy_regex import lazy
from kindlint.model.document import Block, BlockKind, Document, Table
from kindlint.model.facts import Consequence, Kpi, KpiKind, Target

# Header words for each column role, strongest first. A column takes the first role it matches.
ROLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, lazy(pattern, re.IGNORECASE))
    for role, pattern in (
        ("consequence", r"service credit|kpi credit|remed(?:y|ies)|consequence|sanction|"
                        r"deduction|penalt|abatement|incentive|if (?:not|un)met|failure to meet"),
        ("id", r"^(?:kpi\s*(?:no\.?|number|ref\.?|id)|no\.?|ref(?:erence)?\.?|#|id|item|"
               r"kpi ref(?:erence)?)$"),
        ("target", r"target|threshold|tolerance|minimum (?:standard|level|performance)|"
                   r"acceptable (?:quality )?levels?|acceptable levels? of performance|\baql\b|"
                   r"service level\b(?! (?:agreement|description))|performance level|expected|"
                   r"benchmark|initial attendance|response time|attendance|completion|"
                   r"resolution|rectification|timescale|standard to be met|level required"),
        ("period", r"frequency|reporting period|measurement period|\bperiod\b|when measured|"
                   r"reporting|how often"),
        ("measure", r"^measures?$|measure(?:ment|d by)|definition|description|method|calculation|"
                    r"performance standard|standards?\(s\)|how (?:it is )?measured|"
                    r"surveillance|data source|evidence"),
        ("name", r"\bkpi\b|key performance indicator|performance indicator|indicator|"
                 r"performance objective|objective|deliverable|required services?|requirement|"
                 r"\bmeasure\b|call type|service area|title|outcome|area|category|standard"),
    )
)
_KPI_SIGNAL = lazy(r"\bkpis?\b|key performance|performance|indicator|service level|"
                         r"\baql\b|target|attendance|response|standard", re.IGNORECASE)
_NOT_KPI = lazy(r"weight|score|marks|points|price|rate\b|£|cost", re.IGNORECASE)
_TARGET = lazy(r"\btargets?\b(?! dates?)", re.IGNORECASE)  # "Target score" is a KPI column
_PROSE_KPI = lazy(
    r"^\s*(?P<id>(?:KPI|Key Performance Indicator|Performance Indicator|PI|SLA|"
    r"Service Level)\s*(?:No\.?\s*)?\d{1,3}[a-z]?)\s*[:\-–—.)]\s*(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
_LEADING_ID = lazy(r"^((?:KPI|PI)\s*\d{1,3}[a-z]?(?=[.):]?\s)|[A-Z](?=[.):])|"
                         r"\d{1,2}(?=[.):]))[.):]?\s+\S")
_ID_CELL = lazy(r"^(?:KPI|PI|SL)?\s*\d{1,3}[a-z]?\.?$|^[A-Z]$", re.IGNORECASE)


def find_kpis(document: Document) -> tuple[Kpi, ...]:
    """Every KPI kindlint can see: rows of KPI tables, then numbered KPIs written as prose."""
    kpis = [kpi for table in document.tables for kpi in table_kpis(table)]
    table_blocks = {b.index for t in document.tables for row in t.rows for b in row}
    kpis.extend(prose_kpis(b for b in document.blocks if b.index not in table_blocks))
    return tuple(kpis)


def column_roles(headers: tuple[str, ...]) -> dict[str, int]:
    """Map roles (id, name, measure, target, period, consequence) to 0-based columns."""
    roles: dict[str, int] = {}
    for col, header in enumerate(headers):
        for role, pattern in ROLE_PATTERNS:
            if role not in roles and pattern.search(header):
                roles[role] = col
                break
    return roles


def _table_roles(table: Table) -> dict[str, int]:
    """Column roles, using the cells too: a "Category" of single letters is an id column."""
    roles = column_roles(table.headers)
    name = roles.get("name")
    if name is not None and _column_is_ids(table, name):
        others = [c for c, h in enumerate(table.headers)
                  if c != name and c not in roles.values() and ROLE_PATTERNS[-1][1].search(h)]
        if others:
            roles["id"], roles["name"] = name, others[0]
        else:  # "KPI" over "KPI 1", "KPI 2": the name is in the measure column
            roles["id"] = roles.pop("name")
    if "id" not in roles and roles.get("name") != 0 and _column_is_ids(table, 0):
        roles["id"] = 0
    return roles


def is_kpi_table(table: Table) -> bool:
    headers = " ".join(table.headers)
    if not table.header_rows or (_NOT_KPI.search(headers) and not _TARGET.search(headers)):
        return False
    roles = _table_roles(table)
    named = "name" in roles or "id" in roles
    context = f"{headers} {table.title or ''} {table.location.section or ''}"
    return named and ("target" in roles or "consequence" in roles) and bool(
        _KPI_SIGNAL.search(context))


def _column_is_ids(table: Table, col: int) -> bool:
    cells = [row[col].text.strip() for row in table.body
             if len(row) > col and row[col].text.strip()]
    return len(cells) >= 2 and all(_ID_CELL.match(c) for c in cells)


def table_kpis(table: Table) -> Iterator[Kpi]:
    """One KPI per body row of a KPI table."""
    if not is_kpi_table(table):
        return
    roles = _table_roles(table)
    first_body = table.header_rows + 1
    for r, row in enumerate(table.body, start=first_body):
        def cell(role: str, row_number: int = r) -> str:
            col = roles.get(role)
            return table.cell_text(row_number, col + 1).strip() if col is not None else ""

        name = cell("name") or cell("measure")
        ident = cell("id") or None
        if ident is None and (label := _LEADING_ID.match(name)):
            ident = label.group(1)
            name = name[label.end() - 1:].strip() or name
        if not name and not ident:
            continue
        if not any(c.text.strip() for c in row[1:]):
            continue  # a section row such as "Quality KPIs" spanning the table
        target_text = cell("target")
        measure = cell("measure")
        consequence_text = cell("consequence")
        whole = " ".join(c.text for c in row)
        anchor = row[roles.get("name", roles.get("id", 0))]
        yield Kpi(
            id=_kpi_id(ident),
            name=name or ident or "",
            measure=measure,
            target=parse_target(target_text or measure or name),
            period=cell("period") or None,
            consequence=classify_consequence(consequence_text or _consequence_in(whole)),
            consequence_text=consequence_text,
            kind=classify_kpi(f"{name} {measure} {target_text}", parse_target(target_text)),
            location=row[0].location,
            block=anchor.index,
            source="table",
        )


def _consequence_in(text: str) -> str:
    """Penalty words anywhere in the row count; "review" in a method column does not."""
    return text if classify_consequence(text).is_penalty else ""


def _kpi_id(ident: str | None) -> str | None:
    if not ident:
        return None
    ident = ident.rstrip(".").strip()
    return f"KPI {ident}" if re.fullmatch(r"\d{1,3}[a-z]?", ident) else ident


def prose_kpis(blocks: Iterator[Block]) -> Iterator[Kpi]:
    """KPIs written as numbered prose, e.g. ``KPI 3: 95% of visits start on time``."""
    for block in blocks:
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING):
            continue
        m = _PROSE_KPI.match(block.text)
        if not m:
            continue
        rest = m.group("rest").strip()
        yield Kpi(
            id=" ".join(m.group("id").split()),
            name=rest.split("\n")[0][:200],
            measure=rest,
            target=parse_target(rest),
            period=_period(rest),
            consequence=classify_consequence(rest),
            consequence_text="",
            kind=classify_kpi(rest, parse_target(rest)),
            location=block.location,
            block=block.index,
            source="prose",
        )


_TARGET_PERCENT = lazy(
    r"(?P<cmp>at least|minimum(?: of)?|no (?:less|fewer) than|not less than|more than|"
    r"greater than|above|over|maximum(?: of)?|no more than|not more than|less than|fewer than|"
    r"below|under|up to|[<>≤≥]=?)?\s*\[?(?P<value>\d{1,3}(?:\.\d+)?)\]?\s*%", re.IGNORECASE)
_TARGET_TIME = lazy(
    r"(?P<cmp>within|no (?:more|later) than|not more than|less than|under|maximum(?: of)?|"
    r"at least|minimum(?: of)?|more than)?\s*\[?(?P<value>\d{1,4}(?:\.\d+)?)\]?\s*"
    r"(?P<unit>(?:working |calendar |business )?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?))\b", re.IGNORECASE)
_TARGET_COUNT = lazy(r"(?P<cmp>no more than|maximum(?: of)?|at least|minimum(?: of)?)?\s*"
                           r"\b(?P<value>\d{1,4})\s+(?P<unit>errors?|complaints?|failures?|"
                           r"incidents?|missed (?:visits|calls))", re.IGNORECASE)
_AT_MOST = ("maximum", "no more", "not more", "less", "fewer", "below", "under", "up to",
            "within", "no later", "<", "≤")


def parse_target(text: str) -> Target | None:
    """The first numeric target in ``text``: a percentage, a duration or a count."""
    if not text:
        return None
    for pattern, unit in ((_TARGET_PERCENT, "%"), (_TARGET_TIME, None), (_TARGET_COUNT, None)):
        m = pattern.search(text)
        if not m:
            continue
        words = (m.group("cmp") or "").lower()
        value = float(m.group("value"))
        found_unit = unit or _unit(m.group("unit"))
        if words:
            comparator = "<=" if words.startswith(_AT_MOST) else ">="
        else:
            comparator = ">=" if found_unit == "%" else ("<=" if found_unit != "count" else "=")
        return Target(value, found_unit, comparator, m.group(0).strip())
    return None


def _unit(text: str) -> str:
    text = text.lower().split()[-1]
    for unit in ("minute", "hour", "day", "week", "month"):
        if text.startswith(unit[:3]):
            return unit + "s"
    return "count"


_PERIOD = lazy(r"\b(daily|weekly|fortnightly|monthly|quarterly|annually|yearly|"
                     r"each (?:week|month|quarter|year)|per (?:week|month|quarter|year|annum))\b",
                     re.IGNORECASE)


def _period(text: str) -> str | None:
    m = _PERIOD.search(text)
    return m.group(1).lower() if m else None


_CONSEQUENCES: tuple[tuple[Consequence, re.Pattern[str]], ...] = tuple(
    (kind, lazy(pattern, re.IGNORECASE))
    for kind, pattern in (
        (Consequence.SERVICE_CREDIT, r"service credits?|kpi credits?|\bcredits? (?:of|at)\b"),
        (Consequence.DEDUCTION, r"deduct|abate|withh(?:e|o)ld|liquidated damages|"
                                r"financial (?:penalt|remed)|penalt|\d+(?:\.\d+)?\s*% of (?:the )?"
                                r"(?:monthly|annual|quarterly)? ?(?:fee|charges?|invoice|price|"
                                r"payment|contract value)|reduc\w* (?:in )?(?:the )?payment"),
        (Consequence.TERMINATION, r"terminat"),
        (Consequence.DEFAULT, r"\bdefault\b|material breach|\bbreach\b|warning notice"),
        (Consequence.REVIEW, r"review|improvement plan|rectification plan|remedial|"
                             r"learning|conversation|discuss|support plan|action plan"),
    )
)


def classify_consequence(text: str) -> Consequence:
    """What happens when the KPI is missed, from the words used."""
    if not text or not text.strip() or text.strip().lower() in ("n/a", "none", "-", "no"):
        return Consequence.NONE
    for kind, pattern in _CONSEQUENCES:
        if pattern.search(text):
            return kind
    return Consequence.NONE


_KINDS: tuple[tuple[KpiKind, re.Pattern[str]], ...] = tuple(
    (kind, lazy(pattern, re.IGNORECASE))
    for kind, pattern in (
        (KpiKind.EXPERIENCE, r"experienc|feedback|satisfaction|satisfied|"
                             r"\bsay(?:s)? (?:that|they)\b|"
                             r"people who say|\bfeel(?:s)? (?:safe|listened|respected|in control)|"
                             r"listened to|treated with|dignity and respect|kindness|"
                             r"what matters|I statements?|survey|quality of life|happy with"),
        (KpiKind.RELATIONSHIP, r"continuity|same (?:care )?workers?|known (?:care )?worker|"
                               r"worker (?:they|the person) knows?|familiar|relationship|"
                               r"consistent (?:team|workers?)|retention|turnover"),
        (KpiKind.OUTCOME, r"outcome|independen|goals? (?:achieved|met)|reablement|"
                          r"sustain(?:ed|s)? (?:a )?(?:tenanc|employment|job)|into work|"
                          r"wellbeing|well-being|admissions? avoided"),
        (KpiKind.COST, r"\bcost|price|invoice|budget|£|efficien|spend"),
        (KpiKind.TIMELINESS, r"on time|within \[?\d|late\b|punctual|response|attend|start(?:s|ed)? "
                             r"within|timescale|deadline|prompt|days? of|hours? of|minutes? of|"
                             r"completion|timel"),
        (KpiKind.VOLUME, r"number of|hours delivered|visits delivered|occupancy|throughput|"
                         r"utili[sz]ation|capacity|volume|referrals"),
    )
)


def classify_kpi(text: str, target: Target | None = None) -> KpiKind:
    """What a KPI measures: experience, relationship, outcome, cost, timeliness, volume, output."""
    for kind, pattern in _KINDS:
        if kind is KpiKind.TIMELINESS and target is not None and target.unit in _DURATIONS:
            return kind
        if pattern.search(text):
            return kind
    return KpiKind.OUTPUT


_DURATIONS = ("minutes", "hours", "days", "weeks", "months")
