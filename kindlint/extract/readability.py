"""Readability per section (textstat): Flesch reading ease and grade, for the reports."""

from __future__ import annotations

from typing import Any

from kindlint.model.document import BlockKind, Document

_PROSE = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
MIN_WORDS = 30  # below this a score says more about the formula than the text


def readability_by_section(document: Document) -> list[dict[str, Any]]:
    """One entry per section with enough running text: words, sentences, ease and grade.

    Readability is a courtesy for the report: if textstat cannot score a text, the section is
    left out rather than the run failing.
    """
    try:
        import textstat
    except ImportError:
        return []

    sections: dict[str, list[str]] = {}
    for block in document.blocks:
        if block.kind in _PROSE:
            title = block.location.section or "Opening text"
            sections.setdefault(title, []).append(block.text)
    results = []
    for title, texts in sections.items():
        text = "\n".join(texts)
        words = len(text.split())
        if words < MIN_WORDS:
            continue
        try:
            scores = {
                "sentences": textstat.sentence_count(text),
                "flesch_reading_ease": round(textstat.flesch_reading_ease(text), 1),
                "grade": round(textstat.flesch_kincaid_grade(text), 1),
            }
        except (LookupError, ValueError, ZeroDivisionError):
            continue
        results.append({"section": title, "words": words, **scores})
    return results
