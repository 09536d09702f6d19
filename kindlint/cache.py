"""The result cache: a file's FileResult kept by what decides it, so an unchanged policy
repository is not parsed again.

The key is a SHA-256 of the file's bytes and extension, the effective settings for the file
(rules, severities, options, domain and kind, custom terms, allowed words, fail-on, minimum
confidence, statistics) and the environment (kindlint's version and code, the rule data, the
installed packages and the Python version). Entries are pickles restricted to kindlint's own
model classes; results of unreadable files are never stored.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import importlib
import json
import os
import pickle
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kindlint import __version__
from kindlint.config import Config, FileSettings
from kindlint.model.document import Location
from kindlint.model.findings import FileResult
from kindlint.plugins import path_key, provenance
from kindlint.rules.packs import load_packs

if TYPE_CHECKING:
    from kindlint.lint import LintOptions

CACHE_DIR_NAME = ".kindlint_cache"
CACHE_ENV = "KINDLINT_CACHE_DIR"
CACHE_FORMAT = 1
_MAGIC = b"kindlint-result-cache\n"
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by kindlint.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)


def cache_dir() -> Path:
    """Where results are cached: ``$KINDLINT_CACHE_DIR`` or ``.kindlint_cache`` here."""
    configured = os.environ.get(CACHE_ENV)
    return Path(configured) if configured else Path.cwd() / CACHE_DIR_NAME


class ResultCache:
    """FileResults stored by what decides them: file content, settings, kindlint and rules.

    The key is a SHA-256 of the file's bytes and extension, the effective settings for the
    file (rules, severities, options, domain and kind, custom terms, allowed words, fail-on,
    minimum confidence, statistics), and the environment: kindlint's version and source
    code, the rule data of every loaded rule, the versions of the libraries that read files,
    and the Python version. Results of unreadable files are never stored. An entry that
    cannot be read back is ignored; entries are written atomically, so parallel runs are safe.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.results = folder / f"results-v{CACHE_FORMAT}"
        self.writable = True

    @classmethod
    def open(cls, folder: Path | None = None) -> ResultCache | None:
        """The cache at ``folder`` (default: ``cache_dir()``), created if needed; None if
        it cannot be created."""
        folder = folder if folder is not None else cache_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for name, text in (("CACHEDIR.TAG", _CACHEDIR_TAG), (".gitignore", "*\n")):
                if not (folder / name).exists():
                    (folder / name).write_text(text, encoding="utf-8")
        except OSError:
            return None
        return cls(folder)

    def key_for(self, path: Path, options: LintOptions, config: Config,
                settings: FileSettings) -> tuple[str | None, tuple[int, int] | None]:
        """The cache key of ``path`` and its (size, mtime) stamp; (None, None) if unreadable."""
        try:
            stamped = stamp(path)
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
        except OSError:
            return None, None
        if stamped is None:
            return None, None
        key = hashlib.sha256("\0".join((
            str(CACHE_FORMAT),
            environment_digest(),
            settings_digest(options, config, settings),
            path.suffix.lower(),
            digest.hexdigest(),
        )).encode()).hexdigest()
        return key, stamped

    def _entry(self, key: str) -> Path:
        return self.results / key[:2] / key

    def get(self, key: str, path: str) -> FileResult | None:
        """The stored result for ``key``, its paths changed to ``path``; None if absent or
        unusable."""
        try:
            data = self._entry(key).read_bytes()
        except OSError:
            return None
        if not data.startswith(_MAGIC):
            return None
        try:
            result = _SafeUnpickler(data[len(_MAGIC):]).load()
        except Exception:  # any damage to an entry just means checking the file again
            return None
        if not isinstance(result, FileResult) or result.error:
            return None
        return _with_path(result, path)

    def put(self, key: str, result: FileResult) -> None:
        if not self.writable:
            return
        try:
            payload = _MAGIC + pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            entry = self._entry(key)
            entry.parent.mkdir(parents=True, exist_ok=True)
            _write_atomic(entry, payload)
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            self.writable = False  # a read-only or full disk: stop trying for this run


def stamp(path: Path) -> tuple[int, int] | None:
    """(size, mtime) of a file, or None if it cannot be read."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _write_atomic(target: Path, data: bytes) -> None:
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


# Entries are pickles, and a pickle can run code when it is loaded. The cache folder sits in
# the checked repository, where anyone who can commit could place a crafted entry, so loading
# only accepts kindlint's own model classes and plain data.
_MODEL_MODULES = frozenset({"kindlint.model.findings", "kindlint.model.document",
                            "kindlint.model.facts"})
_SAFE_BUILTINS = frozenset({"set", "frozenset", "complex"})


class _SafeUnpickler(pickle.Unpickler):
    def __init__(self, data: bytes) -> None:
        import io

        super().__init__(io.BytesIO(data))

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name in _SAFE_BUILTINS:
            return getattr(__import__("builtins"), name)
        if module in _MODEL_MODULES and "." not in name:
            found = getattr(importlib.import_module(module), name, None)
            if isinstance(found, type) and found.__module__ == module and (
                    dataclasses.is_dataclass(found) or issubclass(found, Enum)):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cache entry")


def _with_path(result: FileResult, path: str) -> FileResult:
    """``result`` as if it had been made for ``path`` (same content, another name)."""
    old = result.path
    if old == path:
        return result
    return _repath(result, old, path)


def _repath(value: Any, old: str, new: str) -> Any:
    if isinstance(value, Location):
        return dataclasses.replace(value, file=new) if value.file == old else value
    if isinstance(value, FileResult):
        changes = {f.name: _repath(getattr(value, f.name), old, new)
                   for f in dataclasses.fields(value) if f.name != "path"}
        return dataclasses.replace(value, path=new, **changes)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            if f.init:
                item = getattr(value, f.name)
                moved = _repath(item, old, new)
                if moved is not item:
                    changes[f.name] = moved
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, (tuple, list)):
        items = [_repath(item, old, new) for item in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return type(value)(items)
    if isinstance(value, dict):
        moved = {k: _repath(v, old, new) for k, v in value.items()}
        return moved if any(moved[k] is not value[k] for k in value) else value
    return value


def settings_digest(options: LintOptions, config: Config, settings: FileSettings) -> str:
    """Everything in the settings that can change a file's result, as one hash."""
    codes = sorted(settings.codes)
    data = {
        "codes": codes,
        "severities": {code: sev.value for code, sev in sorted(settings.severities.items())},
        "options": {code: settings.options[code] for code in codes if code in settings.options},
        "min_confidence": config.min_confidence.value,
        "fail_on": config.fail_on.value,
        "domain": config.domain,
        "document_kind": config.document_kind,
        "terms": [dict(term) for term in config.terms],
        "allow": list(config.allow),
        "statistics": options.statistics,
    }
    text = json.dumps(data, sort_keys=True, default=repr, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def environment_digest() -> str:
    """kindlint's version and code, the rule data, the installed packages and Python, as one
    hash. Files are identified by their stamps (size and modification time) rather than read:
    any edit, checkout or reinstall changes them."""
    rules = load_packs()
    key = (__version__, sys.version, _stamps_under(Path(__file__).resolve().parent),
           tuple((rule.code, str(rule.folder)) for rule in rules),
           tuple(_stamps_under(folder) for folder in sorted({r.folder for r in rules})),
           path_key(), tuple(provenance()))
    return hashlib.sha256(repr(key).encode()).hexdigest()


def _stamps_under(root: Path) -> tuple:
    stamps = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if name.endswith((".py", ".toml", ".j2", ".css", ".md", ".txt", ".docx", ".pdf")):
                path = Path(folder) / name
                info = path.stat()
                stamps.append((path.relative_to(root).as_posix(), info.st_size,
                               info.st_mtime_ns))
    return tuple(stamps)
