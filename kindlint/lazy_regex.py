"""Regular expressions compiled on first use.

kindlint holds hundreds of patterns (rules, extractors); a small file needs few of them, so
compiling each only when it is first used keeps start-up quick. Identical sources share one
compiled pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """Behaves like ``re.Pattern``; compiles itself (or first builds its source) when used.

    The first use fills one slot per pattern method with the compiled pattern's bound
    method, so later calls cost no more than calling ``re.Pattern`` directly.
    """

    __slots__ = ("_build", "_source", "flags", *_METHODS)

    def __init__(self, source: str | Callable[[], str], flags: int = 0) -> None:
        self._source = source if isinstance(source, str) else None
        self._build = None if isinstance(source, str) else source
        self.flags = flags

    @property
    def source(self) -> str:
        """The regular expression (built on first use when given as a function)."""
        if self._source is None:
            self._source = self._build()
        return self._source

    @property
    def compiled(self) -> re.Pattern[str]:
        return _compile(self.source, self.flags)

    @property
    def folded(self) -> re.Pattern[str] | None:
        """For a case-insensitive pattern, the same pattern for lower-cased text, without
        ``re.IGNORECASE`` (which makes Python's engine two to three times slower); else None.
        """
        if not self.flags & re.IGNORECASE:
            return None
        return _fold(self.source, self.flags)

    def __getattr__(self, name: str) -> Any:  # only until the slots are filled
        compiled = self.compiled
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __getstate__(self) -> tuple:
        return (self._build, self._source, self.flags)

    def __setstate__(self, state: tuple) -> None:
        self._build, self._source, self.flags = state


def lazy(source: str, flags: int = 0) -> LazyPattern:
    """Like ``re.compile``, but the work happens on first use."""
    return LazyPattern(source, flags)


@cache
def _compile(source: str, flags: int) -> re.Pattern[str]:
    return re.compile(source, flags)


# An escape (kept as it is: "\\S" is not "\\s"), a group name, or a run of other characters.
_FOLD_PARTS = re.compile(r"\\.|\(\?P[<=][^>)]*[>)]|[^\\(]+|\(")


@cache
def _fold(source: str, flags: int) -> re.Pattern[str] | None:
    folded = "".join(part if part.startswith(("\\", "(?P")) else part.lower()
                     for part in _FOLD_PARTS.findall(source))
    try:
        return re.compile(folded, flags & ~re.IGNORECASE)
    except re.error:
        return None
