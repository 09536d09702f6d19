"""Small policy documents with findings, built at test time (no binary files are committed).

Used by the SARIF, GitHub, cache/parallel and JSON-schema tests. Each builder writes into the
folder it is given and returns the path. The wording is chosen to trigger KL101
(offender-labels), which is stable; other rules may add findings, and the tests allow that.
"""

from __future__ import annotations

from pathlib import Path

LABELLED_MD = """\
# Referrals policy

## 1. Who we work with

1.1 Offenders will be referred by the probation service.

1.2 The service also supports ex-offenders
who have left prison in the last year, and persistent
offenders on licence.

<!-- kindlint: ignore[KL101] quoting the Act -->
1.3 This follows the Rehabilitation of Offenders Act 1974 and the guidance on offenders.

| Group | Support |
| --- | --- |
| Prolific offenders | Weekly meetings |
"""

CLEAN_MD = """\
# Referrals policy

People on probation are referred by their probation officer, who agrees the referral with
them.
"""

LABELLED_TXT = """\
REFERRALS

1. Offenders are referred by the probation service.
2. Staff meet each person within a week.
"""


def write_markdown(folder: Path, name: str = "policy.md", text: str = LABELLED_MD) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def write_text(folder: Path, name: str = "notes.txt") -> Path:
    path = folder / name
    path.write_text(LABELLED_TXT, encoding="utf-8")
    return path


def write_docx(folder: Path, name: str = "contract.docx",
               sentence: str = "Offenders will be referred by the probation service.",
               cell: str = "Ex-offenders") -> Path:
    """A Word contract: a schedule heading, a numbered clause and a table with a label."""
    import docx

    document = docx.Document()
    document.add_heading("Schedule 2 Referrals", level=1)
    document.add_paragraph("4.1 The Provider shall accept referrals from the Council.")
    document.add_paragraph(f"4.2 {sentence}")
    document.add_paragraph("The following groups are supported:")
    table = document.add_table(rows=3, cols=2)
    for row, (group, support) in enumerate((("Group", "Support"), (cell, "Weekly meetings"),
                                            ("Families", "Monthly meetings"))):
        table.cell(row, 0).text = group
        table.cell(row, 1).text = support
    path = folder / name
    document.save(str(path))
    return path


def write_pdf(folder: Path, name: str = "tender.pdf") -> Path:
    """A two-page PDF with a label on page 2."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=14, spaceAfter=8)
    heading = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=16, leading=20,
                             spaceAfter=10)
    story = [
        Paragraph("1. Introduction", heading),
        Paragraph("1.1 The Council invites tenders for a community support service.", body),
        PageBreak(),
        Paragraph("2. Referrals", heading),
        Paragraph("2.1 Offenders will be referred by the probation service.", body),
    ]
    path = folder / name
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def varied_files(folder: Path) -> list[Path]:
    """About ten files of every kind: findings, suppressions, clean, unreadable, duplicates."""
    folder.mkdir(parents=True, exist_ok=True)
    files = [
        write_markdown(folder, "a-policy.md"),
        write_markdown(folder, "b-clean.md", CLEAN_MD),
        write_text(folder, "c-notes.txt"),
        write_docx(folder, "d-contract.docx"),
        write_pdf(folder, "e-tender.pdf"),
        write_markdown(folder, "f-copy.markdown"),  # same bytes as a-policy.md, other reader key
        write_docx(folder, "g-contract.docx", "Persistent offenders are seen weekly.",
                   "Former offenders"),
    ]
    empty = folder / "h-empty.md"
    empty.write_bytes(b"")
    broken = folder / "i-broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    files += [empty, broken, write_markdown(folder, "j-second-copy.md")]
    return files
