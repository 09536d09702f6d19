"""The real excerpts in the evidence base (domain-rules-evidence.md §4) as regression cases.

Each row names the evidence rules it should (or should not) trigger; EVIDENCE_TO_CODE maps
those ids to kindlint codes. A few rows are known gaps, listed with the reason and run as
strict xfails so that fixing one is noticed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kindlint.lint import LintOptions, lint_file
from tests.conftest import ROOT

EVIDENCE = ROOT.parent / "shared" / "research" / "domain-rules-evidence.md"
EVIDENCE_TO_CODE = {
    **{f"L{n:02d}": f"KL1{n:02d}" for n in range(1, 23)},
    "P01": "KL201", "P02": "KL202", "P03": "KL203", "P04": "KL301", "P05": "KL302",
    "P06": "KL209", "P07": "KL207", "P08": "KL208", "P09": "KL303", "P10": "KL304",
    "P11": "KL305", "P12": "KL306", "P13": "KL307", "P14": "KL308", "P15": "KL401",
    "P16": "KL310", "P17": "KL309", "P18": "KL206", "P19": "KL204", "P20": "KL205",
    **{f"A{n:02d}": f"KL50{n}" for n in range(1, 8)},
}
KNOWN_GAPS = {
    ("T-X4", "P20"): "a capped rate scored on price is not read as a hidden price-only award",
    ("T-X7", "L06"): "'Individual Placement Agreement' is a document title (a proper name)",
    ("T-X11", "P15"): "ending a relationship for asking for the same staff needs the listed "
                      "circumstances, which the excerpt leaves out",
}
_ID = re.compile(r"\b([LPA]\d{2})\b")
_QUOTES = "\"“”"


def _rows(kind: str) -> list[tuple[str, str, str]]:
    text = EVIDENCE.read_text(encoding="utf-8")
    section = text.split("## 4.")[1].split("## 5.")[0]
    part = section.split("**Negative")[0] if kind == "positive" else \
        section.split("**Negative")[1].split("**OCDS")[0]
    rows = []
    for line in part.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and re.match(r"T-[XN]\d", cells[0]):
            rows.append((cells[0].split()[0], cells[1], cells[2]))
    return rows


def _excerpt(cell: str) -> str:
    parts = [p.strip() for p in cell.split('" / "')] if '" / "' in cell else [cell]
    cleaned = []
    for part in parts:
        part = part.replace("…", " ").strip()
        if part[:1] in _QUOTES and part[-1:] in _QUOTES and part.count('"') <= 2:
            part = part[1:-1]
        cleaned.append(part.strip().strip('"'))
    return "\n\n".join(cleaned)


def _expectations(cell: str) -> list[tuple[str, str | None]]:
    """(evidence id, severity limit) pairs: "L05 (info only…)" means at most info."""
    ids = list(_ID.finditer(cell))
    out = []
    for i, m in enumerate(ids):
        tail = cell[m.end(): ids[i + 1].start() if i + 1 < len(ids) else len(cell)]
        severity = "info" if "info" in tail.lower() else "error" if "error" in tail else None
        out.append((m.group(1), severity))
    return out


def _findings(tmp_path: Path, text: str):
    path = tmp_path / "excerpt.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return lint_file(path, LintOptions(isolated=True)).findings


POSITIVE = [(case, excerpt, evidence, severity)
            for case, excerpt, expect in (_rows("positive") if EVIDENCE.is_file() else [])
            for evidence, severity in _expectations(expect)]
NEGATIVE = _rows("negative") if EVIDENCE.is_file() else []
pytestmark = pytest.mark.skipif(not EVIDENCE.is_file(),
                                reason=f"the evidence base is not at {EVIDENCE}")


@pytest.mark.parametrize(("case", "excerpt", "evidence", "severity"), [
    pytest.param(*row, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[row[0], row[2]]))
    if (row[0], row[2]) in KNOWN_GAPS else row
    for row in POSITIVE
], ids=[f"{row[0]}-{row[2]}" for row in POSITIVE])
def test_positive_excerpt_is_flagged(tmp_path, case, excerpt, evidence, severity):
    code = EVIDENCE_TO_CODE[evidence]
    found = [f for f in _findings(tmp_path, _excerpt(excerpt)) if f.code == code]
    assert found, f"{case}: expected {code} ({evidence}) on {excerpt!r}"
    if severity == "info":
        assert all(f.severity.value == "info" for f in found)
    elif severity == "error":
        assert any(f.severity.value == "error" for f in found)


@pytest.mark.parametrize(("case", "excerpt", "expect"), NEGATIVE, ids=[r[0] for r in NEGATIVE])
def test_negative_excerpt_stays_quiet(tmp_path, case, excerpt, expect):
    findings = _findings(tmp_path, _excerpt(excerpt))
    for evidence, severity in _expectations(expect):
        code = EVIDENCE_TO_CODE[evidence]
        flagged = [f for f in findings if f.code == code]
        if severity == "info":
            assert all(f.severity.value == "info" for f in flagged), f"{case}: {code} above info"
        else:
            assert not flagged, f"{case}: {code} should not fire on {excerpt!r}"
