"""Readers turn a file into a Document; each format is one module, found by entry point."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kindlint.model.document import Document
from kindlint.plugins import READERS, Plugin, plugins
from kindlint.readers.builder import ReadError

READER_GROUP = READERS

__all__ = ["READER_GROUP", "ReadError", "read_document", "supported_extensions"]


@cache
def _reader_entry_points() -> dict[str, Plugin]:
    return {name.lower().lstrip("."): ep for name, ep in plugins(READERS).items()}


def load_reader(suffix: str):
    """The reader function for a file extension (``.docx``), or None if there is none."""
    entry = _reader_entry_points().get(suffix.lower().lstrip("."))
    return entry.load() if entry is not None else None


def supported_extensions() -> tuple[str, ...]:
    """File extensions (with the dot) that some installed reader handles."""
    return tuple(sorted(f".{name}" for name in _reader_entry_points()))


def read_document(path: str | Path) -> Document:
    """Read ``path`` with the reader registered for its extension.

    Raises ReadError with a plain reason when the file cannot be read.
    """
    path = Path(path)
    ext = path.suffix.lower().lstrip(".")
    entry = _reader_entry_points().get(ext)
    if entry is None:
        known = ", ".join(supported_extensions())
        raise ReadError(f"unsupported file type '{path.suffix or path.name}' "
                        f"(kindlint reads {known})")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc)) from None
    if path.is_dir():
        raise ReadError("is a directory")
    if size == 0:
        raise ReadError("the file is empty")
    reader = load_reader(path.suffix)
    try:
        document = reader(path)
    except ReadError:
        raise
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc)) from None
    if not any(block.text.strip() for block in document.blocks):
        raise ReadError("no text found in the document")
    return document
