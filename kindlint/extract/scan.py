"""Scan a whole document with one regular expression call instead of one per block.

Blocks are joined with a separator no pattern can cross in practice; each match is mapped
back to its block and to offsets inside that block.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from kindlint.model.document import Block, BlockKind

SEPARATOR = "\n\x00\n"
_FURNITURE = (BlockKind.HEADER, BlockKind.FOOTER)


class Hit(NamedTuple):
    """A match inside one block: ``block.text[start:end]`` is ``match.group()``."""

    block: Block
    start: int
    end: int
    match: re.Match[str]


class TextIndex:
    """The running text of a document (page headers and footers left out), searchable at once."""

    def __init__(self, blocks: Iterable[Block]) -> None:
        self.blocks = [b for b in blocks if b.kind not in _FURNITURE]
        self.starts: list[int] = []
        position = 0
        for block in self.blocks:
            self.starts.append(position)
            position += len(block.text) + len(SEPARATOR)
        self.text = SEPARATOR.join(b.text for b in self.blocks)

    def hits(self, pattern: re.Pattern[str]) -> Iterator[Hit]:
        """Every match of ``pattern``, in document order, within a single block."""
        for m in pattern.finditer(self.text):
            i = bisect.bisect_right(self.starts, m.start()) - 1
            block = self.blocks[i]
            start = m.start() - self.starts[i]
            end = m.end() - self.starts[i]
            if end <= len(block.text):
                yield Hit(block, start, end, m)

    def contains(self, pattern: re.Pattern[str]) -> bool:
        return pattern.search(self.text) is not None
