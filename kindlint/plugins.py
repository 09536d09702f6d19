"""Plugins: readers, reporters and rule packs, found through entry points (built-ins too).

Scanning every installed distribution for entry points takes tens of milliseconds, most of a
small run's start-up. The result is therefore kept in the start-up cache, keyed by the
directories Python imports from and their modification times, which change whenever a
package is installed or removed.
"""

from __future__ import annotations

import importlib
import sys
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from kindlint import startup_cache

READERS = "kindlint.readers"
REPORTERS = "kindlint.reporters"
PACKS = "kindlint.packs"
GROUPS = (READERS, REPORTERS, PACKS)


class Plugin(NamedTuple):
    """One entry point, loaded without importing importlib.metadata (slow to import)."""

    name: str
    value: str  # "package.module:attribute"
    group: str

    def load(self) -> Any:
        module, _, attribute = self.value.partition(":")
        found: Any = importlib.import_module(module.strip())
        for part in filter(None, attribute.strip().split(".")):
            found = getattr(found, part)
        return found


@cache
def _discovered() -> dict[str, list[tuple[str, str, str]]]:
    """group -> [(name, value, "dist==version")] for kindlint's groups."""
    key = path_key()
    cached = startup_cache.load("entry-points", key)
    if isinstance(cached, dict):
        return cached
    from importlib.metadata import entry_points  # only when the cache cannot answer

    found: dict[str, list[tuple[str, str, str]]] = {group: [] for group in GROUPS}
    for group in GROUPS:
        for ep in entry_points(group=group):
            dist = getattr(ep, "dist", None)
            where = f"{dist.name}=={dist.version}" if dist is not None else "?"
            found[group].append((ep.name, ep.value, where))
        found[group].sort()
    startup_cache.save("entry-points", key, found)
    return found


def plugins(group: str) -> dict[str, Plugin]:
    """The entry points of ``group`` by name (later duplicates do not override earlier)."""
    out: dict[str, Plugin] = {}
    for name, value, _ in _discovered()[group]:
        out.setdefault(name, Plugin(name, value, group))
    return out


def provenance() -> list[str]:
    """Every plugin with the distribution it comes from, for cache keys."""
    return [f"{group}:{name}={value}@{where}" for group, items in _discovered().items()
            for name, value, where in items]


def path_key() -> tuple:
    """The directories Python imports from and their stamps (they change on install).

    The working directory (first on the path under ``python -m``) is left out: it changes
    all the time, and packages are not installed into it.
    """
    stamps = []
    cwd = str(Path.cwd())
    for entry in sys.path:
        if entry in ("", cwd):
            continue
        try:
            stamps.append((entry, Path(entry or ".").stat().st_mtime_ns))
        except OSError:
            stamps.append((entry, None))
    return (sys.version, tuple(stamps))
