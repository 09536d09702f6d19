"""Helpers for extract-stage tests: facts from a few lines of text written to a real file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kindlint.extract import extract_facts
from kindlint.model.facts import Facts
from kindlint.readers import read_document


@pytest.fixture
def facts_of(tmp_path: Path):
    """Facts of ``text`` read as a Markdown file (or another format by ``suffix``)."""

    def read(text: str, suffix: str = ".md") -> Facts:
        path = tmp_path / f"document{suffix}"
        path.write_text(text, encoding="utf-8")
        return extract_facts(read_document(path))

    return read
