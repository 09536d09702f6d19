"""Sentence splitting that keeps character spans (fast, rule-based, tuned for contract prose)."""

from __future__ import annotations

import re
from functools import lru_cache

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """
    e.g i.e etc cf vs viz approx para paras cl cls no nos art arts sch reg regs s ss p pp
    mr mrs ms dr prof st ltd co inc plc corp dept govt fig figs vol ed eds min mins hr hrs
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k a.m p.m ref tel ext op al
    """.split()
)

# A candidate end: terminal punctuation, optional closing quotes/brackets, then white space.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)|;(?=\s*\n)|\n{2,}")
_NEXT_STARTS_SENTENCE = re.compile(r"\s+[\"'“‘(\[]*([A-Z0-9•\-–(])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NUMBER_BEFORE = re.compile(r"[\dA-Za-z]{1,3}(?:\.\d{1,3})*$")


@lru_cache(maxsize=8192)
def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Return ``(start, end)`` spans of the sentences in ``text``, leading space trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if match.group().startswith(".") and not _is_boundary(text, match.start()):
            continue
        if match.group()[0] in ".!?…" and not _NEXT_STARTS_SENTENCE.match(text, end):
            continue
        _append(spans, text, start, end)
        start = end
    _append(spans, text, start, len(text))
    return tuple(spans)


def _is_boundary(text: str, dot: int) -> bool:
    number = _NUMBER_BEFORE.search(text, 0, dot)
    if number and (number.start() == 0 or text[number.start() - 1] == "\n"):
        return False  # a clause number such as "4." opening the text
    before = _WORD_BEFORE.search(text, 0, dot)
    if before:
        word = before.group(1).lower().rstrip(".")
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            return False
    return True


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop > start:
        spans.append((start, stop))
