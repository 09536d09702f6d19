"""The Markdown reader: prose blocks with lines and columns; code and front matter are not prose."""

from __future__ import annotations

import pytest

from kindlint.model import BlockKind
from kindlint.readers import read_document

SOURCE = """\
---
title: Care at Home 2027
tags: [offenders]
---
# Schedule 2 Key performance indicators

## 4. Measures

4.1 The Provider will ask people about **their** experience.
It will report `offenders_count` each quarter.

1. First, the person's own goals
   - a nested note
2. Second, continuity of worker

| KPI | Target |
|-----|--------|
| People who say staff listen | 90% |

<!-- kindlint: ignore[KL107] quoting the regulations -->
> "service user" means a person who receives services

```text
offenders inside a code fence
```

    indented code about offenders
"""


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("md") / "spec.md"
    path.write_text(SOURCE, encoding="utf-8")
    return read_document(path)


def test_front_matter_code_and_inline_code_are_not_prose(doc):
    text = doc.text
    assert "title" not in text and "code fence" not in text and "indented code" not in text
    assert "offenders_count" not in text


def test_blocks_have_kinds_lines_and_columns(doc):
    heading = doc.blocks[0]
    assert (heading.kind, heading.text, heading.location.line, heading.location.column) == \
        (BlockKind.HEADING, "Schedule 2 Key performance indicators", 5, 3)
    para = next(b for b in doc.blocks if b.text.startswith("4.1"))
    assert para.location.line == 9
    offset = para.text.index("each quarter")
    where = para.locate(offset)
    assert (where.line, where.column) == (10, 34)


def test_clause_paths_from_typed_numbers_headings_and_lists(doc):
    para = next(b for b in doc.blocks if b.text.startswith("4.1"))
    assert para.location.clause_path == ("Schedule 2", "4.1")
    first = next(b for b in doc.blocks if b.text.startswith("First"))
    assert first.kind is BlockKind.LIST_ITEM and first.label == "1"
    assert first.location.clause_path == ("Schedule 2", "4.1", "1")
    nested = next(b for b in doc.blocks if b.text == "a nested note")
    assert nested.level == 2


def test_tables_have_headers_and_cell_positions(doc):
    (table,) = doc.tables
    assert table.headers == ("KPI", "Target")
    cell = table.rows[1][1]
    assert (cell.text, cell.location.line, cell.location.column_header) == ("90%", 18, "Target")
    assert cell.location.clause_path == ("Schedule 2", "4.1")  # the list ended, 4.1 goes on


def test_comment_directive_applies_to_next_block(doc):
    (directive,) = doc.directives
    assert directive.codes == ("KL107",) and directive.reason == "quoting the regulations"
    target = doc.blocks[directive.block]
    assert target.quoted and target.text.startswith('"service user"')


def test_sentences_keep_spans(doc):
    para = next(b for b in doc.blocks if b.text.startswith("4.1"))
    assert [para.text[s:e] for s, e in para.sentences] == [
        "4.1 The Provider will ask people about their experience.",
        "It will report  each quarter.",
    ]
