"""The example tender packs in examples/: reproducible, and numbered the way Word numbers them."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
STEMS = ("homecare-tender", "homecare-relational")
FILES = [f"{stem}{suffix}" for stem in STEMS for suffix in (".docx", ".pdf", ".md")]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A clause number typed into the text: "4.2 ", "4. ", "(b) ", "(iv) ".
TYPED_NUMBER = re.compile(r"^\s*(\d+(\.\d+)*\.?|\([a-z]{1,4}\))\s")


def _builder():
    spec = importlib.util.spec_from_file_location("_build_examples",
                                                  EXAMPLES / "build_examples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    pytest.importorskip("docx")
    pytest.importorskip("reportlab")
    out = tmp_path_factory.mktemp("examples")
    written = _builder().build(out)
    assert sorted(p.name for p in written) == sorted(FILES)
    return out


@pytest.mark.parametrize("name", FILES)
def test_building_twice_gives_identical_bytes(rebuilt: Path, tmp_path: Path, name: str) -> None:
    again = {p.name: p for p in _builder().build(tmp_path)}
    assert again[name].read_bytes() == (rebuilt / name).read_bytes()


@pytest.mark.parametrize("name", FILES)
def test_committed_examples_match_their_source(rebuilt: Path, name: str) -> None:
    """The committed files say what the source says (compared as kindlint reads them, so a
    newer reportlab or python-docx that lays bytes out differently does not matter)."""
    from kindlint.readers import read_document

    def content(path: Path) -> list[tuple]:
        document = read_document(path)
        return [(b.kind.value, b.label, b.location.clause_path, " ".join(b.text.split()))
                for b in document.blocks]

    assert content(rebuilt / name) == content(EXAMPLES / name), (
        f"examples/{name} is out of date: run `python examples/build_examples.py`")


@pytest.fixture(scope="module", params=STEMS)
def word(request):
    docx = pytest.importorskip("docx")
    return docx.Document(str(EXAMPLES / f"{request.param}.docx"))


def _num_pr(element):
    ppr = element.find(W + "pPr")
    return ppr.find(W + "numPr") if ppr is not None else None


def test_docx_uses_word_numbering_not_typed_numbers(word) -> None:
    paragraphs = word.paragraphs
    numbered = [p for p in paragraphs if _num_pr(p._p) is not None]
    assert len(numbered) > 50
    typed = [p.text for p in paragraphs if TYPED_NUMBER.match(p.text)]
    assert typed == []


def test_docx_section_headings_take_their_number_from_the_style(word) -> None:
    style = word.styles["Heading 2"].element
    style_num = _num_pr(style)
    assert style_num is not None
    inherited = [p for p in word.paragraphs
                 if p.style.name.lower() == "heading 2" and _num_pr(p._p) is None]
    assert len(inherited) >= 5


def test_docx_restarts_numbering_with_start_overrides(word) -> None:
    numbering = word.part.numbering_part.element
    restarts = [num for num in numbering.iterfind(W + "num")
                if num.find(f"{W}lvlOverride/{W}startOverride") is not None]
    assert len(restarts) >= 2
    restart_ids = {num.get(W + "numId") for num in restarts}
    used = {n.find(W + "numId").get(W + "val")
            for p in word.paragraphs if (n := _num_pr(p._p)) is not None}
    assert restart_ids <= used


def test_kpi_schedule_is_a_word_table_with_a_header_row(word) -> None:
    kpi = [t for t in word.tables if t.rows[0].cells[0].text == "KPI"]
    assert len(kpi) == 1
    table = kpi[0]
    assert [c.text for c in table.rows[0].cells] == [
        "KPI", "Measure", "Target", "Reporting period", "Consequence"]
    first_row = table.rows[0]._tr
    assert first_row.find(f"{W}trPr/{W}tblHeader") is not None
    assert len(table.rows) > 5
    weighting = [t for t in word.tables if t.rows[0].cells[-1].text == "Weighting"]
    assert len(weighting) == 1
    assert weighting[0].rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None


@pytest.mark.parametrize("stem", STEMS)
def test_markdown_numbers_are_the_numbers_word_shows(stem: str) -> None:
    pytest.importorskip("docx")
    from kindlint.readers import read_document

    def numbers(path: Path) -> list[tuple[str | None, tuple[str, ...]]]:
        document = read_document(path)
        return [(b.label, b.location.clause_path) for b in document.blocks
                if b.label and b.kind.name not in ("CELL", "HEADER", "FOOTER")]

    from_word = numbers(EXAMPLES / f"{stem}.docx")
    assert len(from_word) > 100
    expected = {
        "homecare-tender": ("(ii)", ("Part B", "10.4", "(b)", "(ii)")),
        "homecare-relational": ("(c)", ("Part B", "11.3", "(c)")),
    }[stem]
    assert expected in from_word
    assert ("1.1", ("Part B", "Schedule 2", "1.1")) in from_word
    assert ("1.1", ("Part C", "1.1")) in from_word
    assert numbers(EXAMPLES / f"{stem}.md") == from_word


BLIND_SPOTS = {
    "KL102", "KL107", "KL109", "KL113",  # labels: "the elderly", service users, units, voids
    "KL202", "KL203", "KL204", "KL206", "KL207", "KL208",  # value judged by price
    "KL301", "KL302", "KL303", "KL304", "KL305", "KL306", "KL309",  # visits, KPIs, payment
    "KL401",  # blanket prohibitions
    "KL502", "KL503", "KL504", "KL505", "KL506", "KL507",  # missing relational elements
}


def _lint(name: str):
    from kindlint.lint import LintOptions, lint_file

    return lint_file(EXAMPLES / name, LintOptions(isolated=True)).findings


@pytest.mark.parametrize("suffix", [".md", ".docx", ".pdf"])
def test_the_tender_shows_each_blind_spot_and_the_rewrite_none(suffix: str) -> None:
    tender = {f.code for f in _lint(f"homecare-tender{suffix}")}
    missing = BLIND_SPOTS - tender
    assert not missing, f"the tender no longer shows {sorted(missing)}"
    assert not _lint(f"homecare-relational{suffix}")


def test_the_tender_reads_the_same_in_every_format() -> None:
    def seen(suffix: str) -> list[tuple[str, tuple[str, ...], str]]:
        return sorted((f.code, f.location.clause_path, f.text)
                      for f in _lint(f"homecare-tender{suffix}"))

    markdown = seen(".md")
    assert len(markdown) > 50
    assert seen(".docx") == markdown
    assert seen(".pdf") == markdown


@pytest.mark.libreoffice
@pytest.mark.parametrize("stem", STEMS)
def test_word_numbers_are_the_numbers_libreoffice_shows(stem: str, tmp_path: Path) -> None:
    """LibreOffice, an independent reader of Word numbering, numbers every clause the same."""
    from kindlint.readers import read_document
    from tests.libreoffice import SOFFICE, compare_labels, to_text

    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    docx = EXAMPLES / f"{stem}.docx"
    result = compare_labels(read_document(docx), to_text(docx, tmp_path))
    assert result.compared > 80
    assert result.mismatches == []
