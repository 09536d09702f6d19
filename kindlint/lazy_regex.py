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


class LazyPattern:
    """Behaves like ``re.Pattern``; compiles itself (or first builds its source) when used."""

    __slots__ = ("_build", "_source", "flags")

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

    def __getattr__(self, name: str) -> Any:  # search, match, finditer, findall, sub…
        return getattr(self.compiled, name)

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
