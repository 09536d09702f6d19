"""The plain-text reader: blank-line paragraphs, typed clause numbers, headings in capitals."""

from __future__ import annotations

import pytest

from kindlint.model import BlockKind
from kindlint.readers import ReadError, read_document

SOURCE = """\
SCHEDULE 3 - SERVICE SPECIFICATION

1. PURPOSE

1.1 The Provider will support people to live well at home.
It will agree goals with each person.
(a) goals are reviewed together;
(b) plans change when life changes.

- Support is flexible.
- Visits are at least 30 minutes.

Background
==========

This text has no number.
"""


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("txt") / "spec.txt"
    path.write_text(SOURCE, encoding="utf-8")
    return read_document(path)


def test_headings_in_capitals_and_underlined(doc):
    headings = [(b.text, b.level) for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("SCHEDULE 3 - SERVICE SPECIFICATION", 1), ("1. PURPOSE", 1),
                        ("Background", 1)]


def test_numbered_clauses_start_new_blocks_with_paths(doc):
    by_text = {b.text.split("\n")[0]: b for b in doc.blocks}
    first = by_text["1.1 The Provider will support people to live well at home."]
    assert first.location.clause_path == ("Schedule 3", "1.1")
    assert first.text.endswith("It will agree goals with each person.")
    assert by_text["(b) plans change when life changes."].location.clause_path == \
        ("Schedule 3", "1.1", "(b)")


def test_bullets_and_lines(doc):
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [b.text for b in items] == ["Support is flexible.", "Visits are at least 30 minutes."]
    assert items[1].location.line == 11
    assert items[1].locate(items[1].text.index("30")).column == 23


def test_latin1_text_is_read(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Rates of £18 per hour are paid.".encode("cp1252"))
    assert read_document(path).blocks[0].text == "Rates of £18 per hour are paid."


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("empty.txt", b"", "empty"),
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ("blank.txt", b"\n\n   \n", "no text"),
    ("data.xlsx", b"PK", "unsupported file type"),
])
def test_unreadable_text_files(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError, match=reason):
        read_document(path)
