"""KL601: sentences longer than ``max-words`` words in running prose."""

from __future__ import annotations

from kindlint.lazy_regex import lazy
from kindlint.model.document import BlockKind

# A word: a run of letters or digits, with inner apostrophes, hyphens, dots or slashes
# ("provider's", "co-produced", "1.5", "24/7", "£23.40" counts as one word).
_WORD = lazy(r"[^\W_](?:[\w'’\-./,]*[^\W_])?")
_PROSE = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.FOOTNOTE)
# A table cell is checked only when it reads as prose: long enough, and mostly ordinary
# lower-case words rather than figures, codes or names.
CELL_MIN_WORDS = 20
CELL_MIN_WORD_SHARE = 0.5
# A new line that starts a numbered or bulleted item ends the sentence before it, even
# without a full stop ("...shall apply:\n91.1.1 Current legislation...").
_ITEM_BREAK = lazy(r"\n(?=[ \t]*(?:[•▪◦*\-–]\s|\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]?\s|"
                         r"\([a-z]{1,4}\)\s|[a-z]\)\s))")
# What may sit before the first word of a span: spaces, stray punctuation after a label.
_LEAD = lazy(r"[\s.,;:)\]]+")


def check(ctx):
    limit = int(ctx.options.get("max-words", 40))
    for block in ctx.document.blocks:
        if block.quoted or not _is_prose(block):
            continue
        label_end = _label_end(block)
        for start, end in _spans(block):
            start = max(start, label_end)
            lead = _LEAD.match(block.text, start, end)
            if lead:
                start = lead.end()
            if start >= end:
                continue
            words = len(_WORD.findall(block.text, start, end))
            if words > limit:
                yield ctx.finding(block, start, end, words=words, limit=limit)


def _spans(block):
    """The block's sentences, split again where a new line starts a numbered item."""
    for start, end in block.sentences:
        for m in _ITEM_BREAK.finditer(block.text, start, end):
            yield start, m.start()
            start = m.end()
        yield start, end


def _is_prose(block) -> bool:
    if block.kind in _PROSE:
        return True
    if block.kind is not BlockKind.CELL:
        return False
    tokens = _WORD.findall(block.text)
    if len(tokens) < CELL_MIN_WORDS:
        return False
    words = sum(1 for t in tokens if t.isalpha() and t[0].islower())
    return words / len(tokens) >= CELL_MIN_WORD_SHARE


def _label_end(block) -> int:
    """Where the text starts after a typed clause label such as "4.3" or "(b)"."""
    label = block.label
    if label and block.text.startswith(label):
        end = len(label)
        while end < len(block.text) and block.text[end].isspace():
            end += 1
        return end
    return 0
