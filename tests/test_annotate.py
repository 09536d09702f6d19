"""The annotated Word copy: one comment on exactly the flagged words, and the input untouched."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from kindlint.cli import main
from kindlint.lint import LintOptions, lint_file
from kindlint.model.document import BlockKind, Location
from kindlint.model.findings import Category, Confidence, Finding, Severity
from kindlint.readers import read_document
from kindlint.report.annotate import annotate_document, annotate_docx, comment_text
from tests import docx_factory as f
from tests.conftest import EXAMPLES
from tests.libreoffice import SOFFICE, to_pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CONTAINERS = {W + t for t in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent", "fldSimple",
                               "customXml", "dir", "bdo", "moveTo")}
_ITEMS = {W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
# Only the offender-labels rule, so that new rules elsewhere do not change these tests.
OPTIONS = LintOptions(isolated=True, select=("KL101",), cache=False)


# -- reading comments back ------------------------------------------------------------------

def _visible(run) -> bool:
    """A run the reader counts as text: inside its paragraph only through text containers."""
    parent = run.getparent()
    while parent is not None and parent.tag != W + "p":
        if parent.tag not in _CONTAINERS:
            return False
        parent = parent.getparent()
    return True


def anchored_texts(path: Path) -> dict[int, str]:
    """Comment id -> the visible text between its commentRangeStart and commentRangeEnd."""
    document = docx.Document(str(path))
    open_ids: list[str] = []
    texts: dict[str, str] = {}
    last_paragraph: dict[str, object] = {}
    for element in document.element.body.iter():
        if element.tag == W + "commentRangeStart":
            open_ids.append(element.get(W + "id"))
            texts[element.get(W + "id")] = ""
        elif element.tag == W + "commentRangeEnd":
            open_ids.remove(element.get(W + "id"))
        elif element.tag == W + "r" and _visible(element):
            text = "".join((i.text or "") if i.tag == W + "t" else _ITEMS.get(i.tag, "")
                           for i in element)
            paragraph = next(element.iterancestors(W + "p"))
            for cid in open_ids:
                if cid in last_paragraph and last_paragraph[cid] is not paragraph and text:
                    texts[cid] += "\n"
                if text:
                    last_paragraph[cid] = paragraph
                texts[cid] += text
    return {int(k): v for k, v in texts.items()}


def kindlint_comments(path: Path):
    return [c for c in docx.Document(str(path)).comments if c.author == "kindlint"]


def runs_for(path: Path, text: str):
    """The (text, bold, italic) of the runs of the first body paragraph containing ``text``."""
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if text in p.text)
    return [(r.text, r.bold, r.italic) for r in paragraph.runs if r.text]


# -- test documents -------------------------------------------------------------------------

def build_labels(tmp_path: Path) -> Path:
    """Offender labels in the places Word puts text."""
    d = f.new_document()
    d.sections[0].header.paragraphs[0].text = "Services for offenders - draft"
    d.add_heading("Referrals", level=1)
    first = d.add_paragraph()
    first.add_run("We support ex-offenders in the community.").bold = True  # mid-run
    split = d.add_paragraph()
    split.add_run("Rooms for inm").bold = True  # one word over two runs, two formats
    split.add_run("ates and their visitors.").italic = True
    f.add_abstract_numbering(d, 10)
    f.add_num(d, 10, 10)
    f.add_num(d, 11, 10)
    f.number(d.add_paragraph("Staff will meet young offenders every week."), 10, 0)
    tracked = d.add_paragraph("Support is open to ")
    f.tracked_insert(tracked, "prolific offenders")
    tracked.add_run(" and their families.")
    f.add_footnote(d, tracked, "Inmates are counted separately.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Group"
    table.cell(0, 1).text = "Visits"
    table.cell(1, 0).text = "Families"
    cell = table.cell(1, 1)
    cell.paragraphs[0].text = "Visits are weekly."
    f.number(cell.add_paragraph("Felons may bring a friend."), 11, 0)  # "2. Felons …"
    d.add_paragraph("Nothing to flag in this closing paragraph.")
    return f.save(d, tmp_path / "labels.docx")


@pytest.fixture
def labels(tmp_path: Path) -> Path:
    return build_labels(tmp_path)


def annotate(source: Path, tmp_path: Path, findings=None):
    findings = lint_file(source, OPTIONS).findings if findings is None else findings
    output = tmp_path / "annotated.docx"
    return findings, annotate_document(source, findings, output), output


# -- placing comments -----------------------------------------------------------------------

def test_each_comment_covers_exactly_the_flagged_words(labels, tmp_path):
    before = labels.read_bytes()
    findings, result, output = annotate(labels, tmp_path)
    flagged = {x.text for x in findings}
    assert {"ex-offenders", "inmates", "young offenders", "prolific offenders",
            "Felons"} <= flagged
    comments = kindlint_comments(output)
    anchored = anchored_texts(output)
    assert result.added == len(comments) == len(findings) - len(result.skipped)
    placed = [x for x in findings if x not in {s for s, _ in result.skipped}]
    assert Counter(anchored[c.comment_id] for c in comments) == Counter(x.text for x in placed)
    assert all(c.author == "kindlint" and c.initials == "KL" for c in comments)
    assert labels.read_bytes() == before  # the source is never written


def test_header_and_footnote_findings_are_skipped_not_counted(labels, tmp_path):
    findings, result, _ = annotate(labels, tmp_path)
    skipped = {(s.text, reason) for s, reason in result.skipped}
    assert ("offenders", "it is in a page header") in skipped
    assert ("Inmates", "it is in a footnote or endnote") in skipped
    assert annotate_docx(labels, findings, tmp_path / "again.docx") == len(findings) - 2


def test_split_runs_keep_their_formatting_and_the_text_is_unchanged(labels, tmp_path):
    findings, _, output = annotate(labels, tmp_path)
    assert runs_for(output, "ex-offenders") == [
        ("We support ", True, None), ("ex-offenders", True, None),
        (" in the community.", True, None)]
    assert runs_for(output, "visitors") == [
        ("Rooms for ", True, None), ("inm", True, None), ("ates", None, True),
        (" and their visitors.", None, True)]
    # Reading the copy again gives the same text and the same findings in the same places.
    again = lint_file(output, OPTIONS).findings
    assert [(x.block, x.location.span, x.text) for x in again] == \
           [(x.block, x.location.span, x.text) for x in findings]


def test_tracked_insertion_keeps_the_reference_mark_out_of_the_insertion(labels, tmp_path):
    _, _, output = annotate(labels, tmp_path)
    body = docx.Document(str(output)).element.body
    insertion = next(body.iter(W + "ins"))
    assert "".join(t.text for t in insertion.iter(W + "t")) == "prolific offenders"
    assert next(insertion.iter(W + "commentRangeStart"), None) is not None
    assert next(insertion.iter(W + "commentReference"), None) is None


def test_comment_text_is_message_suggestions_and_code(labels, tmp_path):
    findings, _, output = annotate(labels, tmp_path)
    finding = next(x for x in findings if x.text == "ex-offenders")
    comment = next(c for c in kindlint_comments(output)
                   if anchored_texts(output)[c.comment_id] == "ex-offenders")
    lines = comment.text.splitlines()
    assert lines[0] == finding.message + "."
    assert lines[1] == "Consider: " + "; ".join(finding.suggestions) + "."
    assert lines[2] == f"kindlint KL101 offender-labels ({finding.severity.value})"
    assert comment.text == comment_text(finding)


def _document_finding(path: Path, section: str | None = None) -> Finding:
    return Finding(code="KL599", name="no-experience-kpi", category=Category.ABSENCE,
                   severity=Severity.WARNING, confidence=Confidence.MEDIUM,
                   message="No KPI asks about people's experience of their care",
                   location=Location(file=str(path), section=section),
                   suggestions=("a KPI on what people say about their care",))


def test_document_level_finding_goes_on_the_first_paragraph(labels, tmp_path):
    _, result, output = annotate(labels, tmp_path, [_document_finding(labels)])
    assert result.added == 1
    (comment,) = kindlint_comments(output)
    assert comment.text.startswith("About the whole document: No KPI asks")
    assert anchored_texts(output)[comment.comment_id] == "Referrals"  # first body paragraph


def test_section_finding_goes_on_its_heading(tmp_path):
    d = f.new_document()
    d.add_paragraph("Introduction to the tender.")
    d.add_heading("Key performance indicators", level=1)
    d.add_paragraph("Visits must start within 15 minutes of the planned time.")
    source = f.save(d, tmp_path / "kpis.docx")
    finding = _document_finding(source, section="Key performance indicators")
    _, _, output = annotate(source, tmp_path, [finding])
    (comment,) = kindlint_comments(output)
    assert comment.text.startswith("About the section 'Key performance indicators' as a whole")
    assert anchored_texts(output)[comment.comment_id] == "Key performance indicators"


def _block_finding(block, start: int = 0, end: int | None = None, **changes) -> Finding:
    end = len(block.text) if end is None else end
    finding = Finding(code="KL599", name="test-rule", category=Category.PERFORMANCE,
                      severity=Severity.INFO, confidence=Confidence.HIGH,
                      message="A structural finding", location=block.locate(start, end),
                      text=block.text[start:end], context=block.text, block=block.index)
    return replace(finding, **changes)


def test_whole_cell_finding_spans_its_paragraphs_but_not_the_number(labels, tmp_path):
    cell = next(b for b in read_document(labels).blocks if b.text.startswith("Visits are"))
    # Both lists share one definition, so Word numbers the cell's item 2 (after "young
    # offenders"): the walk must count as the reader does to know where "Felons" starts.
    assert cell.text == "Visits are weekly.\n2. Felons may bring a friend."
    _, result, output = annotate(labels, tmp_path, [_block_finding(cell)])
    assert result.added == 1
    (text,) = anchored_texts(output).values()
    assert text == "Visits are weekly.\nFelons may bring a friend."  # "2. " is Word's


def test_whole_document_finding_on_a_page_header_moves_to_the_body(labels, tmp_path):
    header = read_document(labels).blocks[0]
    assert header.kind is BlockKind.HEADER
    finding = _block_finding(header, subject="whole document")
    _, result, output = annotate(labels, tmp_path, [finding])
    assert result.added == 1
    (comment,) = kindlint_comments(output)
    assert comment.text.startswith("About the whole document: A structural finding.")
    assert anchored_texts(output)[comment.comment_id] == "Referrals"


def test_wrong_block_index_falls_back_to_the_text(labels, tmp_path):
    findings = lint_file(labels, OPTIONS).findings
    finding = next(x for x in findings if x.text == "ex-offenders")
    moved = replace(finding, block=finding.block + 2)
    missing = replace(finding, text="not in the document", context="not in the document",
                      block=999, location=replace(finding.location, span=None))
    _, result, output = annotate(labels, tmp_path, [moved, missing])
    assert result.added == 1
    assert [reason for _, reason in result.skipped] == [
        "the flagged text was not found in the document"]
    (comment,) = kindlint_comments(output)
    assert anchored_texts(output)[comment.comment_id] == "ex-offenders"


def test_several_findings_in_one_run(tmp_path):
    d = f.new_document()
    d.add_paragraph("Offenders, ex-offenders and inmates are all welcome.")
    source = f.save(d, tmp_path / "many.docx")
    _, result, output = annotate(source, tmp_path)
    assert result.added == 3
    assert sorted(anchored_texts(output).values()) == ["Offenders", "ex-offenders", "inmates"]
    assert docx.Document(str(output)).paragraphs[0].text == (
        "Offenders, ex-offenders and inmates are all welcome.")


def test_unused_suppression_is_commented_on_its_paragraph(tmp_path):
    d = f.new_document()
    quiet = d.add_paragraph("People with convictions are welcome.")
    d.add_comment(quiet.runs, text="kindlint: ignore[KL101] old wording", author="Reviewer")
    d.add_paragraph("Offenders' families are welcome too.")
    source = f.save(d, tmp_path / "suppressed.docx")
    options = LintOptions(isolated=True, select=("KL001", "KL101"), cache=False)
    findings = lint_file(source, options).findings
    assert sorted(x.code for x in findings) == ["KL001", "KL101"]
    output = tmp_path / "annotated.docx"
    assert annotate_docx(source, findings, output) == 2
    texts = {c.text.splitlines()[-1].split()[1]: anchored_texts(output)[c.comment_id]
             for c in kindlint_comments(output)}
    assert texts == {"KL001": "People with convictions are welcome.", "KL101": "Offenders"}
    # The reviewer's own comment is still there, unchanged.
    assert any(c.author == "Reviewer" for c in docx.Document(str(output)).comments)


def test_refuses_to_overwrite_the_source(labels):
    with pytest.raises(ValueError, match="different file"):
        annotate_docx(labels, [], labels)


# -- the command line -----------------------------------------------------------------------

def run(*args: str):
    return CliRunner().invoke(main, ["check", "--isolated", "--no-cache", *args])


def test_cli_writes_an_annotated_copy(labels, tmp_path):
    before = labels.read_bytes()
    output = tmp_path / "out.docx"
    result = run("--select", "KL101", "--annotate", str(output), str(labels))
    assert result.exit_code == 1, result.output
    assert len(kindlint_comments(output)) == len(lint_file(labels, OPTIONS).findings) - 2
    assert labels.read_bytes() == before


@pytest.mark.parametrize("inputs", [("labels.docx", "other.docx"), ("notes.md",)])
def test_cli_annotate_needs_exactly_one_docx(tmp_path, inputs):
    build_labels(tmp_path)
    (tmp_path / "other.docx").write_bytes((tmp_path / "labels.docx").read_bytes())
    (tmp_path / "notes.md").write_text("Offenders are welcome.\n", encoding="utf-8")
    result = run("--annotate", str(tmp_path / "out.docx"), *(str(tmp_path / i) for i in inputs))
    assert result.exit_code == 2
    assert "exactly one .docx" in result.output
    assert not (tmp_path / "out.docx").exists()


def test_cli_annotate_refuses_to_write_over_its_input(labels):
    before = labels.read_bytes()
    result = run("--annotate", str(labels), str(labels))
    assert result.exit_code == 2
    assert "never changes its input" in result.output
    assert labels.read_bytes() == before


# -- LibreOffice opens the copy -------------------------------------------------------------

_TERMS = """\
[[terms]]
phrase = ["service user(s)"]
suggest = ["person who draws on care and support"]
suggest-plural = ["people who draw on care and support"]

[[terms]]
phrase = ["bed blocking", "package(s) of care", "care package(s)"]
"""


@pytest.fixture(scope="module")
def annotated_example(tmp_path_factory):
    """The bundled "before" tender, annotated with a few words from a custom-terms list."""
    folder = tmp_path_factory.mktemp("example")
    config = folder / ".kindlint.toml"
    config.write_text(_TERMS, encoding="utf-8")
    source = EXAMPLES / "homecare-tender.docx"
    before = source.read_bytes()
    findings = lint_file(source, LintOptions(config_file=config, select=("KL100",),
                                             cache=False)).findings
    output = folder / "homecare-tender-annotated.docx"
    result = annotate_document(source, findings, output)
    assert source.read_bytes() == before
    return findings, result, output


def test_example_every_finding_is_annotated(annotated_example):
    findings, result, output = annotated_example
    assert len(findings) >= 20 and not result.skipped
    anchored = anchored_texts(output)
    comments = kindlint_comments(output)
    assert result.added == len(comments) == len(findings)
    assert Counter(anchored[c.comment_id] for c in comments) == Counter(x.text for x in findings)


needs_soffice = pytest.mark.skipif(SOFFICE is None,
                                   reason="LibreOffice (soffice) is not installed")


@pytest.mark.libreoffice
@needs_soffice
def test_libreoffice_converts_the_annotated_copy_to_pdf(annotated_example, tmp_path):
    _, _, output = annotated_example
    pdf = to_pdf(output, tmp_path)
    assert pdf.is_file() and pdf.stat().st_size > 10_000
    assert pdf.read_bytes().startswith(b"%PDF")


def _to_fodt(path: Path, outdir: Path) -> Path:
    profile = outdir / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "fodt", "--outdir", str(outdir), str(path)],
                   check=True, capture_output=True, timeout=180)
    return outdir / (path.stem + ".fodt")


_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"


def libreoffice_annotations(fodt: Path) -> list[tuple[str, str]]:
    """(creator, anchored text) of each office:annotation that has an office:annotation-end.

    Each annotation is replaced by a start marker and each annotation-end by an end marker,
    then the anchored text is what lies between a matching pair (other markers removed).
    """
    from lxml import etree

    start, end = "\ue000", "\ue001"  # private-use characters: not in the document
    tree = etree.parse(str(fodt))
    creators: dict[str, str] = {}
    for note in list(tree.iter(_OFFICE + "annotation")):
        name = note.get(_OFFICE + "name")
        creators[name] = note.findtext(_DC + "creator") or ""
        for child in list(note):
            note.remove(child)
        note.text = f"{start}{name}{start}"
    for mark in tree.iter(_OFFICE + "annotation-end"):
        mark.text = f"{end}{mark.get(_OFFICE + 'name')}{end}"
    for space in tree.iter(_TEXT + "s"):
        space.text = " " * int(space.get(_TEXT + "c", "1"))
    for tab in tree.iter(_TEXT + "tab"):
        tab.text = "\t"
    text = "".join(tree.find(f".//{_OFFICE}body").itertext())
    other_marks = re.compile(f"[{start}{end}][^{start}{end}]*[{start}{end}]")
    found = []
    for name, creator in creators.items():
        n = re.escape(name)
        m = re.search(f"{start}{n}{start}(.*?){end}{n}{end}", text, re.DOTALL)
        if m:
            found.append((creator, other_marks.sub("", m.group(1))))
    return found


@pytest.mark.libreoffice
@needs_soffice
def test_libreoffice_sees_each_comment_on_the_flagged_words(annotated_example, tmp_path):
    findings, result, output = annotated_example
    annotations = libreoffice_annotations(_to_fodt(output, tmp_path))
    ours = [text for creator, text in annotations if creator == "kindlint"]
    assert len(ours) == result.added
    assert "service users" in ours
    assert Counter(ours) == Counter(x.text for x in findings)
