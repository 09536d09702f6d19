"""The HTML report: self-contained, escaped, structured, actionable and accessible.

The unit tests parse the HTML with the standard library. The browser tests (marked ``browser``)
open the report in the system Chromium through Playwright and run axe-core inside it; install
axe-core with ``npm ci`` in ``tests/browser``.
"""

from __future__ import annotations

import io
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from kindlint.model.document import Location
from kindlint.model.facts import (
    Amount,
    AwardBasis,
    AwardCriterion,
    Consequence,
    ContractTerm,
    Evidence,
    Facts,
    Kpi,
    KpiKind,
    PaymentModel,
    Target,
    WeightingScheme,
)
from kindlint.model.findings import Category, Confidence, FileResult, Finding, Severity
from kindlint.report import RunReport, get_reporter
from kindlint.report.html import clause_words, highlight, location_words, render_html
from kindlint.rules.model import Rule, Source

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)">'


# ---------------------------------------------------------------------------------------------
# A report with a bit of everything, built from model objects (no readers, no rules run)


def make_rule(code: str, name: str, category: Category, severity: Severity,
              url: str = "https://example.org/guidance") -> Rule:
    return Rule(
        code=code,
        name=name,
        category=category,
        severity=severity,
        confidence=Confidence.HIGH,
        summary=f"Summary of {name}",
        message="{term}",
        rationale=f"Why {name} matters, first paragraph.\n\nSecond paragraph about {code}.",
        alternatives=(f"an alternative to {name}",),
        sources=(Source(f"Guidance on {name}", "Example Trust", 2024, url,
                        note="What the source says."),),
        pack="test",
        folder=Path("rules") / code,
        check=lambda ctx: (),
        limitations="It can miss things.",
    )


RULES = {
    "KL101": make_rule("KL101", "offender-labels", Category.LABELS, Severity.WARNING),
    "KL201": make_rule("KL201", "price-heavy-weighting", Category.VALUE, Severity.WARNING),
    "KL301": make_rule("KL301", "kpi-penalty", Category.PERFORMANCE, Severity.ERROR),
    "KL302": make_rule("KL302", "short-visits", Category.PERFORMANCE, Severity.WARNING),
    "KL501": make_rule("KL501", "no-relational-outcomes", Category.ABSENCE, Severity.INFO,
                       url="javascript:alert(3)"),
}

SPEC = "tenders/homecare-spec.docx"


def finding(code: str, message: str, location: Location, *, text: str = "", context: str = "",
            suggestions: tuple[str, ...] = (), subject: str | None = None, block: int | None = 0,
            severity: Severity | None = None) -> Finding:
    rule = RULES.get(code)
    return Finding(
        code=code,
        name=rule.name if rule else "custom-term",
        category=rule.category if rule else Category.LABELS,
        severity=severity or (rule.severity if rule else Severity.INFO),
        confidence=Confidence.HIGH,
        message=message,
        location=location,
        suggestions=suggestions,
        text=text,
        context=context,
        block=block,
        subject=subject,
    )


def spec_findings() -> tuple[Finding, ...]:
    sentence = f"The Provider shall work with offenders referred by probation. {EVIL}"
    return (
        finding("KL101", "'offenders' describes people by their offence",
                Location(SPEC, page=14, clause_path=("Schedule 2", "4.2", "(b)"),
                         section="Referrals", span=(29, 38)),
                text="offenders", context=sentence, block=10,
                suggestions=("people with convictions", "people on probation")),
        finding("KL302", "15-minute visits leave no time to talk",
                Location(SPEC, page=15, clause_path=("Part A", "3.2"), section="Visits",
                         span=(0, 18)),
                text="15 minute calls", block=20,
                context="Visits will normally be 15, 30, 45 or 60 minutes long. 15 minute calls "
                        "will be used for medication prompts.",
                suggestions=("Plan visits around what the person needs, with at least 30 "
                             "minutes for personal care",)),
        finding("KL301", "KPI 4 is enforced with service credits",
                Location(SPEC, page=31, table=3, row=5, table_column=3,
                         column_header="Consequence", clause_path=("Schedule 2",),
                         span=(0, 14)),
                text="service credit", context="A 2% service credit for each month below target",
                subject="KPI 4", block=40,
                suggestions=("Agree a review meeting and an improvement plan first",)),
        finding("KL100", f"custom term {EVIL}", Location(SPEC, line=12), text="bed blocking",
                context="bed blocking cost the system £3.1 million", block=5,
                suggestions=("delayed discharge",)),
        finding("KL201", "Price carries 60% of the award score",
                Location(SPEC, page=40, clause_path=("Part C", "12.1"), span=(6, 9)),
                text="60%", context="Price 60%", subject="award weighting", block=60),
        finding("KL501", "The specification never mentions relationships or continuity of care",
                Location(SPEC), block=None),
    )


def spec_facts() -> Facts:
    table3 = Location(SPEC, page=31, table=3, clause_path=("Schedule 2",))
    award_at = Location(SPEC, page=40, clause_path=("Part C", "12.1"))
    return Facts(
        document_kind="specification",
        domains=("homecare",),
        kpis=(
            Kpi("KPI 4", "Visits on time", "Visits starting within 15 minutes of the plan",
                Target(95, "%", ">=", "95% or more"), "monthly", Consequence.SERVICE_CREDIT,
                "2% service credit for each month below target", KpiKind.TIMELINESS,
                Location(SPEC, page=31, table=3, row=5, clause_path=("Schedule 2",)), block=38),
            Kpi("KPI 7", "People say staff know them well", "Annual survey",
                Target(80, "%", ">=", "80%"), "yearly", Consequence.REVIEW,
                "discussed at the quarterly review", KpiKind.EXPERIENCE,
                Location(SPEC, page=32, table=3, row=8, clause_path=("Schedule 2",))),
            Kpi(None, f"Missed visits {EVIL}", "Missed visits", None, None, Consequence.NONE,
                "", KpiKind.OUTPUT, table3, source="prose"),
        ),
        award=AwardBasis(schemes=(WeightingScheme((
            AwardCriterion("Price", "price", 60, "Price 60%", award_at),
            AwardCriterion("Quality", "quality", 30, "Quality 30%", award_at),
            AwardCriterion("Relationships and continuity", "quality", 10, "of which 10%",
                           award_at, parent="Quality"),
            AwardCriterion("Social value", "social-value", 5, "Social value 5%", award_at),
            AwardCriterion("CQC registration", "other", None, "pass/fail", award_at,
                           pass_fail=True),
        )),), lowest_price=Evidence("lowest hourly rate", Location(SPEC, page=40))),
        term=ContractTerm(3, 2, Evidence("three years with an option to extend by two",
                                         Location(SPEC, page=20, clause_path=("Part B", "2.1")))),
        payment_models=(
            PaymentModel("time-and-task", Evidence("commissioned on a time and task basis",
                                                   Location(SPEC, page=16))),
            PaymentModel("per-minute", Evidence(
                "paid by the minute via electronic call monitoring",
                Location(SPEC, page=16, clause_path=("Part A", "3.5")))),
        ),
        visit_lengths=(Amount(15, "minutes", Evidence("15 minute calls",
                                                      Location(SPEC, line=40))),),
        hourly_rates=(Amount(21.5, "GBP/hour", Evidence("£21.50 per hour",
                                                        Location(SPEC, page=41))),),
    )


def spec_result() -> FileResult:
    return FileResult(
        SPEC,
        spec_findings(),
        facts=spec_facts(),
        statistics={"readability": [
            {"section": "Introduction", "words": 412, "sentences": 18,
             "flesch_reading_ease": 38.2, "grade": 14.1},
            {"section": f"Visits {EVIL}", "words": 230, "sentences": 14,
             "flesch_reading_ease": 61.0, "grade": 8.9},
        ]},
        document_format="docx",
        page_count=44,
        word_count=12840,
    )


def several_files_report() -> RunReport:
    return RunReport(
        results=[
            spec_result(),
            FileResult("notes/relational.md", (), facts=Facts(), document_format="markdown",
                       word_count=900, statistics={"readability": []}),
            FileResult("old/scanned-contract.pdf",
                       error="the PDF has no text layer (it looks like a scan); run OCR first"),
        ],
        rules=RULES,
        version="0.1.0",
    )


def render(report: RunReport) -> str:
    out = io.StringIO()
    render_html(report, out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# A small DOM from html.parser: enough to ask about elements, attributes and text


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def iter(self, tag: str | None = None) -> Iterator[Node]:
        for child in self.children:
            if isinstance(child, Node):
                if tag is None or child.tag == tag:
                    yield child
                yield from child.iter(tag)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def words(self) -> str:
        return " ".join(self.text().split())

    def find_id(self, ident: str) -> Node | None:
        return next((n for n in self.iter() if n.attrs.get("id") == ident), None)

    def has_class(self, name: str) -> bool:
        return name in self.attrs.get("class", "").split()


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"stray </{tag}>"
        assert node is self.current, f"</{tag}> closes <{self.current.tag}> early"
        self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(html: str) -> TreeBuilder:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.current is builder.root, f"<{builder.current.tag}> is never closed"
    return builder


@pytest.fixture(scope="module")
def html() -> str:
    return render(several_files_report())


@pytest.fixture(scope="module")
def dom(html: str) -> Node:
    return parse(html).root


# ---------------------------------------------------------------------------------------------
# Unit tests


def test_registered_as_the_html_reporter():
    assert get_reporter("html") is render_html


def test_is_a_well_formed_html5_page(html):
    builder = parse(html)
    assert builder.doctype.lower() == "doctype html"
    (page,) = builder.root.iter("html")
    assert page.attrs["lang"] == "en"
    assert next(page.iter("meta")).attrs == {"charset": "utf-8"}
    assert next(page.iter("title")).text() == "kindlint report: 3 files"


def test_is_self_contained(dom, html):
    assert not list(dom.iter("script")), "the report needs no JavaScript"
    assert not list(dom.iter("iframe")) and not list(dom.iter("img"))
    for link in dom.iter("link"):
        assert "stylesheet" not in link.attrs.get("rel", "")
        assert link.attrs.get("href", "").startswith("data:")
    for node in dom.iter():
        for name in ("src", "srcset", "href", "xlink:href", "action", "poster", "data"):
            value = node.attrs.get(name, "")
            if re.match(r"\s*(https?:)?//", value):
                assert node.tag == "a" and name == "href", f"<{node.tag} {name}={value}>"
    for style in dom.iter("style"):
        css = style.text()
        assert "@import" not in css and not re.search(r"url\(", css)
        assert "@font-face" not in css
    handlers = [(n.tag, a) for n in dom.iter() for a in n.attrs if a.startswith("on")]
    assert not handlers, "no inline event handlers"


def test_document_text_is_escaped(dom, html):
    assert EVIL not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not list(dom.iter("script")) and not list(dom.iter("img"))
    article = dom.find_id("f1-1")
    assert article is not None and EVIL in article.text()
    # the KPI name, readability section and message made of document text stay text too
    assert f"Missed visits {EVIL}" in dom.words()
    assert f"Visits {EVIL}" in dom.text()
    assert f"custom term {EVIL}" in dom.text()


def test_unsafe_source_urls_are_not_links(dom):
    hrefs = [a.attrs.get("href", "") for a in dom.iter("a")]
    assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")]
    rule = dom.find_id("rule-KL501")
    assert rule is not None and "javascript:alert(3)" in rule.text()
    links = [a.attrs["href"] for a in dom.find_id("rule-KL101").iter("a")]
    assert "https://example.org/guidance" in links


def test_one_h1_and_headings_in_order(dom):
    levels = [int(n.tag[1]) for n in dom.iter() if re.fullmatch(r"h[1-6]", n.tag)]
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in pairwise(levels):
        assert after <= before + 1, f"h{before} is followed by h{after}"
    for heading in (n for n in dom.iter() if re.fullmatch(r"h[1-6]", n.tag)):
        assert heading.words(), "empty heading"


def test_landmarks_skip_link_and_anchors(dom):
    body = next(dom.iter("body"))
    assert [n.tag for n in body.iter("main")] == ["main"]
    assert len(list(body.iter("header"))) == 1 and len(list(body.iter("footer"))) == 1
    nav = next(body.iter("nav"))
    assert nav.attrs.get("aria-labelledby") and dom.find_id(nav.attrs["aria-labelledby"])
    first_link = next(body.iter("a"))
    assert first_link.attrs["href"] == "#main" and first_link.has_class("skip-link")
    ids = [n.attrs["id"] for n in dom.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids)), "ids must be unique"
    for a in dom.iter("a"):
        href = a.attrs["href"]
        if href.startswith("#"):
            assert href[1:] in ids, f"link to missing {href}"
        assert a.words(), f"link to {href} has no text"
    for node in dom.iter():
        for attr in ("aria-labelledby", "aria-describedby"):
            for ref in node.attrs.get(attr, "").split():
                assert ref in ids, f"{attr} names missing id {ref}"


def test_file_index_links_every_file_with_counts(dom):
    nav = next(dom.iter("nav"))
    entries = {a.words(): a.attrs["href"] for a in nav.iter("a")}
    assert entries[SPEC] == "#file-1"
    assert entries["notes/relational.md"] == "#file-2"
    assert entries["old/scanned-contract.pdf"] == "#unreadable"
    words = nav.words()
    assert "1 error, 3 warnings, 2 info" in words
    assert "could not be read" in words


def test_unreadable_files_are_listed_with_their_reason(dom):
    section = dom.find_id("unreadable")
    assert section is not None
    assert "old/scanned-contract.pdf: the PDF has no text layer" in section.words()


def test_summary_counts_by_severity_and_category(dom):
    summary = dom.find_id("summary").parent
    rows = {tr.iter("th").__next__().words(): [td.words() for td in tr.iter("td")]
            for tr in summary.iter("tr") if list(tr.iter("td"))}
    assert rows["Error"][-1] == "1"
    assert rows["Warning"][-1] == "3"
    assert rows["Info"][-1] == "2"
    assert rows["Labels for people"] == ["2"]
    assert rows["Price and value"] == ["1"]
    assert rows["Performance, KPIs and payment"] == ["2"]
    assert rows["Missing relational elements"] == ["1"]
    assert rows[SPEC] == ["1", "3", "2", "6"]
    assert rows["old/scanned-contract.pdf"] == ["could not be read"]


def test_every_finding_can_be_acted_on(dom):
    report = several_files_report()
    findings = sorted(report.results[0].findings, key=lambda f: f.sort_key)
    for i, f in enumerate(findings, 1):
        article = dom.find_id(f"f1-{i}")
        assert article is not None and article.tag == "article"
        words = article.words()
        title = next(article.iter("h5")).words()
        assert title == f"{f.severity.value.capitalize()}: {f.message}"  # ":" is hidden
        assert f"Where {location_words(f.location)}" in words
        assert "Consider" in words
        for suggestion in f.suggestions:
            assert suggestion in words
        if f.code in RULES:
            links = [a.attrs["href"] for a in article.iter("a")]
            assert f"#rule-{f.code}" in links
        if f.text:
            marks = list(article.iter("mark"))
            assert marks and f.text in marks[0].words()
            hidden = [s for s in marks[0].iter("span") if s.has_class("visually-hidden")]
            assert hidden and hidden[0].words() == "flagged:"


def test_findings_are_grouped_by_clause_in_document_order(dom):
    section = dom.find_id("file-1")
    groups = [h.words() for h in section.iter("h4")]
    assert groups == [
        "Text before the first heading or clause",
        "Schedule 2, clause 4.2(b) (under ‘Referrals’)",
        "Part A, clause 3.2 (under ‘Visits’)",
        "Schedule 2",
        "Part C, clause 12.1",
        "The document as a whole",
    ]


def test_rules_appendix_prints_rationale_once_with_sources(dom, html):
    appendix = dom.find_id("rules")
    codes = [s.attrs["id"] for s in appendix.iter("section")]
    # only rules with findings, each once; KL100 is not a known rule
    assert codes == ["rule-KL101", "rule-KL201", "rule-KL301", "rule-KL302", "rule-KL501"]
    assert html.count("Why offender-labels matters, first paragraph.") == 1
    kl101 = dom.find_id("rule-KL101")
    words = kl101.words()
    assert "Guidance on offender-labels" in words and "Example Trust, 2024" in words
    assert "an alternative to offender-labels" in words


def test_kpi_table(dom):
    table = dom.find_id("kpi1-1").parent.parent
    headers = [th.words() for th in table.iter("th") if th.attrs.get("scope") == "col"]
    assert headers == ["KPI", "Kind", "Target", "If missed", "Where", "Findings"]
    kpi4 = dom.find_id("kpi1-1")
    words = kpi4.words()
    assert words.startswith("KPI 4: Visits on time")
    assert "at least 95% monthly" in words
    assert "Service credit (a penalty)" in words
    assert "table 3, row 5" in words
    assert [a.attrs["href"] for a in kpi4.iter("a")] == ["#f1-4"]
    kpi7 = dom.find_id("kpi1-2")
    assert "asks people about their experience" in kpi7.words()
    assert "Review" in kpi7.words() and "penalty" not in kpi7.words()
    assert "None" in kpi7.words()
    # the finding links back to its KPI
    about = [a.attrs["href"] for a in dom.find_id("f1-4").iter("a")]
    assert "#kpi1-1" in about


def test_findings_attach_to_the_kpi_set_a_kpi_row_or_the_term():
    row4 = Location(SPEC, page=31, table=3, row=5)
    row7 = Location(SPEC, page=32, table=3, row=8, column_header="Measure")
    findings = (
        finding("KL305", "This document sets 14 KPIs", row4, subject="KPIs", block=38),
        finding("KL108", "'package' is a commodity", row7, text="package", block=90),
        finding("KL309", "A 2-year term is short", Location(SPEC, line=5),
                subject="contract term", block=3),
    )
    result = FileResult(SPEC, findings, facts=spec_facts())
    dom = parse(render(RunReport([result], RULES))).root
    (whole,) = [u for u in dom.iter("ul") if u.has_class("kpi-findings")]
    assert [a.attrs["href"] for a in whole.iter("a")] == ["#f1-2"]
    assert "#file-1-kpis" in [a.attrs["href"] for a in dom.find_id("f1-2").iter("a")]
    assert [a.attrs["href"] for a in dom.find_id("kpi1-1").iter("a")] == []
    assert [a.attrs["href"] for a in dom.find_id("kpi1-2").iter("a")] == ["#f1-3"]
    assert dom.find_id("file-1-term").words() == "Contract term"
    assert "#file-1-term" in [a.attrs["href"] for a in dom.find_id("f1-1").iter("a")]


def test_award_bar_has_a_text_equivalent(dom):
    section = dom.find_id("file-1")
    (svg,) = [s for s in section.iter("svg") if s.has_class("award-bar")]
    assert svg.attrs["role"] == "img"
    title_id, desc_id = svg.attrs["aria-labelledby"].split()
    assert dom.find_id(title_id).tag == "title" and dom.find_id(desc_id).tag == "desc"
    assert dom.find_id(desc_id).words() == "Price 60%; Quality 30%; Social value 5%; " \
                                           "Not stated 5%."
    widths = [float(r.attrs["width"]) for r in svg.iter("rect")]
    assert widths[:3] == pytest.approx([384, 192, 32])  # 60, 30 and 5 of 640 units
    caption = dom.find_id("file-1-award-1-caption")
    rows = {tr.iter("th").__next__().words(): [td.words() for td in tr.iter("td")]
            for tr in caption.parent.iter("tr") if list(tr.iter("td"))}
    assert rows["Price"][:2] == ["Price", "60%"]
    assert rows["Relationships and continuity part of Quality"][1] == "10%"
    assert rows["CQC registration"][1] == "pass or fail"
    words = section.words()
    assert "Weighting: price 60%, quality 30%, social value 5%." in words
    assert "add up to 95%, not 100%" in words
    assert "uses price-only wording: ‘lowest hourly rate’ (page 40)" in words
    # findings about the award are listed with it, and link back to it
    (listed,) = [u for u in section.iter("ul") if u.has_class("award-findings")]
    assert [a.attrs["href"] for a in listed.iter("a")] == ["#f1-5"]
    assert "#file-1-award" in [a.attrs["href"] for a in dom.find_id("f1-5").iter("a")]


def test_other_facts(dom):
    words = dom.find_id("file-1").words()
    assert "3 years, with an option to extend by up to 2 years (5 years in all)" in words
    assert "15 minutes: ‘15 minute calls’ (line 40)" in words
    assert "£21.50 per hour (page 41)" in words
    assert ("per minute: ‘paid by the minute via electronic call monitoring’ "
            "(Part A, clause 3.5; page 16)") in words


def test_readability_table(dom):
    caption = dom.find_id("file-1-readability-caption")
    table = caption.parent
    assert [th.words() for th in table.iter("th") if th.attrs.get("scope") == "col"] == \
        ["Section", "Words", "Sentences", "Reading ease", "Grade"]
    rows = [[c.words() for c in tr.iter() if c.tag in ("th", "td")]
            for tr in table.iter("tr")][1:]
    assert rows[0] == ["Introduction", "412", "18", "38.2 (hard)", "14.1"]
    assert rows[1][3] == "61.0 (plain English)"
    empty = dom.find_id("file-2").words()
    assert "No section has enough running text" in empty
    assert "kindlint found nothing to flag in this file" in empty


def test_every_table_header_has_a_scope_and_tables_a_caption(dom):
    for table in dom.iter("table"):
        assert list(table.iter("caption")), "table without caption"
        for th in table.iter("th"):
            assert th.attrs.get("scope") in ("col", "row"), th.words()


def test_print_and_narrow_screen_styles(dom):
    css = "".join(s.text() for s in dom.iter("style"))
    print_css = css[css.index("@media print"):]
    assert ".contents { display: none" in print_css or ".skip-link, .contents" in print_css
    assert "break-inside: avoid" in print_css
    assert 'content: " (" attr(href) ")"' in print_css
    assert "@media (max-width: 40rem)" in css
    assert ":focus-visible" in css


def test_single_clean_file():
    report = RunReport([FileResult("spec.md", (), document_format="markdown")], RULES)
    dom = parse(render(report)).root
    assert next(dom.iter("h1")).words() == "What kindlint noticed in spec.md"
    assert "kindlint found nothing to flag" in dom.words()
    assert dom.find_id("rules") is None and dom.find_id("unreadable") is None


def test_only_unreadable_files():
    report = RunReport([FileResult("a.docx", error="not a Word file (bad zip)"),
                        FileResult("b.pdf", error="encrypted")], RULES)
    dom = parse(render(report)).root
    assert next(dom.iter("h1")).words() == "What kindlint noticed in 2 files"
    unreadable = dom.find_id("unreadable").words()
    assert "a.docx: not a Word file (bad zip)" in unreadable and "b.pdf: encrypted" in unreadable
    assert [a.attrs["href"] for a in next(dom.iter("nav")).iter("a")].count("#unreadable") == 3


@pytest.mark.parametrize(("path", "words"), [
    (("Schedule 2", "4.2", "(b)"), "Schedule 2, clause 4.2(b)"),
    (("Schedule 2", "4", "4.2", "(b)", "(ii)"), "Schedule 2, clause 4.2(b)(ii)"),
    (("Part A", "3.2"), "Part A, clause 3.2"),
    (("12",), "clause 12"),
    (("7", "a)"), "clause 7(a)"),
    (("Annex 1",), "Annex 1"),
    ((), ""),
])
def test_clause_words(path, words):
    assert clause_words(path) == words


@pytest.mark.parametrize(("location", "words"), [
    (Location("f", page=14, clause_path=("Schedule 2", "4.2", "(b)")),
     "Schedule 2, clause 4.2(b); page 14"),
    (Location("f", line=12), "line 12"),
    (Location("f", table=3, row=2, column_header="Target"), "table 3, row 2, column ‘Target’"),
    (Location("f", table=3, row=2, table_column=4), "table 3, row 2, column 4"),
    (Location("f", section="Evaluation", line=3), "section ‘Evaluation’; line 3"),
    (Location("f"), "the document as a whole"),
])
def test_location_words(location, words):
    assert location_words(location) == words


def test_highlight_finds_the_flagged_words():
    f = finding("KL101", "m", Location("f", span=(4, 13)), text="offenders",
                context="Any offenders? offenders!")
    h = highlight(f)
    assert (h.before, h.flagged, h.after, h.found) == ("Any ", "offenders", "? offenders!", True)
    f = finding("KL101", "m", Location("f", span=(100, 109)), text="Offenders",
                context="These offenders.")
    assert highlight(f).flagged == "offenders"
    f = finding("KL101", "m", Location("f"), text="gone", context="Not here.")
    assert not highlight(f).found
    assert highlight(finding("KL501", "m", Location("f"))) is None


def test_flagged_words_outside_the_sentence_are_still_shown():
    f = finding("KL101", "m", Location("f", line=1), text="inmates", context="Nothing here.")
    dom = parse(render(RunReport([FileResult("f", (f,))], RULES))).root
    article = dom.find_id("f1-1")
    assert "Nothing here." in article.words()
    assert [m.words() for m in article.iter("mark")] == ["flagged: inmates"]


def test_general_advice_when_a_finding_has_no_suggestion():
    f = finding("KL501", "No outcomes", Location("f"), block=None)
    words = parse(render(RunReport([FileResult("f", (f,))], RULES))).root.words()
    assert "Consider, in general: an alternative to no-relational-outcomes" in words


# ---------------------------------------------------------------------------------------------
# Through the command line


def _stub_readability_without_cmudict(monkeypatch: pytest.MonkeyPatch) -> None:
    """textstat 0.7.13 needs NLTK's cmudict and downloads it on first use (fails offline).

    These tests are about the page, not the scores, so when the data is not installed, fix
    the two scores and keep the rest of kindlint's readability code path. This also keeps the
    tests from downloading anything.
    """
    try:
        import nltk
    except ImportError:  # a textstat that does not use NLTK
        return
    try:
        nltk.data.find("corpora/cmudict")
    except LookupError:
        import textstat

        monkeypatch.setattr(textstat, "flesch_reading_ease", lambda text: 55.5)
        monkeypatch.setattr(textstat, "flesch_kincaid_grade", lambda text: 10.2)


def run_cli(args: list[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    from click.testing import CliRunner

    from kindlint.cli import main

    _stub_readability_without_cmudict(monkeypatch)
    return CliRunner().invoke(main, ["check", "--no-cache", "--isolated", *args],
                              catch_exceptions=False)


def test_cli_writes_an_escaped_html_report(tmp_path, monkeypatch):
    doc = tmp_path / "notes.txt"
    doc.write_text(f"The Council will work with offenders. {EVIL}\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = run_cli([str(doc), str(tmp_path / "missing.docx"), "--html", str(out)],
                     monkeypatch)
    assert result.exit_code == 2, result.output  # the missing file is an error
    html = out.read_text(encoding="utf-8")
    dom = parse(html).root
    assert not list(dom.iter("script")) and not list(dom.iter("img"))
    assert EVIL not in html
    assert "missing.docx: no such file or directory" in dom.find_id("unreadable").words()
    assert "offenders" in [m.words().removeprefix("flagged: ").split(" (")[0]
                           for m in dom.iter("mark")]


# ---------------------------------------------------------------------------------------------
# In a real browser: axe-core, screenshots, no network


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed at {AXE}; run `npm ci` in tests/browser")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="Playwright for Python is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def example_report(tmp_path_factory) -> Path:
    """The bundled examples, through ``kindlint ... --html`` as a user would run it."""
    out = tmp_path_factory.mktemp("example") / "homecare.html"
    with pytest.MonkeyPatch.context() as monkeypatch:
        result = run_cli([str(EXAMPLES / "homecare-tender.md"),
                          str(EXAMPLES / "homecare-relational.md"), "--html", str(out)],
                         monkeypatch)
    assert result.exit_code in (0, 1), result.output
    return out


@pytest.fixture(scope="module")
def several_files_page(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("several") / "report.html"
    out.write_text(render(several_files_report()), encoding="utf-8")
    return out


@dataclass
class Opened:
    page: Any
    requests: list[str]


def open_page(browser: Any, path: Path, width: int = 1280) -> Opened:
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.route(re.compile(r"^(?!file:|data:)"), lambda route: route.abort())
    page.goto(path.as_uri())
    return Opened(page, requests)


def run_axe(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return results["violations"]


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines += [f"    {n['target']}: {n['failureSummary']}" for n in v["nodes"][:5]]
    return "\n".join(lines)


@pytest.mark.browser
def test_axe_finds_nothing_in_the_example_report(browser, example_report):
    opened = open_page(browser, example_report)
    try:
        assert opened.page.locator("article.finding").count() > 0, "the example has findings"
        violations = run_axe(opened.page)
        assert not violations, describe(violations)
        assert opened.requests == [example_report.as_uri()], "the page must load nothing else"
    finally:
        opened.page.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
def test_axe_finds_nothing_in_a_report_on_several_files(browser, several_files_page, width):
    opened = open_page(browser, several_files_page, width)
    try:
        violations = run_axe(opened.page)
        assert not violations, describe(violations)
        assert opened.page.locator("script").count() == 1  # axe itself, nothing from the data
        assert opened.requests == [several_files_page.as_uri()]
    finally:
        opened.page.close()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.browser
def test_full_page_screenshot(browser, several_files_page, tmp_path):
    opened = open_page(browser, several_files_page)
    try:
        shot = tmp_path / "report.png"
        opened.page.screenshot(path=str(shot), full_page=True)
        data = shot.read_bytes()
        width, height = png_size(data)
        assert width == 1280 and height > 2000 and len(data) > 50_000
        assert opened.requests == [several_files_page.as_uri()]
    finally:
        opened.page.close()


@pytest.mark.browser
def test_keyboard_skip_link_and_print_view(browser, several_files_page):
    opened = open_page(browser, several_files_page, 360)
    page = opened.page
    try:
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement.className")
        assert focused == "skip-link"
        box = page.locator(".skip-link").bounding_box()
        assert box is not None and box["y"] >= 0, "the skip link shows when focused"
        outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline == "solid"
        page.keyboard.press("Enter")
        assert page.evaluate("() => location.hash") == "#main"
        # narrow screens: nothing wider than the viewport except inside scrollable tables
        overflow = page.evaluate("() => document.documentElement.scrollWidth")
        assert overflow <= 360
        page.emulate_media(media="print")
        assert page.locator("nav").evaluate("n => getComputedStyle(n).display") == "none"
        after = page.locator("#rule-KL101 .sources a").first.evaluate(
            "a => getComputedStyle(a, '::after').content")
        assert "https://example.org/guidance" in after
        pdf = page.pdf(format="A4")
        assert pdf[:5] == b"%PDF-"
    finally:
        page.close()
