"""Reader benchmark: extract ~10, 100 and 300-page .docx and .pdf documents.

    python bench/bench_readers.py

Each extraction runs in a fresh process (read + extract facts, the work of `kindlint extract`),
reporting wall time, pages per second and peak memory (max RSS). pdftotext (poppler) reads the
same PDFs in the same run for comparison. Targets: a 300-page .docx in under 3 s; PDF within
3x of pdftotext plus a table pass; memory growing more slowly than the page count.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import pdf_pages, write_documents
from results import installed_like, machine, write_section

COPIES = {10: 1, 100: 5, 300: 16}  # one copy of both example packs is about 19 pages
MEASURE = """
import resource, sys, time
t = time.perf_counter()
from kindlint.readers import read_document
from kindlint.extract import extract_facts
imported = time.perf_counter()
document = read_document(sys.argv[1])
read = time.perf_counter()
facts = extract_facts(document)
done = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{done - t:.3f} {rss:.1f} {read - imported:.3f} {len(document.blocks)}")
"""


class Run(NamedTuple):
    total: float  # imports, reading and the extract stage
    peak_mb: float
    read: float  # reading alone (the part pdftotext does)
    blocks: int


def extract(path: Path) -> Run:
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", MEASURE, str(path)], check=True,
                             capture_output=True, text=True).stdout.split()
        runs.append(Run(float(out[0]), float(out[1]), float(out[2]), int(out[3])))
    return min(runs)


def pdftotext(path: Path) -> float | None:
    if shutil.which("pdftotext") is None:
        return None
    best = None
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                       capture_output=True)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def main() -> None:
    installed_like()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for target, copies in COPIES.items():
            paths = write_documents(Path(tmp) / str(target), copies)
            pages = pdf_pages(paths[".pdf"])
            docx = extract(paths[".docx"])
            pdf = extract(paths[".pdf"])
            poppler = pdftotext(paths[".pdf"])
            rows.append((target, pages, docx, pdf, poppler))
            print(f"{pages} pages: docx {docx.total:.2f}s, pdf {pdf.total:.2f}s "
                  f"(reading {pdf.read:.2f}s), "
                  f"pdftotext {poppler if poppler is not None else float('nan'):.2f}s",
                  flush=True)
    lines = [
        "## Readers (`bench/bench_readers.py`)",
        "",
        f"Machine: {machine()}. Best of 3 fresh processes. *Total* is what `kindlint extract` "
        "costs: Python start-up and imports, reading, and the extract stage; *reading* is "
        "`read_document` alone, the work pdftotext does (words, lines, tables, clause numbers).",
        "",
        "| pages | .docx total s | .docx pages/s | .docx peak MB | .pdf total s | .pdf reading s "
        "| .pdf peak MB | pdftotext s | pdf reading / pdftotext |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for _, pages, docx, pdf, poppler in rows:
        ratio = f"{pdf.read / poppler:.1f}x" if poppler else "n/a"
        lines.append(
            f"| {pages} | {docx.total:.2f} | {pages / docx.total:.0f} | {docx.peak_mb:.0f} "
            f"| {pdf.total:.2f} | {pdf.read:.2f} | {pdf.peak_mb:.0f} "
            f"| {poppler if poppler else float('nan'):.2f} | {ratio} |")
    small, large = rows[0], rows[-1]
    lines += [
        "",
        f"Pages grew {large[1] / small[1]:.0f}x from the smallest to the largest document; peak "
        f"memory grew {large[2].peak_mb / small[2].peak_mb:.1f}x for .docx and "
        f"{large[3].peak_mb / small[3].peak_mb:.1f}x for .pdf.",
        "",
        "Targets: 300-page .docx under 3 s — "
        f"{'met' if large[2].total < 3 else 'NOT met'} ({large[2].total:.2f} s); PDF reading "
        "within 3x of pdftotext plus a table pass — "
        + (f"{large[3].read / large[4]:.1f}x" if large[4] else "pdftotext not installed"),
    ]
    write_section("readers", "\n".join(lines))


if __name__ == "__main__":
    main()
