"""Numbers as procurement documents write them: "two (2) years", "[15] minutes", "sixty %"."""

from __future__ import annotations

import re

from kindlint.lazy_regex import lazy

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
WORD_NUMBERS = {
    **{w: n for n, w in enumerate(_UNITS, start=1)},
    **{w: n for n, w in enumerate(_TEENS, start=10)},
    **{w: 10 * n for n, w in enumerate(_TENS, start=2)},
    "hundred": 100, "a": 1, "an": 1, "a further": 1,
}
# A number written in words up to a hundred: "six", "fifteen", "sixty-five", "one hundred".
SPELLED = (rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}|"
           rf"(?:a|one) hundred|{'|'.join(_UNITS)})")

# A number: digits, words, or "two (2)"; brackets as in "[15]" allowed around digits.
NUMBER = (rf"(?:\b(?:{SPELLED}|a|an)\b(?:\s*\(\s*\d+(?:\.\d+)?\s*\))?|"
          rf"\[?\b\d+(?:\.\d+)?\]?)")
# The number in a percentage: "60", "12.5", "sixty".
PERCENT_VALUE = rf"(?:\d{{1,3}}(?:\.\d+)?|\b{SPELLED}\b)"


def to_number(text: str) -> float | None:
    """``"two (2)"`` → 2, ``"[15]"`` → 15, ``"sixty-five"`` → 65; None if not a number."""
    text = text.strip().lower()
    digits = re.search(r"\d+(?:\.\d+)?", text)
    if digits:
        return float(digits.group())
    if text in WORD_NUMBERS:
        return float(WORD_NUMBERS[text])
    words = text.replace("-", " ").split()
    if words and all(w in WORD_NUMBERS for w in words):
        return float(100 if words[-1] == "hundred" else sum(WORD_NUMBERS[w] for w in words))
    return None


PERCENT = lazy(rf"(?<![\d.])({PERCENT_VALUE})\s*(?:%|per ?cent\b|percent\b)", re.I)


def first_percent(text: str) -> float | None:
    """The first percentage in ``text`` (``"50% (+/- 30%)"`` → 50)."""
    m = PERCENT.search(text)
    return to_number(m.group(1)) if m else None


def years(value: float, unit: str) -> float:
    """A duration in years from a value and a unit (years, months, weeks)."""
    unit = unit.lower()
    if unit.startswith("month"):
        return round(value / 12, 2)
    if unit.startswith("week"):
        return round(value / 52, 2)
    return value
