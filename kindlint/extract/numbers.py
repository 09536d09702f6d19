"""Numbers as procurement documents write them: "two (2) years", "[15] minutes", "60:40"."""

from __future__ import annotations

import re

from kindlint.lazy_regex import lazy

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "sixty": 60, "ninety": 90,
    "a": 1, "an": 1, "a further": 1,
}
_WORDS = "|".join(sorted((w for w in WORD_NUMBERS if " " not in w), key=len, reverse=True))

# A number: digits, a number word, or "two (2)"; brackets as in "[15]" allowed around digits.
NUMBER = rf"(?:\b(?:{_WORDS})\b(?:\s*\(\s*\d+(?:\.\d+)?\s*\))?|\[?\b\d+(?:\.\d+)?\]?)"


def to_number(text: str) -> float | None:
    """``"two (2)"`` → 2, ``"[15]"`` → 15, ``"fifteen"`` → 15; None if not a number."""
    text = text.strip().lower()
    digits = re.search(r"\d+(?:\.\d+)?", text)
    if digits:
        return float(digits.group())
    return float(WORD_NUMBERS[text]) if text in WORD_NUMBERS else None


PERCENT = lazy(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*(?:%|per ?cent\b|percent\b)", re.I)


def first_percent(text: str) -> float | None:
    """The first percentage in ``text`` (``"50% (+/- 30%)"`` → 50)."""
    m = PERCENT.search(text)
    return float(m.group(1)) if m else None


def years(value: float, unit: str) -> float:
    """A duration in years from a value and a unit (years, months, weeks)."""
    unit = unit.lower()
    if unit.startswith("month"):
        return round(value / 12, 2)
    if unit.startswith("week"):
        return round(value / 52, 2)
    return value
