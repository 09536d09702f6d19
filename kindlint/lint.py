"""The pipeline for one file and for many: read → extract → rules → FileResult.

``lint_paths`` checks many files: results that are already in the content-keyed cache
(``.kindlint_cache/``) are used as they are, and the rest are checked in a process pool when
there is enough work for the pool to pay for itself. Either way the results are in the order
given and identical to checking the files one after another.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import importlib
import json
import os
import pickle
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib.metadata import PackageNotFoundError, entry_points, requires, version
from pathlib import Path
from typing import Any, TextIO

from kindlint import __version__
from kindlint.config import Config, FileSettings, find_config_file, load_config, settings_for
from kindlint.model.document import Location
from kindlint.model.findings import FileResult
from kindlint.readers import READER_GROUP, ReadError, read_document, supported_extensions
from kindlint.rules.packs import PACK_GROUP, load_packs
from kindlint.rules.runner import check_document


@dataclass(frozen=True)
class LintOptions:
    """Choices from the command line that apply to every file."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config_file: Path | None = None
    isolated: bool = False
    statistics: bool = False
    cache: bool = True

    def config_for(self, path: Path) -> Config:
        if self.isolated:
            return Config()
        if self.config_file is not None:
            return load_config(self.config_file)
        return load_config(find_config_file(path))


def lint_file(path: Path, options: LintOptions) -> FileResult:
    """Lint one file. Unreadable files give a result with ``error`` set, never an exception."""
    config, settings = _settings(path, options)
    return _lint(path, options, config, settings)


def _settings(path: Path, options: LintOptions) -> tuple[Config, FileSettings]:
    config = options.config_for(path)
    settings = settings_for(path, config, load_packs(), select=options.select,
                            extend_select=options.extend_select, ignore=options.ignore)
    return config, settings


def _lint(path: Path, options: LintOptions, config: Config,
          settings: FileSettings) -> FileResult:
    try:
        document = read_document(path)
    except ReadError as exc:
        return FileResult(str(path), error=str(exc), fail_on=config.fail_on)
    except Exception as exc:  # a reader bug must not stop the other files
        return FileResult(str(path), error=f"unexpected error ({type(exc).__name__}: {exc})",
                          fail_on=config.fail_on)
    findings, facts = check_document(document, load_packs(), settings)
    statistics = {}
    if options.statistics:
        from kindlint.extract.readability import readability_by_section

        statistics = {"readability": readability_by_section(document)}
    return FileResult(
        str(path),
        tuple(findings),
        fail_on=config.fail_on,
        facts=facts,
        statistics=statistics,
        document_format=document.format,
        page_count=document.page_count,
        word_count=document.word_count,
    )


# -- many files ---------------------------------------------------------------------------

def lint_paths(files: Sequence[Path], options: LintOptions,
               jobs: int | None = None) -> list[FileResult]:
    """Lint ``files`` and return their results in the order given.

    ``jobs`` is the most processes to use (default: the CPUs this process may run on);
    ``jobs=1`` checks the files one after another in this process. A process pool is only
    started for two or more files that are not in the cache and enough work to pay for it.
    """
    files = list(files)
    results: list[FileResult | None] = [None] * len(files)
    store = ResultCache.open() if options.cache and files else None
    progress = _Progress(len(files))
    todo: list[_Job] = []
    for index, path in enumerate(files):
        # Settings first, for every file: a configuration error stops the run before any
        # work is done, exactly as it would in a serial run.
        config, settings = _settings(path, options)
        job = _Job(index, path)
        if store is not None:
            job.key, job.stamp = store.key_for(path, options, config, settings)
            cached = store.get(job.key, str(path)) if job.key else None
            if cached is not None:
                results[index] = cached
                progress.advance()
                continue
        todo.append(job)

    workers = _worker_count(jobs, len(todo))
    if workers > 1 and _pays_to_parallelise([job.path for job in todo], workers):
        _warm_up(todo, options)
        finished = _lint_parallel(todo, options, workers)
    else:
        finished = ((job, lint_file(job.path, options)) for job in todo)
    for job, result in finished:
        results[job.index] = result
        progress.advance()
        if store is not None and job.key and not result.error \
                and _stamp(job.path) == job.stamp:
            store.put(job.key, result)
    progress.close()
    assert all(r is not None for r in results)
    return results  # type: ignore[return-value]


@dataclass
class _Job:
    index: int
    path: Path
    key: str | None = None
    stamp: tuple[int, int] | None = None


def _worker_count(jobs: int | None, pending: int) -> int:
    if jobs is None:
        try:
            jobs = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            jobs = os.cpu_count() or 1
    return max(1, min(jobs, pending))


# Rough cost of checking a file, in seconds, from its size. Measured with ~70 rules: a 24 kB
# Markdown tender ~0.25 s, a 25 kB PDF ~0.3 s, a 44 kB .docx ~0.26 s (of which ~30 kB is the
# package every .docx carries). More rules make files dearer, never cheaper, so these lean low.
_COST_FIXED = 0.005
_COST_PER_BYTE = 1e-5
_DOCX_PACKAGE_BYTES = 30_000
_DOCX_COST_PER_BYTE = 2e-5
# What starting a pool costs: forking is cheap; spawning re-imports kindlint in each worker.
_POOL_COST = {"fork": 0.05}
_POOL_COST_OTHER = 0.6
# Only parallelise when it saves at least this much on top of the pool's cost.
_MIN_SAVING = 0.15


def _estimated_cost(path: Path) -> float:
    try:
        size = path.stat().st_size
    except OSError:
        return _COST_FIXED
    if path.suffix.lower() == ".docx":
        return _COST_FIXED + max(size - _DOCX_PACKAGE_BYTES, 0) * _DOCX_COST_PER_BYTE
    return _COST_FIXED + size * _COST_PER_BYTE


def _pays_to_parallelise(paths: Sequence[Path], workers: int) -> bool:
    """True when a pool of ``workers`` is likely to finish sooner than one process."""
    costs = [_estimated_cost(p) for p in paths]
    total = sum(costs)
    parallel = max(total / workers, max(costs))
    overhead = _POOL_COST.get(_start_method(), _POOL_COST_OTHER)
    return total - parallel > overhead + _MIN_SAVING


def _start_method() -> str:
    import multiprocessing

    return multiprocessing.get_start_method(allow_none=False)


def _warm_up(todo: Sequence[_Job], options: LintOptions) -> None:
    """Compile patterns, import rule modules and readers once, before the workers fork."""
    from kindlint.readers import load_reader
    from kindlint.rules.runner import warm_up

    _, settings = _settings(todo[0].path, options)
    warm_up(load_packs(), settings)
    for suffix in {job.path.suffix for job in todo}:
        load_reader(suffix)


def _lint_parallel(todo: Sequence[_Job], options: LintOptions,
                   workers: int) -> Iterator[tuple[_Job, FileResult]]:
    """Lint in a process pool; yields each job with its result as soon as it is done."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    # The longest files first, so that one big PDF does not start last and finish late.
    ordered = sorted(todo, key=lambda job: -_estimated_cost(job.path))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = {pool.submit(lint_file, job.path, options): job for job in ordered}
        try:
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    job = pending.pop(future)
                    yield job, future.result()
        finally:
            for future in pending:
                future.cancel()


class _Progress:
    """``checked 12/40 files`` on stderr, only on a terminal and only for a long run."""

    MIN_FILES = 20
    MIN_SECONDS = 2.0
    INTERVAL = 0.1

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self.start = time.monotonic()
        self.last = 0.0
        self.width = 0
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = total > 1 and bool(isatty and isatty())

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if self.total <= self.MIN_FILES and now - self.start < self.MIN_SECONDS:
            return
        if now - self.last < self.INTERVAL and self.done < self.total:
            return
        self.last = now
        text = f"kindlint: checked {self.done}/{self.total} files"
        self.width = max(self.width, len(text))
        self.stream.write("\r" + text)
        self.stream.flush()

    def close(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


# -- the result cache ---------------------------------------------------------------------

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
            stamp = _stamp(path)
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
        except OSError:
            return None, None
        if stamp is None:
            return None, None
        key = hashlib.sha256("\0".join((
            str(CACHE_FORMAT),
            environment_digest(),
            settings_digest(options, config, settings),
            path.suffix.lower(),
            digest.hexdigest(),
        )).encode()).hexdigest()
        return key, stamp

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


def _stamp(path: Path) -> tuple[int, int] | None:
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
    """kindlint's version and code, the rule data, reader libraries and Python, as one hash."""
    rules = load_packs()
    known = _ENVIRONMENT.get(id(rules))
    if known is None or known[0] is not rules:
        known = (rules, _environment_digest(rules))
        _ENVIRONMENT[id(rules)] = known
    return known[1]


_ENVIRONMENT: dict[int, tuple[tuple, str]] = {}


def _environment_digest(rules: tuple) -> str:
    digest = hashlib.sha256()
    for part in (
        f"kindlint {__version__}",
        f"python {sys.version_info.major}.{sys.version_info.minor}",
        _code_digest(),
        _rules_digest(rules),
        *_plugin_versions(),
    ):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


@cache
def _code_digest() -> str:
    """kindlint's own source: a changed reader or extractor must not reuse old results."""
    root = Path(__file__).resolve().parent
    return _files_digest(root, sorted(root.rglob("*.py")))


def _rules_digest(rules: Iterable) -> str:
    digest = hashlib.sha256()
    for rule in rules:
        folder = Path(rule.folder)
        files = [folder / "rule.toml", *sorted(folder.rglob("*.py"))]
        digest.update(f"{rule.pack}/{rule.code}\0{_files_digest(folder, files)}\0".encode())
    return digest.hexdigest()


def _files_digest(root: Path, files: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for file in files:
        if "__pycache__" in file.parts:
            continue
        try:
            data = file.read_bytes()
        except OSError:
            data = b"<unreadable>"
        digest.update(file.relative_to(root).as_posix().encode() + b"\0" + data + b"\0")
    return digest.hexdigest()


_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def _plugin_versions() -> list[str]:
    """Versions of the libraries and plugins that turn files into documents and findings."""
    parts = []
    try:
        needed = requires("kindlint") or []
    except PackageNotFoundError:
        needed = []
    for requirement in needed:
        match = _REQUIREMENT_NAME.match(requirement)
        if match and "extra ==" not in requirement:
            parts.append(f"{match.group(1)}=={_version_of(match.group(1))}")
    for group in (READER_GROUP, PACK_GROUP):
        for ep in sorted(entry_points(group=group), key=lambda e: (e.name, e.value)):
            dist = getattr(ep, "dist", None)
            where = f"{dist.name}=={dist.version}" if dist is not None else "?"
            parts.append(f"{group}:{ep.name}={ep.value}@{where}")
    return sorted(parts)


def _version_of(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


# -- finding files ------------------------------------------------------------------------

def collect_files(paths: Iterable[Path], exclude: Sequence[str] = ()) -> tuple[list[Path],
                                                                               list[FileResult]]:
    """Expand directories into the supported files below them; report paths that don't exist.

    ``exclude`` holds gitignore-style patterns, matched relative to each directory given.
    """
    spec = None
    if exclude:
        import pathspec

        spec = pathspec.GitIgnoreSpec.from_lines(exclude)
    files: list[Path] = []
    missing: list[FileResult] = []
    extensions = set(supported_extensions())
    for path in paths:
        if path.is_dir():
            for found in _walk(path, extensions):
                relative = found.relative_to(path).as_posix()
                if spec is None or not spec.match_file(relative):
                    files.append(found)
        elif path.exists() or path.is_symlink():
            if spec is None or not spec.match_file(path.as_posix()):
                files.append(path)
        else:
            missing.append(FileResult(str(path), error="no such file or directory"))
    return _unique(files), missing


def _walk(root: Path, extensions: set[str]) -> Iterator[Path]:
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in
                         ("node_modules", "__pycache__"))
        for name in sorted(names):
            if Path(name).suffix.lower() in extensions and not name.startswith((".", "~$")):
                yield Path(folder) / name


def _unique(files: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    out = []
    for file in files:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            out.append(file)
    return out


__all__ = ["CACHE_DIR_NAME", "CACHE_ENV", "LintOptions", "ResultCache", "cache_dir",
           "collect_files", "lint_file", "lint_paths"]
