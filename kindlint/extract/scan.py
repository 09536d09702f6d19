"""Scan a whole document with one regular expression call instead of one per block.

Blocks are joined with a separator no pattern can cross in practice; each match is mapped
back to its block and to offsets inside that block. Line breaks and tabs inside a block are
searched as spaces (offsets do not change), so "more\nimportant" in a wrapped Markdown
paragraph still matches "more important".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from kindlint.model.document import Block

SEPARATOR = "\n\x00\n"
# Lower-casing that keeps every offset: only A-Z change ("İ".lower() is two characters).
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_SPACES = str.maketrans("\n\t\r\f\v", "     ")


class Hit(NamedTuple):
    """A match inside one block: ``block.text[start:end]`` is ``match.group()`` (whose line
    breaks read as spaces)."""

    block: Block
    start: int
    end: int
    match: re.Match[str]


class TextIndex:
    """A document's blocks joined into one text, searchable at once."""

    def __init__(self, blocks: Iterable[Block]) -> None:
        self.blocks = list(blocks)
        self.starts: list[int] = []
        position = 0
        for block in self.blocks:
            self.starts.append(position)
            position += len(block.text) + len(SEPARATOR)
        self.text = SEPARATOR.join(b.text.translate(_SPACES) for b in self.blocks)
        self._lowered_text: str | None = None
        self._texts: list[str] | None = None

    def hits(self, pattern: re.Pattern[str],
             keywords: tuple[str, ...] | None = None) -> Iterator[Hit]:
        """Every match of ``pattern``, in document order, within a single block.

        ``keywords`` (lower case) are words every match contains; only blocks holding one of
        them are searched, which is much faster than running a long pattern over everything.
        """
        finditer = pattern.finditer
        if keywords is not None:
            texts, blocks = self.texts, self.blocks
            for i in self._positions_with(keywords):
                for m in finditer(texts[i]):
                    yield Hit(blocks[i], m.start(), m.end(), m)
            return
        for m in finditer(self.text):
            i = bisect.bisect_right(self.starts, m.start()) - 1
            block = self.blocks[i]
            start = m.start() - self.starts[i]
            end = m.end() - self.starts[i]
            if end <= len(block.text):
                yield Hit(block, start, end, m)

    def blocks_with(self, keywords: tuple[str, ...]) -> list[Block]:
        """Blocks whose lower-cased text contains at least one of ``keywords``."""
        return [self.blocks[i] for i in self._positions_with(keywords)]

    def _positions_with(self, keywords: tuple[str, ...]) -> Iterable[int]:
        text = self.lowered_text
        found: set[int] = set()
        starts = self.starts
        enough = max(len(self.blocks) // 2, 8)
        for keyword in keywords:
            position = text.find(keyword)
            while position != -1:
                i = bisect.bisect_right(starts, position) - 1
                found.add(i)
                if len(found) > enough:
                    return range(len(self.blocks))  # nearly everywhere: filtering costs more
                # jump to the next block: one hit is enough for this one
                position = text.find(keyword, starts[i + 1] if i + 1 < len(starts) else
                                     len(text))
        return sorted(found)

    def head(self, blocks: int) -> TextIndex:
        """An index of the first ``blocks`` blocks (enough to tell what a document is); it
        shares this index's text rather than joining and lower-casing it again."""
        if len(self.blocks) <= blocks:
            return self
        head = TextIndex.__new__(TextIndex)
        head.blocks = self.blocks[:blocks]
        head.starts = self.starts[:blocks]
        end = self.starts[blocks] - len(SEPARATOR)
        head.text = self.text[:end]
        head._lowered_text = self.lowered_text[:end]
        head._texts = None
        return head

    @property
    def texts(self) -> list[str]:
        """Each block's text as searched (line breaks and tabs read as spaces)."""
        if self._texts is None:
            text = self.text
            self._texts = [text[start:start + len(block.text)]
                           for block, start in zip(self.blocks, self.starts, strict=True)]
        return self._texts

    @property
    def lowered_text(self) -> str:
        if self._lowered_text is None:
            lowered = self.text.lower()
            if len(lowered) != len(self.text):  # "İ" lowers to two characters: keep offsets
                lowered = self.text.translate(_ASCII_LOWER)
            self._lowered_text = lowered
        return self._lowered_text

    def word_positions(self, word: str) -> Iterator[int]:
        """Where ``word`` (lower case letters) starts in ``text`` as a whole word."""
        text = self.lowered_text
        size = len(word)
        position = text.find(word)
        while position != -1:
            after = position + size
            if not (position and text[position - 1] in _LETTERS) and \
                    not (after < len(text) and text[after] in _LETTERS):
                yield position
            position = text.find(word, after)

    def locate(self, position: int) -> tuple[Block, int]:
        """The block holding ``position`` in ``text``, and the offset inside it."""
        i = bisect.bisect_right(self.starts, position) - 1
        return self.blocks[i], position - self.starts[i]

    @property
    def lowered(self) -> list[str]:
        """Each block's text in lower case."""
        text = self.lowered_text
        return [text[start:start + len(block.text)]
                for block, start in zip(self.blocks, self.starts, strict=True)]



def cue_keywords(cues: tuple[str, ...]) -> tuple[str, ...]:
    """A word each cue cannot match without: its longest plain run of letters outside any
    group, bracket or optional character (``"foster(?:ing|ed)?"`` gives ``"foster"``)."""
    keywords = []
    for cue in cues:
        outside = re.sub(r"\(.*?\)[?*]?|\[.*?\][?*+]?|\\[bBdswDSW]|.[?*]|\{.*?\}", "\x00",
                         cue)
        runs = [run.strip() for part in outside.split("\x00")
                for run in re.findall(r"[A-Za-z][A-Za-z' ]*[A-Za-z]|[A-Za-z]", part)]
        if not runs:
            raise ValueError(f"cue {cue!r} has no plain word to search for")
        keywords.append(max(runs, key=len).lower())
    return tuple(dict.fromkeys(keywords))


def trie_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of ``words`` (lower case, whole words), built as a trie.

    A plain alternation of a thousand words is slow in Python's regular expressions; a trie
    lets the engine reject most positions after one character.
    """
    root: dict = {}
    for word in set(words):
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(r"(?<![a-z])(?:" + _trie_source(root) + r")(?![a-z])")


def _trie_source(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_source(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body
