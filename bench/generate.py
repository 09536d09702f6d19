"""Generate large procurement documents for the benchmarks from the bundled example pack.

The example generator (examples/build_examples.py) already writes .docx with real Word
numbering, .pdf with tables and running headers, and .md; here its numbered content is repeated
until a document reaches the size wanted.
"""

from __future__ import annotations

import copy
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _builder():
    spec = importlib.util.spec_from_file_location("build_examples",
                                                  ROOT / "examples" / "build_examples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def _items(builder, copies: int) -> tuple[list, dict]:
    pack = []
    meta = None
    for module_name in builder.VARIANTS.values():
        meta_, content = builder.load_source(module_name)
        meta = meta or meta_
        pack.extend(builder.number_items(content))
    return [copy.copy(item) for _ in range(copies) for item in pack], meta


def write_documents(out: Path, copies: int, formats=(".docx", ".pdf")) -> dict[str, Path]:
    """One document of ``copies`` repeats of the example pack in each format."""
    builder = _builder()
    items, meta = _items(builder, copies)
    writers = {".docx": builder.write_docx, ".pdf": builder.write_pdf, ".md": builder.write_md}
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for suffix in formats:
        path = out / f"pack-x{copies}{suffix}"
        writers[suffix](items, meta, path)
        paths[suffix] = path
    return paths


def pdf_pages(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def write_markdown_corpus(out: Path, words: int) -> tuple[list[Path], int]:
    """Markdown files of about one example pack each, until ``words`` words are written."""
    builder = _builder()
    items, meta = _items(builder, 1)
    out.mkdir(parents=True, exist_ok=True)
    template = out / "_pack.md"
    builder.write_md(items, meta, template)
    text = template.read_text(encoding="utf-8")
    template.unlink()
    per_file = len(text.split())
    paths = []
    total = 0
    n = 0
    while total < words:
        n += 1
        path = out / f"policy-{n:03d}.md"
        path.write_text(text.replace("Care at Home Services 2027", f"Care at Home Lot {n}"),
                        encoding="utf-8")
        paths.append(path)
        total += per_file
    return paths, total
