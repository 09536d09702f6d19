"""The pipeline for one file and for many: read → extract → rules → FileResult.

``lint_paths`` checks many files: results that are already in the content-keyed cache
(``.kindlint_cache/``) are used as they are, and the rest are checked in a process pool when
there is enough work for the pool to pay for itself. Either way the results are in the order
given and identical to checking the files one after another.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from kindlint.config import Config, FileSettings, find_config_file, load_config, settings_for
from kindlint.model.findings import FileResult
from kindlint.readers import ReadError, read_document, supported_extensions
from kindlint.rules.packs import load_packs
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
    store = None
    if options.cache and files:
        from kindlint.cache import ResultCache, stamp

        store = ResultCache.open()
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
                and stamp(job.path) == job.stamp:
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


__all__ = ["LintOptions", "collect_files", "lint_file", "lint_paths"]
