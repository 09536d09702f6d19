"""Word automatic numbering: compute the number Word displays for each numbered paragraph.

Follows numbering.xml (abstractNum levels, lvlText, numFmt, start, lvlRestart, isLgl,
lvlOverride/startOverride, numStyleLink) and numbering inherited from paragraph styles.
Call ``NumberingResolver.number`` once per paragraph, in document order: it keeps counters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = re.compile(r"%([1-9])")


def wval(element, tag: str, default: str | None = None) -> str | None:
    """The ``w:val`` of child ``tag`` of ``element``."""
    if element is None:
        return default
    child = element.find(W + tag)
    if child is None:
        return default
    return child.get(W + "val", default)


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # 1-based level whose use restarts this one; 0 = never
    legal: bool = False
    style: str | None = None


@dataclass(slots=True)
class Numbered:
    """What Word shows in front of a paragraph."""

    label: str
    level: int
    bullet: bool


@dataclass(slots=True)
class _Num:
    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


@dataclass(slots=True)
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None


def _level(lvl) -> Level:
    restart = wval(lvl, "lvlRestart")
    return Level(
        start=_int(wval(lvl, "start"), 1),
        fmt=wval(lvl, "numFmt", "decimal") or "decimal",
        text=wval(lvl, "lvlText", "") or "",
        restart=_int(restart, 0) if restart is not None else None,
        legal=lvl.find(W + "isLgl") is not None,
        style=wval(lvl, "pStyle"),
    )


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Styles:
    """Paragraph styles: names, inheritance, numbering and outline levels."""

    def __init__(self, styles_element) -> None:
        self._styles: dict[str, _Style] = {}
        self.default: str | None = None
        if styles_element is None:
            return
        for style in styles_element.iterfind(W + "style"):
            if style.get(W + "type") not in (None, "paragraph", "numbering"):
                continue
            sid = style.get(W + "styleId")
            ppr = style.find(W + "pPr")
            numpr = ppr.find(W + "numPr") if ppr is not None else None
            ilvl = wval(numpr, "ilvl")
            outline = wval(ppr, "outlineLvl")
            self._styles[sid] = _Style(
                name=wval(style, "name", sid) or sid,
                based_on=wval(style, "basedOn"),
                num_id=wval(numpr, "numId"),
                ilvl=_int(ilvl, 0) if ilvl is not None else None,
                outline=_int(outline, 9) if outline is not None else None,
            )
            if style.get(W + "default") in ("1", "true") and style.get(W + "type") == "paragraph":
                self.default = sid

    def name(self, style_id: str | None) -> str:
        style = self._styles.get(style_id or self.default or "")
        return style.name if style else ""

    def inherited(self, style_id: str | None, attr: str):
        """The first non-empty ``attr`` along the basedOn chain."""
        seen: set[str] = set()
        sid = style_id or self.default
        while sid and sid not in seen:
            seen.add(sid)
            style = self._styles.get(sid)
            if style is None:
                return None
            value = getattr(style, attr)
            if value is not None:
                return value
            sid = style.based_on
        return None

    def num_id(self, style_id: str | None) -> str | None:
        return self.inherited(style_id, "num_id")


class NumberingResolver:
    """Stateful: feed paragraphs in document order and get Word's displayed numbers."""

    def __init__(self, numbering_element, styles: Styles) -> None:
        self.styles = styles
        self._abstract: dict[str, dict[int, Level]] = {}
        self._links: dict[str, str] = {}  # abstractNum id -> numbering style it defers to
        self._nums: dict[str, _Num] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._seen_nums: set[str] = set()
        if numbering_element is None:
            return
        for abstract in numbering_element.iterfind(W + "abstractNum"):
            aid = abstract.get(W + "abstractNumId")
            self._abstract[aid] = {_int(lvl.get(W + "ilvl"), 0): _level(lvl)
                                   for lvl in abstract.iterfind(W + "lvl")}
            link = wval(abstract, "numStyleLink")
            if link:
                self._links[aid] = link
        for num in numbering_element.iterfind(W + "num"):
            entry = _Num(wval(num, "abstractNumId", "") or "")
            for override in num.iterfind(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0)
                start = wval(override, "startOverride")
                if start is not None:
                    entry.start_overrides[ilvl] = _int(start, 1)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    entry.level_overrides[ilvl] = _level(lvl)
            self._nums[num.get(W + "numId")] = entry

    def number(self, paragraph) -> Numbered | None:
        """The number shown for ``paragraph`` (a ``w:p`` element), advancing the counters."""
        ppr = paragraph.find(W + "pPr")
        style_id = wval(ppr, "pStyle")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num_id = wval(numpr, "numId") or self.styles.num_id(style_id)
        if not num_id or num_id == "0" or num_id not in self._nums:
            return None
        num = self._nums[num_id]
        abstract_id = self._resolve_abstract(num.abstract)
        levels = self._abstract.get(abstract_id)
        if levels is None:
            return None
        ilvl_text = wval(numpr, "ilvl")
        if ilvl_text is not None:
            ilvl = _int(ilvl_text, 0)
        else:
            ilvl = self.styles.inherited(style_id, "ilvl")
            if ilvl is None:
                ilvl = next((i for i, lv in levels.items() if lv.style == style_id), 0)
        return self._advance(num_id, num, abstract_id, levels, min(max(ilvl, 0), 8))

    def _resolve_abstract(self, abstract_id: str) -> str:
        link = self._links.get(abstract_id)
        if link:
            linked_num = self.styles.num_id(link)
            if linked_num and linked_num in self._nums:
                target = self._nums[linked_num].abstract
                if target != abstract_id and target in self._abstract:
                    return target
        return abstract_id

    def _definition(self, num: _Num, levels: dict[int, Level], ilvl: int) -> Level:
        return num.level_overrides.get(ilvl) or levels.get(ilvl) or Level()

    def _advance(self, num_id: str, num: _Num, abstract_id: str, levels: dict[int, Level],
                 ilvl: int) -> Numbered:
        counters = self._counters.setdefault(abstract_id, [None] * 9)
        if num_id not in self._seen_nums:
            self._seen_nums.add(num_id)
            for level in num.start_overrides:
                counters[level] = None
        level = self._definition(num, levels, ilvl)
        if counters[ilvl] is None:
            counters[ilvl] = num.start_overrides.get(ilvl, level.start)
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            restart = self._definition(num, levels, deeper).restart
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.fmt == "bullet":
            return Numbered(level.text, ilvl, True)

        def value(match: re.Match) -> str:
            ref = int(match.group(1)) - 1
            ref_level = self._definition(num, levels, ref)
            count = counters[ref]
            if count is None:
                count = num.start_overrides.get(ref, ref_level.start)
            fmt = "decimal" if level.legal and ref < ilvl else ref_level.fmt
            return format_number(count, fmt)

        return Numbered(_PLACEHOLDER.sub(value, level.text).strip(), ilvl, False)


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def format_number(value: int, fmt: str) -> str:
    """Render ``value`` in a Word number format (decimal, lowerLetter, upperRoman…)."""
    if fmt == "none":
        return ""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (max(value, 1) - 1) % 26) * ((max(value, 1) - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("ordinal", "ordinalText"):
        ending = {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        suffix = "th" if 10 <= value % 100 <= 20 else ending
        return f"{value}{suffix}"
    if fmt == "cardinalText":
        return _words(value).capitalize()
    return str(value)


def _roman(value: int) -> str:
    out = []
    for amount, numeral in _ROMAN:
        while value >= amount:
            out.append(numeral)
            value -= amount
    return "".join(out)


def _words(value: int) -> str:
    if value < 20:
        return _ONES[max(value, 0)]
    if value < 100:
        tens, ones = divmod(value, 10)
        return _TENS[tens - 2] + (f"-{_ONES[ones]}" if ones else "")
    return str(value)
