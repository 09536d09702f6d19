"""LibreOffice as an independent judge of Word numbering: convert to text and compare labels."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kindlint.model import BlockKind, Document

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# A line of LibreOffice's text export that starts with a list number: "4.2\tText", "(b) Text".
_NUMBERED = re.compile(r"^\s*((?:\d+\.)+\d*|\d+|\(?[a-zA-Z]{1,4}\)|[a-zA-Z]{1,4}\.|"
                       r"[^\s•◦▪]{1,20}(?=\t))\s+(.+)$")


def to_text(docx: Path, outdir: Path) -> Path:
    """Convert a .docx to UTF-8 text with LibreOffice headless (numbers included)."""
    profile = outdir / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(outdir),
                    str(docx)], check=True, capture_output=True, timeout=180)
    return outdir / (docx.stem + ".txt")


def to_pdf(docx: Path, outdir: Path) -> Path:
    profile = outdir / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
                   check=True, capture_output=True, timeout=180)
    return outdir / (docx.stem + ".pdf")


@dataclass
class Comparison:
    compared: int
    mismatches: list[tuple[str, str | None, str]]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()[:40]


def compare_labels(document: Document, exported: Path) -> Comparison:
    """Walk LibreOffice's numbered lines in order and compare with kindlint's block labels."""
    ours = []
    for block in document.blocks:
        if block.kind in (BlockKind.CELL, BlockKind.HEADER, BlockKind.FOOTER):
            continue
        text = block.text
        if block.label and text.startswith(block.label.rstrip(".")):
            text = text[len(block.label):].lstrip(" .\t)")
        ours.append((_norm(text), block.label))
    position = compared = 0
    mismatches = []
    for line in exported.read_text(encoding="utf-8-sig").splitlines():
        m = _NUMBERED.match(line)
        if not m:
            continue
        label, key = m.group(1), _norm(m.group(2))
        for j in range(position, min(position + 400, len(ours))):
            if ours[j][0] == key:
                break
        else:
            continue
        position, compared = j + 1, compared + 1
        if (ours[j][1] or "").rstrip(".") != label.rstrip("."):
            mismatches.append((label, ours[j][1], key))
    return Comparison(compared, mismatches)
