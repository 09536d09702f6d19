"""Clause numbers: recognise typed ones ("4.2", "(b)", "Schedule 3") and build clause paths."""

from __future__ import annotations

import re
from dataclasses import dataclass

DIVISION_WORDS = (
    "Schedule|Annex|Annexe|Appendix|Part|Section|Lot|Chapter|Attachment|Exhibit|Article"
)
_DIVISION = re.compile(
    rf"^(?P<word>{DIVISION_WORDS}|{DIVISION_WORDS.upper()})\s+"
    r"(?P<id>\d{1,3}[A-Z]?|[A-Z]{1,2}|[IVXLC]{1,6})(?=$|[\s:.,\-–—)])"
)
_DECIMAL = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3}){1,5}|\d{1,3}(?=[.)]))[.)]?(?=\s)(?!\s*%)")
_PAREN = re.compile(r"^\((?P<id>[a-z]{1,4}|[A-Z]{1,4}|\d{1,3})\)(?=\s)")
_ALPHA = re.compile(r"^(?P<id>[a-z]|[ivx]{2,5}|[A-Z]|[IVX]{2,5})[.)](?=\s)")
_ROMAN = re.compile(r"^[ivxlc]+$", re.IGNORECASE)

# Ranks order the numbering styles within body text: 1 > 1.1 > (1) > (a) > (i) > (A).
RANK_OUTER_LETTER = 0.5
RANK_PAREN_NUMBER = 20.0
RANK_LETTER = 21.0
RANK_ROMAN = 22.0
RANK_UPPER = 23.0
RANK_OTHER = 30.0


@dataclass(frozen=True, slots=True)
class Label:
    """A clause number as displayed, with its rank among numbering styles."""

    text: str
    rank: float
    division: str | None = None  # "Schedule", "Part"... for division markers
    end: int = 0  # where the label ends in the text it was found in


def parse_typed_label(text: str) -> Label | None:
    """Recognise a clause number typed at the start of ``text``."""
    text = text.replace("\xa0", " ")
    head = text.lstrip()
    lead = len(text) - len(head)
    if not head:
        return None
    if m := _DIVISION.match(head):
        word = m.group("word").capitalize()
        return Label(f"{word} {m.group('id')}", 0.0, word, lead + m.end())
    if m := _DECIMAL.match(head):
        num = m.group("num")
        return Label(num, float(num.count(".") + 1), None, lead + m.end())
    if m := _PAREN.match(head):
        return Label(f"({m.group('id')})", _paren_rank(m.group("id")), None, lead + m.end())
    if m := _ALPHA.match(head):
        ident = m.group("id")
        rank = RANK_OUTER_LETTER if ident.isupper() else _paren_rank(ident)
        return Label(m.group(0).strip(), rank, None, lead + m.end())
    return None


def classify_label(text: str, level: int = 0) -> Label:
    """Rank a number Word (or any numbering engine) displays, e.g. ``4.2.`` or ``(b)``."""
    display = " ".join(text.split()).rstrip(".")
    typed = parse_typed_label(display + " ") or parse_typed_label(display + ". ")
    if typed is None:
        return Label(display, RANK_OTHER + level)
    return Label(display, typed.rank, typed.division)


def _paren_rank(ident: str) -> float:
    if ident.isdigit():
        return RANK_PAREN_NUMBER
    if ident.isupper():
        return RANK_UPPER
    if _ROMAN.match(ident) and (len(ident) > 1 or ident in "iv"):
        return RANK_ROMAN
    return RANK_LETTER


@dataclass(slots=True)
class _Entry:
    tier: int
    rank: float
    label: str | None
    title: str | None = None
    division: str | None = None
    heading_level: int | None = None

    @property
    def key(self) -> tuple[int, float]:
        return (self.tier, self.rank)


TIER_DIVISION, TIER_HEADING, TIER_NUMBERED, TIER_LIST = 0, 1, 2, 3


class ClauseTracker:
    """Follows headings and numbered paragraphs to give each block its clause path."""

    def __init__(self) -> None:
        self._stack: list[_Entry] = []

    def heading(self, level: int, title: str, label: Label | None = None) -> None:
        if label is None:
            self._pop_divisions(level)  # an unnumbered heading can end a schedule or part
        if label is not None and label.division:
            self._division(label, title, level)
            return
        self._push(_Entry(TIER_HEADING, float(level), label.text if label else None, title,
                          heading_level=level))

    def numbered(self, label: Label, list_depth: int | None = None) -> None:
        if label.division:
            self._division(label, None, None)
            return
        rank = label.rank
        if rank in (RANK_ROMAN,) and self._letter_continues(label.text):
            rank = RANK_LETTER
        if list_depth is None:
            self._push(_Entry(TIER_NUMBERED, rank, label.text))
        else:
            self._push(_Entry(TIER_LIST, float(list_depth), label.text))

    def list_item(self, depth: int) -> None:
        """An unnumbered list item: ends deeper list numbering, keeps the clause."""
        self._truncate((TIER_LIST, float(depth)))

    def leave_lists(self) -> None:
        """Text outside any list: list numbering no longer applies."""
        self._truncate((TIER_LIST, 0.0))

    @property
    def path(self) -> tuple[str, ...]:
        labels: list[str] = []
        for entry in self._stack:
            if not entry.label:
                continue
            if labels and _extends(labels[-1], entry.label):
                labels[-1] = entry.label
            else:
                labels.append(entry.label)
        return tuple(labels)

    @property
    def section(self) -> str | None:
        for entry in reversed(self._stack):
            if entry.title:
                return entry.title
        return None

    def _push(self, entry: _Entry) -> None:
        self._truncate(entry.key)
        self._stack.append(entry)

    def _truncate(self, key: tuple[int, float]) -> None:
        while self._stack and self._stack[-1].tier > TIER_DIVISION and self._stack[-1].key >= key:
            self._stack.pop()

    def _division(self, label: Label, title: str | None, level: int | None) -> None:
        kept: list[_Entry] = []
        for entry in self._stack:
            if entry.tier != TIER_DIVISION:
                break
            if entry.division == label.division:
                break
            kept.append(entry)
        kept.append(_Entry(TIER_DIVISION, 0.0, label.text, title, label.division, level))
        self._stack = kept

    def _pop_divisions(self, level: int) -> None:
        for i, entry in enumerate(self._stack):
            if entry.tier == TIER_DIVISION and entry.heading_level is not None \
                    and entry.heading_level >= level:
                del self._stack[i:]
                return

    def _letter_continues(self, roman: str) -> bool:
        """"(i)" after "(h)" is the letter i, not roman one."""
        ident = roman.strip("().")
        if len(ident) != 1:
            return False
        for entry in reversed(self._stack):
            if entry.tier == TIER_NUMBERED and entry.rank == RANK_LETTER and entry.label:
                prev = entry.label.strip("().")
                return len(prev) == 1 and ord(ident) == ord(prev) + 1
        return False


def _extends(parent: str, child: str) -> bool:
    """True when ``child`` already contains ``parent`` ("4" then "4.2")."""
    return child.startswith(parent + ".") and child[len(parent) + 1 : len(parent) + 2].isdigit()
