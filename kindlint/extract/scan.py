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

from kindlint.lazy_regex import LazyPattern
from kindlint.model.document import Block

SEPARATOR = "\n\x00\n"
# Lower-casing that keeps every offset: only A-Z change ("İ".lower() is two characters).
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_SPACES = str.maketrans("\n\t\r\f\v", "     ")
_UNSEEN = object()


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
        self._lowered_exactly = True
        self._texts: list[str] | None = None
        self._keyword_blocks: dict[str, tuple[int, ...] | None] = {}
        self._lowered: list[str] | None = None

    def hits(self, pattern: re.Pattern[str] | LazyPattern,
             keywords: tuple[str, ...] | None = None) -> Iterator[Hit]:
        """Every match of ``pattern``, in document order, within a single block.

        ``keywords`` (lower case) are words every match contains; only blocks holding one of
        them are searched, which is much faster than running a long pattern over everything.
        A case-insensitive lazy pattern scans the lower-cased text case-sensitively (much
        faster) and is matched again where it hits, so groups keep the document's case.
        """
        if isinstance(pattern, LazyPattern) and pattern.flags & re.IGNORECASE \
                and self.lowered_exactly:
            return self._folded_hits(pattern, keywords)
        return self._hits(pattern, keywords)

    def _hits(self, pattern: re.Pattern[str] | LazyPattern,
              keywords: tuple[str, ...] | None) -> Iterator[Hit]:
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

    def _folded_hits(self, pattern: LazyPattern,
                     keywords: tuple[str, ...] | None) -> Iterator[Hit]:
        positions = range(len(self.blocks)) if keywords is None \
            else self._positions_with(keywords)
        if not positions:
            return  # nothing to search: neither pattern needs compiling
        folded = pattern.folded
        if folded is None:  # the pattern cannot be folded: search it as it is
            yield from self._hits(pattern, keywords)
            return
        texts, lowered, blocks = self.texts, self.lowered, self.blocks
        for i in positions:
            text, block = texts[i], blocks[i]
            found = []
            for m in folded.finditer(lowered[i]):
                real = pattern.match(text, m.start())
                if real is None or real.end() != m.end():  # the two ways disagree: be exact
                    found = [Hit(block, m.start(), m.end(), m) for m in pattern.finditer(text)]
                    break
                found.append(Hit(block, m.start(), m.end(), real))
            yield from found

    def blocks_with(self, keywords: tuple[str, ...]) -> list[Block]:
        """Blocks whose lower-cased text contains at least one of ``keywords``."""
        return [self.blocks[i] for i in self._positions_with(keywords)]

    def _positions_with(self, keywords: tuple[str, ...]) -> Iterable[int]:
        everywhere = range(len(self.blocks))
        found: set[int] = set()
        for keyword in keywords:
            blocks = self._keyword_blocks.get(keyword, _UNSEEN)
            if blocks is _UNSEEN:
                blocks = self._keyword_blocks[keyword] = self._blocks_holding(keyword)
            if blocks is None:
                return everywhere
            found.update(blocks)
            if len(found) > self._enough:
                return everywhere  # nearly everywhere: filtering costs more than it saves
        return sorted(found)

    def _blocks_holding(self, keyword: str) -> tuple[int, ...] | None:
        """The blocks whose text contains ``keyword``; None when that is most of them.

        Several extractors and rules ask about the same words, so answers are kept.
        """
        text = self.lowered_text
        enough = self._enough
        starts = self.starts
        found = []
        position = text.find(keyword)
        while position != -1:
            i = bisect.bisect_right(starts, position) - 1
            found.append(i)
            if len(found) > enough:
                return None
            # jump to the next block: one hit is enough for this one
            position = text.find(keyword, starts[i + 1] if i + 1 < len(starts) else len(text))
        return tuple(found)

    @property
    def _enough(self) -> int:
        return max(len(self.blocks) // 2, 8)

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
        head._lowered_exactly = self._lowered_exactly
        head._texts = None
        head._keyword_blocks = {}
        head._lowered = None
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
            self._lower()
        return self._lowered_text

    def _lower(self) -> None:
        lowered = self.text.lower()
        self._lowered_exactly = len(lowered) == len(self.text)
        if not self._lowered_exactly:  # "İ" lowers to two characters: keep offsets
            lowered = self.text.translate(_ASCII_LOWER)
        self._lowered_text = lowered

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
    def lowered_exactly(self) -> bool:
        """True when ``lowered_text`` is ``str.lower`` of the text, not only A-Z lowered."""
        if self._lowered_text is None:
            self._lower()
        return self._lowered_exactly

    @property
    def lowered(self) -> list[str]:
        """Each block's text in lower case (as searched)."""
        if self._lowered is None:
            text = self.lowered_text
            self._lowered = [text[start:start + len(block.text)]
                             for block, start in zip(self.blocks, self.starts, strict=True)]
        return self._lowered



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
