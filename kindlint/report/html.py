"""The HTML report: one self-contained, accessible page (``kindlint FILES --html report.html``).

This module only turns a RunReport into plain values (words, numbers, ids); every piece of
markup lives in the Jinja templates in ``templates/``, rendered with autoescaping on, so text
from a document is always data and never markup. The page needs no JavaScript and makes no
network requests: styles are inline, icons and the award chart are inline SVG.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, TextIO
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from kindlint.model.document import Location
from kindlint.model.facts import (
    Amount,
    AwardBasis,
    Consequence,
    Evidence,
    Facts,
    Kpi,
    Target,
    WeightingScheme,
)
from kindlint.model.findings import Category, FileResult, Finding, Severity
from kindlint.report import RunReport
from kindlint.rules.model import Rule

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

SEVERITY_LABELS = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Info"}

SEVERITY_MEANINGS = {
    Severity.ERROR: "wording or terms the evidence calls clearly harmful; change before issue",
    Severity.WARNING: "a blind spot worth a second look before the document goes out",
    Severity.INFO: "worth knowing; often statutory or contested wording",
}

CATEGORY_LABELS = {
    Category.LABELS: "Labels for people",
    Category.VALUE: "Price and value",
    Category.PERFORMANCE: "Performance, KPIs and payment",
    Category.RESTRICTION: "Blanket restrictions",
    Category.ABSENCE: "Missing relational elements",
    Category.PLAIN_LANGUAGE: "Plain language",
    Category.META: "kindlint housekeeping",
}

CONSEQUENCE_LABELS = {
    Consequence.SERVICE_CREDIT: "Service credit",
    Consequence.DEDUCTION: "Deduction from payment",
    Consequence.DEFAULT: "Default notice",
    Consequence.TERMINATION: "Termination",
    Consequence.REVIEW: "Review",
    Consequence.NONE: "None stated",
}

FORMAT_LABELS = {"docx": "Word document", "pdf": "PDF", "markdown": "Markdown file",
                 "text": "plain text file", "txt": "plain text file"}

# How people read a KPI target's comparator: ">= 95 %" is "at least 95%".
COMPARATOR_WORDS = {">=": "at least", "≥": "at least", ">": "more than", "<=": "at most",
                    "≤": "at most", "<": "less than", "=": "exactly", "==": "exactly"}

# Finding subjects that mean the KPIs as a whole rather than one KPI (compared without case,
# spaces or punctuation).
KPI_SET_SUBJECTS = frozenset({"kpis", "kpischedule", "keyperformanceindicators",
                              "performanceindicators", "performancemeasures"})

AWARD_KIND_LABELS = {"price": "Price", "quality": "Quality", "social-value": "Social value",
                     "other": "Other"}

# (lowest score, words) for Flesch reading ease, highest band first.
READING_EASE_BANDS = ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English"),
                      (50, "fairly hard"), (30, "hard"), (float("-inf"), "very hard"))

SAFE_URL_SCHEMES = ("http", "https", "mailto")

# The award bar, in SVG user units; it scales with the page.
BAR_WIDTH, BAR_HEIGHT, BAR_TOP = 640.0, 44.0, 4.0
LABEL_FULL, LABEL_SHORT = 120.0, 44.0  # segment widths that fit "Quality 40%" and "40%"


# ---------------------------------------------------------------------------------------------
# Plain words for locations


def clause_words(path: Sequence[str]) -> str:
    """``("Schedule 2", "4.2", "(b)")`` as people say it: ``Schedule 2, clause 4.2(b)``."""
    named: list[str] = []
    number = ""
    for raw in path:
        part = raw.strip()
        if not part:
            continue
        if re.fullmatch(r"\(?[A-Za-z0-9]{1,6}\)", part):  # (b), (iv), b)
            number += part if part.startswith("(") else f"({part}"
        elif part[0].isdigit():
            # 4 then 4.2: the deeper number says it all
            extends = not number or part.startswith(number.split("(")[0] + ".")
            number = part if extends else f"{number}, {part}"
        else:
            named.append(part)
    if number:
        named.append(f"clause {number}")
    return ", ".join(named)


def table_words(location: Location) -> str:
    """``table 3, row 2, column ‘Target’``, or ``""`` when not in a table."""
    if location.table is None:
        return ""
    words = f"table {location.table}"
    if location.row is not None:
        words += f", row {location.row}"
    if location.column_header:
        words += f", column ‘{location.column_header}’"
    elif location.table_column is not None:
        words += f", column {location.table_column}"
    return words


def place_words(location: Location) -> str:
    """The clause or section a location is in, without line, page or table."""
    clause = clause_words(location.clause_path)
    if clause and location.section:
        return f"{clause} (under ‘{location.section}’)"
    if clause:
        return clause
    if location.section:
        return f"section ‘{location.section}’"
    return ""


def location_parts(location: Location) -> list[str]:
    """Every way of finding a place: clause, page, line, table cell."""
    parts = [place_words(location)]
    if location.page is not None:
        parts.append(f"page {location.page}")
    if location.line is not None:
        parts.append(f"line {location.line}")
    parts.append(table_words(location))
    return [p for p in parts if p]


def location_words(location: Location, default: str = "the document as a whole") -> str:
    """``Schedule 2, clause 4.2(b); page 14; line 12``: where to look, in words."""
    return "; ".join(location_parts(location)) or default


def row_words(location: Location) -> str:
    """Where a table row is: clause, page or line, table and row (no column, no section)."""
    return location_words(replace(location, section=None, column_header=None,
                                  table_column=None), "")


def evidence_words(evidence: Evidence | None) -> str:
    return location_words(evidence.location, "") if evidence else ""


# ---------------------------------------------------------------------------------------------
# What the templates receive


@dataclass
class Highlight:
    """The finding's sentence split around the flagged words (all plain text)."""

    before: str
    flagged: str
    after: str
    found: bool


@dataclass
class FindingView:
    id: str
    severity: str
    severity_label: str
    category_label: str
    confidence: str
    code: str
    name: str
    message: str
    where: str
    suggestions: list[str]
    general_advice: bool  # suggestions are the rule's general alternatives, not this finding's
    text: str
    context: Highlight | None
    subject: str | None
    rule_anchor: str | None
    subject_anchor: str | None = None  # the KPI row or award section the finding is about


@dataclass
class GroupView:
    heading: str
    findings: list[FindingView]


@dataclass
class KpiView:
    id: str
    label: str
    name: str
    measure: str
    kind: str
    asks_people: bool
    target: str
    period: str
    consequence: str
    consequence_text: str
    is_penalty: bool
    where: str
    findings: list[FindingView] = field(default_factory=list)


@dataclass
class CriterionRow:
    name: str
    kind: str
    weight: str
    parent: str | None
    where: str


@dataclass
class Segment:
    kind: str
    x: float
    width: float
    label: str
    text: str  # what fits inside the segment ("" when nothing does)
    text_x: float


@dataclass
class SchemeView:
    number: int
    rows: list[CriterionRow]
    segments: list[Segment]
    unstated: Segment | None
    summary: str
    notes: list[str]
    title: str
    description: str


@dataclass
class AwardView:
    schemes: list[SchemeView]
    notes: list[tuple[str, str, str]]  # (what, quoted words, where)
    findings: list[FindingView] = field(default_factory=list)


@dataclass
class FactItem:
    label: str
    values: list[tuple[str, str, str]]  # (value, quoted words, where)
    id: str = ""


@dataclass
class ReadabilityRow:
    section: str
    words: Any
    sentences: Any
    ease: Any
    band: str
    grade: Any


@dataclass
class FileView:
    number: int
    id: str
    path: str
    document_format: str | None
    page_count: int | None
    word_count: int
    counts: dict[str, int]
    count_words: str
    findings: list[FindingView]
    groups: list[GroupView]
    kpis: list[KpiView]
    kpi_findings: list[FindingView]  # about the KPIs as a whole
    award: AwardView | None
    facts: list[FactItem]
    readability: list[ReadabilityRow] | None


@dataclass
class SourceView:
    title: str
    organisation: str
    year: str
    url: str
    href: str | None
    note: str


@dataclass
class RuleView:
    code: str
    anchor: str
    name: str
    summary: str
    category_label: str
    severity_label: str
    rationale: list[str]
    alternatives: list[str]
    limitations: str
    sources: list[SourceView]
    count: int


# ---------------------------------------------------------------------------------------------
# Building the views


def highlight(finding: Finding) -> Highlight | None:
    """Split ``finding.context`` around ``finding.text`` for a ``<mark>``."""
    context, text = finding.context, finding.text
    if not context:
        return None
    if not text:
        return Highlight(context, "", "", False)
    span = finding.location.span
    start = -1
    if span and context[span[0]:span[0] + len(text)] == text:
        start = span[0]
    if start < 0:
        start = context.find(text)
    if start < 0:
        start = context.lower().find(text.lower())
    if start < 0:
        return Highlight(context, "", "", False)
    end = start + len(text)
    return Highlight(context[:start], context[start:end], context[end:], True)


def count_words(counts: Mapping[str, int]) -> str:
    """``1 error, 4 warnings`` or ``no findings``."""
    parts = []
    for severity in SEVERITIES:
        n = counts.get(severity.value, 0)
        if n:
            word = severity.value if severity is Severity.INFO or n == 1 else f"{severity.value}s"
            parts.append(f"{n} {word}")
    return ", ".join(parts) or "no findings"


Pairs = list[tuple[Finding, FindingView]]


def finding_views(findings: Sequence[Finding], number: int, rules: Mapping[str, Rule]) -> Pairs:
    """Each finding (in document order) with what the page shows of it."""
    pairs = []
    for i, finding in enumerate(sorted(findings, key=lambda f: f.sort_key), 1):
        rule = rules.get(finding.code)
        suggestions = list(finding.suggestions)
        general = not suggestions and rule is not None and bool(rule.alternatives)
        if general:
            suggestions = list(rule.alternatives)
        pairs.append((finding, FindingView(
            id=f"f{number}-{i}",
            severity=finding.severity.value,
            severity_label=SEVERITY_LABELS[finding.severity],
            category_label=CATEGORY_LABELS.get(finding.category, str(finding.category)),
            confidence=finding.confidence.value,
            code=finding.code,
            name=finding.name,
            message=finding.message,
            where=location_words(finding.location),
            suggestions=suggestions,
            general_advice=general,
            text=finding.text,
            context=highlight(finding),
            subject=finding.subject,
            rule_anchor=f"rule-{finding.code}" if rule is not None else None,
        )))
    return pairs


def group_heading(location: Location) -> str:
    place = place_words(location)
    if place:
        return place[0].upper() + place[1:]
    if location.table is not None:
        return f"Table {location.table}"
    if location.line is not None or location.page is not None:
        return "Text before the first heading or clause"
    return "The document as a whole"


def group_findings(pairs: Pairs) -> list[GroupView]:
    """Consecutive findings (in document order) under the same clause or section."""
    groups: list[GroupView] = []
    for finding, view in pairs:
        heading = group_heading(finding.location)
        if groups and groups[-1].heading == heading:
            groups[-1].findings.append(view)
        else:
            groups.append(GroupView(heading, [view]))
    return groups


def _key(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (text or "").lower())


def in_row(finding: Finding, location: Location, block: int | None) -> bool:
    """The finding sits in the same block, or the same table row, as a fact."""
    if block is not None and finding.block == block:
        return True
    here = finding.location
    return (location.table is not None and location.row is not None
            and here.table == location.table and here.row == location.row)


def kpi_matches(kpi: Kpi, finding: Finding) -> bool:
    """A finding is about a KPI when its subject names it or, without one, it is in its row."""
    if finding.subject:
        names = {_key(kpi.label), _key(kpi.name)}
        if kpi.id:
            names |= {_key(kpi.id), _key(f"KPI {kpi.id}")}
        return _key(finding.subject) in names - {""}
    return in_row(finding, kpi.location, kpi.block)


def about_all_kpis(finding: Finding) -> bool:
    """Subjects like "KPIs" or "KPI schedule": the set of KPIs as a whole."""
    return _key(finding.subject) in KPI_SET_SUBJECTS


def about_award(finding: Finding, award: AwardBasis) -> bool:
    """A finding is about the award when its subject says so or, without one, it is in a
    criterion's row."""
    if finding.subject:
        subject = finding.subject.lower()
        return "award" in subject or "weighting" in subject
    return any(in_row(finding, c.location, c.block) for c in award.criteria)


def about_term(finding: Finding) -> bool:
    return _key(finding.subject) in ("contractterm", "term", "contractlength")


def kpi_views(facts: Facts | None, pairs: Pairs, number: int) -> list[KpiView]:
    """The KPI table, each KPI with the findings about it."""
    if facts is None:
        return []
    out = []
    for i, kpi in enumerate(facts.kpis, 1):
        view = KpiView(
            id=f"kpi{number}-{i}",
            label=kpi.id or "",
            name=kpi.name,
            measure=kpi.measure if kpi.measure != kpi.name else "",
            kind=kpi.kind.value,
            asks_people=kpi.kind.asks_people,
            target=target_words(kpi.target),
            period=kpi.period or "",
            consequence=CONSEQUENCE_LABELS.get(kpi.consequence, str(kpi.consequence)),
            consequence_text=kpi.consequence_text,
            is_penalty=kpi.consequence.is_penalty,
            where=row_words(kpi.location),
        )
        for finding, finding_view in pairs:
            if kpi_matches(kpi, finding):
                view.findings.append(finding_view)
                finding_view.subject_anchor = finding_view.subject_anchor or view.id
        out.append(view)
    return out


def target_words(target: Target | None) -> str:
    """``at least 95%``, ``at most 15 minutes``."""
    if target is None:
        return ""
    unit = target.unit if target.unit in ("%", "") else f" {target.unit}"
    value = f"{_number(target.value)}{unit}"
    word = COMPARATOR_WORDS.get(target.comparator.strip(), target.comparator.strip())
    return f"{word} {value}".strip()


def _number(value: float) -> str:
    return f"{value:g}"


def scheme_view(scheme: WeightingScheme, number: int) -> SchemeView:
    """One set of criteria: a table of weights and a bar of 100%."""
    rows = [CriterionRow(
        name=c.name,
        kind=AWARD_KIND_LABELS.get(c.kind, c.kind),
        weight="pass or fail" if c.pass_fail else
               (f"{_number(c.weight)}%" if c.weight is not None else "not stated"),
        parent=c.parent,
        where=row_words(c.location),
    ) for c in scheme.criteria]

    top = [c for c in scheme.criteria if c.parent is None and c.weight and not c.pass_fail]
    total = sum(c.weight or 0 for c in top)
    segments: list[Segment] = []
    unstated = None
    if top:
        scale = BAR_WIDTH / max(total, 100.0)
        x = 0.0
        for c in top:
            weight = c.weight or 0
            segments.append(_segment(c.kind if c.kind in AWARD_KIND_LABELS else "other",
                                     x, weight * scale, c.name, weight))
            x += weight * scale
        if total < 99.5:
            unstated = _segment("unstated", x, BAR_WIDTH - x, "Not stated", 100 - total)

    shares = []
    for kind, weight in (("price", scheme.price_weight), ("quality", scheme.quality_weight),
                         ("social value", scheme.social_value_weight)):
        if weight is not None:
            shares.append(f"{kind} {_number(weight)}%")
    notes = []
    if scheme.sums_to_100 is False:
        notes.append(f"The top-level weights add up to {_number(scheme.total or 0)}%, "
                     "not 100%.")
    description = "; ".join(s.label for s in [*segments, *([unstated] if unstated else [])])
    return SchemeView(
        number=number,
        rows=rows,
        segments=segments,
        unstated=unstated,
        summary=("Weighting: " + ", ".join(shares) + ".") if shares else "",
        notes=notes,
        title="Award weighting as a bar of 100%",
        description=(description + ".") if description else "",
    )


def _segment(kind: str, x: float, width: float, name: str, weight: float) -> Segment:
    label = f"{name} {_number(weight)}%"
    if width >= LABEL_FULL and len(label) * 8.6 < width - 10:
        text = label
    elif width >= LABEL_SHORT:
        text = f"{_number(weight)}%"
    else:
        text = ""
    return Segment(kind, round(x, 2), round(width, 2), label, text, round(x + width / 2, 2))


def award_view(award: AwardBasis) -> AwardView | None:
    schemes = [scheme_view(s, i) for i, s in enumerate(award.schemes, 1) if s.criteria]
    notes = []
    if award.lowest_price is not None:
        notes.append(("The document uses price-only wording",
                      award.lowest_price.text, evidence_words(award.lowest_price)))
    if award.quality_led is not None:
        notes.append(("The document uses quality-led wording", award.quality_led.text,
                      evidence_words(award.quality_led)))
    if not schemes and not notes:
        return None
    return AwardView(schemes, notes)


def amount_words(amount: Amount) -> str:
    value, unit = amount.value, amount.unit
    if unit.startswith("GBP"):
        money = f"£{value:,.2f}"
        return money + (f" per {unit.split('/', 1)[1]}" if "/" in unit else "")
    if unit == "%":
        return f"{_number(value)}%"
    if unit in ("minutes", "minute", "min") and value == 1:
        return "1 minute"
    return f"{_number(value)} {unit}"


def fact_items(facts: Facts | None, number: int = 0) -> list[FactItem]:
    """Everything else the extract stage found, as label and values with their place."""
    if facts is None:
        return []
    items: list[FactItem] = []
    if facts.document_kind:
        items.append(FactItem("Kind of document", [(facts.document_kind, "", "")]))
    if facts.domains:
        items.append(FactItem("Service area", [(", ".join(facts.domains), "", "")]))
    if facts.term is not None:
        term = facts.term
        if term.initial_years is not None:
            words = _plural_number(term.initial_years, "year")
            if term.extension_years:
                words += (f", with an option to extend by up to "
                          f"{_plural_number(term.extension_years, 'year')} "
                          f"({_plural_number(term.total_years or 0, 'year')} in all)")
        else:
            words = "length not clear"
        items.append(FactItem("Contract term", [(words, term.evidence.text,
                                                  evidence_words(term.evidence))],
                              id=f"file-{number}-term"))
    if facts.payment_models:
        items.append(FactItem("How providers are paid", [
            (p.kind.replace("-", " "), p.evidence.text, evidence_words(p.evidence))
            for p in facts.payment_models]))
    for label, amounts in (("Visit lengths", facts.visit_lengths),
                           ("Hourly rates", facts.hourly_rates),
                           ("Price reductions", facts.price_reductions)):
        if amounts:
            items.append(FactItem(label, [
                (amount_words(a), a.evidence.text if a.evidence.text != amount_words(a) else "",
                 evidence_words(a.evidence)) for a in amounts]))
    return items


def _plural_number(value: float, word: str) -> str:
    return f"{_number(value)} {word}{'' if value == 1 else 's'}"


def reading_band(score: Any) -> str:
    if not isinstance(score, int | float):
        return ""
    return next(words for lowest, words in READING_EASE_BANDS if score >= lowest)


def readability_rows(statistics: Mapping[str, Any]) -> list[ReadabilityRow] | None:
    rows = statistics.get("readability") if statistics else None
    if rows is None:
        return None
    return [ReadabilityRow(
        section=str(row.get("section") or "Untitled section"),
        words=row.get("words", ""),
        sentences=row.get("sentences", ""),
        ease=row.get("flesch_reading_ease", ""),
        band=reading_band(row.get("flesch_reading_ease")),
        grade=row.get("grade", ""),
    ) for row in rows]


def file_view(result: FileResult, number: int, rules: Mapping[str, Rule]) -> FileView:
    pairs = finding_views(result.findings, number, rules)
    counts = Counter(f.severity.value for f in result.findings)
    facts = result.facts
    award = award_view(facts.award) if facts is not None else None
    kpis = kpi_views(facts, pairs, number)
    items = fact_items(facts, number)
    kpi_findings = []
    term_id = next((item.id for item in items if item.label == "Contract term"), None)
    for finding, view in pairs:
        if about_all_kpis(finding):
            kpi_findings.append(view)
            view.subject_anchor = view.subject_anchor or f"file-{number}-kpis"
        elif award is not None and facts is not None and about_award(finding, facts.award):
            award.findings.append(view)
            view.subject_anchor = view.subject_anchor or f"file-{number}-award"
        elif term_id and about_term(finding):
            view.subject_anchor = view.subject_anchor or term_id
    return FileView(
        number=number,
        id=f"file-{number}",
        path=result.path,
        document_format=FORMAT_LABELS.get(result.document_format or "",
                                          result.document_format),
        page_count=result.page_count,
        word_count=result.word_count,
        counts={s.value: counts.get(s.value, 0) for s in SEVERITIES},
        count_words=count_words(counts),
        findings=[view for _, view in pairs],
        groups=group_findings(pairs),
        kpis=kpis,
        kpi_findings=kpi_findings,
        award=award,
        facts=items,
        readability=readability_rows(result.statistics),
    )


def safe_url(url: str) -> str | None:
    """The URL if it is safe to link to (http, https or mailto), else None."""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in SAFE_URL_SCHEMES else None


def rule_view(rule: Rule, count: int) -> RuleView:
    paragraphs = [" ".join(p.split()) for p in rule.rationale.strip().split("\n\n")]
    return RuleView(
        code=rule.code,
        anchor=f"rule-{rule.code}",
        name=rule.name,
        summary=rule.summary.strip().rstrip("."),
        category_label=CATEGORY_LABELS.get(rule.category, str(rule.category)),
        severity_label=SEVERITY_LABELS[rule.severity],
        rationale=[p for p in paragraphs if p],
        alternatives=list(rule.alternatives),
        limitations=" ".join(rule.limitations.split()),
        sources=[SourceView(s.title, s.organisation, str(s.year), s.url, safe_url(s.url),
                            s.note) for s in rule.sources],
        count=count,
    )


def _title(results: Sequence[FileResult]) -> str:
    if len(results) == 1:
        return f"kindlint report: {results[0].path}"
    return f"kindlint report: {len(results)} files"


def _category_counts(findings: Iterable[Finding]) -> list[tuple[str, int]]:
    counts = Counter(f.category for f in findings)
    return [(CATEGORY_LABELS.get(c, str(c)), counts[c]) for c in Category if counts[c]]


def report_context(report: RunReport) -> dict[str, Any]:
    """Everything the template needs, as plain values."""
    readable = [r for r in report.results if not r.error]
    files = [file_view(r, i, report.rules) for i, r in enumerate(readable, 1)]
    findings = report.findings
    by_code = Counter(f.code for f in findings)
    rules = [rule_view(report.rules[code], by_code[code])
             for code in sorted(by_code) if code in report.rules]
    counts = report.counts()
    views = iter(files)
    index = []
    for result in report.results:
        if result.error:
            index.append({"path": result.path, "href": "unreadable", "words": "could not be read"})
        else:
            view = next(views)
            index.append({"path": view.path, "href": view.id, "words": view.count_words})
    return {
        "title": _title(report.results),
        "version": report.version,
        "summary": report.summary(),
        "files": files,
        "index": index,
        "errors": [{"path": r.path, "reason": r.error} for r in report.errors],
        "file_count": len(report.results),
        "severities": [{"value": s.value, "label": SEVERITY_LABELS[s],
                        "meaning": SEVERITY_MEANINGS[s], "count": counts.get(s.value, 0)}
                       for s in SEVERITIES],
        "categories": _category_counts(findings),
        "rules": rules,
        "bar": {"width": BAR_WIDTH, "height": BAR_HEIGHT, "top": BAR_TOP},
    }


def path_parts(path: str) -> list[str]:
    """``a/b/c.md`` as ``["a/", "b/", "c.md"]``, so that long paths can wrap after a slash."""
    return [p for p in re.split(r"(?<=[/\\])", path) if p]


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("kindlint.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["path_parts"] = path_parts
    return env


def render_html(report: RunReport, out: TextIO) -> None:
    """Write the report as one self-contained HTML page."""
    template = environment().get_template("report.html.j2")
    out.write(template.render(report_context(report)))
