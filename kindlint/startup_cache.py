"""A small per-user cache of work every run repeats: plugin discovery and loaded rule packs.

Entries live in ``$XDG_CACHE_HOME/kindlint`` (``~/.cache/kindlint``), apart from the result
cache of a checked repository, and are only used when their key — the Python version,
kindlint's version and the stamps of the files the work was done from — is exactly the same.
Anything unreadable is rebuilt; a cache that cannot be written is simply not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from kindlint import __version__

FORMAT = 2  # bumped when a cached object (Rule, Plugin) changes shape
KEEP = 4  # entries kept per name: a few Python versions or environments side by side


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kindlint"


def _path(name: str, key: Any) -> Path:
    digest = hashlib.sha256(repr((FORMAT, __version__, key)).encode()).hexdigest()[:32]
    return folder() / f"{name}-{digest}.pickle"


def load(name: str, key: Any) -> Any | None:
    """The object saved under ``name`` for exactly this ``key``, or None."""
    try:
        with _path(name, key).open("rb") as handle:
            stored_key, value = pickle.load(handle)
    except Exception:  # missing, damaged or from another version: rebuild
        return None
    return value if stored_key == key else None


def save(name: str, key: Any, value: Any) -> None:
    """Keep ``value`` for the next run; silently does nothing if it cannot."""
    target = _path(name, key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        Path(temporary).replace(target)
        _prune(name, keep=target)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        with contextlib.suppress(OSError, UnboundLocalError):
            Path(temporary).unlink()


def _prune(name: str, keep: Path) -> None:
    """Remove all but the newest KEEP entries under ``name`` (old keys are never read again)."""
    entries = sorted(folder().glob(f"{name}-*.pickle"), key=_modified, reverse=True)
    for old in entries[KEEP:]:
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
